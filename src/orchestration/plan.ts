import type { GenerationConfig } from '../config/index.js';
import type { TimeFrame } from '../generators/context.js';
import { TYPOLOGY_REGISTRY } from '../generators/patterns/registry.js';
import { timeFrameOf } from '../generators/event-window.js';
import { planPatterns, type PatternPlan } from './pattern-plan.js';
import { STAGES, type Stage } from './stages.js';

/**
 * Records per seed chunk. Part of the determinism contract: a record's values depend on (seed,
 * stage, index ÷ CHUNK_SIZE) and on the records before it in its chunk — never on batch size,
 * worker count or shard split. Changing it changes every output.
 */
export const CHUNK_SIZE = 1_000;

/**
 * A run planned before anything is generated: counts, stage order, typology instances and their
 * reserved id slots.
 */
export interface Plan {
  readonly config: GenerationConfig;
  readonly time: TimeFrame;
  readonly stages: readonly Stage[];
  readonly chunkSize: number;
  readonly patterns: PatternPlan;
}

/**
 * Everything the run needs, derived from the config alone. Throws a ConfigError when a typology
 * cannot be hosted (too few participants, chains too short, a window too small) — before
 * anything is written.
 */
export function planRun(config: GenerationConfig): Plan {
  for (const entry of TYPOLOGY_REGISTRY) entry.validate(config);
  const time = timeFrameOf(config);
  return {
    config,
    time,
    stages: STAGES,
    chunkSize: CHUNK_SIZE,
    patterns: planPatterns(config, time),
  };
}
