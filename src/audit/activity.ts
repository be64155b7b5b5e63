import { MS_PER_DAY } from '../model/index.js';
import { localTime } from './local-time.js';
import { median } from './quantiles.js';

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Transfers on one day of the month, per calendar date. */
export interface DayOfMonthActivity {
  readonly day: number;
  readonly transfers: number;
  /** Local calendar dates with this day of month strictly between the first and the last. */
  readonly dates: number;
  /** transfers ÷ dates: what the day-of-month figure compares, so months shorter than 31 days and a window that covers some days more often than others do not skew it. */
  readonly perDate: number;
}

/**
 * When transfers happen, on the account country's local clock: by hour, weekday and day of month.
 */
export interface Activity {
  /** Transfers by local hour 0–23. */
  readonly hour: readonly number[];
  /** Transfers by local weekday, Monday first, on the whole dates of the window. */
  readonly weekday: readonly number[];
  /** Local calendar dates of each weekday in the window (whole dates only), Monday first. */
  readonly weekdayDates: readonly number[];
  readonly dayOfMonth: readonly DayOfMonthActivity[];
  /** Mean transfers per weekend date ÷ mean per weekday date (local calendar); null without both. */
  readonly weekendToWeekdayRatio: number | null;
  /** Busiest day of month ÷ the median day of month, in transfers per date; null when empty. */
  readonly busiestDayOfMonthToMedian: number | null;
}

/**
 * Counts transfers on the local clock of the sending account's bank country, by hour, weekday and
 * day of month, and per local calendar date for the ratios.
 */
export class ActivityCounter {
  private readonly hours = new Array<number>(24).fill(0);
  private readonly byDay = new Map<number, number>();

  add(utcMs: number, country: string): void {
    const local = localTime(utcMs, country);
    this.hours[local.hour] = (this.hours[local.hour] ?? 0) + 1;
    this.byDay.set(local.day, (this.byDay.get(local.day) ?? 0) + 1);
  }

  result(): Activity {
    const weekday = new Array<number>(7).fill(0);
    const weekdayDates = new Array<number>(7).fill(0);
    const domTransfers = new Array<number>(32).fill(0);
    const domDates = new Array<number>(32).fill(0);
    const days = [...this.byDay.keys()];
    const first = days.length === 0 ? 0 : Math.min(...days);
    const last = days.length === 0 ? -1 : Math.max(...days);
    // Every local date from the first to the last transfer, with or without transfers, but for
    // those two: the window covers them only in part, and one short weekend day among a dozen
    // would move the weekend ratio by several per cent.
    const whole = last - first >= 2 ? 1 : 0;
    for (let day = first + whole; day <= last - whole; day++) {
      const count = this.byDay.get(day) ?? 0;
      const date = new Date(day * MS_PER_DAY);
      const wd = (date.getUTCDay() + 6) % 7;
      const dom = date.getUTCDate();
      weekday[wd] = (weekday[wd] ?? 0) + count;
      weekdayDates[wd] = (weekdayDates[wd] ?? 0) + 1;
      domTransfers[dom] = (domTransfers[dom] ?? 0) + count;
      domDates[dom] = (domDates[dom] ?? 0) + 1;
    }
    const sum = (values: readonly number[], from: number, to: number) =>
      values.slice(from, to).reduce((a, b) => a + b, 0);
    const weekendDates = sum(weekdayDates, 5, 7);
    const workDates = sum(weekdayDates, 0, 5);
    const weekendMean = weekendDates === 0 ? null : sum(weekday, 5, 7) / weekendDates;
    const workMean = workDates === 0 ? null : sum(weekday, 0, 5) / workDates;
    const dayOfMonth: DayOfMonthActivity[] = [];
    for (let day = 1; day <= 31; day++) {
      const dates = domDates[day] ?? 0;
      const transfers = domTransfers[day] ?? 0;
      if (dates > 0) dayOfMonth.push({ day, transfers, dates, perDate: transfers / dates });
    }
    const perDate = dayOfMonth.map((d) => d.perDate);
    const mid = median(perDate);
    return {
      hour: [...this.hours],
      weekday,
      weekdayDates,
      dayOfMonth,
      weekendToWeekdayRatio:
        weekendMean === null || workMean === null || workMean === 0 ? null : weekendMean / workMean,
      busiestDayOfMonthToMedian: mid === null || mid === 0 ? null : Math.max(...perDate) / mid,
    };
  }
}
