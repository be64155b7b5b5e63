import type { TypologyEntry } from '../typology.js';
import { accountTakeover } from './account-takeover.js';
import { validateAccountTakeover } from './validate.js';

export const ACCOUNT_TAKEOVER_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: accountTakeover,
    count: (c) => c.catoPatterns,
    subtypes: () => accountTakeover.subtypes,
    validate: validateAccountTakeover,
  },
];
