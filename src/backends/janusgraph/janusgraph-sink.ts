import { performance } from 'node:perf_hooks';
import { SinkError } from '../../errors.js';
import { isEdgeRecord, VOCABULARY, type AnyEdgeRecord, type AnyVertexRecord, type GraphBatch, type GraphRecord, truthGraph, type GroundTruth } from '../../model/index.js';
import { DEFAULT_RETRY, delayFor, sleep, type RetryPolicy } from '../retry-policy.js';
import type { DatasetIdentity } from '../dataset.js';
import { RefusedRecords } from '../../sinks/refused-records.js';
import type {
  BackendSinkOptions,
  RecordRef,
  Sink,
  SinkStats,
  VerificationRow,
} from '../../sinks/sink.js';
import { applyJanusGraphSchema } from './apply-schema.js';
import type { Checkpoint, CheckpointSample, CheckpointState } from './checkpoint.js';
import { clearGraph } from './clear-graph.js';
import {
  connectJanusGraph,
  type JanusGraphConnection,
  type JanusGraphOptions,
} from './connection.js';
import { redactUrl } from '../credentials.js';
import { isTransient, reasonOf, withTransientRetry } from './failures.js';
import { applyMetaSchema, GraphLease } from './graph-meta.js';
import { retractElements } from './retract-elements.js';
import { scriptResultObject } from './script-result.js';
import {
  edgeBindings,
  UPSERT_EDGES_SCRIPT,
  UPSERT_VERTICES_SCRIPT,
  upsertOutcome,
  vertexBindings,
  type UpsertOutcome,
} from './upsert-scripts.js';

/** Options of {@link JanusGraphSink}: the connection, and how to batch, retry and resume. */
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
  /**
   * For sharded loads, where another loader may not have written an edge's endpoint yet: how
   * long an edge whose endpoint vertex is not in the graph keeps being retried (with backoff,
   * while the load goes on) before it is reported as dropped, with the endpoint's id. 0 (the
   * default): such an edge is reported at once. Endpoints are never created by this sink.
   */
  readonly awaitEndpointsMs?: number;
  /**
   * The dataset being loaded. When given, the sink takes the graph's loader lease (a second
   * loader of the same graph is refused, parts of one sharded load excepted), refuses a graph
   * that holds another dataset, and records this one before the first write.
   */
  readonly dataset?: DatasetIdentity;
  /** Who this loader is, for the lease table (`owner` unique per run, `who` shown to others). */
  readonly holder?: {
    readonly owner: string;
    readonly who: string;
    /** Whether the loader a lease names is certainly gone (its lease is taken over at once). */
    readonly isGone?: (who: string) => boolean;
  };
  /** How long the lease lasts without renewal (renewed every third of it). Default 60 s. */
  readonly leaseTtlMs?: number;
  /** Empty the graph (the schema and the lease stay) before loading. */
  readonly clear?: boolean;
  /** Things the user should know that are not failures (a checkpoint that cannot be trusted). */
  readonly onNotice?: (message: string) => void;
  /**
   * `--with-labels`: event edges and vertices get is_laundering and pattern_ids, and the ground
   * truth becomes `pattern` vertices with an `involves` edge (property `role`) to each participant.
   */
  readonly withLabels?: boolean;
}

/** Measured on the local server (see README, `npm run bench:janusgraph`). */
export const JANUSGRAPH_DEFAULTS = {
  batchSize: 1_000,
  concurrency: 4,
  requestTimeoutMs: 120_000,
  awaitEndpointsMs: 0,
  leaseTtlMs: 60_000,
} as const;

/** Backoff between attempts for an edge whose endpoint is not in the graph yet. */
const ENDPOINT_RETRY = { baseDelayMs: 250, maxDelayMs: 5_000 } as const;
/** Edges waiting for endpoints, beyond which a flush waits for them before taking more. */
const MAX_WAITING_EDGES = 200_000;

/** An edge whose endpoint was not in the graph when last tried. */
interface WaitingEdge {
  /** First batch of the flush that first tried it: the checkpoint stays before it. */
  readonly seq: number;
  readonly sinceMs: number;
  attempts: number;
  nextAttemptMs: number;
  inFlight: boolean;
}

interface Slot {
  connection: JanusGraphConnection;
}

/**
 * Loads the batch stream into JanusGraph. Elements are upserted by business id (custom vertex ids,
 * edge keys), many per request (see upsert-scripts.ts), over several connections; vertices of a
 * flush land before its edges. An edge whose endpoint is not in the graph is never written: it is
 * reported, or with `awaitEndpointsMs` retried until the endpoint appears. A vertex id that
 * exists with another label is reported and left alone. Transient failures (dropped connections,
 * a restarting server, timeouts, lock contention) are retried with bounded backoff on a fresh
 * connection; a request that fails for good is split in halves until
 * the refused elements are isolated, and each is reported by id (or the load stops, with
 * `failFast`). Progress is saved to a checkpoint after every flush, so an interrupted load can
 * resume without reloading what landed.
 */
export class JanusGraphSink implements Sink {
  readonly name = 'janusgraph';
  private vertices: AnyVertexRecord[] = [];
  private edges: AnyEdgeRecord[] = [];
  private pendingSeq = -1;
  private flushFirstSeq = -1;
  /** Cumulative element count at the end of each batch since the last checkpoint. */
  private marks: { seq: number; elements: number; sample: CheckpointSample }[] = [];
  private sample: CheckpointSample = {};
  private heartbeat: NodeJS.Timeout | undefined;
  /** Set when the lease could not be renewed: the load stops at the next request. */
  private leaseError: Error | undefined;
  /** One re-check after a reconnect, shared by the connections that reconnect at once. */
  private recheck: Promise<void> | undefined;
  private readonly waiting = new Map<AnyEdgeRecord, WaitingEdge>();
  private readonly refusedVertices = new Set<string>();
  private total = 0;
  private successful = 0;
  private readonly refused: RefusedRecords;
  private retried = 0;
  private skipped = 0;
  /** Truth-graph elements written (pattern vertices, involves edges), for verification. */
  private truthCounts: Record<string, number> = {};
  private readonly startedMs: number;
  private readonly clock: () => number;

  private constructor(
    private readonly slots: Slot[],
    private readonly options: JanusGraphSinkOptions,
    private readonly resumeAfterSeq: number,
    private loadedBefore: number,
    private readonly lease: { lease: GraphLease; slot: Slot } | undefined,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.startedMs = this.clock();
    this.refused = new RefusedRecords(options.onDrop);
    if (lease) {
      const ttl = options.leaseTtlMs ?? JANUSGRAPH_DEFAULTS.leaseTtlMs;
      this.heartbeat = setInterval(() => void this.renewLease(), Math.max(200, ttl / 3));
      this.heartbeat.unref();
    }
  }

  /**
   * Connects, applies the schema, takes the lease and checks the dataset marker (with `dataset`),
   * clears the graph (with `clear`), and reads the checkpoint (when resuming): all before the first
   * write.
   */
  static async open(options: JanusGraphSinkOptions): Promise<JanusGraphSink> {
    const concurrency = options.concurrency ?? JANUSGRAPH_DEFAULTS.concurrency;
    const slots: Slot[] = [];
    let leased: { lease: GraphLease; slot: Slot } | undefined;
    const retry = (what: string) => ({
      policy: options.retry ?? DEFAULT_RETRY,
      signal: options.signal,
      what: `janusgraph: ${redactedUrl(options)}: ${what}`,
    });
    try {
      for (let i = 0; i < concurrency; i++)
        slots.push({ connection: await connectJanusGraph(options.connection) });
      const first = slots[0] as Slot;
      await withTransientRetry(() => applyJanusGraphSchema(first.connection), retry('schema'));
      let holdsThisDataset = false;
      if (options.dataset) {
        await withTransientRetry(() => applyMetaSchema(first.connection), retry('schema'));
        const lease = new GraphLease(
          {
            owner: options.holder?.owner ?? 'fingraph',
            who: options.holder?.who ?? 'fingraph',
            ...(options.holder?.isGone ? { isGone: options.holder.isGone } : {}),
            dataset: options.dataset,
            ttlMs: options.leaseTtlMs ?? JANUSGRAPH_DEFAULTS.leaseTtlMs,
          },
          first.connection.url,
        );
        leased = { lease, slot: { connection: await connectJanusGraph(options.connection) } };
        const slot = leased.slot;
        holdsThisDataset = await withTransientRetry(
          () => lease.acquire(slot.connection, options.clear === true),
          retry('taking the loader lease'),
        );
      }
      if (options.clear === true) {
        await withTransientRetry(() => clearGraph(first.connection), retry('clearing the graph'));
        holdsThisDataset = false;
      }
      if (leased) {
        const { lease, slot } = leased;
        await withTransientRetry(() => lease.mark(slot.connection), retry('recording the dataset'));
      }
      let state = options.resume ? await options.checkpoint?.read() : undefined;
      const checked = state;
      if (
        checked &&
        options.dataset &&
        !(await withTransientRetry(
          () => stillThere(first.connection, checked, holdsThisDataset),
          retry('checking the checkpoint against the graph'),
        ))
      ) {
        options.onNotice?.(
          `janusgraph: ${first.connection.url}: the checkpoint says ${checked.elements.toLocaleString('en-US')} elements landed, but the graph no longer holds them (restarted or cleared?); starting the load over`,
        );
        await options.checkpoint?.clear();
        state = undefined;
      }
      return new JanusGraphSink(slots, options, state?.seq ?? -1, state?.elements ?? 0, leased);
    } catch (error) {
      if (leased) await leased.lease.release(leased.slot.connection).catch(() => undefined);
      await Promise.allSettled(
        [...slots, ...(leased ? [leased.slot] : [])].map((slot) => slot.connection.close()),
      );
      throw error;
    }
  }

  /** Renews the lease; a lapsed lease or a graph that restarted empty stops the load. */
  private async renewLease(): Promise<void> {
    if (!this.lease || this.leaseError) return;
    try {
      await this.lease.lease.renew(this.lease.slot.connection);
    } catch (error) {
      if (error instanceof SinkError) {
        this.leaseError = error;
        if ((error.context['loss'] as string | undefined) === 'restarted-empty')
          await this.options.checkpoint?.clear().catch(() => undefined);
        return;
      }
      // Not answered (a restarting server): try on a fresh connection next time.
      await this.reconnect(this.lease.slot);
    }
  }

  /**
   * After a reconnect: the server may have restarted. With a lease, renewing it tells whether the
   * graph is still the one being loaded (the marker is there) or restarted empty; without one,
   * the schema is applied again so the load can go on.
   */
  private checkAfterReconnect(slot: Slot): Promise<void> {
    this.recheck ??= (async () => {
      try {
        if (this.lease) {
          await this.lease.lease.renew(slot.connection);
        } else {
          await applyJanusGraphSchema(slot.connection);
        }
      } catch (error) {
        if (error instanceof SinkError) {
          this.leaseError = error;
          if ((error.context['loss'] as string | undefined) === 'restarted-empty')
            await this.options.checkpoint?.clear().catch(() => undefined);
          throw error;
        }
        // Not answered: the next attempt reconnects and checks again.
      } finally {
        this.recheck = undefined;
      }
    })();
    return this.recheck;
  }

  /** Elements a resumed load skipped because the checkpoint says they landed before. */
  get skippedElements(): number {
    return this.skipped;
  }

  async write(batch: GraphBatch): Promise<void> {
    if (this.leaseError) throw this.leaseError;
    const size = batch.vertices.length + batch.edges.length;
    if (batch.seq <= this.resumeAfterSeq) {
      this.skipped += size;
      return;
    }
    this.total += size;
    for (const v of batch.vertices) this.vertices.push(v);
    for (const e of batch.edges) this.edges.push(e);
    if (this.flushFirstSeq < 0) this.flushFirstSeq = batch.seq;
    this.pendingSeq = batch.seq;
    this.loadedBefore += size;
    this.sample = sampleOf(batch, this.sample);
    this.marks.push({ seq: batch.seq, elements: this.loadedBefore, sample: this.sample });
    const batchSize = this.options.batchSize ?? JANUSGRAPH_DEFAULTS.batchSize;
    // Flush at batch boundaries only, so the checkpoint can name the last batch that landed.
    if (this.vertices.length + this.edges.length >= batchSize * this.slots.length * 4)
      await this.flush();
  }

  /**
   * Under `withLabels`, writes the ground truth as a graph: a `pattern` vertex per injected crime
   * (id = pattern_id, its ground-truth record as properties) and an `involves` edge from it to
   * every participant, with the participant's role. Upserted like everything else.
   */
  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    if (this.options.withLabels !== true) return;
    const graph = truthGraph(truth.patterns);
    this.truthCounts = { pattern: graph.vertices.length, involves: graph.edges.length };
    // The truth graph travels the same path as the data: the sink only reads label, id,
    // endpoints and properties, which these records have.
    for (const v of graph.vertices) this.vertices.push(v as unknown as AnyVertexRecord);
    for (const e of graph.edges) this.edges.push(e as unknown as AnyEdgeRecord);
    this.total += graph.vertices.length + graph.edges.length;
    await this.flush();
  }

  private async flush(): Promise<void> {
    const vertices = this.vertices;
    const edges: AnyEdgeRecord[] = [...this.edges, ...this.dueWaiting()];
    this.vertices = [];
    this.edges = [];
    const batchSize = this.options.batchSize ?? JANUSGRAPH_DEFAULTS.batchSize;
    await this.runAll(chunks(vertices, batchSize));
    await this.runAll(chunks(edges, batchSize));
    this.flushFirstSeq = -1;
    while (this.waiting.size > MAX_WAITING_EDGES) await this.retryWaiting();
    await this.saveCheckpoint();
  }

  /**
   * Saves the last batch before which everything has landed or been reported: edges still
   * waiting for endpoints hold the checkpoint back (a resumed load sends them again; upserts
   * make that harmless).
   */
  private async saveCheckpoint(): Promise<void> {
    let safeSeq = this.pendingSeq;
    for (const w of this.waiting.values()) safeSeq = Math.min(safeSeq, w.seq - 1);
    let mark: { seq: number; elements: number; sample: CheckpointSample } | undefined;
    while (this.marks.length > 0 && (this.marks[0]?.seq ?? Infinity) <= safeSeq)
      mark = this.marks.shift();
    if (mark) await this.options.checkpoint?.save(mark);
  }

  /** Waiting edges whose next attempt is due, marked in flight. */
  private dueWaiting(): AnyEdgeRecord[] {
    const now = this.clock();
    const due: AnyEdgeRecord[] = [];
    for (const [edge, w] of this.waiting) {
      if (w.inFlight || w.nextAttemptMs > now) continue;
      w.inFlight = true;
      due.push(edge);
    }
    this.retried += due.length;
    return due;
  }

  /** Waits until the earliest waiting edge is due, then sends every due one again. */
  private async retryWaiting(): Promise<void> {
    let next = Infinity;
    for (const w of this.waiting.values()) next = Math.min(next, w.nextAttemptMs);
    const delay = Math.max(0, next - this.clock());
    if (delay > 0) await sleep(delay, this.options.signal);
    const batchSize = this.options.batchSize ?? JANUSGRAPH_DEFAULTS.batchSize;
    await this.runAll(chunks(this.dueWaiting(), batchSize));
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
    let outcome: UpsertOutcome;
    try {
      outcome = await this.submitWithRetry(sendable, slot);
    } catch (error) {
      if (error instanceof SinkError) throw error;
      this.options.signal?.throwIfAborted();
      if (sendable.length === 1) {
        this.refuse(sendable[0] as GraphRecord, reasonOf(error));
        return;
      }
      const half = Math.ceil(sendable.length / 2);
      await this.send(sendable.slice(0, half), slot);
      await this.send(sendable.slice(half), slot);
      return;
    }
    this.successful += outcome.landed;
    const missing = new Map(outcome.missing.map((m) => [m.row, m.endpoint]));
    for (const { row, reason } of outcome.conflicts)
      this.refuse(sendable[row] as GraphRecord, reason);
    sendable.forEach((record, row) => {
      const endpoint = missing.get(row);
      if (endpoint === undefined) this.waiting.delete(record as AnyEdgeRecord);
      else this.awaitEndpoint(record as AnyEdgeRecord, endpoint);
    });
  }

  /** An edge whose endpoint is not in the graph: wait for it (sharded loads) or report it. */
  private awaitEndpoint(edge: AnyEdgeRecord, endpoint: string): void {
    const limitMs = this.options.awaitEndpointsMs ?? JANUSGRAPH_DEFAULTS.awaitEndpointsMs;
    const now = this.clock();
    const w = this.waiting.get(edge);
    if (limitMs <= 0 || (w && now - w.sinceMs >= limitMs)) {
      this.waiting.delete(edge);
      this.refuse(
        edge,
        limitMs <= 0
          ? `endpoint ${endpoint} not in the graph`
          : `endpoint ${endpoint} not in the graph after ${formatSeconds(limitMs)} s`,
      );
      return;
    }
    const attempts = (w?.attempts ?? 0) + 1;
    const sinceMs = w?.sinceMs ?? now;
    const delay = Math.min(
      ENDPOINT_RETRY.maxDelayMs,
      ENDPOINT_RETRY.baseDelayMs * 2 ** (attempts - 1),
    );
    this.waiting.set(edge, {
      seq: w?.seq ?? (this.flushFirstSeq >= 0 ? this.flushFirstSeq : this.pendingSeq),
      sinceMs,
      attempts,
      // The last attempt falls on the deadline, so an endpoint that appears in time is found.
      nextAttemptMs: Math.min(now + delay, sinceMs + limitMs),
      inFlight: false,
    });
  }

  private refuse(record: GraphRecord, reason: string): void {
    if (isEdgeRecord(record)) this.waiting.delete(record);
    else this.refusedVertices.add(record.id);
    const row = isEdgeRecord(record)
      ? { outV: record.outV, inV: record.inV, ...record.properties }
      : record.properties;
    const dropped = { label: record.label, id: record.id, reason, row };
    this.refused.add(dropped);
    if (this.options.failFast) {
      throw new SinkError(
        `janusgraph: ${this.slots[0]?.connection.url ?? ''}: refused ${record.label} ${record.id}: ${reason}`,
        dropped,
      );
    }
  }

  /**
   * Submits one upsert request; retries transient failures with backoff on a reconnected slot.
   * Permanent failures are rethrown as they are (the caller bisects); running out of retries is
   * a SinkError, which stops the load (a resume picks up from the checkpoint).
   */
  private async submitWithRetry(
    records: readonly GraphRecord[],
    slot: Slot,
  ): Promise<UpsertOutcome> {
    const isEdges = isEdgeRecord(records[0] as GraphRecord);
    const script = isEdges ? UPSERT_EDGES_SCRIPT : UPSERT_VERTICES_SCRIPT;
    const withLabels = this.options.withLabels === true;
    const bindings = isEdges
      ? edgeBindings(records, withLabels)
      : vertexBindings(records, withLabels);
    const policy = this.options.retry ?? DEFAULT_RETRY;
    let failingSinceMs: number | undefined;
    for (let attempt = 0; ; attempt++) {
      if (this.leaseError) throw this.leaseError;
      try {
        // Ctrl-C must not wait for a request the server may take minutes over: stop waiting at
        // once (abort closes the connections, which ends the request on the server's side).
        const result = await untilAborted(
          slot.connection.client.submit(script, bindings),
          this.options.signal,
        );
        const outcome = upsertOutcome(result.toArray(), records, isEdges);
        const accounted = outcome.landed + outcome.missing.length + outcome.conflicts.length;
        if (accounted !== records.length)
          throw new Error(`server accounted for ${accounted} of ${records.length} elements`);
        return outcome;
      } catch (error) {
        if (!isTransient(error)) throw error;
        failingSinceMs ??= this.clock();
        if (attempt >= policy.retries) {
          // Says for how long, that the load stopped, and how to go on: the last connection error
          // alone said neither (issue #16).
          const seconds = Math.round((this.clock() - failingSinceMs) / 1000);
          const checkpoint = this.options.checkpoint;
          throw new SinkError(
            `janusgraph: ${slot.connection.url}: gave up after ${attempt + 1} attempts over ${seconds} s: ${reasonOf(error)}. The load stopped; what landed stays${checkpoint ? `, and the checkpoint ${checkpoint.path} records how far it got` : ''}. Once the server is back, run the same command again with --resume: it skips what landed, or starts over if the graph no longer holds it (an in-memory server restarts empty)`,
            { transient: true, attempts: attempt + 1 },
            { cause: error },
          );
        }
        this.retried++;
        await sleep(delayFor(policy, attempt), this.options.signal);
        if (await this.reconnect(slot)) await this.checkAfterReconnect(slot);
      }
    }
  }

  /** Replaces the slot's connection; false when the server still does not answer. */
  private async reconnect(slot: Slot): Promise<boolean> {
    await slot.connection.close().catch(() => undefined);
    try {
      slot.connection = await connectJanusGraph(this.options.connection);
      return true;
    } catch {
      // Still down: the next attempt fails fast as transient and waits longer.
      return false;
    }
  }

  /** Stops renewing, gives the lease back and closes every connection. */
  private async release(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    if (this.lease && !this.leaseError)
      await this.lease.lease.release(this.lease.slot.connection).catch(() => undefined);
    await Promise.allSettled(
      [...this.slots, ...(this.lease ? [this.lease.slot] : [])].map((slot) =>
        slot.connection.close(),
      ),
    );
  }

  async close(): Promise<SinkStats> {
    try {
      if (this.vertices.length + this.edges.length > 0) await this.flush();
      while (this.waiting.size > 0) {
        this.options.signal?.throwIfAborted();
        await this.retryWaiting();
      }
      if (this.leaseError) throw this.leaseError;
      await this.options.checkpoint?.clear();
    } finally {
      await this.release();
    }
    const unclaimed = this.refused.unclaimed(
      `janusgraph: ${this.slots[0]?.connection.url ?? ''}`,
      this.total,
      { unit: 'elements', target: 'label' },
    );
    if (unclaimed !== undefined) throw unclaimed;
    return {
      total: this.total,
      successful: this.successful,
      failed: this.refused.count,
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
    this.waiting.clear();
    await this.release();
  }

  refusedRecords(): readonly RecordRef[] {
    return this.refused.records;
  }

  /**
   * Removes from the graph what another backend refused. A removed vertex takes its edges with
   * it: each is reported like a refusal, so the other backends remove it too.
   */
  async retract(records: readonly RecordRef[]): Promise<void> {
    const connection = await connectJanusGraph(this.options.connection);
    try {
      const { removed, along } = await retractElements(connection, records);
      if (removed === 0) return;
      for (const edge of along)
        this.refused.add({
          ...edge,
          reason: 'removed with an endpoint vertex that another backend refused',
        });
      this.options.onNotice?.(
        `janusgraph: removed ${removed} element${removed === 1 ? '' : 's'} another backend refused${along.length > 0 ? `, and ${along.length} edge${along.length === 1 ? '' : 's'} with ${removed === 1 ? 'it' : 'them'}` : ''}, so the backends hold the same records`,
      );
    } finally {
      await connection.close();
    }
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
      return Object.entries({ ...expected, ...this.truthCounts })
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

/** The last vertex and edge of a batch (or the ones before, when it has none). */
function sampleOf(batch: GraphBatch, before: CheckpointSample): CheckpointSample {
  const vertex = batch.vertices.at(-1);
  const edge = batch.edges.at(-1);
  return {
    ...before,
    ...(vertex ? { vertex: vertex.id } : {}),
    ...(edge ? { edge: { label: edge.label, key: VOCABULARY[edge.label].key, id: edge.id } } : {}),
  };
}

/**
 * Whether what a checkpoint says landed is still in the graph: the graph holds this dataset, and
 * the checkpoint's last vertex and edge are there.
 */
async function stillThere(
  connection: JanusGraphConnection,
  state: CheckpointState,
  holdsThisDataset: boolean,
): Promise<boolean> {
  if (!holdsThisDataset) return false;
  const { vertex, edge } = state.sample ?? {};
  const result = await connection.client.submit(
    "[v: vid == null || g.V(vid).toList().any { it.label() != 'vertex' }, e: elabel == null || g.E().hasLabel(elabel).has(ekey, eid).hasNext()]",
    {
      vid: vertex ?? null,
      elabel: edge?.label ?? null,
      ekey: edge?.key ?? null,
      eid: edge?.id ?? null,
    },
  );
  const answer = scriptResultObject(result.toArray());
  return answer['v'] === true && answer['e'] === true;
}

/** `work`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function redactedUrl(options: JanusGraphSinkOptions): string {
  return redactUrl(options.connection.url);
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
