import type { Rng } from '../random/index.js';

/** A uniform element of `items` different from `exclude` (items must hold another value). */
export function pickOther<T>(rng: Rng, items: readonly T[], exclude: T): T {
  for (;;) {
    const item = rng.pick(items);
    if (item !== exclude) return item;
  }
}
