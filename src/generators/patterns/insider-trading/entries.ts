import type { TypologyEntry } from '../typology.js';

/** Not built yet: the family's config count is restricted to 0 until it is. */
export const INSIDER_TRADING_ENTRIES: readonly TypologyEntry[] = [];
