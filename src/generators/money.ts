import type { Rng } from '../random/index.js';
import {
  ROUND_AMOUNTS,
  STRUCTURING_THRESHOLDS,
  THRESHOLD_CURRENCY,
  thresholdRegion,
} from './data/money.js';

/** Rounds to cents, avoiding binary noise such as 0.1 + 0.2. */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * The original's amount draw: with probability pRound a round amount inside [min, max] (when one
 * exists), otherwise uniform in [min, max] to the cent.
 */
export function randomAmount(rng: Rng, min: number, max: number, pRound = 0.3): number {
  if (rng.chance(pRound)) {
    const candidates = ROUND_AMOUNTS.filter((a) => a >= min && a <= max);
    if (candidates.length > 0) return rng.pick(candidates);
  }
  return cents(rng.float(min, max));
}

export interface Threshold {
  readonly amount: number;
  readonly currency: string;
}

const THRESHOLDS = new Map<string, Threshold>();

/** The cash-reporting threshold that applies in a country, in the currency it is expressed in. */
export function thresholdFor(country: string): Threshold {
  let threshold = THRESHOLDS.get(country);
  if (threshold === undefined) {
    const region = thresholdRegion(country);
    threshold = {
      amount: STRUCTURING_THRESHOLDS[region] ?? 10_000,
      currency: THRESHOLD_CURRENCY[region] ?? 'USD',
    };
    THRESHOLDS.set(country, threshold);
  }
  return threshold;
}

/** An amount just below the threshold: threshold − U(0, margin·threshold), strictly below it. */
export function justBelowThreshold(rng: Rng, threshold: number, margin = 0.05): number {
  // At least half a percent below: nobody deposits 9,999.99, and a conversion to another
  // currency cannot round it up to the threshold.
  const amount = cents(threshold - rng.float(0.005 * threshold, margin * threshold));
  return Math.min(amount, threshold - 0.01);
}

/** Entity risk score → level: ≥ .7 critical, ≥ .5 high, ≥ .3 medium, else low. */
export function riskLevel(score: number): 'low' | 'medium' | 'high' | 'critical' {
  if (score >= 0.7) return 'critical';
  if (score >= 0.5) return 'high';
  if (score >= 0.3) return 'medium';
  return 'low';
}

/** Risk scores are kept to 3 decimals so files stay readable. */
export function score(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
