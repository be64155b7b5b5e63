import type { GraphBatch, GroundTruth, TextFormat } from '../model/index.js';

/** What a sink did, reported when it closes. Loaders report; they never swallow. */
export interface SinkStats {
  /** Elements handed to the sink. */
  readonly total: number;
  readonly successful: number;
  readonly failed: number;
  /** Requests (or documents) sent again after a transient failure. */
  readonly retried: number;
  readonly bytes: number;
  readonly timeMs: number;
}

/** An element a backend refused for good (after retries): reported, never dropped silently. */
export interface DroppedRecord {
  /** Graph label, or ground-truth table (patterns, event_labels). */
  readonly label: string;
  readonly id: string;
  readonly reason: string;
  /**
   * The element as it was sent (an edge's endpoints included), so a dead-letter file can be read
   * and replayed without the output directory.
   */
  readonly row?: unknown;
}

/** A record by label and business id: one a backend refused, or one to remove from another. */
export interface RecordRef {
  readonly label: string;
  readonly id: string;
}

/** One line of a post-load check: how many elements of a label are in the backend. */
export interface VerificationRow {
  readonly label: string;
  /** Where they were counted: index name, or vertex/edge label. */
  readonly target: string;
  readonly expected: number;
  readonly actual: number;
}

/**
 * A destination for the batch stream. `write` resolves when the sink can take the next batch: that
 * is the backpressure. `close` flushes and reports; `abort` releases resources after a failure
 * elsewhere and must leave nothing that looks complete (backends: restore settings, keep the
 * checkpoint).
 */
export interface Sink {
  readonly name: string;
  write(batch: GraphBatch): Promise<void>;
  /** Receives the ground truth once, after the last batch and before close. */
  writeGroundTruth?(truth: GroundTruth): Promise<void>;
  /**
   * Takes the ground truth even in a run that does not write it (include_ground_truth off): an
   * export whose own format holds it, such as AMLworld's patterns file.
   */
  readonly needsGroundTruth?: boolean;
  /**
   * The text format whose rows this sink appends ready-encoded (`batch.encoded[format]`): worker
   * threads then encode them beside generating, and when every sink takes encoded rows the
   * batches carry no records. Absent: the sink reads the records.
   */
  readonly encodedFormat?: TextFormat | undefined;
  close(): Promise<SinkStats>;
  abort(reason: unknown): Promise<void>;
  /**
   * After close: counts what actually landed, per label, against what was generated (labels
   * and ground-truth tables, by count). Called by the orchestration; any difference fails the run.
   */
  verify?(expected: Readonly<Record<string, number>>): Promise<readonly VerificationRow[]>;
  /** After close: every record this backend refused for good (and every one it retracted). */
  refusedRecords?(): readonly RecordRef[];
  /**
   * After close: removes records another backend refused, so that every backend holds the same
   * ones (orchestration/reconcile-refusals.ts). What has to go with them (a graph drops a
   * vertex's edges with it) is reported like a refusal and joins `refusedRecords`.
   */
  retract?(records: readonly RecordRef[]): Promise<void>;
}

/** Options every backend sink takes. */
export interface BackendSinkOptions {
  /**
   * Called for every element a backend refused for good, with its id and reason. Without one,
   * `close` fails when anything was refused (see RefusedRecords): a refusal is never only counted.
   */
  readonly onDrop?: (dropped: DroppedRecord) => void;
  /** Stop at the first refused element (after reporting it) instead of going on. */
  readonly failFast?: boolean;
  /** Monotonic milliseconds, for timings. */
  readonly clock?: () => number;
  readonly signal?: AbortSignal;
}
