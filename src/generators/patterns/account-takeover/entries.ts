import type { TypologyEntry } from '../typology.js';

/** Not built yet: the family's config count is restricted to 0 until it is. */
export const ACCOUNT_TAKEOVER_ENTRIES: readonly TypologyEntry[] = [];
