import type { GenerationConfig } from '../../config/index.js';
import type { EncodedRows, GraphBatch, GroundTruth, Label, TextFormat } from '../../model/index.js';

/** What the coordinator tells a generation worker when it starts it. */
export interface WorkerSetup {
  readonly config: GenerationConfig;
  readonly worker: number;
  readonly workers: number;
  /** Units whose records are output: a shard's part of the unit sequence, [from, to). */
  readonly emitted: { readonly from: number; readonly to: number };
  /** Text formats to encode output rows in (the file sinks' formats). */
  readonly textFormats: readonly TextFormat[];
  /** Whether some sink needs the records themselves (a backend, Parquet). */
  readonly records: boolean;
  /** Units a worker may post before the coordinator has taken them: bounds memory. */
  readonly window: number;
}

/** Coordinator → worker. */
export type ToWorker =
  /** Another worker's population unit, JSON-encoded record groups, to observe in unit order. */
  | { readonly type: 'observed'; readonly seq: number; readonly groups: string }
  /** The coordinator took one of this worker's units: it may post one more. */
  | { readonly type: 'credit' };

/** Worker → coordinator. */
export type FromWorker =
  | {
      readonly type: 'unit';
      readonly seq: number;
      /** Population units only: the record groups as JSON, for the other workers to observe. */
      readonly observed?: string;
      /** Emitted units only: what the sinks receive. */
      readonly batch?: UnitOutput;
    }
  | { readonly type: 'done'; readonly groundTruth: GroundTruth }
  | { readonly type: 'failed'; readonly message: string; readonly stack?: string };

/** A unit's output as it crosses the thread boundary. */
export interface UnitOutput {
  readonly vertices: GraphBatch['vertices'];
  readonly edges: GraphBatch['edges'];
  readonly encoded: Readonly<
    Partial<Record<TextFormat, Readonly<Partial<Record<Label, EncodedRows>>>>>
  >;
  readonly counts: Readonly<Partial<Record<Label, number>>>;
}
