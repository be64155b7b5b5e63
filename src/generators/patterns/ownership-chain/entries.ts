import type { TypologyEntry } from '../typology.js';
import { ownershipChain, validateOwnershipChain } from './ownership-chain.js';

export const OWNERSHIP_CHAIN_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: ownershipChain,
    count: (c) => c.ownershipChainPatterns,
    subtypes: () => ownershipChain.subtypes,
    validate: validateOwnershipChain,
  },
];
