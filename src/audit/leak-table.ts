import { FieldColumn } from './field-column.js';
import { GrowableArray } from './growable-array.js';
import { rankAuc, rankAucWithinGroups, separation } from './rank-auc.js';
import { fnv1a, unitHash } from './stable-hash.js';
import { FOLDS, outOfFoldEncoding } from './target-encoding.js';

/** Events per label above which the unlabelled ones are sampled (all labelled ones are kept). */
export const LEAK_SAMPLE_LIMIT = 200_000;

/** Separation above which a field gives the label away. */
export const LEAK_THRESHOLD = 0.7;
/** The amount and its derivatives may separate more (crimes do move unusual sums), up to this. */
export const AMOUNT_LEAK_THRESHOLD = 0.85;
/** The transfer fields that are amounts; they get the higher {@link AMOUNT_LEAK_THRESHOLD}. */
export const AMOUNT_FIELDS: ReadonlySet<string> = new Set([
  'amount',
  'amount_base',
  'amount_local',
  'fee_amount',
]);

/** What a column is: the event's own id, one of its endpoints, or an ordinary property. */
export type FieldRole = 'id' | 'endpoint' | 'property';

/** How well one field alone separates labelled events from the rest. */
export interface LeakField {
  readonly field: string;
  readonly role: FieldRole;
  /** How the field was ranked: directly (numbers, booleans, instants) or target-encoded out of fold. */
  readonly kind: 'numeric' | 'categorical';
  readonly distinctValues: number;
  /** max(AUC, 1 − AUC) of the field alone; null when a class is empty. */
  readonly auc: number | null;
  readonly threshold: number;
  /** auc > threshold. */
  readonly flagged: boolean;
}

/**
 * The leak table of one label: every field ranked by how well it gives the labelled events away.
 */
export interface LeakTable {
  readonly label: string;
  /** Events of the label in the output. */
  readonly events: number;
  readonly labelled: number;
  /** Events ranked: every labelled one and the unlabelled ones kept. */
  readonly ranked: number;
  /** Share of the unlabelled events kept (1 unless the label has more than LEAK_SAMPLE_LIMIT). */
  readonly unlabelledSampleRate: number;
  /** Sorted by auc, highest first. */
  readonly fields: readonly LeakField[];
}

/**
 * Collects the fields of one event label, one event at a time, and ranks each field alone as a
 * separator of labelled from unlabelled events. Memory is one number per field per kept event
 * (plus the dictionary of distinct categorical values); with more than LEAK_SAMPLE_LIMIT events
 * the unlabelled ones are sampled by a hash of their id, so the sample is the same on every run.
 */
export class LeakCollector {
  private readonly columns = new Map<string, FieldColumn>();
  private readonly roles = new Map<string, FieldRole>();
  private readonly positive = new GrowableArray();
  private readonly folds = new GrowableArray();
  private readonly sampleRate: number;
  private events = 0;
  private labelled = 0;

  /**
   * @param label the event label
   * @param expectedUnlabelled how many unlabelled events the label has (from the manifest), which
   *   sets the sample rate
   */
  constructor(
    readonly label: string,
    expectedUnlabelled: number,
    limit = LEAK_SAMPLE_LIMIT,
  ) {
    this.sampleRate = expectedUnlabelled <= limit ? 1 : limit / expectedUnlabelled;
  }

  /**
   * Adds one event: its id, whether it is labelled, and its fields by name. `instance` is the
   * crime instance a labelled event belongs to: all events of one instance share a fold, so a
   * value only that instance's events carry (its accounts, its country, its dates) is never
   * encoded from the instance's own events and cannot fake a leak. Unlabelled events fold by id.
   */
  add(
    id: string,
    isLabelled: boolean,
    fields: Readonly<Record<string, unknown>>,
    roles: Readonly<Record<string, FieldRole>> = {},
    instance?: string,
  ): void {
    this.events++;
    if (isLabelled) this.labelled++;
    else if (this.sampleRate < 1 && unitHash(id) >= this.sampleRate) return;
    const row = this.positive.length;
    this.positive.push(isLabelled ? 1 : 0);
    this.folds.push(fnv1a(instance ?? id) % FOLDS);
    for (const [name, value] of Object.entries(fields)) {
      let column = this.columns.get(name);
      if (column === undefined) {
        column = new FieldColumn();
        this.columns.set(name, column);
        this.roles.set(name, roles[name] ?? 'property');
      }
      column.padTo(row);
      column.push(value);
    }
  }

  table(): LeakTable {
    const rows = this.positive.length;
    const positive = Uint8Array.from(this.positive.values());
    const folds = Uint8Array.from(this.folds.values());
    const fields: LeakField[] = [];
    for (const [field, column] of this.columns) {
      column.padTo(rows);
      const auc = separation(
        column.kind === 'numeric'
          ? rankAuc(column.numbers(), positive)
          : rankAucWithinGroups(
              outOfFoldEncoding(column.codes(), folds, positive),
              positive,
              folds,
              FOLDS,
            ),
      );
      const threshold = AMOUNT_FIELDS.has(field) ? AMOUNT_LEAK_THRESHOLD : LEAK_THRESHOLD;
      fields.push({
        field,
        role: this.roles.get(field) ?? 'property',
        kind: column.kind,
        distinctValues: column.distinctValues(),
        auc,
        threshold,
        flagged: auc !== null && auc > threshold,
      });
    }
    fields.sort((a, b) => (b.auc ?? 0) - (a.auc ?? 0) || a.field.localeCompare(b.field));
    return {
      label: this.label,
      events: this.events,
      labelled: this.labelled,
      ranked: rows,
      unlabelledSampleRate: this.sampleRate,
      fields,
    };
  }
}
