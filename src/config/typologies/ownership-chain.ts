import { option } from '../option.js';

export interface OwnershipChainConfig {
  readonly ownershipChainPatterns: number;
  readonly uboThreshold: number;
}

export const OWNERSHIP_CHAIN_OPTIONS = [
  option(
    'ownershipChainPatterns',
    'count',
    'typologies',
    'beneficial-ownership chain instances (the eight scenarios of the original, in turn)',
  ),
  option(
    'uboThreshold',
    'rate',
    'typologies',
    'effective ownership (0.25 = 25 %) from which a person is an ultimate beneficial owner (0 < t ≤ 0.49)',
  ),
];

export const OWNERSHIP_CHAIN_DEFAULTS: OwnershipChainConfig = {
  ownershipChainPatterns: 0,
  uboThreshold: 0.25,
};
