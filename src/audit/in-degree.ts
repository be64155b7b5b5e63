import { median } from './quantiles.js';

/** Accounts that received exactly `degree` transfers. */
export interface DegreePoint {
  readonly degree: number;
  readonly accounts: number;
}

/** How incoming transfers spread over receiving accounts. */
export interface InDegree {
  /** Accounts that received at least one transfer. */
  readonly receivers: number;
  readonly maxDegree: number;
  readonly medianDegree: number | null;
  /** The degree distribution, degree ascending (plot on log-log axes). */
  readonly points: readonly DegreePoint[];
  /** Share of all transfers received by the busiest 1 % of receivers (at least one account). */
  readonly top1PercentShare: number | null;
  /** Busiest receiver's transfers ÷ the median receiver's. */
  readonly busiestToMedian: number | null;
}

/** Counts transfers received per account. */
export class InDegreeCounter {
  private readonly received = new Map<string, number>();

  add(receiver: string): void {
    this.received.set(receiver, (this.received.get(receiver) ?? 0) + 1);
  }

  result(): InDegree {
    const degrees = Float64Array.from(this.received.values()).sort().reverse();
    const total = degrees.reduce((a, b) => a + b, 0);
    const top = Math.max(1, Math.ceil(degrees.length * 0.01));
    const topSum = degrees.subarray(0, top).reduce((a, b) => a + b, 0);
    const byDegree = new Map<number, number>();
    for (const d of degrees) byDegree.set(d, (byDegree.get(d) ?? 0) + 1);
    const mid = median(degrees);
    const max = degrees[0] ?? 0;
    return {
      receivers: degrees.length,
      maxDegree: max,
      medianDegree: mid,
      points: [...byDegree]
        .map(([degree, accounts]) => ({ degree, accounts }))
        .sort((a, b) => a.degree - b.degree),
      top1PercentShare: total === 0 ? null : topSum / total,
      busiestToMedian: mid === null || mid === 0 ? null : max / mid,
    };
  }
}
