import type { Weighted } from '../../random/index.js';

/**
 * The countries where fingraph's bank keeps accounts, and the share of its customers in each.
 * This is a design choice, not a statistic: a US-headquartered international bank with retail and
 * commercial branches in the main financial centres, weighted so that the US dominates as in the
 * public AML benchmarks (AMLworld, AMLSim) that users compare against. A customer whose own
 * country is one of these banks there; any other customer (an expatriate, an offshore company)
 * banks in a market drawn by these weights.
 */
export const BANK_MARKETS: Weighted<string> = [
  ['US', 0.55],
  ['GB', 0.12],
  ['DE', 0.06],
  ['FR', 0.05],
  ['CA', 0.04],
  ['CH', 0.03],
  ['AU', 0.03],
  ['NL', 0.02],
  ['ES', 0.02],
  ['IT', 0.02],
  ['JP', 0.02],
  ['SG', 0.02],
  ['HK', 0.02],
];

export const BANK_MARKET_CODES: ReadonlySet<string> = new Set(BANK_MARKETS.map(([c]) => c));

/**
 * Share of accounts held in a foreign currency instead of the bank country's own: private
 * clients keep a few (travel, property abroad), businesses more (trade). A stated design choice:
 * the ECB's annual "The international role of the euro" reports foreign-currency deposits as a
 * small minority of household deposits and a larger one of corporate deposits; these round
 * figures follow that ordering, not a measured share.
 */
export const FOREIGN_CURRENCY_ACCOUNT_SHARE = { person: 0.03, company: 0.1 } as const;

/** The currencies foreign-currency accounts are held in. */
export const FOREIGN_ACCOUNT_CURRENCIES: Weighted<string> = [
  ['USD', 0.55],
  ['EUR', 0.3],
  ['GBP', 0.1],
  ['CHF', 0.05],
];
