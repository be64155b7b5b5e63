import { ACCOUNT_TAKEOVER_ENTRIES } from './account-takeover/entries.js';
import { FRAUD_RING_ENTRIES } from './fraud-ring/entries.js';
import { GRAPH_ENTRIES } from './graph/entries.js';
import { INSIDER_TRADING_ENTRIES } from './insider-trading/entries.js';
import { MULE_CHAIN_ENTRIES } from './mule-chain/entries.js';
import { OWNERSHIP_CHAIN_ENTRIES } from './ownership-chain/entries.js';
import { STRUCTURING_ENTRIES } from './structuring/entries.js';
import { TBML_ENTRIES } from './tbml/entries.js';
import type { TypologyEntry } from './typology.js';

export type { TypologyEntry } from './typology.js';

/** Every typology, in plan order: the original's six, then fingraph's additions. */
export const TYPOLOGY_REGISTRY: readonly TypologyEntry[] = [
  ...INSIDER_TRADING_ENTRIES,
  ...TBML_ENTRIES,
  ...FRAUD_RING_ENTRIES,
  ...MULE_CHAIN_ENTRIES,
  ...STRUCTURING_ENTRIES,
  ...ACCOUNT_TAKEOVER_ENTRIES,
  ...OWNERSHIP_CHAIN_ENTRIES,
  ...GRAPH_ENTRIES,
];
