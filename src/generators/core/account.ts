import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type VertexRecord,
} from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { MONITORING_REASONS } from '../data/lists.js';
import { CURRENCIES, CURRENCY_COUNTRY, MAJOR_ACCOUNT_CURRENCIES } from '../data/money.js';
import { identifiers } from '../identifiers.js';
import { cents, randomAmount, riskLevel, score } from '../money.js';
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
  readonly currency?: string;
  /** Days before the reference date (mule and synthetic accounts are young). */
  readonly openedDaysAgo?: number;
}

/**
 * An account and its owns edges. The primary owner is a generated person (80 %) or company; 15 %
 * of person accounts have a joint holder and 30 % of company accounts a beneficial owner, both
 * real persons (the original's were dangling ids). Dates never pass the reference date.
 */
export function generateAccount(
  ctx: GeneratorContext,
  index: number,
  overrides?: AccountOverrides,
): (VertexRecord<'account'> | OwnsEdge)[] {
  const { rng, faker, time, population } = ctx;
  // Background accounts belong to background customers, never to entities a typology added
  // (an attacker or a shell holding an ordinary account would blur the ground truth).
  const persons = population.personCount - population.added.person.size;
  const companies = population.companyCount - population.added.company.size;
  const drawnByPerson = companies === 0 || (persons > 0 && rng.chance(0.8));
  const owner = typeof overrides?.owner === 'function' ? overrides.owner(ctx) : overrides?.owner;
  const ownedByPerson = owner ? owner.label === 'person' : drawnByPerson;
  const drawnOwner = backgroundIndex(ctx, ownedByPerson ? 'person' : 'company');
  const ownerIndex = owner ? owner.index : drawnOwner;
  const ownerId = vertexId(ownedByPerson ? 'person' : 'company', ownerIndex);
  const drawnType = rng.weighted(ownedByPerson ? PERSON_ACCOUNT_TYPES : COMPANY_ACCOUNT_TYPES);
  const type = overrides?.type ?? drawnType;
  const drawnCurrency = rng.chance(0.85)
    ? rng.pick(MAJOR_ACCOUNT_CURRENCIES)
    : rng.pick(CURRENCIES);
  const currency = overrides?.currency ?? drawnCurrency;
  const bankCountry = CURRENCY_COUNTRY[currency] ?? 'US';
  const drawnStatus = rng.weighted([
    ['active', 0.85],
    ['dormant', 0.08],
    ['frozen', 0.02],
    ['closed', 0.05],
  ]);
  const status = overrides === undefined ? drawnStatus : 'active';
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
  const balance = balanceFor(ctx, status, type);
  const creditLimit =
    type === 'credit_card'
      ? randomAmount(rng, 1_000, 50_000)
      : type === 'loan' || type === 'mortgage'
        ? randomAmount(rng, 10_000, 500_000)
        : null;
  const isDormant = status === 'dormant' || rng.chance(0.05);
  const isMonitored = rng.chance(0.02);
  const risk =
    (isMonitored ? 0.3 : 0) +
    (isDormant ? 0.1 : 0) +
    (balance > 500_000 ? 0.2 : balance > 100_000 ? 0.1 : 0);
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
      routing_number: currency === 'USD' ? rng.digits(9) : null,
      status,
      opened_date: openedDate,
      closed_date: closedMs === null ? null : isoDate(closedMs),
      current_balance: balance,
      available_balance: cents(balance - randomAmount(rng, 0, balance * 0.1, 0)),
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

function balanceFor(ctx: GeneratorContext, status: string, type: string): number {
  const { rng } = ctx;
  if (status === 'closed') return 0;
  if (status === 'dormant') return randomAmount(rng, 0, 1_000);
  switch (type) {
    case 'checking':
      return randomAmount(rng, 100, 50_000);
    case 'savings':
      return randomAmount(rng, 1_000, 100_000);
    case 'investment':
      return randomAmount(rng, 5_000, 500_000);
    case 'business':
      return randomAmount(rng, 10_000, 1_000_000);
    default:
      return 0;
  }
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
