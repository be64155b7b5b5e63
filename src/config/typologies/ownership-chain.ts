import { option } from '../option.js';

export interface OwnershipChainConfig {
  readonly ownershipChainPatterns: number;
}

export const OWNERSHIP_CHAIN_OPTIONS = [
  option('ownershipChainPatterns', 'count', 'typologies', 'beneficial-ownership chain instances', {
    restrictedTo: 0,
    restriction: 'must be 0: this typology is not in this release yet',
  }),
];

export const OWNERSHIP_CHAIN_DEFAULTS: OwnershipChainConfig = {
  ownershipChainPatterns: 0,
};
