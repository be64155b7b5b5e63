import type { GenerationConfig } from '../config/index.js';
import type { TimeFrame } from './context.js';
import { MS_PER_DAY } from './time.js';

/**
 * The event window a config asks for: from `start_date`, or `duration_days` before the reference
 * date, up to the reference date. The plan and every typology's validation read it from here.
 */
export function timeFrameOf(config: GenerationConfig): TimeFrame {
  const referenceMs = Date.parse(config.referenceDate);
  const windowStartMs =
    config.startDate !== null
      ? Date.parse(config.startDate)
      : referenceMs - config.durationDays * MS_PER_DAY;
  return { referenceMs, windowStartMs };
}

/** Length of the configured event window, ms. */
export function eventWindowMs(config: GenerationConfig): number {
  const { referenceMs, windowStartMs } = timeFrameOf(config);
  return referenceMs - windowStartMs;
}
