import { performance } from 'node:perf_hooks';
import { SinkError } from '../../errors.js';
import { rowJson, type GraphBatch, type GraphRecord, type Label, type GroundTruth } from '../../model/index.js';
import { INDEXED_LABELS, indexNameOf, openSearchIndexes } from '../../schema/index.js';
import type { DatasetIdentity } from '../dataset.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry-policy.js';
import { RefusedRecords } from '../../sinks/refused-records.js';
import type {
  BackendSinkOptions,
  RecordRef,
  Sink,
  SinkStats,
  VerificationRow,
} from '../../sinks/sink.js';
import { applyOpenSearchSchema } from './apply-schema.js';
import {
  BulkChunk,
  bulkDocument,
  bulkTarget,
  type BulkDocument,
  type BulkTarget,
} from './bulk-document.js';
import { withRequestRetry } from './bulk-retry.js';
import { BulkSender, type BulkDrop } from './bulk-sender.js';
import { clientBulkTransport } from './client-bulk-transport.js';
import type { OpenSearchConnection } from './connection.js';
import { createVersionedIndexes, switchAliases, type VersionedIndexes } from './index-aliases.js';
import { checkIndexesAfterOutage, claimIndexes } from './index-marker.js';
import { IndexSettingsGuard } from './index-settings-guard.js';
import { retractDocuments } from './retract-documents.js';
import { addWriteAliases } from './write-aliases.js';

/** OpenSearchSink options; every one has a default, measured where it matters for speed. */
export interface OpenSearchSinkOptions extends BackendSinkOptions {
  /**
   * Send a bulk request once this much NDJSON is waiting. Default 5 MB: the start of OpenSearch's
   * recommended 5–15 MiB; 2.5, 5 and 10 MB measured the same here (scripts/bench/opensearch.mjs
   * --sweep), and memory grows with it: about (concurrency + 1) × flushBytes is held.
   */
  readonly flushBytes?: number;
  /** Send what is waiting after this long without reaching flushBytes (a slow producer). Default 1 s. */
  readonly flushIntervalMs?: number;
  /**
   * Bulk requests in flight at most. Default 3: one more than a small node's write threads, so the
   * server is not left waiting while the next body is built. Measured (scripts/bench/opensearch.mjs
   * --sweep, 2 cores): 1 is clearly slower; 2, 3 and 4 were within the machine's noise.
   */
  readonly concurrency?: number;
  /** Retries of 429/502/503/504 and dropped connections. Default 8, from 250 ms doubling to 15 s. */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Write into versioned indexes (`<prefix><kind>-v<n>`) behind aliases (`<prefix><kind>`), and
   * move the aliases only after `verify` found every count right. Default false: plain indexes.
   */
  readonly aliases?: boolean;
  /** Waits between retries (tests). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Past the retries, keep retrying while the server accepted a document within this long (a
   * busy server slows the load down, it loses nothing). Default 120 s.
   */
  readonly retryBudgetMs?: number;
  /**
   * The dataset being loaded: checked against every existing index's `_meta` before the first
   * write (another dataset is refused), then recorded there.
   */
  readonly dataset?: DatasetIdentity;
  /** `--with-labels`: documents of events get is_laundering and pattern_ids. */
  readonly withLabels?: boolean;
  /**
   * Things the user should know that are not the load's own error: index settings that could
   * not be put back after a failed load (the server was gone). Without it they are not reported.
   */
  readonly onNotice?: (message: string) => void;
}

/** Ground-truth tables and their index kinds: the key `verify` looks up in `expected`. */
const GROUND_TRUTH_KINDS = ['patterns', 'event_labels'] as const;

/** Index kind → what `verify`'s `expected` calls it: the label, or the ground-truth table. */
const KEY_OF_KIND: ReadonlyMap<string, string> = new Map([
  ...INDEXED_LABELS.map((label) => [indexNameOf(label), label] as const),
  ...GROUND_TRUTH_KINDS.map((kind) => [kind, kind] as const),
]);

export const OPENSEARCH_DEFAULTS = {
  flushBytes: 5_000_000,
  flushIntervalMs: 1_000,
  concurrency: 3,
  retryBudgetMs: 120_000,
} as const;
const DEFAULTS = OPENSEARCH_DEFAULTS;

/**
 * Loads the stream into OpenSearch through the `_bulk` API: one document per record of every
 * indexed label (its row, `toRow`), `_id` = business id, so loading the same data twice leaves
 * the same documents. Before the first document the indexes are created (strict mappings) and
 * refresh and replicas are turned off for the load; `close` and `abort` put them back.
 *
 * Created by `OpenSearchSink.open`, which prepares the indexes before it resolves (like
 * `JanusGraphSink.open`): a mapping conflict or another dataset fails before anything is generated.
 * `write` resolves once the batch is queued and a request slot is free: while OpenSearch is behind,
 * the generator waits. Refused documents follow the rule of every backend sink (`RefusedRecords`):
 * each goes to `onDrop` with its id and reason (with `failFast`, the first one stops the load);
 * without an `onDrop`, `close` fails. Stats count documents: labels without an index (traveled,
 * issued, billed_to) are not counted.
 *
 * @example
 * const connection = await connectOpenSearch({ url: 'http://127.0.0.1:9200' });
 * const sink = await OpenSearchSink.open(connection, 'fingraph-', { onDrop: (d) => console.error(d) });
 * const report = await generate({ config, extraSinks: [sink] });
 * const rows = await sink.verify({ ...report.counts, patterns: report.groundTruth.patterns.length });
 */
export class OpenSearchSink implements Sink {
  readonly name = 'opensearch';
  private readonly sender: BulkSender;
  private readonly chunk = new BulkChunk();
  private readonly targets = new Map<string, BulkTarget>();
  private readonly flushBytes: number;
  private readonly flushIntervalMs: number;
  private readonly clock: () => number;
  private opening: Promise<void> | undefined;
  private guard: IndexSettingsGuard | undefined;
  private versioned: VersionedIndexes | undefined;
  private concrete: ReadonlyMap<string, string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** A flush the timer started; close waits for it, so no request starts after the drain. */
  private timedFlush: Promise<void> | undefined;
  private startedMs: number | undefined;
  private total = 0;
  private readonly refused: RefusedRecords;
  private published = false;
  private released: Promise<void> | undefined;
  private readonly onAbortSignal = () => {
    this.sender.fail(
      new SinkError(`opensearch sink: load cancelled (${String(this.options.signal?.reason)})`),
    );
  };

  /**
   * Creates the sink and prepares the indexes (created or checked, this dataset claimed, refresh
   * and replicas relaxed for the load) before it resolves.
   */
  static async open(
    connection: OpenSearchConnection,
    prefix: string,
    options: OpenSearchSinkOptions = {},
  ): Promise<OpenSearchSink> {
    const sink = new OpenSearchSink(connection, prefix, options);
    try {
      await sink.prepared();
    } catch (error) {
      await sink.abort(error);
      throw error;
    }
    return sink;
  }

  private constructor(
    private readonly connection: OpenSearchConnection,
    readonly prefix: string,
    private readonly options: OpenSearchSinkOptions,
  ) {
    this.refused = new RefusedRecords(options.onDrop);
    this.flushBytes = positive('flushBytes', options.flushBytes ?? DEFAULTS.flushBytes);
    this.flushIntervalMs = options.flushIntervalMs ?? DEFAULTS.flushIntervalMs;
    this.clock = options.clock ?? (() => performance.now());
    this.sender = new BulkSender({
      transport: clientBulkTransport(connection.client),
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      onDrop: (drop) => {
        this.dropped(drop);
      },
      ...(options.sleep ? { sleep: options.sleep } : {}),
      retryBudgetMs: options.retryBudgetMs ?? DEFAULTS.retryBudgetMs,
      clock: this.clock,
      afterOutage: () =>
        checkIndexesAfterOutage(this.connection, [...this.indexes.values()], options.dataset),
      server: connection.url,
    });
    if (options.signal?.aborted === true) this.onAbortSignal();
    else options.signal?.addEventListener('abort', this.onAbortSignal, { once: true });
  }

  /** The concrete index of every kind (after the first write), e.g. transfers → fingraph-transfers. */
  get indexes(): ReadonlyMap<string, string> {
    return (
      this.concrete ?? new Map([...KEY_OF_KIND.keys()].map((kind) => [kind, this.prefix + kind]))
    );
  }

  /** Creates or checks the indexes and relaxes their settings for the load, once. */
  private prepared(): Promise<void> {
    this.opening ??= withRequestRetry(() => this.prepare(), {
      what: `opensearch: ${this.connection.url}: preparing the indexes`,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    return this.opening;
  }

  private async prepare(): Promise<void> {
    this.startedMs = this.clock();
    if (this.options.aliases === true) {
      this.versioned = await createVersionedIndexes(this.connection, this.prefix);
      this.concrete = this.versioned.concrete;
    } else {
      await applyOpenSearchSchema(this.connection, this.prefix);
      this.concrete = new Map(
        Object.keys(openSearchIndexes()).map((kind) => [kind, this.prefix + kind]),
      );
    }
    if (this.options.dataset !== undefined)
      await claimIndexes(this.connection, [...this.concrete.values()], this.options.dataset);
    await addWriteAliases(this.connection, [...this.concrete.values()]);
    this.guard = new IndexSettingsGuard(this.connection, [...this.concrete.values()]);
    await this.guard.relax();
    for (const [kind, key] of KEY_OF_KIND) {
      this.targets.set(key, bulkTarget(key, this.concrete.get(kind) as string));
    }
  }

  async write(batch: GraphBatch): Promise<void> {
    this.throwIfFailed();
    await this.prepared();
    for (const record of batch.vertices) {
      this.add(record);
      if (this.chunk.size >= this.flushBytes) await this.flush();
    }
    for (const record of batch.edges) {
      this.add(record);
      if (this.chunk.size >= this.flushBytes) await this.flush();
    }
  }

  /** Indexes the patterns (by pattern_id) and the event labels (by `label:event_id`). */
  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    this.throwIfFailed();
    await this.prepared();
    const patterns = this.target('patterns');
    for (const pattern of truth.patterns) {
      this.queue(patterns, pattern.pattern_id, JSON.stringify(pattern));
      if (this.chunk.size >= this.flushBytes) await this.flush();
    }
    const eventLabels = this.target('event_labels');
    for (const label of truth.eventLabels) {
      this.queue(eventLabels, `${label.label}:${label.event_id}`, JSON.stringify(label));
      if (this.chunk.size >= this.flushBytes) await this.flush();
    }
  }

  /**
   * Sends what is left, waits for every request, puts the index settings back and refreshes, then
   * reports. Fails if the load failed, or if documents were refused and no `onDrop` took them.
   */
  async close(): Promise<SinkStats> {
    try {
      await this.prepared();
      await this.timedFlush;
      await this.flush();
      await this.sender.drain();
    } catch (error) {
      await this.sender.settled();
      await this.release().catch(() => undefined);
      throw error;
    }
    await this.release();
    await this.connection.client.indices.refresh({ index: [...this.indexes.values()].join(',') });
    const unclaimed = this.refused.unclaimed('opensearch sink', this.total, {
      unit: 'docs',
      target: 'index',
    });
    if (unclaimed !== undefined) throw unclaimed;
    return this.stats();
  }

  /** Stops sending (requests in flight are cancelled) and puts the index settings back. */
  async abort(reason: unknown): Promise<void> {
    this.sender.fail(
      reason instanceof Error
        ? reason
        : new SinkError(`opensearch sink: load aborted: ${String(reason)}`),
    );
    await this.sender.settled();
    await this.opening?.catch(() => undefined);
    await this.release();
  }

  /**
   * Refreshes, then counts every index and compares with `expected` (per label; `patterns` and
   * `event_labels` when given). In alias mode, moves the aliases to this load's indexes when every
   * count is right.
   */
  async verify(expected: Readonly<Record<string, number>>): Promise<readonly VerificationRow[]> {
    const { client } = this.connection;
    await client.indices.refresh({ index: [...this.indexes.values()].join(',') });
    const rows: VerificationRow[] = [];
    for (const [kind, index] of this.indexes) {
      const key = KEY_OF_KIND.get(kind) ?? kind;
      const isTable = (GROUND_TRUTH_KINDS as readonly string[]).includes(kind);
      if (isTable && !(key in expected)) continue;
      const actual = (await client.count({ index })).body.count;
      rows.push({ label: key, target: index, expected: expected[key] ?? 0, actual });
    }
    const complete = rows.every((row) => row.expected === row.actual);
    if (this.versioned !== undefined && complete && this.sender.error === undefined) {
      await switchAliases(this.connection, this.versioned);
      this.published = true;
    }
    return rows;
  }

  refusedRecords(): readonly RecordRef[] {
    return this.refused.records;
  }

  /** Deletes the documents of records another backend refused, so both hold the same records. */
  async retract(records: readonly RecordRef[]): Promise<void> {
    const removed = await retractDocuments(
      this.connection,
      records,
      (label) => this.targets.get(label)?.index,
    );
    if (removed > 0)
      this.options.onNotice?.(
        `opensearch: removed ${removed} document${removed === 1 ? '' : 's'} another backend refused, so the backends hold the same records`,
      );
  }

  /** True once alias mode moved the aliases to this load's indexes. */
  get aliasesSwitched(): boolean {
    return this.published;
  }

  /** The versioned indexes of an alias-mode load (after the first write). */
  get versions(): VersionedIndexes | undefined {
    return this.versioned;
  }

  private stats(): SinkStats {
    const sent = this.sender.stats;
    return {
      total: this.total,
      successful: sent.successful,
      failed: sent.failed,
      retried: sent.retried,
      bytes: sent.bytes,
      timeMs: this.startedMs === undefined ? 0 : this.clock() - this.startedMs,
    };
  }

  private add(record: GraphRecord): void {
    const target = this.targets.get(record.label);
    if (target === undefined) return; // traveled, issued, billed_to: no index of their own
    this.queue(target, record.id, rowJson(record, this.options.withLabels === true));
  }

  private queue(target: BulkTarget, id: string, sourceJson: string): void {
    this.total++;
    this.chunk.add(bulkDocument(target, id, sourceJson));
    if (this.timer === undefined && this.flushIntervalMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timedFlush = this.flush().catch((error: unknown) => {
          this.sender.fail(error);
        });
      }, this.flushIntervalMs);
      this.timer.unref();
    }
  }

  private target(key: Label | (typeof GROUND_TRUTH_KINDS)[number]): BulkTarget {
    return this.targets.get(key) as BulkTarget;
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.chunk.count === 0) return;
    await this.sender.submit(this.chunk.take());
  }

  private dropped(drop: BulkDrop): void {
    const { target, id } = drop.doc;
    this.refused.add(
      { label: target.label, id, reason: drop.reason, row: sourceOf(drop.doc) },
      target.index,
    );
    if (this.options.failFast === true)
      this.sender.fail(
        new SinkError(
          `opensearch sink: index "${target.index}" refused document "${id}" (${target.label}): ${drop.reason}; stopping (failFast)`,
          { index: target.index, id, label: target.label, reason: drop.reason },
        ),
      );
  }

  private throwIfFailed(): void {
    const error = this.sender.error;
    if (error !== undefined) throw error;
  }

  /**
   * Puts the index settings back, once: close's failure path and the abort that follows share
   * the attempt, so a server that is gone is asked (and reported) once.
   */
  private release(): Promise<void> {
    this.released ??= this.restoreSettings().catch((failure: unknown) => {
      // A load that failed because the server went away cannot put the settings back either,
      // and the caller only shows the load's own error: say it here (issue #16).
      this.options.onNotice?.(failure instanceof Error ? failure.message : String(failure));
      throw failure;
    });
    return this.released;
  }

  private async restoreSettings(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.options.signal?.removeEventListener('abort', this.onAbortSignal);
    await this.guard?.restore();
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new SinkError(`opensearch sink: ${name} ${value} must be a number > 0`, {
      [name]: value,
    });
  return value;
}

/** The document a bulk line carried (its second line: the source after the action line). */
function sourceOf(doc: BulkDocument): unknown {
  const source = doc.line.slice(doc.line.indexOf('\n') + 1, -1);
  return JSON.parse(source) as unknown;
}
