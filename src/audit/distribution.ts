import { logHistogram, type LogHistogram } from './log-histogram.js';
import { quantileSorted } from './quantiles.js';

/** Summary of a set of amounts: quantiles (null when empty) and a log-scale histogram. */
export interface Distribution {
  readonly count: number;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  readonly histogram: LogHistogram;
}

/** Summarises `values` (sorted in place: pass a copy if the order matters). */
export function distributionOf(values: Float64Array): Distribution {
  const sorted = values.sort();
  const q = (p: number) => quantileSorted(sorted, p);
  return {
    count: sorted.length,
    p5: q(0.05),
    p25: q(0.25),
    median: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    p99: q(0.99),
    max: sorted.length === 0 ? null : (sorted[sorted.length - 1] ?? null),
    histogram: logHistogram(sorted),
  };
}
