import type { AnyEdgeRecord, AnyVertexRecord, GraphBatch, GraphRecord } from '../model/index.js';

/** Groups records, in the order they are added, into frozen batches of exactly `batchSize` elements (the last may be smaller). */
export class BatchBuilder {
  private seq = 0;
  private vertices: AnyVertexRecord[] = [];
  private edges: AnyEdgeRecord[] = [];
  private size = 0;

  constructor(private readonly batchSize: number) {}

  /** Adds a record; returns the batch it completed, if any. */
  add(record: GraphRecord): GraphBatch | undefined {
    if ('outV' in record) this.edges.push(record);
    else this.vertices.push(record);
    this.size++;
    return this.size >= this.batchSize ? this.take() : undefined;
  }

  /** Whatever is pending, as a batch; undefined when nothing is. */
  take(): GraphBatch | undefined {
    if (this.size === 0) return undefined;
    const batch: GraphBatch = Object.freeze({
      seq: this.seq++,
      vertices: this.vertices,
      edges: this.edges,
    });
    this.vertices = [];
    this.edges = [];
    this.size = 0;
    return batch;
  }
}
