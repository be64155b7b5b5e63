import type {
  AnyEdgeRecord,
  AnyVertexRecord,
  GraphBatch,
  GraphRecord,
  GroundTruth,
} from '../model/index.js';
import type { Plan } from './plan.js';
import { UnitGenerator } from './unit-generator.js';
import { scheduleUnits, type UnitRange } from './work-units.js';

/** Options of {@link generateBatches}. */
export interface BatchOptions {
  /** Elements per batch (vertices + edges); the last batch may be smaller. */
  readonly batchSize: number;
  readonly signal?: AbortSignal;
  /** The units whose records are handed on (a shard's part); default all. */
  readonly emitted?: UnitRange;
}

/** Groups records into batches of about `batchSize` elements. */
class Batcher {
  private seq = 0;
  private vertices: AnyVertexRecord[] = [];
  private edges: AnyEdgeRecord[] = [];

  constructor(private readonly batchSize: number) {}

  add(records: readonly GraphRecord[]): void {
    for (const record of records) {
      if ('outV' in record) this.edges.push(record);
      else this.vertices.push(record);
    }
  }

  /** A full batch, or undefined; `force` takes whatever is pending. */
  take(force = false): GraphBatch | undefined {
    const size = this.vertices.length + this.edges.length;
    if (size === 0 || (!force && size < this.batchSize)) return undefined;
    const batch = Object.freeze({ seq: this.seq++, vertices: this.vertices, edges: this.edges });
    this.vertices = [];
    this.edges = [];
    return batch;
  }
}

/**
 * Generates the whole dataset as a pull-based stream of immutable batches and returns the ground
 * truth when the stream ends. Nothing is kept but the compact population index and the (small)
 * typology events waiting for their slots, so memory stays flat however many events are
 * generated. The consumer's pace is the producer's pace. Async, like its worker-thread twin
 * (workers/parallel-batches.ts), so the two are interchangeable.
 */
export async function* generateBatches(
  plan: Plan,
  options: BatchOptions,
): AsyncGenerator<GraphBatch, GroundTruth> {
  const generator = new UnitGenerator(plan);
  const batcher = new Batcher(options.batchSize);
  const units = scheduleUnits(plan, 1, options.emitted ?? { from: 0, to: Infinity });
  for (const unit of units) {
    options.signal?.throwIfAborted();
    const groups = generator.generate(unit);
    if (unit.role === 'population') generator.observe(groups);
    if (!unit.emitted) continue;
    for (const records of groups) {
      batcher.add(records);
      const batch = batcher.take();
      if (batch) yield batch;
    }
  }
  const last = batcher.take(true);
  if (last) yield last;
  return generator.groundTruth();
}
