import type { Rng, Weighted } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import { PURPOSE_SPECS, type Purpose } from '../data/payment-purposes.js';
import { logNormal, roundAmount } from './amounts.js';
import { economyOf, type Economy } from './economy.js';
import { convert } from './fx.js';
import { drawInstant } from './local-time.js';
import { recurringPayments, type RecurringPayment } from './recurring.js';

/** One background payment, in the sending account's currency. */
export interface BackgroundPayment {
  readonly from: number;
  readonly to: number;
  readonly timestampMs: number;
  readonly amount: number;
  readonly currency: string;
  readonly purpose: Purpose;
  readonly invoiceNumber?: string;
}

/**
 * What persons and companies pay for outside their monthly commitments. Card spending dominates
 * retail payment counts (Federal Reserve Payments Study 2022: cards are about 70 % of US non-cash
 * payments by number; the Diary of Consumer Payment Choice 2023 puts cash at about 16 % of
 * payments, here ATM withdrawals and deposits).
 */
const PERSON_PURPOSES: Weighted<Purpose> = [
  ['card_purchase', 0.46],
  ['online_purchase', 0.13],
  ['atm_withdrawal', 0.11],
  ['person_to_person', 0.14],
  ['remittance', 0.02],
  ['own_transfer', 0.05],
  ['cash_deposit', 0.03],
  ['supplier_invoice', 0.03],
  ['utility_bill', 0.03],
];
const COMPANY_PURPOSES: Weighted<Purpose> = [
  ['supplier_invoice', 0.7],
  ['vendor_payout', 0.2],
  ['card_purchase', 0.1],
];
/** Share of one-off payments made by persons (the rest by companies). */
const PERSON_PAYER_SHARE = 0.85;
/** At most this share of a run's background transfers are recurring ones. */
const MAX_RECURRING_SHARE = 0.6;
/** Card purchases at one of the customer's usual merchants. */
const USUAL_MERCHANT_SHARE = 0.75;
/** Median annual income the spending amounts are calibrated to (see person.ts). */
const MEDIAN_INCOME_USD = 60_000;
/** The most a customer's spending is scaled up from the median one's (by income). */
const MAX_SPENDING_SCALE = 2.5;

interface Schedule {
  readonly recurring: readonly RecurringPayment[];
  readonly recurringSlots: number;
  readonly stride: number;
}

const SCHEDULES = new WeakMap<Economy, Schedule>();

/**
 * The background payment with ordinal `ordinal` among the run's background transfers. Ordinals
 * are spread over a fixed permutation, so the recurring payments (taken first, most essential
 * first) are scattered through the file instead of filling its first lines; the rest are one-off
 * payments drawn from the chunk's stream.
 */
export function backgroundPayment(ctx: GeneratorContext, ordinal: number): BackgroundPayment {
  const economy = economyOf(ctx);
  const schedule = scheduleOf(ctx, economy);
  const total = ctx.config.transactionCount;
  // Exact in doubles: ordinals stay below 10⁸ (the config limit) and strides below 1.6·10⁷.
  const slot = (ordinal * schedule.stride) % total;
  if (slot < schedule.recurringSlots)
    return recurring(ctx, schedule.recurring[slot] as RecurringPayment);
  return oneOff(ctx, economy);
}

function scheduleOf(ctx: GeneratorContext, economy: Economy): Schedule {
  let schedule = SCHEDULES.get(economy);
  if (schedule === undefined) {
    const recurringList = recurringPayments(ctx, economy);
    const total = ctx.config.transactionCount;
    schedule = {
      recurring: recurringList,
      recurringSlots: Math.min(recurringList.length, Math.floor(total * MAX_RECURRING_SHARE)),
      stride: coprimeStride(total),
    };
    SCHEDULES.set(economy, schedule);
  }
  return schedule;
}

/** A multiplier that permutes [0, n): a prime that does not divide n. */
function coprimeStride(n: number): number {
  for (const prime of [7_919, 104_729, 1_299_709, 15_485_863])
    if (n % prime !== 0) return prime % n || 1;
  return 1;
}

function recurring(ctx: GeneratorContext, payment: RecurringPayment): BackgroundPayment {
  const currency = ctx.population.accountCurrency[payment.from] ?? 'USD';
  const local = convert(payment.amountUsd, 'USD', currency);
  return {
    from: payment.from,
    to: payment.to,
    timestampMs: payment.timestampMs,
    amount: roundAmount(local, PURPOSE_SPECS[payment.purpose].rounding, currency),
    currency,
    purpose: payment.purpose,
    ...(payment.purpose === 'supplier_invoice'
      ? { invoiceNumber: invoiceNumber(ctx, payment.timestampMs) }
      : {}),
  };
}

function oneOff(ctx: GeneratorContext, economy: Economy): BackgroundPayment {
  const { rng, population, time } = ctx;
  const byPerson =
    economy.personPayers !== undefined &&
    (economy.companyPayers === undefined || rng.chance(PERSON_PAYER_SHARE));
  const from = byPerson
    ? (economy.personAccounts[economy.personPayers.draw(rng)] as number)
    : (economy.companyAccounts[
        (economy.companyPayers as NonNullable<typeof economy.companyPayers>).draw(rng)
      ] as number);
  const currency = population.accountCurrency[from] ?? 'USD';
  let purpose = rng.weighted(byPerson ? PERSON_PURPOSES : COMPANY_PURPOSES);
  let to = payeeFor(rng, economy, from, purpose);
  if (to < 0 || to === from) {
    purpose = 'person_to_person';
    to = anyOther(rng, economy, from);
  }
  const spec = PURPOSE_SPECS[purpose];
  const owner = population.accountOwnerIndex[from] ?? 0;
  // Spending grows with income, less than proportionally.
  const scale = byPerson
    ? Math.min(
        MAX_SPENDING_SCALE,
        Math.max(
          0.5,
          Math.sqrt((population.personIncome[owner] || MEDIAN_INCOME_USD) / MEDIAN_INCOME_USD),
        ),
      )
    : 1;
  const usd = logNormal(rng, spec.medianUsd * scale, spec.sigma);
  const timestampMs = drawInstant(rng, time, spec.profile, population.countryOfAccount(from));
  return {
    from,
    to,
    timestampMs,
    amount: roundAmount(convert(usd, 'USD', currency), spec.rounding, currency),
    currency,
    purpose,
    ...(purpose === 'supplier_invoice' ? { invoiceNumber: invoiceNumber(ctx, timestampMs) } : {}),
  };
}

/**
 * A one-off `purpose` payment from account `from`, as the background draws it: the payee (a
 * usual merchant, a lender's ATM, …) and an amount in US dollars from the purpose's log-normal,
 * spent by a person like the bank's biggest spenders (the top of the income scale `oneOff`
 * applies) and by a company like any company (which `oneOff` does not scale). Typologies use it
 * where their definition has criminal money spent or cashed out, so each such payment is one the
 * background could have made. `undefined` when nobody fits (no merchant in the population).
 */
export function spendingPayment(
  ctx: GeneratorContext,
  from: number,
  purpose: Purpose,
): { readonly to: number; readonly amountUsd: number } | undefined {
  const to = payeeFor(ctx.rng, economyOf(ctx), from, purpose);
  if (to < 0 || to === from) return undefined;
  const spec = PURPOSE_SPECS[purpose];
  const scale = ctx.population.accountOwnerKind[from] === 0 ? MAX_SPENDING_SCALE : 1;
  return { to, amountUsd: logNormal(ctx.rng, spec.medianUsd * scale, spec.sigma) };
}

/** Who a one-off payment of `purpose` from account `from` goes to; -1 when nobody fits. */
function payeeFor(rng: Rng, economy: Economy, from: number, purpose: Purpose): number {
  const { population } = economy;
  const currency = population.accountCurrency[from];
  const owner = population.accountOwnerIndex[from] ?? 0;
  const relative = () => {
    const related = population.relatedOf.get(owner) ?? [];
    return related.length === 0 ? -1 : economy.accountOfPerson(rng.pick(related));
  };
  switch (purpose) {
    case 'card_purchase': {
      const usual = economy.usualMerchants.get(from) ?? [];
      if (usual.length > 0 && rng.chance(USUAL_MERCHANT_SHARE)) return rng.pick(usual);
      return economy.merchants.draw(rng, rng.chance(0.95) ? currency : undefined);
    }
    case 'online_purchase':
      return economy.merchants.draw(rng, rng.chance(0.8) ? currency : undefined);
    case 'atm_withdrawal':
      return economy.lenders.draw(rng, currency);
    case 'utility_bill':
      return economy.utilities.draw(rng, currency);
    case 'subscription':
      return economy.subscriptions.draw(rng, currency);
    case 'person_to_person': {
      const friend = rng.chance(0.5) ? relative() : -1;
      return friend >= 0 ? friend : economy.persons.draw(rng, currency);
    }
    case 'remittance': {
      for (let attempt = 0; attempt < 8; attempt++) {
        const to = economy.persons.draw(rng);
        if (population.accountCurrency[to] !== currency) return to;
      }
      return -1;
    }
    case 'own_transfer': {
      const own = (population.accountsOfPerson.get(owner) ?? []).filter(
        (a) => a !== from && !population.added.account.has(a),
      );
      return own.length > 0 ? rng.pick(own) : -1;
    }
    case 'cash_deposit': {
      const friend = relative();
      return friend >= 0 ? friend : -1;
    }
    case 'supplier_invoice':
      return economy.suppliers.draw(rng, rng.chance(0.85) ? currency : undefined);
    // A one-off wage (a crime's "ghost employee": the background's own wages are recurring).
    case 'salary':
    case 'vendor_payout':
      return economy.persons.draw(rng, currency);
    default:
      return -1;
  }
}

/** Any other background person-held account (or company-held, in a population without persons). */
function anyOther(rng: Rng, economy: Economy, from: number): number {
  const pool = economy.personAccounts.length > 1 ? economy.personAccounts : economy.companyAccounts;
  for (let attempt = 0; attempt < 16; attempt++) {
    const to = rng.pick(pool);
    if (to !== from) return to;
  }
  return from === 0 ? 1 : 0;
}

/** An invoice number in the format documents carry (INV-year-nnnnnn). */
export function invoiceNumber(ctx: GeneratorContext, atMs: number): string {
  return `INV-${new Date(atMs).getUTCFullYear()}-${ctx.rng.digits(6)}`;
}
