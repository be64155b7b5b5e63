import type { TypologyEntry } from '../typology.js';
import { insiderTrading } from './insider-trading.js';
import { validateInsiderTrading } from './validate.js';

export const INSIDER_TRADING_ENTRIES: readonly TypologyEntry[] = [
  {
    typology: insiderTrading,
    count: (c) => c.insiderTradingPatterns,
    subtypes: () => insiderTrading.subtypes,
    validate: validateInsiderTrading,
  },
];
