import type { Rng } from '../../../random/index.js';

/** A directed edge from the `from`-th account of one set to the `to`-th of the next. */
export type Pair = readonly [from: number, to: number];

/**
 * Edges from a set of `a` accounts to a set of `b` accounts: each of the a·b pairs carries an
 * edge with probability `density`, then every account of the first set gets at least one
 * outgoing edge and every account of the second at least one incoming edge, so nobody is left
 * out of the shape. Sorted by (from, to). Drawn at plan time: the edge count is the event count.
 */
export function denseEdges(rng: Rng, a: number, b: number, density: number): Pair[] {
  const kept = Array.from({ length: a }, () =>
    Array.from({ length: b }, () => rng.chance(density)),
  );
  for (let i = 0; i < a; i++) {
    const row = kept[i] as boolean[];
    if (!row.includes(true)) row[rng.int(0, b - 1)] = true;
  }
  for (let j = 0; j < b; j++) {
    if (!kept.some((row) => row[j] === true)) (kept[rng.int(0, a - 1)] as boolean[])[j] = true;
  }
  const pairs: Pair[] = [];
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) if (kept[i]?.[j] === true) pairs.push([i, j]);
  return pairs;
}
