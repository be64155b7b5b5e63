import type { GraphBatch } from '../model/index.js';

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
export interface Sink {
  readonly name: string;
  write(batch: GraphBatch): Promise<void>;
  close(): Promise<SinkStats>;
  abort(reason: unknown): Promise<void>;
}
