import type { TypologyEntry } from '../typology.js';
import { structuring } from './structuring.js';
import { validateStructuring } from './validate.js';

export const STRUCTURING_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: structuring,
    count: (c) => c.structuringPatterns,
    subtypes: () => structuring.subtypes,
    validate: validateStructuring,
  },
];
