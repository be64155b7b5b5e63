import type { Weighted } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import { PURPOSE_SPECS, type Purpose } from '../data/payment-purposes.js';
import { spendingPayment } from '../economy/background-payment.js';
import { instantOnDay, localDayOf } from '../economy/local-time.js';
import type { PatternTransfer } from './ring/transfer.js';

/**
 * How a new credit line is made to look like a good customer's before it is busted out: months of
 * small purchases at ordinary merchants, paid on time, to raise the limit (Federal Reserve,
 * "Synthetic Identity Fraud in the U.S. Payment System", July 2019, on how a synthetic identity
 * builds its credit). Each purchase is drawn by the background's own machinery (payee, amount,
 * local hour), so one alone is any cardholder's.
 */
const BUILD_UP_PURCHASES: Weighted<Purpose> = [
  ['card_purchase', 0.55],
  ['online_purchase', 0.25],
  // A subscription on the card is the classic way to show a payment made every month.
  ['subscription', 0.2],
];

/** Draws before a purchase that fits (under the cap, outside the pattern) gives up. */
const ATTEMPTS = 8;

/**
 * One purchase from account `from`, between `earliestMs` and `latestMs`, under `maxUsd`, at a
 * merchant outside `exclude` (the pattern's own accounts); `undefined` when none fits.
 */
export function creditBuildingPurchase(
  ctx: GeneratorContext,
  from: number,
  span: { readonly earliestMs: number; readonly latestMs: number },
  maxUsd: number,
  exclude: ReadonlySet<number>,
): PatternTransfer | undefined {
  const { rng, time, population } = ctx;
  const { earliestMs, latestMs } = span;
  const purpose = rng.weighted(BUILD_UP_PURCHASES);
  const fits = (d: ReturnType<typeof spendingPayment>) =>
    d !== undefined && d.amountUsd < maxUsd && !exclude.has(d.to);
  let drawn = spendingPayment(ctx, from, purpose);
  for (let attempt = 1; attempt < ATTEMPTS && drawn !== undefined && !fits(drawn); attempt++)
    drawn = spendingPayment(ctx, from, purpose);
  if (drawn === undefined || !fits(drawn)) return undefined;
  const country = population.countryOfAccount(from);
  const day = rng.int(localDayOf(earliestMs, country), localDayOf(latestMs, country));
  let atMs = instantOnDay(rng, time, PURPOSE_SPECS[purpose].profile, country, day);
  // The local day may spill past either end: keep the purchase inside the span.
  if (atMs < earliestMs || atMs > latestMs)
    atMs = earliestMs + Math.floor(rng.next() * (latestMs - earliestMs));
  return {
    from,
    to: drawn.to,
    atMs,
    amount: drawn.amountUsd,
    type: rng.weighted(PURPOSE_SPECS[purpose].types),
    purpose,
  };
}
