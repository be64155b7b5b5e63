/**
 * The realism figures of a dataset, named as the issue names them (tests assert on these fields).
 * A figure is null when the data has nothing to compute it from.
 */
export interface RealismFigures {
  /** Share of transfers made in the sending account's currency. */
  readonly sameCurrencyShare: number | null;
  /** Accounts whose currency is a crypto-asset. */
  readonly cryptoAccounts: number;
  /** Median background (unlabelled) transfer, in base currency (`amount_base`, else `amount`). */
  readonly medianBackgroundAmount: number | null;
  /** Share of background transfers of 10,000 base units or more. */
  readonly backgroundShareAtLeast10k: number | null;
  /** Share of transfers received by the busiest 1 % of receiving accounts. */
  readonly top1PercentReceiverShare: number | null;
  /** Busiest receiver's transfers ÷ the median receiver's. */
  readonly busiestToMedianReceiver: number | null;
  /** 1 − distinct (payer, payee) pairs ÷ transfers. */
  readonly repeatedPairShare: number | null;
  /** Mean transfers per local weekend date ÷ per local weekday date. */
  readonly weekendToWeekdayRatio: number | null;
  /** Busiest local day of month ÷ the median day, in transfers per date. */
  readonly busiestDayOfMonthToMedian: number | null;
  /** Share of eligible employed persons paid a salary by their employer in every whole month. */
  readonly salaryCoverage: number | null;
}

/** The name of one realism figure. */
export type RealismFigure = keyof RealismFigures;

/** A target: the closed range a figure must fall in. */
export interface Target {
  readonly figure: RealismFigure;
  readonly min?: number;
  readonly max?: number;
  /** The target as the issue states it. */
  readonly text: string;
  /** How the figure is shown: a share as a percentage, or a plain number. */
  readonly unit: 'share' | 'count' | 'ratio' | 'amount';
}

/** The targets of issue #13 for a realistic background economy. */
export const REALISM_TARGETS: readonly Target[] = [
  { figure: 'sameCurrencyShare', min: 0.9, text: '≥ 90 %', unit: 'share' },
  { figure: 'cryptoAccounts', max: 0, text: '0', unit: 'count' },
  { figure: 'medianBackgroundAmount', min: 20, max: 500, text: '20–500', unit: 'amount' },
  { figure: 'backgroundShareAtLeast10k', max: 0.03, text: '≤ 3 %', unit: 'share' },
  { figure: 'top1PercentReceiverShare', min: 0.2, text: '≥ 20 %', unit: 'share' },
  { figure: 'busiestToMedianReceiver', min: 50, text: '≥ 50×', unit: 'ratio' },
  { figure: 'repeatedPairShare', min: 0.4, text: '≥ 40 %', unit: 'share' },
  { figure: 'weekendToWeekdayRatio', min: 0.3, max: 0.8, text: '0.3–0.8×', unit: 'ratio' },
  { figure: 'busiestDayOfMonthToMedian', min: 1.5, text: '≥ 1.5×', unit: 'ratio' },
  { figure: 'salaryCoverage', min: 1, text: '100 %', unit: 'share' },
];

/** One realism figure beside its target, and whether it meets it. */
export interface TargetCheck {
  readonly figure: string;
  readonly value: number | null;
  readonly target: string;
  readonly unit: Target['unit'];
  /** Null when the figure could not be computed. */
  readonly met: boolean | null;
}

/** Whether `value` lies inside the target's range (a tiny tolerance absorbs rounding). */
export function meets(value: number | null, min?: number, max?: number): boolean | null {
  if (value === null) return null;
  const epsilon = 1e-9;
  return (
    (min === undefined || value >= min - epsilon) && (max === undefined || value <= max + epsilon)
  );
}

/** Each realism figure beside its target. */
export function checkRealism(figures: RealismFigures): TargetCheck[] {
  return REALISM_TARGETS.map((t) => ({
    figure: t.figure,
    value: figures[t.figure],
    target: t.text,
    unit: t.unit,
    met: meets(figures[t.figure], t.min, t.max),
  }));
}
