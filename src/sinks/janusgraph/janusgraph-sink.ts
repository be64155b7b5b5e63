import { performance } from 'node:perf_hooks';
import { SinkError } from '../../errors.js';
import {
  isEdgeRecord,
  type AnyEdgeRecord,
  type AnyVertexRecord,
  type GraphBatch,
  type GraphRecord,
} from '../../model/index.js';
import { DEFAULT_RETRY, delayFor, sleep, type RetryPolicy } from '../retry-policy.js';
import type { BackendSinkOptions, Sink, SinkStats, VerificationRow } from '../sink.js';
import { applyJanusGraphSchema } from './apply-schema.js';
import type { Checkpoint } from './checkpoint.js';
import {
  connectJanusGraph,
  type JanusGraphConnection,
  type JanusGraphOptions,
} from './connection.js';
import { edgeRow, vertexRow } from './element-values.js';
import { isTransient, reasonOf } from './failures.js';
import { scriptResultObject } from './script-result.js';
import { upsertEdges, upsertVertices } from './upsert-traversals.js';

export interface JanusGraphSinkOptions extends BackendSinkOptions {
  readonly connection: JanusGraphOptions;
  /** Elements per request. */
  readonly batchSize?: number;
  /** Requests in flight, one connection each. */
  readonly concurrency?: number;
  readonly retry?: RetryPolicy;
  /** Server-side time limit per request. */
  readonly requestTimeoutMs?: number;
  /** Save progress here after every flush; with `resume`, skip what a previous run saved. */
  readonly checkpoint?: Checkpoint;
  readonly resume?: boolean;
}

/** Measured on the local server (see README, `npm run bench:janusgraph`). */
export const JANUSGRAPH_DEFAULTS = {
  batchSize: 500,
  concurrency: 2,
  requestTimeoutMs: 120_000,
} as const;

interface Slot {
  connection: JanusGraphConnection;
}

/**
 * Loads the batch stream into JanusGraph. Elements are upserted by business id (custom vertex ids,
 * edge keys), many per request, over several connections; vertices of a flush land before its
 * edges, so an edge never precedes its endpoints. Transient failures (dropped connections, a
 * restarting server, timeouts, lock contention) are retried with bounded backoff on a fresh
 * connection; a request that fails for good is split in halves until the refused elements are
 * isolated, and each is reported by id (or the load stops, with `failFast`). Progress is saved to
 * a checkpoint after every flush, so an interrupted load can resume without reloading what landed.
 */
export class JanusGraphSink implements Sink {
  readonly name = 'janusgraph';
  private vertices: AnyVertexRecord[] = [];
  private edges: AnyEdgeRecord[] = [];
  private pendingSeq = -1;
  private readonly refusedVertices = new Set<string>();
  private total = 0;
  private successful = 0;
  private failed = 0;
  private retried = 0;
  private skipped = 0;
  private readonly startedMs: number;
  private readonly clock: () => number;

  private constructor(
    private readonly slots: Slot[],
    private readonly options: JanusGraphSinkOptions,
    private readonly resumeAfterSeq: number,
    private loadedBefore: number,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.startedMs = this.clock();
  }

  /** Connects, applies the schema and reads the checkpoint (when resuming). */
  static async open(options: JanusGraphSinkOptions): Promise<JanusGraphSink> {
    const concurrency = options.concurrency ?? JANUSGRAPH_DEFAULTS.concurrency;
    const slots: Slot[] = [];
    try {
      for (let i = 0; i < concurrency; i++)
        slots.push({ connection: await connectJanusGraph(options.connection) });
      await applyJanusGraphSchema((slots[0] as Slot).connection);
      const state = options.resume ? await options.checkpoint?.read() : undefined;
      return new JanusGraphSink(slots, options, state?.seq ?? -1, state?.elements ?? 0);
    } catch (error) {
      await Promise.allSettled(slots.map((slot) => slot.connection.close()));
      throw error;
    }
  }

  /** Elements a resumed load skipped because the checkpoint says they landed before. */
  get skippedElements(): number {
    return this.skipped;
  }

  async write(batch: GraphBatch): Promise<void> {
    const size = batch.vertices.length + batch.edges.length;
    if (batch.seq <= this.resumeAfterSeq) {
      this.skipped += size;
      return;
    }
    this.total += size;
    for (const v of batch.vertices) this.vertices.push(v);
    for (const e of batch.edges) this.edges.push(e);
    this.pendingSeq = batch.seq;
    const batchSize = this.options.batchSize ?? JANUSGRAPH_DEFAULTS.batchSize;
    // Flush at batch boundaries only, so the checkpoint can name the last batch that landed.
    if (this.vertices.length + this.edges.length >= batchSize * this.slots.length * 4)
      await this.flush();
  }

  private async flush(): Promise<void> {
    const vertices = this.vertices;
    const edges = this.edges;
    this.vertices = [];
    this.edges = [];
    const batchSize = this.options.batchSize ?? JANUSGRAPH_DEFAULTS.batchSize;
    await this.runAll(chunks(vertices, batchSize));
    await this.runAll(chunks(edges, batchSize));
    const landed = vertices.length + edges.length;
    this.loadedBefore += landed;
    await this.options.checkpoint?.save({ seq: this.pendingSeq, elements: this.loadedBefore });
  }

  /** Sends chunks with one request in flight per connection. */
  private async runAll(chunkList: readonly GraphRecord[][]): Promise<void> {
    let next = 0;
    const worker = async (slot: Slot) => {
      while (next < chunkList.length) {
        this.options.signal?.throwIfAborted();
        await this.send(chunkList[next++] as GraphRecord[], slot);
      }
    };
    await Promise.all(this.slots.map(worker));
  }

  /** Sends one chunk (all vertices or all edges), isolating refused elements by bisection. */
  private async send(records: readonly GraphRecord[], slot: Slot): Promise<void> {
    const edgesWithRefusedEnd = records.filter(
      (r) =>
        isEdgeRecord(r) && (this.refusedVertices.has(r.outV) || this.refusedVertices.has(r.inV)),
    );
    for (const edge of edgesWithRefusedEnd) this.refuse(edge, 'an endpoint vertex was refused');
    const sendable =
      edgesWithRefusedEnd.length === 0
        ? records
        : records.filter((r) => !edgesWithRefusedEnd.includes(r));
    if (sendable.length === 0) return;
    try {
      await this.submitWithRetry(sendable, slot);
      this.successful += sendable.length;
    } catch (error) {
      if (error instanceof SinkError) throw error;
      if (sendable.length === 1) {
        this.refuse(sendable[0] as GraphRecord, reasonOf(error));
        return;
      }
      const half = Math.ceil(sendable.length / 2);
      await this.send(sendable.slice(0, half), slot);
      await this.send(sendable.slice(half), slot);
    }
  }

  private refuse(record: GraphRecord, reason: string): void {
    this.failed++;
    if (!isEdgeRecord(record)) this.refusedVertices.add(record.id);
    const dropped = { label: record.label, id: record.id, reason };
    if (this.options.failFast) {
      throw new SinkError(
        `janusgraph: ${this.slots[0]?.connection.url ?? ''}: refused ${record.label} ${record.id}: ${reason}`,
        dropped,
      );
    }
    this.options.onDrop?.(dropped);
  }

  /**
   * Submits one upsert request; retries transient failures with backoff on a reconnected slot.
   * Permanent failures are rethrown as they are (the caller bisects); running out of retries is
   * a SinkError, which stops the load (a resume picks up from the checkpoint).
   */
  private async submitWithRetry(records: readonly GraphRecord[], slot: Slot): Promise<void> {
    const isEdges = isEdgeRecord(records[0] as GraphRecord);
    const rows = isEdges ? records.map((r) => edgeRow(r as AnyEdgeRecord)) : records.map(vertexRow);
    const bytecode = isEdges ? upsertEdges(rows) : upsertVertices(rows);
    const policy = this.options.retry ?? DEFAULT_RETRY;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await slot.connection.client.submit(bytecode as never, undefined);
        // Bytecode results arrive as traversers ({object, bulk}); scripts as plain values.
        const first = result.toArray()[0] as { object?: unknown } | undefined;
        const count = Number(first?.object ?? first);
        if (count !== rows.length)
          throw new Error(`server processed ${count} of ${rows.length} elements`);
        return;
      } catch (error) {
        if (!isTransient(error)) throw error;
        if (attempt >= policy.retries) {
          throw new SinkError(
            `janusgraph: ${slot.connection.url}: gave up after ${attempt + 1} attempts: ${reasonOf(error)} (resume with --resume)`,
            {},
            { cause: error },
          );
        }
        this.retried++;
        await sleep(delayFor(policy, attempt), this.options.signal);
        await this.reconnect(slot);
      }
    }
  }

  private async reconnect(slot: Slot): Promise<void> {
    await slot.connection.close().catch(() => undefined);
    try {
      slot.connection = await connectJanusGraph(this.options.connection);
    } catch {
      // Still down: the next attempt fails fast as transient and waits longer.
    }
  }

  async close(): Promise<SinkStats> {
    try {
      if (this.vertices.length + this.edges.length > 0) await this.flush();
      await this.options.checkpoint?.clear();
    } finally {
      await Promise.allSettled(this.slots.map((slot) => slot.connection.close()));
    }
    return {
      total: this.total,
      successful: this.successful,
      failed: this.failed,
      retried: this.retried,
      // The Gremlin driver does not expose request sizes; no number beats a wrong one.
      bytes: 0,
      timeMs: this.clock() - this.startedMs,
    };
  }

  /** Drops what was not sent and closes; the checkpoint stays, so the load can be resumed. */
  async abort(_reason?: unknown): Promise<void> {
    this.vertices = [];
    this.edges = [];
    await Promise.allSettled(this.slots.map((slot) => slot.connection.close()));
  }

  /** Counts vertices and edges per label in the graph (one scan each) against what was generated. */
  async verify(expected: Readonly<Record<string, number>>): Promise<readonly VerificationRow[]> {
    const connection = await connectJanusGraph(this.options.connection);
    try {
      const result = await connection.client.submit(
        '[vertices: g.V().groupCount().by(label).next(), edges: g.E().groupCount().by(label).next()]',
      );
      const counts = scriptResultObject(result.toArray()) as {
        vertices?: Record<string, unknown>;
        edges?: Record<string, unknown>;
      };
      const actual = { ...(counts.vertices ?? {}), ...(counts.edges ?? {}) };
      return Object.entries(expected)
        .filter(([label]) => label !== 'patterns' && label !== 'event_labels')
        .map(([label, count]) => ({
          label,
          target: label,
          expected: count,
          actual: Number(actual[label] ?? 0),
        }));
    } finally {
      await connection.close();
    }
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
