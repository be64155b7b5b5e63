import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type VertexRecord,
} from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { MONITORING_REASONS } from '../data/lists.js';
import {
  BANK_MARKET_CODES,
  BANK_MARKETS,
  FOREIGN_ACCOUNT_CURRENCIES,
  FOREIGN_CURRENCY_ACCOUNT_SHARE,
} from '../data/bank-markets.js';
import { currencyOfCountry } from '../data/country-currencies.js';
import { logNormal, roundAmount } from '../economy/amounts.js';
import { convert, roundToCurrency } from '../economy/fx.js';
import { identifiers } from '../identifiers.js';
import { marketOfCurrency } from '../patterns/home-currency.js';
import { cents, riskLevel, score } from '../money.js';
import { isoDate, MS_PER_DAY, startOfDay } from '../time.js';

const EARLIEST_OPENING_MS = Date.UTC(1990, 0, 1);

const PERSON_ACCOUNT_TYPES = [
  ['checking', 0.4],
  ['savings', 0.3],
  ['credit_card', 0.15],
  ['investment', 0.1],
  ['loan', 0.03],
  ['mortgage', 0.02],
] as const;
const COMPANY_ACCOUNT_TYPES = [
  ['business', 0.7],
  ['checking', 0.2],
  ['savings', 0.05],
  ['investment', 0.05],
] as const;

type OwnsEdge = EdgeRecord<'owns'>;

/** Who holds an account: a person or a company, by index. */
export interface AccountOwner {
  readonly label: 'person' | 'company';
  readonly index: number;
}

/** How a typology shapes an account it adds: whose it is, what kind, and when it was opened. */
export interface AccountOverrides {
  /**
   * The owner, or a function that names them when the account is generated, from the population
   * as it then stands (persons, companies, officers, employees and relations exist): for owners
   * only known once the population is, such as a listed company's officers.
   */
  readonly owner: AccountOwner | ((ctx: GeneratorContext) => AccountOwner);
  readonly type?: string;
  /** The account's currency, or a function that names it when the account is generated. */
  readonly currency?: string | ((ctx: GeneratorContext) => string);
  /** Days before the reference date (mule and synthetic accounts are young). */
  readonly openedDaysAgo?: number;
}

/**
 * An account and its owns edges. Every background company and person gets one everyday account
 * first (see `backgroundOwner`); further accounts go to drawn customers (80 % persons). The bank
 * is in the owner's country where the bank has branches, and the account is kept in that
 * country's currency (a stated few in a foreign currency; never a crypto-asset). 15 %
 * of person accounts have a joint holder and 30 % of company accounts a beneficial owner, both
 * real persons (the original's were dangling ids). Dates never pass the reference date.
 */
export function generateAccount(
  ctx: GeneratorContext,
  index: number,
  overrides?: AccountOverrides,
): (VertexRecord<'account'> | OwnsEdge)[] {
  const { rng, faker, time, population } = ctx;
  const owner = typeof overrides?.owner === 'function' ? overrides.owner(ctx) : overrides?.owner;
  const background = owner === undefined ? backgroundOwner(ctx, index) : undefined;
  const holder: AccountOwner = background ?? (owner as AccountOwner);
  const { label: ownerLabel, index: ownerIndex } = holder;
  const ownedByPerson = ownerLabel === 'person';
  const ownerId = vertexId(ownerLabel, ownerIndex);
  const drawnType = rng.weighted(ownedByPerson ? PERSON_ACCOUNT_TYPES : COMPANY_ACCOUNT_TYPES);
  // A customer's first account is the everyday one that wages and bills go through.
  const firstType = ownedByPerson ? 'checking' : 'business';
  const type = overrides?.type ?? (background?.first === true ? firstType : drawnType);
  const ownerCountry = ownedByPerson
    ? population.personNationality[ownerIndex]
    : population.companyCountry[ownerIndex];
  // Customers bank where they live when the bank has branches there; others in a market drawn
  // by the bank's customer shares (an expatriate, an offshore company's operating account).
  // An account a typology opens in a given currency is opened in that currency's market.
  const requiredCurrency =
    typeof overrides?.currency === 'function' ? overrides.currency(ctx) : overrides?.currency;
  const required = requiredCurrency === undefined ? undefined : marketOfCurrency(requiredCurrency);
  const drawnBankCountry =
    ownerCountry !== undefined && BANK_MARKET_CODES.has(ownerCountry)
      ? ownerCountry
      : rng.weighted(BANK_MARKETS);
  const bankCountry =
    required !== undefined && currencyOfCountry(drawnBankCountry) !== requiredCurrency
      ? required
      : drawnBankCountry;
  const drawnCurrency = rng.chance(FOREIGN_CURRENCY_ACCOUNT_SHARE[ownerLabel])
    ? rng.weighted(FOREIGN_ACCOUNT_CURRENCIES)
    : currencyOfCountry(bankCountry);
  const currency = requiredCurrency ?? drawnCurrency;
  const drawnStatus = rng.weighted([
    ['active', 0.85],
    ['dormant', 0.08],
    ['frozen', 0.02],
    ['closed', 0.05],
  ]);
  const status = overrides === undefined && background?.first !== true ? drawnStatus : 'active';
  const drawnOpenedMs =
    EARLIEST_OPENING_MS +
    rng.int(0, Math.floor((time.referenceMs - EARLIEST_OPENING_MS) / MS_PER_DAY) - 1) * MS_PER_DAY;
  const openedMs =
    overrides?.openedDaysAgo === undefined
      ? drawnOpenedMs
      : startOfDay(time.referenceMs) - overrides.openedDaysAgo * MS_PER_DAY;
  const closedMs =
    status === 'closed'
      ? Math.min(openedMs + rng.int(365, 3650) * MS_PER_DAY, time.referenceMs - MS_PER_DAY)
      : null;
  const balanceUsd = balanceUsdFor(ctx, status, type);
  const balance = convert(balanceUsd, 'USD', currency);
  const limitUsd = CREDIT_LIMIT_USD[type];
  const creditLimit =
    limitUsd === undefined
      ? null
      : roundAmount(logNormal(rng, limitUsd.median, limitUsd.sigma), 'fifties', currency);
  const isDormant = status === 'dormant' || rng.chance(0.05);
  const isMonitored = rng.chance(0.02);
  const risk =
    (isMonitored ? 0.3 : 0) +
    (isDormant ? 0.1 : 0) +
    (balanceUsd > 500_000 ? 0.2 : balanceUsd > 100_000 ? 0.1 : 0);
  const id = vertexId('account', index);
  const openedDate = isoDate(openedMs);
  const account: VertexRecord<'account'> = {
    label: 'account',
    id,
    properties: {
      account_id: id,
      account_number: identifiers.accountNumber(rng),
      account_type: type,
      currency,
      owner_id: ownerId,
      owner_type: ownedByPerson ? 'person' : 'company',
      bank_name: `${faker.company.name()} Bank`,
      bank_country: bankCountry,
      branch_name: `${faker.location.city()} Branch`,
      branch_code: rng.digits(3),
      iban: identifiers.iban(rng, bankCountry),
      swift_code: identifiers.swift(rng, bankCountry),
      routing_number: bankCountry === 'US' ? rng.digits(9) : null,
      status,
      opened_date: openedDate,
      closed_date: closedMs === null ? null : isoDate(closedMs),
      current_balance: balance,
      available_balance: roundToCurrency(balance * (1 - rng.float(0, 0.1)), currency),
      credit_limit: creditLimit,
      is_dormant: isDormant,
      is_monitored: isMonitored,
      monitoring_reason: isMonitored ? rng.pick(MONITORING_REASONS) : null,
      kyc_verified: status !== 'frozen' && rng.chance(0.95),
      aml_verified: status !== 'frozen' && rng.chance(0.9),
      risk_score: score(risk),
      risk_level: riskLevel(risk),
    },
  };
  const owns: OwnsEdge[] = [ownsEdge(index, 0, ownerId, id, 'primary', openedDate)];
  if (ownedByPerson && population.personCount > 1 && rng.chance(0.15)) {
    const joint = vertexId('person', rng.intExcept(population.personCount, ownerIndex));
    owns.push(ownsEdge(index, 1, joint, id, 'joint', openedDate));
  }
  if (!ownedByPerson && population.personCount > 0 && rng.chance(0.3)) {
    const officers = population.officersOf.get(ownerIndex) ?? [];
    const person =
      officers.length > 0 ? rng.pick(officers) : rng.int(0, population.personCount - 1);
    owns.push(ownsEdge(index, 2, vertexId('person', person), id, 'beneficial', openedDate));
  }
  return [account, ...owns];
}

function ownsEdge(
  account: number,
  ordinal: number,
  owner: string,
  accountId: string,
  role: string,
  since: string,
): OwnsEdge {
  const id = formatId(EDGE_ID_PREFIX.owns, account * 10 + ordinal);
  return {
    label: 'owns',
    id,
    outV: owner,
    inV: accountId,
    properties: { ownership_id: id, role, since },
  };
}

/**
 * Balances are log-normal in US dollars. The Federal Reserve's Survey of Consumer Finances 2022
 * puts the median family's transaction accounts at about $8,000 (checking and savings together);
 * investment and business balances are larger and more spread.
 */
const BALANCE_USD: Readonly<Record<string, { median: number; sigma: number }>> = {
  checking: { median: 3_000, sigma: 1.1 },
  savings: { median: 6_000, sigma: 1.3 },
  investment: { median: 30_000, sigma: 1.3 },
  business: { median: 50_000, sigma: 1.5 },
};

/** Credit limits and loan principals (Federal Reserve G.19 / SCF orders of magnitude). */
const CREDIT_LIMIT_USD: Readonly<Record<string, { median: number; sigma: number }>> = {
  credit_card: { median: 8_000, sigma: 0.7 },
  loan: { median: 20_000, sigma: 0.8 },
  mortgage: { median: 250_000, sigma: 0.6 },
};

function balanceUsdFor(ctx: GeneratorContext, status: string, type: string): number {
  const { rng } = ctx;
  if (status === 'closed') return 0;
  if (status === 'dormant') return cents(logNormal(rng, 150, 1.2));
  const spec = BALANCE_USD[type];
  return spec === undefined ? 0 : cents(logNormal(rng, spec.median, spec.sigma));
}

/**
 * Who holds a background account. The first accounts go one to each background company, then one
 * to each background person, so every employer can pay wages and every customer can be paid;
 * the rest go to a drawn customer (80 % persons). Accounts a typology added are not counted.
 */
interface BackgroundOwner extends AccountOwner {
  /** The owner's first account (every background customer gets one). */
  readonly first: boolean;
}

function backgroundOwner(ctx: GeneratorContext, index: number): BackgroundOwner {
  const { population, rng } = ctx;
  const persons = population.personCount - population.added.person.size;
  const companies = population.companyCount - population.added.company.size;
  const ordinal = population.backgroundOrdinal('account', index);
  if (ordinal < companies)
    return { label: 'company', index: population.backgroundIndex('company', ordinal), first: true };
  if (ordinal < companies + persons) {
    const person = population.backgroundIndex('person', ordinal - companies);
    return { label: 'person', index: person, first: true };
  }
  const label = companies === 0 || (persons > 0 && rng.chance(0.8)) ? 'person' : 'company';
  return { label, index: backgroundIndex(ctx, label), first: false };
}

/** A uniform index among the entities of `label` that no typology added. */
function backgroundIndex(ctx: GeneratorContext, label: 'person' | 'company'): number {
  const { rng, population } = ctx;
  const count = label === 'person' ? population.personCount : population.companyCount;
  const added = population.added[label];
  for (;;) {
    const index = rng.int(0, count - 1);
    if (!added.has(index)) return index;
  }
}
