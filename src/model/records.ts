import type { EdgeLabel, PropertiesOf, VertexLabel } from './vocabulary.js';

/** A vertex in TinkerPop words. `properties` includes the business key, equal to `id`. */
export interface VertexRecord<L extends VertexLabel = VertexLabel> {
  readonly label: L;
  readonly id: string;
  readonly properties: PropertiesOf<L>;
}

/** An edge from `outV` to `inV`. `properties` includes the business key, equal to `id`. */
export interface EdgeRecord<L extends EdgeLabel = EdgeLabel> {
  readonly label: L;
  readonly id: string;
  readonly outV: string;
  readonly inV: string;
  readonly properties: PropertiesOf<L>;
}

/** Any vertex record, discriminated by label. */
export type AnyVertexRecord = { [L in VertexLabel]: VertexRecord<L> }[VertexLabel];
/** Any edge record, discriminated by label. */
export type AnyEdgeRecord = { [L in EdgeLabel]: EdgeRecord<L> }[EdgeLabel];
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
}

export function isEdgeRecord(record: GraphRecord): record is AnyEdgeRecord {
  return 'outV' in record;
}
