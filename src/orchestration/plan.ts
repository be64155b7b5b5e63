import type { GenerationConfig } from '../config/index.js';
import type { TimeFrame } from '../generators/context.js';
import { MS_PER_DAY } from '../generators/time.js';
import { stagesFor, type Stage } from './stages.js';

/**
 * Records per seed chunk. Part of the determinism contract: a record's values depend on (seed,
 * stage, index ÷ CHUNK_SIZE) and on the records before it in its chunk — never on batch size,
 * worker count or shard split. Changing it changes every output.
 */
export const CHUNK_SIZE = 1_000;

export interface Plan {
  readonly config: GenerationConfig;
  readonly time: TimeFrame;
  readonly stages: readonly Stage[];
  readonly chunkSize: number;
}

/** Everything the run needs, derived from the config alone. */
export function planRun(config: GenerationConfig): Plan {
  const referenceMs = Date.parse(config.referenceDate);
  const windowStartMs =
    config.startDate !== null
      ? Date.parse(config.startDate)
      : referenceMs - config.durationDays * MS_PER_DAY;
  return {
    config,
    time: { referenceMs, windowStartMs },
    stages: stagesFor(config),
    chunkSize: CHUNK_SIZE,
  };
}
