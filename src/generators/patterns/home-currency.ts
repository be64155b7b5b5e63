import { deriveSeed, Rng } from '../../random/index.js';
import { BANK_MARKET_CODES, BANK_MARKETS } from '../data/bank-markets.js';
import { currencyOfCountry } from '../data/country-currencies.js';
import type { Population } from '../population.js';

/**
 * The currency a typology instance's accounts are held in where possible: that of a customer
 * drawn from the population, banked the way any account's holder is (at home where the bank has
 * branches, else in a market drawn by its customer shares). Crimes then happen inside one market
 * and in currencies as common as the bank's own customers', so the currency does not give them
 * away. A stream of its own keeps the instance's other draws in place; persons exist before any
 * account, so accounts the instance opens can ask too.
 */
export function homeCurrencyOf(
  population: Population,
  seed: number,
  typology: string,
  lookAlike: boolean,
  ordinal: number,
): string {
  const kind = lookAlike ? 'look-alike' : 'real';
  const rng = new Rng(deriveSeed(seed, `pattern-market:${typology}:${kind}`, ordinal));
  const person = population.personCount > 0 ? rng.int(0, population.personCount - 1) : -1;
  const country = population.personNationality[person];
  return currencyOfCountry(
    country !== undefined && BANK_MARKET_CODES.has(country) ? country : rng.weighted(BANK_MARKETS),
  );
}

/** The bank market (country) whose accounts are kept in `currency`, if the bank has one. */
export function marketOfCurrency(currency: string): string | undefined {
  return BANK_MARKETS.map(([country]) => country).find((c) => currencyOfCountry(c) === currency);
}
