import type { Rng } from '../../../random/index.js';

/*
 * Pattern amounts are kept in whole cents so that flows conserve money exactly: what an account
 * passes on plus its cut is, to the cent, what it received.
 */

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
