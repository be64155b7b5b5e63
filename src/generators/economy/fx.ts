import { USD_PER_UNIT, ZERO_DECIMAL_CURRENCIES } from '../data/fx-rates.js';

/** US dollars per unit of `currency`, from the one dated FX table. */
export function usdPerUnit(currency: string): number {
  const rate = USD_PER_UNIT[currency];
  if (rate === undefined) throw new RangeError(`no FX reference rate for currency ${currency}`);
  return rate;
}

/** Rounds to the currency's minor unit: cents, or whole units for yen, won and the like. */
export function roundToCurrency(amount: number, currency: string): number {
  if (ZERO_DECIMAL_CURRENCIES.has(currency)) return Math.round(amount);
  return Math.round(amount * 100) / 100;
}

/** The rate that turns one unit of `from` into `to`, to 6 significant decimals. */
export function exchangeRate(from: string, to: string): number {
  if (from === to) return 1;
  return Number((usdPerUnit(from) / usdPerUnit(to)).toPrecision(6));
}

/** `amount` of `from` expressed in `to` at the table's rate, rounded to `to`'s minor unit. */
export function convert(amount: number, from: string, to: string): number {
  if (from === to) return roundToCurrency(amount, to);
  return roundToCurrency((amount * usdPerUnit(from)) / usdPerUnit(to), to);
}
