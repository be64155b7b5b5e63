import type { Rng } from '../../random/index.js';
import type { TimeFrame } from '../context.js';
import { HOUR_WEIGHTS, WEEKDAY_WEIGHTS, type TimeProfile } from '../data/payment-purposes.js';
import { utcOffsetMinutes } from '../data/time-zones.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time.js';

/*
 * Events happen on the local clock of the account's country: a card purchase at 12:30 in London
 * and one at 12:30 in New York are five hours apart in UTC. Days are local calendar days; the
 * result is always a UTC instant inside the event window.
 */

const CUMULATIVE_HOURS = Object.fromEntries(
  Object.entries(HOUR_WEIGHTS).map(([profile, weights]) => [profile, cumulative(weights)]),
) as Record<TimeProfile, number[]>;
const MAX_WEEKDAY_WEIGHT = Object.fromEntries(
  Object.entries(WEEKDAY_WEIGHTS).map(([profile, weights]) => [profile, Math.max(...weights)]),
) as Record<TimeProfile, number>;

/** Monday = 0 … Sunday = 6 of a day number (days since 1970-01-01, a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The local day number (days since the epoch, local calendar) of a UTC instant in `country`. */
export function localDayOf(utcMs: number, country: string): number {
  return Math.floor((utcMs + utcOffsetMinutes(country) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The local day range [first, last] of the window in `country`. */
function localDays(time: TimeFrame, country: string): [number, number] {
  return [localDayOf(time.windowStartMs, country), localDayOf(time.referenceMs, country)];
}

/**
 * An instant on local day `day` of `country`, at an hour drawn from the profile, clamped into the
 * window (the window's first and last days are partial).
 */
export function instantOnDay(
  rng: Rng,
  time: TimeFrame,
  profile: TimeProfile,
  country: string,
  day: number,
): number {
  const hour = drawIndex(rng, CUMULATIVE_HOURS[profile]);
  const localMs = day * MS_PER_DAY + hour * MS_PER_HOUR + rng.int(0, 3_599) * 1_000;
  const utcMs = localMs - utcOffsetMinutes(country) * MS_PER_MINUTE;
  return Math.min(Math.max(utcMs, time.windowStartMs), time.referenceMs);
}

/** A local day of the window drawn by the profile's weekday weights. */
export function drawDay(rng: Rng, time: TimeFrame, profile: TimeProfile, country: string): number {
  const [first, last] = localDays(time, country);
  const weights = WEEKDAY_WEIGHTS[profile];
  const max = MAX_WEEKDAY_WEIGHT[profile];
  for (let attempt = 0; attempt < 64; attempt++) {
    const day = rng.int(first, last);
    if (rng.next() * max < (weights[weekdayOf(day)] ?? 0)) return day;
  }
  return rng.int(first, last);
}

/** An instant in the window on `country`'s clock, by the profile's weekday and hour weights. */
export function drawInstant(
  rng: Rng,
  time: TimeFrame,
  profile: TimeProfile,
  country: string,
): number {
  return instantOnDay(rng, time, profile, country, drawDay(rng, time, profile, country));
}

/** The first working day (Monday–Friday) on or after `day`. */
export function workingDayOnOrAfter(day: number): number {
  let d = day;
  while (weekdayOf(d) >= 5) d++;
  return d;
}

/** The last working day on or before `day`. */
export function workingDayOnOrBefore(day: number): number {
  let d = day;
  while (weekdayOf(d) >= 5) d--;
  return d;
}

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function drawIndex(rng: Rng, cumulativeWeights: readonly number[]): number {
  const r = rng.next() * (cumulativeWeights[cumulativeWeights.length - 1] ?? 0);
  for (let i = 0; i < cumulativeWeights.length; i++)
    if (r < (cumulativeWeights[i] as number)) return i;
  return cumulativeWeights.length - 1;
}
