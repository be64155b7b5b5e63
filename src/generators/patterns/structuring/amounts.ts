import type { Rng } from '../../../random/index.js';
import { usdPerUnit } from '../../economy/fx.js';
import { cents } from '../../money.js';

/** USD value of an amount at the FX reference table, to compare deposits made in different currencies. */
export function toUsd(amount: number, currency: string): number {
  return amount * usdPerUnit(currency);
}

/**
 * Honest deposits that a per-deposit rule would flag but whose sum stays below the threshold: one
 * of them (at `near`) is 90–99 % of it, the others share a fraction of what is left.
 */
export function amountsSummingBelow(
  rng: Rng,
  count: number,
  threshold: number,
  near: number,
): number[] {
  const nearAmount = cents(threshold * rng.float(0.9, 0.99));
  const budget = (threshold - nearAmount) * rng.float(0.3, 0.9);
  const weights = Array.from({ length: count }, (_, i) => (i === near ? 0 : rng.float(0.2, 1)));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w, i) =>
    i === near ? nearAmount : Math.max(0.01, Math.floor((budget * w * 100) / sum) / 100),
  );
}
