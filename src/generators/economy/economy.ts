import { AliasTable, deriveSeed, Rng } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import type { Population } from '../population.js';

/*
 * Who pays whom in the background economy. Built once per run from the finished population (the
 * same on every worker and shard, since it derives from the population and the seed alone), then
 * read by every background transfer.
 */

/** Industries whose companies take card payments from the public. */
export const MERCHANT_INDUSTRY_LIST = [
  'retail',
  'hospitality',
  'entertainment',
  'healthcare',
  'transportation',
] as const;
const MERCHANT_INDUSTRIES: ReadonlySet<string> = new Set(MERCHANT_INDUSTRY_LIST);
const UTILITY_INDUSTRIES = new Set(['energy', 'telecommunications']);
const LANDLORD_INDUSTRIES = new Set(['real_estate']);
const LENDER_INDUSTRIES = new Set(['financial_services']);
const SUBSCRIPTION_INDUSTRIES = new Set(['technology', 'entertainment', 'telecommunications']);

/**
 * What the background's persons pay a company of this industry for, besides its invoices: card
 * and online purchases at a merchant, bills to a utility, rent to a landlord, cash and mortgages
 * to a lender; a supplier takes invoices alone.
 */
export type CompanyRole = 'merchant' | 'utility' | 'landlord' | 'lender' | 'supplier';

export function companyRoleOf(industry: string | undefined): CompanyRole {
  if (industry === undefined) return 'supplier';
  if (MERCHANT_INDUSTRIES.has(industry)) return 'merchant';
  if (UTILITY_INDUSTRIES.has(industry)) return 'utility';
  if (LANDLORD_INDUSTRIES.has(industry)) return 'landlord';
  if (LENDER_INDUSTRIES.has(industry)) return 'lender';
  return 'supplier';
}

/** The role of the company holding account `a`; `undefined` when a person holds it. */
export function roleOfAccount(population: Population, a: number): CompanyRole | undefined {
  if (population.accountOwnerKind[a] !== 1) return undefined;
  return companyRoleOf(population.companyIndustry[population.accountOwnerIndex[a] ?? 0]);
}

/**
 * Popularity falls with rank as a truncated power law (Zipf exponent 1.1), as AMLGentex draws its
 * degrees: a few merchants, utilities and suppliers are hubs, most are small.
 */
const POPULARITY_EXPONENT = 1.1;

/** Accounts of one role, with how popular each is, per currency and overall. */
export class PayeePool {
  readonly all: readonly number[];
  private readonly table: AliasTable | undefined;
  private readonly byCurrency = new Map<string, { accounts: number[]; table: AliasTable }>();

  constructor(accounts: readonly number[], currencyOf: (a: number) => string, rng: Rng) {
    // Rank order is a shuffle, so popularity does not follow account ids.
    this.all = rng.sample(accounts, accounts.length);
    const weights = this.all.map((_, rank) => 1 / (rank + 1) ** POPULARITY_EXPONENT);
    this.table = this.all.length > 0 ? new AliasTable(weights) : undefined;
    const grouped = new Map<string, { accounts: number[]; weights: number[] }>();
    this.all.forEach((a, rank) => {
      const currency = currencyOf(a);
      const group = grouped.get(currency) ?? { accounts: [], weights: [] };
      group.accounts.push(a);
      group.weights.push(weights[rank] as number);
      grouped.set(currency, group);
    });
    for (const [currency, group] of grouped)
      this.byCurrency.set(currency, {
        accounts: group.accounts,
        table: new AliasTable(group.weights),
      });
  }

  get size(): number {
    return this.all.length;
  }

  /** A payee by popularity, in `currency` when there is one (domestic payments), else any; -1 if none. */
  draw(rng: Rng, currency?: string): number {
    const local = currency === undefined ? undefined : this.byCurrency.get(currency);
    if (local !== undefined) return local.accounts[local.table.draw(rng)] as number;
    if (this.table === undefined) return -1;
    return this.all[this.table.draw(rng)] as number;
  }
}

export class Economy {
  /** Background accounts held by persons / companies, and how active each is as a payer. */
  readonly personAccounts: readonly number[];
  readonly companyAccounts: readonly number[];
  readonly personPayers: AliasTable | undefined;
  readonly companyPayers: AliasTable | undefined;
  readonly merchants: PayeePool;
  readonly utilities: PayeePool;
  readonly landlords: PayeePool;
  readonly lenders: PayeePool;
  readonly subscriptions: PayeePool;
  readonly suppliers: PayeePool;
  /** Person accounts by currency, by activity: the other side of person-to-person payments. */
  readonly persons: PayeePool;
  /** Each person account's usual merchants (card spending concentrates on them). */
  readonly usualMerchants = new Map<number, readonly number[]>();

  constructor(
    readonly population: Population,
    seed: number,
  ) {
    const rng = new Rng(deriveSeed(seed, 'economy:segments'));
    const background = (a: number) => !population.added.account.has(a);
    const personAccounts: number[] = [];
    const companyAccounts: number[] = [];
    const byIndustry = (industries: ReadonlySet<string>) =>
      companyAccounts.filter((a) => {
        const industry = population.companyIndustry[population.accountOwnerIndex[a] as number];
        return industry !== undefined && industries.has(industry);
      });
    for (let a = 0; a < population.accountCount; a++) {
      if (!background(a) || !isEveryday(population.accountType[a])) continue;
      (population.accountOwnerKind[a] === 0 ? personAccounts : companyAccounts).push(a);
    }
    this.personAccounts = personAccounts;
    this.companyAccounts = companyAccounts;
    // Activity is heavy-tailed: log-normal weights (sigma 1) make a tenth of the customers do
    // about a third of the paying.
    this.personPayers = activity(personAccounts.length, rng);
    this.companyPayers = activity(companyAccounts.length, rng);
    const currencyOf = (a: number) => population.accountCurrency[a] ?? 'USD';
    this.merchants = new PayeePool(byIndustry(MERCHANT_INDUSTRIES), currencyOf, rng);
    this.utilities = new PayeePool(byIndustry(UTILITY_INDUSTRIES), currencyOf, rng);
    this.landlords = new PayeePool(byIndustry(LANDLORD_INDUSTRIES), currencyOf, rng);
    this.lenders = new PayeePool(byIndustry(LENDER_INDUSTRIES), currencyOf, rng);
    this.subscriptions = new PayeePool(byIndustry(SUBSCRIPTION_INDUSTRIES), currencyOf, rng);
    this.suppliers = new PayeePool(companyAccounts, currencyOf, rng);
    this.persons = new PayeePool(personAccounts, currencyOf, rng);
    for (const a of personAccounts) {
      const usual: number[] = [];
      const count = rng.int(3, 8);
      for (let k = 0; k < count && this.merchants.size > 0; k++) {
        const m = this.merchants.draw(rng, currencyOf(a));
        if (!usual.includes(m)) usual.push(m);
      }
      this.usualMerchants.set(a, usual);
    }
  }

  /** The everyday account of person `p` (the first background one), or -1. */
  accountOfPerson(p: number): number {
    return firstEveryday(this.population, this.population.accountsOfPerson.get(p), false);
  }

  /** The everyday account of company `c`, or -1. */
  accountOfCompany(c: number): number {
    return firstEveryday(this.population, this.population.accountsOfCompany.get(c), false);
  }

  /**
   * Where wages go and come from. Everyone employed is paid, whoever they are: a mule or a
   * shell's staff too (their wages are honest camouflage, unlabelled), so a typology's account may
   * serve when the holder has no other.
   */
  payrollAccountOfPerson(p: number): number {
    const accounts = this.population.accountsOfPerson.get(p);
    const own = this.accountOfPerson(p);
    if (own >= 0) return own;
    const everyday = firstEveryday(this.population, accounts, true);
    // A synthetic identity may hold nothing but a card account: its wages are paid into that.
    return everyday >= 0 ? everyday : (accounts?.[0] ?? -1);
  }

  payrollAccountOfCompany(c: number): number {
    const own = this.accountOfCompany(c);
    return own >= 0
      ? own
      : firstEveryday(this.population, this.population.accountsOfCompany.get(c), true);
  }
}

/** Account types money is paid from and into day to day. */
function isEveryday(type: string | undefined): boolean {
  return type === 'checking' || type === 'business' || type === 'savings';
}

function firstEveryday(
  population: Population,
  accounts: readonly number[] | undefined,
  includeAdded: boolean,
): number {
  for (const a of accounts ?? [])
    if ((includeAdded || !population.added.account.has(a)) && isEveryday(population.accountType[a]))
      return a;
  return -1;
}

function activity(n: number, rng: Rng): AliasTable | undefined {
  if (n === 0) return undefined;
  return new AliasTable(Array.from({ length: n }, () => Math.exp(rng.normal(0, 1))));
}

const ECONOMIES = new WeakMap<Population, Economy>();

/** The run's economy, built on first use once the population is complete. */
export function economyOf(ctx: GeneratorContext): Economy {
  let economy = ECONOMIES.get(ctx.population);
  if (economy === undefined) {
    economy = new Economy(ctx.population, ctx.config.seed);
    ECONOMIES.set(ctx.population, economy);
  }
  return economy;
}
