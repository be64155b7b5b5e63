import type { TypologyEntry } from '../typology.js';
import { tbml, validateTbml } from './tbml.js';

export const TBML_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: tbml,
    count: (c) => c.tbmlPatterns,
    subtypes: () => tbml.subtypes,
    validate: validateTbml,
  },
];
