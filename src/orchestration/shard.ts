import type { GenerationConfig } from '../config/index.js';
import type { Plan } from './plan.js';
import { planUnits, type UnitRange } from './work-units.js';

/** Part `index` (from 0) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function shardOf(config: GenerationConfig): Shard {
  const [index = 0, count = 1] = config.shard.split('/').map(Number);
  return { index, count };
}

/**
 * The units a shard outputs: an even, contiguous slice of the run's unit sequence. Contiguous, so
 * each of a shard's files is one stretch of the unsharded file, and the merge is a concatenation
 * in shard order. Every shard still runs the population and patterns units it needs, so its
 * references into other shards' parts are the same ids the unsharded run writes.
 */
export function shardUnits(plan: Plan, shard: Shard): UnitRange {
  const total = planUnits(plan).length;
  return {
    from: Math.floor((shard.index * total) / shard.count),
    to: Math.floor(((shard.index + 1) * total) / shard.count),
  };
}
