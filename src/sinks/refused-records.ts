import { SinkError } from '../errors.js';
import type { DroppedRecord, RecordRef } from './sink.js';

/**
 * The one rule every backend sink follows for records the backend refused for good: each is
 * reported with its id and reason to `onDrop` when one is given (a dead-letter file, the CLI's
 * report), and when none is, `close` fails naming the first refusal. Nothing is lost silently.
 */
export class RefusedRecords {
  private readonly byTarget = new Map<string, number>();
  private first: (DroppedRecord & { readonly target: string }) | undefined;
  private readonly refs: RecordRef[] = [];

  constructor(private readonly onDrop: ((dropped: DroppedRecord) => void) | undefined) {}

  /** How many were refused so far. */
  get count(): number {
    return this.refs.length;
  }

  /** Every refused record by label and id, in the order refused. */
  get records(): readonly RecordRef[] {
    return this.refs;
  }

  /** Records one refusal under `target` (an index, or the label) and hands it to `onDrop`. */
  add(dropped: DroppedRecord, target: string = dropped.label): void {
    this.refs.push({ label: dropped.label, id: dropped.id });
    this.byTarget.set(target, (this.byTarget.get(target) ?? 0) + 1);
    this.first ??= { ...dropped, target };
    this.onDrop?.(dropped);
  }

  /**
   * The error `close` throws when records were refused and no `onDrop` took them, e.g.
   * `opensearch sink: 2/5000 docs refused ("fingraph-transfers" 2; first: index "fingraph-transfers" id "T1": 400 …)`.
   */
  unclaimed(
    component: string,
    total: number,
    words: { readonly unit: string; readonly target: string },
  ): SinkError | undefined {
    const first = this.first;
    if (first === undefined || this.onDrop !== undefined) return undefined;
    const byTarget = [...this.byTarget].map(([target, n]) => `"${target}" ${n}`).join(', ');
    return new SinkError(
      `${component}: ${this.refs.length}/${total} ${words.unit} refused (${byTarget}; first: ${words.target} "${first.target}" id "${first.id}": ${first.reason})`,
      {
        failed: this.refs.length,
        total,
        byTarget: Object.fromEntries(this.byTarget),
        first: { label: first.label, id: first.id, reason: first.reason },
      },
    );
  }
}
