import type { Rng } from '../../../random/index.js';
import type { TimeFrame } from '../../context.js';
import { MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND } from '../../time.js';
import type { DraftContext } from '../typology.js';

/** The stretch of time one pattern instance happens in, epoch ms, inside the event window. */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/** A span of `lengthMs` (clamped to the event window) placed uniformly inside the window. */
export function placeSpan(rng: Rng, time: TimeFrame, lengthMs: number): Span {
  const room = time.referenceMs - time.windowStartMs;
  const length = Math.min(lengthMs, room);
  const startMs = time.windowStartMs + Math.floor(rng.next() * (room - length));
  return { startMs, endMs: startMs + length };
}

/**
 * The window of a graph typology instance: graph_window_min_hours–graph_window_max_hours long
 * (to the minute), placed uniformly in the event window. Validation guarantees it fits.
 */
export function drawSpan(ctx: DraftContext): Span {
  const { rng, config, time } = ctx;
  const minutes = rng.int(config.graphWindowMinHours * 60, config.graphWindowMaxHours * 60);
  return placeSpan(rng, time, minutes * MS_PER_MINUTE);
}

/**
 * A longer span for look-alikes, whose honest counterparts play out over days or weeks (loans
 * repaid, rents collected then paid out): `minDays`–`maxDays` long, clamped to the event window.
 */
export function longSpan(ctx: DraftContext, minDays: number, maxDays: number): Span {
  const { rng, time } = ctx;
  const hours = rng.int(minDays * 24, maxDays * 24);
  return placeSpan(rng, time, hours * MS_PER_HOUR);
}

/**
 * A uniform whole-millisecond instant in [fromMs, toMs) (fromMs itself when the interval is
 * empty), moved up to a whole second when that stays inside: bank timestamps rarely carry ms.
 */
export function timeIn(rng: Rng, fromMs: number, toMs: number): number {
  const lo = Math.ceil(fromMs);
  const hi = Math.floor(toMs);
  const at = lo + Math.floor(rng.next() * Math.max(0, hi - lo));
  const second = Math.ceil(at / MS_PER_SECOND) * MS_PER_SECOND;
  return second < hi ? second : at;
}

/**
 * `n` strictly increasing instants in a span: the span is cut into n equal slots and one instant
 * is drawn in the middle 80 % of each, so consecutive instants are always apart.
 */
export function slotTimes(rng: Rng, span: Span, n: number): number[] {
  const slot = (span.endMs - span.startMs) / n;
  return Array.from({ length: n }, (_, k) =>
    timeIn(rng, span.startMs + (k + 0.1) * slot, span.startMs + (k + 0.9) * slot),
  );
}

/** The k-th of `n` equal consecutive sub-spans of a span. */
export function subSpan(span: Span, k: number, n: number): Span {
  const slot = (span.endMs - span.startMs) / n;
  return {
    startMs: Math.floor(span.startMs + k * slot),
    endMs: Math.floor(span.startMs + (k + 1) * slot),
  };
}

/** The span as ISO strings, for a ground-truth parameter block. */
export function spanParameters(span: Span): { window_start: string; window_end: string } {
  return {
    window_start: new Date(span.startMs).toISOString(),
    window_end: new Date(span.endMs).toISOString(),
  };
}
