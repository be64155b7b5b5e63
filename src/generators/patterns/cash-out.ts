import type { Rng, Weighted } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import { PURPOSE_SPECS, type Purpose } from '../data/payment-purposes.js';
import { spendingPayment } from '../economy/background-payment.js';
import { instantOnDay, localDayOf } from '../economy/local-time.js';
import { MS_PER_MINUTE } from '../time.js';
import { anyAccount, companyAccount } from './participants.js';
import type { PatternTransfer } from './ring/transfer.js';

/**
 * How stolen or laundered money leaves the banking system at the end of a chain: cash from ATMs,
 * goods bought with the card, in shops and online, that can be resold, and the holder's bills
 * (Europol, "Money muling", EMSC 2023: mules "withdraw the money in cash or buy goods and gift
 * cards"; FinCEN advisory FIN-2020-A005 on account takeover: "purchases of gift cards and
 * electronics"). Each payment is drawn by the background economy's own machinery (payee, amount,
 * rounding, local hour), so a single cash-out payment looks like any customer's; only the burst
 * after the money arrives gives it away.
 */
const CASH_OUT_PURPOSES: Weighted<Purpose> = [
  ['card_purchase', 0.45],
  ['atm_withdrawal', 0.2],
  ['online_purchase', 0.1],
  // The proceeds also pay the holder's living costs.
  ['utility_bill', 0.15],
  ['subscription', 0.1],
];
/**
 * A company-held account (a front business) pays the money out as a company does: invoices from
 * suppliers (fictitious or inflated ones), wages and payouts to persons who did no work for it,
 * and card purchases on the company's cards: goods to resell, and the owners' own spending booked
 * as the business's (a red flag banks list as personal expenses paid from a business account).
 * No public figure gives the mix; these weights are ours, with every purpose one the background's
 * companies pay too. Companies draw no cash here, as in the background.
 */
const COMPANY_CASH_OUT_PURPOSES: Weighted<Purpose> = [
  ['supplier_invoice', 0.4],
  ['card_purchase', 0.3],
  ['salary', 0.2],
  ['vendor_payout', 0.1],
];
/** The money is spent on the day it arrives or the next few days. */
const CASH_OUT_DAYS = 4;

/**
 * How many payments one cash-out makes: two to five a day over the four days. A mule drains the
 * money over days, not at once, since daily limits on cash and card spending (a few hundred to a
 * thousand dollars of cash a day at most US banks) stop one withdrawal from taking it all; and
 * each payment is an everyday one in size (see cashOutPayments), so it takes many of them.
 */
export const MIN_CASH_OUTS = 8;
export const MAX_CASH_OUTS = 20;

/** A plausible cash-out size, drawn per instance. */
export function cashOutCount(rng: Rng): number {
  return rng.int(MIN_CASH_OUTS, MAX_CASH_OUTS);
}

/** Where a cash-out may go and when it must end. */
export interface CashOutLimits {
  /** The pattern's own accounts: no payment goes to one, so the cash-out stays apart. */
  readonly exclude?: ReadonlySet<number>;
  /** The latest instant (a ring's activity window); else the end of the event window. */
  readonly latestMs?: number;
}

/**
 * `count` cash-out payments from account `from`, each after `afterMs`, in time order, in US
 * dollars (the transfer builder converts them to the account's currency).
 */
export function cashOutPayments(
  ctx: GeneratorContext,
  from: number,
  afterMs: number,
  count: number,
  limits: CashOutLimits = {},
): PatternTransfer[] {
  const { rng, time, population } = ctx;
  const exclude = limits.exclude ?? new Set<number>();
  const latestMs = Math.max(afterMs, Math.min(limits.latestMs ?? Infinity, time.referenceMs));
  const country = population.countryOfAccount(from);
  const firstDay = localDayOf(afterMs, country);
  const payments: PatternTransfer[] = [];
  const table =
    population.accountOwnerKind[from] === 0 ? CASH_OUT_PURPOSES : COMPANY_CASH_OUT_PURPOSES;
  for (let k = 0; k < count; k++) {
    let purpose = rng.weighted(table);
    let drawn = payment(ctx, from, purpose, exclude);
    // No payee of that kind in the account's currency (a utility, a supplier, a lender's ATM):
    // the other ways this holder cashes out, in the table's order.
    for (const [other] of table) {
      if (drawn !== undefined) break;
      if (other === purpose) continue;
      drawn = payment(ctx, from, other, exclude);
      if (drawn !== undefined) purpose = other;
    }
    // Still nobody (no merchant in the account's currency outside the pattern): a card purchase
    // at a company's account in any currency, as the background's card purchases abroad are. A
    // card purchase paid into a person's account would be a payment no customer makes.
    const merchant = drawn === undefined ? anyCompanyAccount(ctx, from, exclude) : undefined;
    if (merchant !== undefined) purpose = 'card_purchase';
    const day = firstDay + rng.int(0, CASH_OUT_DAYS - 1);
    let atMs = instantOnDay(rng, time, PURPOSE_SPECS[purpose].profile, country, day);
    // Never before the money arrived, and never past the latest instant.
    if (atMs <= afterMs) atMs = afterMs + rng.int(10, 180) * MS_PER_MINUTE;
    if (atMs > latestMs) atMs = afterMs + Math.floor(rng.next() * (latestMs - afterMs));
    const to = drawn?.to ?? merchant;
    if (to === undefined) {
      // A population without companies: the money goes to another account, booked as honest
      // payments between those kinds of holder are (see cover-purpose.ts).
      const other = anyAccount(ctx, new Set([from, ...exclude]));
      payments.push({ from, to: other, atMs, amount: PURPOSE_SPECS[purpose].medianUsd });
      continue;
    }
    payments.push({
      from,
      to,
      atMs,
      amount: drawn?.amountUsd ?? PURPOSE_SPECS[purpose].medianUsd,
      type: rng.weighted(PURPOSE_SPECS[purpose].types),
      purpose,
    });
  }
  return payments.sort((a, b) => a.atMs - b.atMs);
}

/** A company-held account other than `from` and outside `exclude`; `undefined` when none is. */
function anyCompanyAccount(
  ctx: GeneratorContext,
  from: number,
  exclude: ReadonlySet<number>,
): number | undefined {
  try {
    return companyAccount(ctx, new Set([from, ...exclude]));
  } catch {
    return undefined;
  }
}

/** A `purpose` payment from `from` to an account outside `exclude`, or `undefined`. */
function payment(
  ctx: GeneratorContext,
  from: number,
  purpose: Purpose,
  exclude: ReadonlySet<number>,
): ReturnType<typeof spendingPayment> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const drawn = spendingPayment(ctx, from, purpose);
    if (drawn === undefined || !exclude.has(drawn.to)) return drawn;
  }
  return undefined;
}

/**
 * Share of a takeover's fraudulent payments after the first that are purchases made with the
 * victim's account. No public figure gives it; ours has most of the access turned into goods,
 * which resell without a mule account to trace.
 */
export const TAKEOVER_PURCHASE_SHARE = 0.6;

/**
 * What an account-takeover attacker buys with the victim's own account: card-not-present orders
 * (gift cards, electronics) and card purchases with the compromised card details (FinCEN advisory
 * FIN-2020-A005).
 */
const TAKEOVER_PURCHASES: Weighted<Purpose> = [
  ['online_purchase', 0.5],
  ['card_purchase', 0.5],
];

/**
 * One purchase at `atMs` paid from a taken-over account, drawn like any customer's purchase;
 * `undefined` when the population has no merchant.
 */
export function takeoverPurchase(
  ctx: GeneratorContext,
  from: number,
  atMs: number,
): PatternTransfer | undefined {
  const purpose = ctx.rng.weighted(TAKEOVER_PURCHASES);
  const drawn = spendingPayment(ctx, from, purpose);
  if (drawn === undefined) return undefined;
  return {
    from,
    to: drawn.to,
    atMs,
    amount: drawn.amountUsd,
    type: ctx.rng.weighted(PURPOSE_SPECS[purpose].types),
    purpose,
  };
}
