import type { Activity } from './activity.js';
import type { Distribution } from './distribution.js';
import type { InDegree } from './in-degree.js';
import type { LeakTable } from './leak-table.js';
import type { RealismFigures, TargetCheck } from './realism-targets.js';
import type { SalaryCoverage } from './salary-coverage.js';

/** Records of one label and how many of them the ground truth labels as part of a crime. */
export interface LabelCount {
  readonly label: string;
  readonly records: number;
  readonly labelled: number;
}

/** The share of transfers labelled with one typology. */
export interface TypologyRate {
  readonly typology: string;
  /** Transfers labelled with this typology. */
  readonly transfers: number;
  /** transfers ÷ all transfers. */
  readonly rate: number;
}

/** How many transfers carry a crime label, overall and per typology. */
export interface Laundering {
  readonly transfers: number;
  /** Transfers that appear in ground_truth/event_labels. */
  readonly labelled: number;
  readonly rate: number;
  readonly byTypology: readonly TypologyRate[];
}

/** Amounts of one purpose, background (unlabelled) and crime (labelled) apart. */
export interface PurposeAmounts {
  /** The transfer's `purpose`, or `unknown` where it has none. */
  readonly purpose: string;
  readonly background: Distribution;
  readonly crime: Distribution;
}

/** Transfer amounts, background and crime apart, overall and per purpose. */
export interface Amounts {
  /**
   * Which field the amounts are: `amount_base` (in base currency) when every transfer has it,
   * `amount` (each in its own currency) when none has, `mixed` when some have.
   */
  readonly field: 'amount_base' | 'amount' | 'mixed';
  /** The distinct `base_currency` values seen (empty before the economy had one). */
  readonly baseCurrencies: readonly string[];
  readonly background: Distribution;
  readonly crime: Distribution;
  /** Per purpose, most transfers first. */
  readonly byPurpose: readonly PurposeAmounts[];
}

/**
 * The purposes worth showing beside `all`: none when every transfer has the same purpose (today's
 * output, all `unknown`), where they would repeat the `all` rows.
 */
export function purposesToShow(amounts: Amounts): readonly PurposeAmounts[] {
  return amounts.byPurpose.length > 1 ? amounts.byPurpose : [];
}

/** Everything `fingraph audit` computes about an output directory. */
export interface AuditReport {
  readonly directory: string;
  readonly format: string;
  readonly seed: unknown;
  readonly generatorVersion: string;
  /** First and last transfer timestamp (ISO), null without transfers. */
  readonly window: { readonly start: string | null; readonly end: string | null };
  readonly labels: readonly LabelCount[];
  readonly laundering: Laundering;
  readonly amounts: Amounts;
  readonly inDegree: InDegree;
  /** Transfers on the local clock of the sending account's bank country. */
  readonly activity: Activity;
  readonly salary: SalaryCoverage;
  readonly cryptoCurrencies: Readonly<Record<string, number>>;
  readonly realism: RealismFigures;
  /** Each realism figure beside the target. */
  readonly checks: readonly TargetCheck[];
  /** One table per event label: how well each field alone separates labelled events. */
  readonly leaks: readonly LeakTable[];
  /** Per main event kind: the strongest field other than the amount, and the strongest amount field, beside their limits. */
  readonly leakChecks: readonly TargetCheck[];
}
