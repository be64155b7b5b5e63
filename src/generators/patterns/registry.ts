import type { GenerationConfig } from '../../config/index.js';
import { muleChain, validateMuleChain } from './mule-chain.js';
import type { Typology } from './typology.js';

/** A typology as the plan sees it: how many instances the config asks for, and its checks. */
export interface TypologyEntry {
  // The registry holds typologies of different parameter types; each is only ever given back
  // its own drafts, so erasing P to unknown here is safe.
  readonly typology: Typology;
  readonly count: (config: GenerationConfig) => number;
  readonly subtypes: (config: GenerationConfig) => readonly string[];
  /** Throws a ConfigError when the config cannot host the requested instances. */
  readonly validate: (config: GenerationConfig) => void;
}

/** Every typology, in plan order. */
export const TYPOLOGY_REGISTRY: readonly TypologyEntry[] = [
  {
    typology: muleChain,
    count: (c) => c.muleChainPatterns,
    subtypes: () => muleChain.subtypes,
    validate: validateMuleChain,
  },
];
