import { option } from '../option.js';
import {
  ACCOUNT_TAKEOVER_DEFAULTS,
  ACCOUNT_TAKEOVER_OPTIONS,
  type AccountTakeoverConfig,
} from './account-takeover.js';
import { FRAUD_RING_DEFAULTS, FRAUD_RING_OPTIONS, type FraudRingConfig } from './fraud-ring.js';
import {
  GRAPH_TYPOLOGY_DEFAULTS,
  GRAPH_TYPOLOGY_OPTIONS,
  type GraphTypologiesConfig,
} from './graph.js';
import {
  INSIDER_TRADING_DEFAULTS,
  INSIDER_TRADING_OPTIONS,
  type InsiderTradingConfig,
} from './insider-trading.js';
import { MULE_CHAIN_DEFAULTS, MULE_CHAIN_OPTIONS, type MuleChainConfig } from './mule-chain.js';
import {
  OWNERSHIP_CHAIN_DEFAULTS,
  OWNERSHIP_CHAIN_OPTIONS,
  type OwnershipChainConfig,
} from './ownership-chain.js';
import {
  STRUCTURING_DEFAULTS,
  STRUCTURING_OPTIONS,
  type StructuringConfig,
} from './structuring.js';
import { TBML_DEFAULTS, TBML_OPTIONS, type TbmlConfig } from './tbml.js';

/** Settings shared by every typology. */
export interface TypologySharedConfig {
  readonly nearMissRate: number;
}

/** Every typology setting: instance counts and per-family parameters. */
export interface TypologyConfig
  extends
    TypologySharedConfig,
    InsiderTradingConfig,
    TbmlConfig,
    FraudRingConfig,
    StructuringConfig,
    MuleChainConfig,
    AccountTakeoverConfig,
    OwnershipChainConfig,
    GraphTypologiesConfig {}

/** In the original's order (its six first), then fingraph's additions. */
export const TYPOLOGY_OPTIONS = [
  ...INSIDER_TRADING_OPTIONS,
  ...TBML_OPTIONS,
  ...FRAUD_RING_OPTIONS,
  ...MULE_CHAIN_OPTIONS,
  ...STRUCTURING_OPTIONS,
  ...ACCOUNT_TAKEOVER_OPTIONS,
  ...OWNERSHIP_CHAIN_OPTIONS,
  ...GRAPH_TYPOLOGY_OPTIONS,
  option(
    'nearMissRate',
    'rate',
    'typologies',
    'look-alikes (near misses without the crime) per injected instance, per typology',
  ),
];

export const TYPOLOGY_DEFAULTS: TypologyConfig = {
  ...INSIDER_TRADING_DEFAULTS,
  ...TBML_DEFAULTS,
  ...FRAUD_RING_DEFAULTS,
  ...MULE_CHAIN_DEFAULTS,
  ...STRUCTURING_DEFAULTS,
  ...ACCOUNT_TAKEOVER_DEFAULTS,
  ...OWNERSHIP_CHAIN_DEFAULTS,
  ...GRAPH_TYPOLOGY_DEFAULTS,
  nearMissRate: 0.5,
};
