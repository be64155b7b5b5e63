import { option } from '../option.js';

export interface MuleChainConfig {
  readonly muleChainPatterns: number;
  readonly muleChainMinLength: number;
  readonly muleChainMaxLength: number;
  readonly muleHopMinMinutes: number;
  readonly muleHopMaxMinutes: number;
}

export const MULE_CHAIN_OPTIONS = [
  option('muleChainPatterns', 'count', 'typologies', 'APP mule-chain instances'),
  option(
    'muleChainMinLength',
    'positive',
    'typologies',
    'fewest accounts in a mule chain, victim and cash-out included (≥ 3)',
  ),
  option('muleChainMaxLength', 'positive', 'typologies', 'most accounts in a mule chain'),
  option(
    'muleHopMinMinutes',
    'positive',
    'typologies',
    'shortest delay between two hops of a mule chain',
  ),
  option(
    'muleHopMaxMinutes',
    'positive',
    'typologies',
    'longest delay between two hops of a mule chain',
  ),
];

export const MULE_CHAIN_DEFAULTS: MuleChainConfig = {
  muleChainPatterns: 0,
  muleChainMinLength: 3,
  muleChainMaxLength: 6,
  muleHopMinMinutes: 5,
  muleHopMaxMinutes: 30,
};
