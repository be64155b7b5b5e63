/** Bins per power of ten of the amount histograms: edges at 1, 1.78, 3.16, 5.62, 10, … */
export const BINS_PER_DECADE = 4;

/** One bin of a log-scale histogram: values in [lo, hi). */
export interface LogBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/**
 * A log-scale histogram: `BINS_PER_DECADE` bins per power of ten, from the bin holding the smallest
 * positive value to the bin holding the largest. Values ≤ 0 have no place on a log axis and are
 * counted apart (`nonPositive`). Bin edges are fixed powers of ten, so histograms of different
 * groups line up on one axis.
 */
export interface LogHistogram {
  readonly binsPerDecade: number;
  readonly bins: readonly LogBin[];
  readonly nonPositive: number;
}

/** The index of the bin holding `value` (> 0): floor(log10(value) × bins per decade). */
export function logBinIndex(value: number): number {
  // A small nudge so that exact powers of ten (log10(1000) = 2.9999999999999996) land in their bin.
  return Math.floor(Math.log10(value) * BINS_PER_DECADE + 1e-9);
}

export function logBinEdge(index: number): number {
  return 10 ** (index / BINS_PER_DECADE);
}

/** Counts values into log-scale bins. */
export function logHistogram(values: ArrayLike<number>): LogHistogram {
  const counts = new Map<number, number>();
  let nonPositive = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 0;
    if (!(value > 0)) {
      nonPositive++;
      continue;
    }
    const index = logBinIndex(value);
    counts.set(index, (counts.get(index) ?? 0) + 1);
    first = Math.min(first, index);
    last = Math.max(last, index);
  }
  const bins: LogBin[] = [];
  for (let index = first; index <= last; index++)
    bins.push({ lo: logBinEdge(index), hi: logBinEdge(index + 1), count: counts.get(index) ?? 0 });
  return { binsPerDecade: BINS_PER_DECADE, bins, nonPositive };
}
