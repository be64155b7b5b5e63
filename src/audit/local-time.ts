import { MS_PER_DAY } from '../model/index.js';
import { utcOffsetMinutes } from '../generators/data/time-zones.js';

const MS_PER_MINUTE = 60_000;
export /** A moment on a local clock: hour, weekday (0 Monday … 6 Sunday), day of month, calendar day. */
interface LocalTime {
  readonly hour: number;
  readonly weekday: number;
  readonly dayOfMonth: number;
  /** Days since 1970-01-01 on the local calendar. */
  readonly day: number;
}

/**
 * The local time of a UTC instant in `country`, by the country's standard UTC offset (the offset
 * the generator uses to place events on the local clock; a country not in the table is UTC).
 */
export function localTime(utcMs: number, country: string): LocalTime {
  const local = utcMs + utcOffsetMinutes(country) * MS_PER_MINUTE;
  const date = new Date(local);
  return {
    hour: date.getUTCHours(),
    weekday: (date.getUTCDay() + 6) % 7,
    dayOfMonth: date.getUTCDate(),
    day: Math.floor(local / MS_PER_DAY),
  };
}
