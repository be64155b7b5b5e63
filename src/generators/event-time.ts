import type { GeneratorContext } from './context.js';
import { MS_PER_HOUR, startOfDay } from './time.js';

/**
 * An event instant in the window: 70 % at a business hour (09:00–16:59 UTC) of a uniform day,
 * 30 % at a uniform second. All UTC: the original's naive/aware mix is gone.
 */
export function eventTime(ctx: GeneratorContext): number {
  const { rng, time } = ctx;
  const span = time.referenceMs - time.windowStartMs;
  if (rng.chance(0.3)) return time.windowStartMs + Math.floor(rng.next() * span);
  const day = startOfDay(time.windowStartMs + Math.floor(rng.next() * span));
  const ms = day + rng.int(9, 16) * MS_PER_HOUR + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1_000;
  return Math.min(Math.max(ms, time.windowStartMs), time.referenceMs);
}

/** A uniform instant in the window. */
export function uniformTime(ctx: GeneratorContext): number {
  const { rng, time } = ctx;
  return time.windowStartMs + Math.floor(rng.next() * (time.referenceMs - time.windowStartMs));
}
