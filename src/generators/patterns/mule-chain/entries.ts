import type { TypologyEntry } from '../typology.js';
import { muleChain, validateMuleChain } from './mule-chain.js';

export const MULE_CHAIN_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: muleChain,
    count: (c) => c.muleChainPatterns,
    subtypes: () => muleChain.subtypes,
    validate: validateMuleChain,
  },
];
