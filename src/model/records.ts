import type { EdgeLabel, Label, PropertiesOf, VertexLabel } from './vocabulary.js';

/** A vertex in TinkerPop words. `properties` includes the business key, equal to `id`. */
export interface VertexRecord<L extends VertexLabel = VertexLabel> {
  readonly label: L;
  readonly id: string;
  readonly properties: PropertiesOf<L>;
  /** Ground truth, see EdgeRecord.patternIds. */
  readonly patternIds?: readonly string[];
}

/** An edge from `outV` to `inV`. `properties` includes the business key, equal to `id`. */
export interface EdgeRecord<L extends EdgeLabel = EdgeLabel> {
  readonly label: L;
  readonly id: string;
  readonly outV: string;
  readonly inV: string;
  readonly properties: PropertiesOf<L>;
  /**
   * Ground truth: the injected patterns this element is an event of, set by the generator on
   * those events only (absent on everything else). Never part of `properties`: files and backends
   * show it only under `--with-labels` (as is_laundering and pattern_ids), and the export formats
   * that carry labels (AMLworld, PyG) read it from here.
   */
  readonly patternIds?: readonly string[];
}

/** Any vertex record, discriminated by label. */
export type AnyVertexRecord = { [L in VertexLabel]: VertexRecord<L> }[VertexLabel];
/** Any edge record, discriminated by label. */
export type AnyEdgeRecord = { [L in EdgeLabel]: EdgeRecord<L> }[EdgeLabel];
/** Any vertex or edge record. */
export type GraphRecord = AnyVertexRecord | AnyEdgeRecord;

/**
 * The unit that flows from generators to sinks. Immutable: several sinks receive the same batch.
 * Every edge's endpoints are in this batch or an earlier one.
 */
export interface GraphBatch {
  /** 0-based position in the stream. */
  readonly seq: number;
  readonly vertices: readonly AnyVertexRecord[];
  readonly edges: readonly AnyEdgeRecord[];
  /**
   * The batch's rows already encoded as text by a worker thread, by file format then label. A sink
   * whose `encodedFormat` is that format appends them instead of encoding the records. When no sink
   * needs the records themselves, `vertices` and `edges` are empty and `counts` says what the batch
   * holds.
   */
  readonly encoded?: Readonly<
    Partial<Record<TextFormat, Readonly<Partial<Record<Label, EncodedRows>>>>>
  >;
  /** Elements per label, given when `vertices` and `edges` are left empty. */
  readonly counts?: Readonly<Partial<Record<Label, number>>>;
}

/** The file formats whose rows are plain text that can be encoded anywhere and appended later. */
export const TEXT_FORMATS = ['jsonl', 'json', 'csv'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Rows of one label encoded in one text format, as UTF-8 (moved, not copied, between threads). */
export interface EncodedRows {
  readonly bytes: Uint8Array;
  readonly rows: number;
}

export function isEdgeRecord(record: GraphRecord): record is AnyEdgeRecord {
  return 'outV' in record;
}
