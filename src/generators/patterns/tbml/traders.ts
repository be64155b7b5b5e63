import type { GeneratorContext } from '../../context.js';

/** A trading company and the account it pays and is paid through. */
export interface Trader {
  readonly company: number;
  readonly account: number;
}

/**
 * Background companies that hold at least one background account, with those accounts. Trade is
 * settled between company-held accounts, so only these can take part; entities other typologies
 * added are skipped, so one scheme's shell is never another's honest counterparty by accident.
 */
function tradingCompanies(ctx: GeneratorContext): Map<number, number[]> {
  const { population } = ctx;
  const companies = new Map<number, number[]>();
  for (const [company, accounts] of population.accountsOfCompany) {
    if (population.added.company.has(company)) continue;
    const own = accounts.filter((a) => !population.added.account.has(a));
    if (own.length > 0) companies.set(company, own);
  }
  return companies;
}

/** `count` distinct background companies with one of their accounts each, in random order. */
export function drawTraders(ctx: GeneratorContext, count: number): Trader[] {
  const { rng } = ctx;
  const companies = tradingCompanies(ctx);
  if (companies.size < count) {
    throw new Error(
      `tbml: needs ${count} background companies holding accounts, the population has ${companies.size} (raise company_count and account_count)`,
    );
  }
  return rng.sample([...companies.keys()], count).map((company) => ({
    company,
    account: rng.pick(companies.get(company) ?? []),
  }));
}
