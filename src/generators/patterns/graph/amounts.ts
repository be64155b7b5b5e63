import type { Rng } from '../../../random/index.js';
import { logNormal } from '../../economy/amounts.js';

/*
 * Pattern amounts are kept in whole cents so that flows conserve money exactly: what an account
 * passes on plus its cut is, to the cent, what it received.
 */

/**
 * The size of one laundering payment, in US dollars: log-normal with this median and sigma, kept
 * within [min, max]. Launderers split proceeds into payments that sit among ordinary customers'
 * larger payments (FATF's "smurfing" and layering typologies), not into round blocks of tens of
 * thousands that the amount alone would give away. The median sits between the background's
 * person-to-person ($90) and invoice ($2,000) medians (payment-purposes.ts); the floor keeps a
 * laundering payment above card-purchase size, the ceiling below single payments a bank reviews
 * by hand. `fingraph audit` measures how well the amount alone separates crime from background.
 */
export const LAUNDERED_PAYMENT_USD = { median: 900, sigma: 1.0, min: 300, max: 40_000 } as const;

/**
 * The sum of `payments` laundering payments, in whole cents: one log-normal draw scaled by the
 * number of payments (a total that is later split), resampled until it lies within the bounds.
 */
export function launderedCents(rng: Rng, payments = 1): number {
  const { median, sigma, min, max } = LAUNDERED_PAYMENT_USD;
  for (let attempt = 0; attempt < 32; attempt++) {
    const usd = logNormal(rng, median, sigma);
    if (usd >= min && usd <= max) return Math.round(usd * payments * 100);
  }
  return Math.round(median * payments * 100);
}

/** A uniform amount in [min, max] currency units, in whole cents. */
export function centsBetween(rng: Rng, min: number, max: number): number {
  return rng.int(Math.round(min * 100), Math.round(max * 100));
}

/** Whole cents → currency units (exact to the cent: an integer divided by 100). */
export function fromCents(amountCents: number): number {
  return amountCents / 100;
}

/**
 * Splits `total` cents into `n` positive parts that sum to it exactly; each part's weight is
 * uniform in [1 − spread, 1 + spread], so the parts are similar but not equal.
 */
export function splitCents(rng: Rng, total: number, n: number, spread = 0.5): number[] {
  if (n <= 0) return [];
  const weights = Array.from({ length: n }, () => rng.float(1 - spread, 1 + spread));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  const rest = total - parts.reduce((a, b) => a + b, 0);
  parts[n - 1] = (parts[n - 1] ?? 0) + rest;
  return parts;
}

/** The cut kept out of `received` cents at `rate` (at least one cent when the rate is positive). */
export function cutOf(received: number, rate: number): number {
  if (rate <= 0) return 0;
  return Math.min(received - 1, Math.max(1, Math.round(received * rate)));
}
