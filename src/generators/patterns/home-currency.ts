import { deriveSeed, Rng } from '../../random/index.js';
import { BANK_MARKETS } from '../data/bank-markets.js';
import { currencyOfCountry } from '../data/country-currencies.js';

/**
 * The currency a typology instance's accounts are held in where possible: a market drawn by the
 * bank's customer shares, from a stream of its own so the instance's other draws do not move.
 * Crimes then happen inside one market, as most honest payments do, and do not stand out by
 * crossing currencies.
 */
export function homeCurrencyOf(
  seed: number,
  typology: string,
  lookAlike: boolean,
  ordinal: number,
): string {
  const kind = lookAlike ? 'look-alike' : 'real';
  const rng = new Rng(deriveSeed(seed, `pattern-market:${typology}:${kind}`, ordinal));
  return currencyOfCountry(rng.weighted(BANK_MARKETS));
}

/** The bank market (country) whose accounts are kept in `currency`, if the bank has one. */
export function marketOfCurrency(currency: string): string | undefined {
  return BANK_MARKETS.map(([country]) => country).find((c) => currencyOfCountry(c) === currency);
}
