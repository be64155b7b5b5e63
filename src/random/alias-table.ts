import type { Rng } from './rng.js';

/**
 * Walker's alias method (Vose's construction): draws an index with probability proportional to
 * its weight in O(1), after O(n) set-up. Used where one distribution is drawn from millions of
 * times, such as which account pays next in a run of 10⁷ transfers.
 */
export class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    if (n === 0) throw new RangeError('AliasTable: no weights');
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (!(total > 0)) throw new RangeError('AliasTable: weights must sum to more than 0');
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.probability[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  get size(): number {
    return this.probability.length;
  }

  draw(rng: Rng): number {
    const i = Math.floor(rng.next() * this.probability.length);
    return rng.next() < (this.probability[i] as number) ? i : (this.alias[i] as number);
  }
}
