import type { EventLabel, GraphBatch, PatternTruth } from '../model/index.js';

/** What a sink did, reported when it closes. Loaders report; they never swallow. */
export interface SinkStats {
  /** Elements handed to the sink. */
  readonly total: number;
  readonly successful: number;
  readonly failed: number;
  readonly retried: number;
  readonly bytes: number;
  readonly timeMs: number;
}

/**
 * A destination for the batch stream. `write` resolves when the sink can take the next batch: that
 * is the backpressure. `close` flushes and reports; `abort` releases resources after a failure
 * elsewhere and must leave nothing that looks complete.
 */
/** The answers: one record per injected pattern, and the pattern ids of every labelled event. */
export interface GroundTruth {
  readonly patterns: readonly PatternTruth[];
  readonly eventLabels: readonly EventLabel[];
}

export interface Sink {
  readonly name: string;
  write(batch: GraphBatch): Promise<void>;
  /** Receives the ground truth once, after the last batch and before close. */
  writeGroundTruth?(truth: GroundTruth): Promise<void>;
  close(): Promise<SinkStats>;
  abort(reason: unknown): Promise<void>;
}
