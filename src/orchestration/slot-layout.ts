import { deriveSeed, Rng } from '../random/index.js';

/**
 * Where injected elements sit among the background ones in one stage. The stage runs over
 * `total = base + reserved` indexes; `reserved` of them, drawn uniformly, belong to patterns. So
 * a crime's accounts and transfers get ordinary ids in the middle of the range and of the files,
 * and cannot be told apart by position.
 */
export class SlotLayout {
  /** Reserved indexes, ascending. */
  readonly reserved: readonly number[];
  private readonly reservedSet: ReadonlySet<number>;

  constructor(
    readonly base: number,
    reservedCount: number,
    seed: number,
    stage: string,
  ) {
    const total = base + reservedCount;
    const rng = new Rng(deriveSeed(seed, `slots:${stage}`));
    const chosen = new Set<number>();
    // Rejection sampling is fast while reserved ≪ total; switch to a partial shuffle otherwise.
    if (reservedCount * 4 < total) {
      while (chosen.size < reservedCount) chosen.add(rng.int(0, total - 1));
    } else {
      for (const index of rng.sample(
        Array.from({ length: total }, (_, i) => i),
        reservedCount,
      ))
        chosen.add(index);
    }
    this.reserved = [...chosen].sort((a, b) => a - b);
    this.reservedSet = chosen;
  }

  get total(): number {
    return this.base + this.reserved.length;
  }

  isReserved(index: number): boolean {
    return this.reservedSet.has(index);
  }
}
