import type { TargetCheck } from './realism-targets.js';

/** A share as a percentage with one decimal; a dash for null. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** A number with thousands separators and at most `digits` decimals; a dash for null. */
export function decimal(value: number | null, digits = 2): string {
  return value === null
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A figure as its unit shows it. */
export function figureValue(check: Pick<TargetCheck, 'value' | 'unit'>): string {
  switch (check.unit) {
    case 'share':
      return percent(check.value);
    case 'count':
      return decimal(check.value, 0);
    case 'ratio':
      return check.value === null ? '—' : decimal(check.value, check.value >= 10 ? 1 : 3);
    case 'amount':
      return decimal(check.value, 2);
  }
}

/** "met", "NOT MET", or "n/a" when the figure could not be computed. */
export function verdict(met: boolean | null): string {
  return met === null ? 'n/a' : met ? 'met' : 'NOT MET';
}

/** Plain-words names of the realism figures, for people. */
export const FIGURE_NAMES: Readonly<Record<string, string>> = {
  sameCurrencyShare: "transfers in the sender's currency",
  cryptoAccounts: 'accounts in a crypto-asset',
  medianBackgroundAmount: 'median background transfer',
  backgroundShareAtLeast10k: 'background transfers ≥ 10,000',
  top1PercentReceiverShare: 'transfers to the top 1 % receivers',
  busiestToMedianReceiver: 'busiest ÷ median receiver',
  repeatedPairShare: 'transfers repeating a payer→payee pair',
  weekendToWeekdayRatio: 'weekend ÷ weekday day (local)',
  busiestDayOfMonthToMedian: 'busiest ÷ median day of month',
  salaryCoverage: 'employed persons paid every month',
};

export function figureName(figure: string): string {
  return FIGURE_NAMES[figure] ?? figure;
}
