import { performance } from 'node:perf_hooks';
import { SinkError } from '../../errors.js';
import { delayFor, sleep, type RetryPolicy } from '../retry-policy.js';
import type { BulkDocument } from './bulk-document.js';
import { isMissingIndex } from './write-aliases.js';
import {
  isRetryableRequestError,
  requestFailureReason,
  RETRYABLE_STATUSES,
  statusOf,
} from './bulk-retry.js';

/** Why the server refused one document, as `_bulk` reports it. */
export interface BulkItemError {
  readonly type?: string;
  readonly reason?: string;
  readonly caused_by?: { readonly type?: string; readonly reason?: string };
}

/** One item of a `_bulk` answer, under its action name (`index`). */
export interface BulkItemStatus {
  readonly status: number;
  readonly error?: BulkItemError;
}

/** The part of a `_bulk` answer the sender reads (the sink asks for nothing more: filter_path). */
export interface BulkResponse {
  readonly errors: boolean;
  readonly items?: readonly Readonly<Record<string, BulkItemStatus>>[];
}

/**
 * Posts one NDJSON body to `_bulk` and resolves with the answer; rejects on a transport error or an
 * HTTP error status. The only thing the sender needs from a client, so a unit test can fake it.
 */
export type BulkTransport = (body: string, signal: AbortSignal) => Promise<BulkResponse>;

/** A document the server refused for good. */
export interface BulkDrop {
  readonly doc: BulkDocument;
  readonly status: number;
  readonly reason: string;
  /** How many times it had been sent again before it was given up. */
  readonly retried: number;
}

/** How a sender sends: its transport, in-flight limit, retries, and where refusals go. */
export interface BulkSenderOptions {
  readonly transport: BulkTransport;
  /** Requests in flight at most. */
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  readonly onDrop: (drop: BulkDrop) => void;
  /** Waits between attempts; injected so unit tests need not wait. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Keep retrying past `retry.retries` while the server accepted a document within this long: a
   * busy server that is alive (429s) slows the load down, it does not lose documents. Without it,
   * `retry.retries` bounds every retry.
   */
  readonly retryBudgetMs?: number;
  /** Monotonic milliseconds, for the retry budget. */
  readonly clock?: () => number;
  /**
   * Runs before a request is sent again after the server did not answer (a dropped connection,
   * 502/503/504): the server may have restarted, so the sink checks that its indexes are still
   * there before anything can auto-create them. Also runs when items were refused because their
   * write alias is gone. Shared by the requests that fail together; a rejection stops the sender.
   */
  readonly afterOutage?: () => Promise<void>;
  /** The server's URL without credentials, named when it stops answering for good. */
  readonly server?: string;
}

/** What a sender did so far; the sink reports these in its SinkStats. */
export interface BulkCounters {
  successful: number;
  failed: number;
  /** Documents sent again after a retryable answer (one document retried twice counts 2). */
  retried: number;
  /** NDJSON bytes of the documents, each counted once. */
  bytes: number;
  requests: number;
}

/**
 * Sends bulk bodies with at most `concurrency` requests in flight. `submit` resolves only once a
 * slot is free, so a caller that awaits it is held back while the server is behind. A retryable
 * answer (429/502/503/504, a dropped connection) is retried with exponential backoff while the
 * request keeps its slot: a busy server gets fewer requests, not more. For item-level 429s only the
 * refused items are sent again. Any other refused document goes to `onDrop`; a request that fails
 * for good, or `fail()`, stops the sender and every later call rejects with that error.
 */
export class BulkSender {
  private readonly running = new Set<Promise<void>>();
  /** Requests allowed in flight now: halved on a 429, grown back by one per run of successes. */
  private limit: number;
  private successesAtLimit = 0;
  private lastProgressMs: number;
  private outageCheck: Promise<void> | undefined;
  private readonly clock: () => number;
  private readonly controller = new AbortController();
  private failure: Error | undefined;
  private readonly counters: BulkCounters = {
    successful: 0,
    failed: 0,
    retried: 0,
    bytes: 0,
    requests: 0,
  };

  constructor(private readonly options: BulkSenderOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new SinkError(
        `opensearch sink: concurrency ${options.concurrency} must be a whole number ≥ 1`,
        { concurrency: options.concurrency },
      );
    this.limit = options.concurrency;
    this.clock = options.clock ?? (() => performance.now());
    this.lastProgressMs = this.clock();
  }

  /** Requests allowed in flight now (adaptive: below `concurrency` while the server sends 429s). */
  get concurrencyLimit(): number {
    return this.limit;
  }

  get stats(): Readonly<BulkCounters> {
    return this.counters;
  }

  /** The error that stopped the sender, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Waits for a free request slot, then starts sending `docs` and returns without waiting for it. */
  async submit(docs: readonly BulkDocument[]): Promise<void> {
    this.throwIfFailed();
    while (this.running.size >= this.limit) {
      await Promise.race(this.running);
      this.throwIfFailed();
    }
    if (docs.length === 0) return;
    const request: Promise<void> = this.send(docs)
      .catch((error: unknown) => {
        this.fail(error);
      })
      .finally(() => this.running.delete(request));
    this.running.add(request);
  }

  /** Waits for every request in flight; rejects with the error that stopped the sender, if any. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    this.throwIfFailed();
  }

  /**
   * Stops the sender: requests in flight are cancelled, waits between retries end, and every later
   * call rejects with `error`. The first error wins.
   */
  fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure =
      error instanceof Error
        ? error
        : new SinkError(`opensearch sink: stopped: ${String(error)}`, {}, { cause: error });
    this.controller.abort(this.failure);
  }

  /** Resolves when nothing is in flight any more (after `fail`), never rejects. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private async send(docs: readonly BulkDocument[]): Promise<void> {
    const { transport } = this.options;
    const signal = this.controller.signal;
    let pending = docs;
    let body = joinLines(pending);
    this.counters.bytes += Buffer.byteLength(body);
    let failingSinceMs: number | undefined;
    for (let attempt = 0; ; attempt++) {
      this.throwIfFailed();
      this.counters.requests++;
      let response: BulkResponse;
      try {
        response = await transport(body, signal);
      } catch (error) {
        this.throwIfFailed();
        failingSinceMs ??= this.clock();
        if (!isRetryableRequestError(error)) throw requestError(pending, error, attempt);
        if (!this.mayRetry(attempt))
          throw requestError(pending, error, attempt, {
            server: this.options.server,
            seconds: Math.round((this.clock() - failingSinceMs) / 1000),
          });
        this.counters.retried += pending.length;
        if (statusOf(error) === 429) this.slowDown();
        await this.wait(attempt);
        if (statusOf(error) !== 429) await this.checkAfterOutage();
        continue;
      }
      const { again, indexGone } = this.settle(pending, response, attempt);
      if (again.length === 0) {
        this.speedUp();
        return;
      }
      this.counters.retried += again.length;
      // A missing index is not a busy server: check the indexes (which stops the load if they
      // are gone) instead of sending fewer requests.
      if (indexGone) await this.checkAfterOutage();
      else this.slowDown();
      await this.wait(attempt);
      pending = again;
      body = joinLines(pending);
    }
  }

  /**
   * Counts the answer's successes, reports refusals, and returns what is worth sending again, and
   * whether some of it was refused because its index is gone.
   */
  private settle(
    docs: readonly BulkDocument[],
    response: BulkResponse,
    attempt: number,
  ): { again: BulkDocument[]; indexGone: boolean } {
    if (!response.errors) {
      this.counters.successful += docs.length;
      this.lastProgressMs = this.clock();
      return { again: [], indexGone: false };
    }
    const items = response.items ?? [];
    if (items.length !== docs.length)
      throw new SinkError(
        `opensearch sink: bulk answer has ${items.length} items for ${docs.length} documents sent to index "${docs[0]?.target.index ?? '?'}"`,
        { items: items.length, documents: docs.length },
      );
    const again: BulkDocument[] = [];
    let indexGone = false;
    const canRetry = this.mayRetry(attempt);
    const canCheck = this.options.afterOutage !== undefined;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as BulkDocument;
      const item = itemStatus(items[i]);
      if (item.status < 300) {
        this.counters.successful++;
        this.lastProgressMs = this.clock();
      } else if (RETRYABLE_STATUSES.has(item.status) && canRetry) {
        again.push(doc);
      } else if (isMissingIndex(item.error) && canCheck && canRetry) {
        // Sent through a write alias that is gone (write-aliases.ts): the server may have
        // restarted empty. The check decides: start over, or (indexes intact) send it again.
        again.push(doc);
        indexGone = true;
      } else {
        this.counters.failed++;
        const retried = RETRYABLE_STATUSES.has(item.status) ? ` (after ${attempt} retries)` : '';
        this.drop({
          doc,
          status: item.status,
          reason: `${itemReason(item)}${retried}`,
          retried: attempt,
        });
      }
    }
    return { again, indexGone };
  }

  /** Within the retry count, or the server accepted something within the retry budget. */
  private mayRetry(attempt: number): boolean {
    if (attempt < this.options.retry.retries) return true;
    const budget = this.options.retryBudgetMs;
    return budget !== undefined && this.clock() - this.lastProgressMs < budget;
  }

  private slowDown(): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.successesAtLimit = 0;
  }

  private speedUp(): void {
    if (this.limit >= this.options.concurrency) return;
    if (++this.successesAtLimit >= this.limit * 4) {
      this.limit++;
      this.successesAtLimit = 0;
    }
  }

  private async checkAfterOutage(): Promise<void> {
    const check = this.options.afterOutage;
    if (check === undefined) return;
    this.outageCheck ??= check().finally(() => {
      this.outageCheck = undefined;
    });
    await this.outageCheck;
  }

  private drop(drop: BulkDrop): void {
    try {
      this.options.onDrop(drop);
    } catch (error) {
      this.fail(error);
    }
  }

  private async wait(attempt: number): Promise<void> {
    const ms = delayFor(this.options.retry, attempt);
    try {
      await (this.options.sleep ?? sleep)(ms, this.controller.signal);
    } catch (error) {
      this.throwIfFailed();
      throw error;
    }
  }
}

function joinLines(docs: readonly BulkDocument[]): string {
  let body = '';
  for (const doc of docs) body += doc.line;
  return body;
}

function itemStatus(item: Readonly<Record<string, BulkItemStatus>> | undefined): BulkItemStatus {
  const result = item === undefined ? undefined : (item['index'] ?? Object.values(item)[0]);
  return result ?? { status: 0, error: { type: 'missing_item', reason: 'no item in the answer' } };
}

/** `400 mapper_parsing_exception: failed to parse field [amount] … (caused by …)`. */
export function itemReason(item: BulkItemStatus): string {
  const error = item.error;
  if (error === undefined) return `${item.status}`;
  const cause =
    error.caused_by?.reason === undefined
      ? ''
      : ` (caused by ${error.caused_by.type ?? 'error'}: ${error.caused_by.reason})`;
  return `${item.status} ${error.type ?? 'error'}: ${error.reason ?? ''}${cause}`.slice(0, 500);
}

function requestError(
  docs: readonly BulkDocument[],
  error: unknown,
  attempt: number,
  outage?: { readonly server: string | undefined; readonly seconds: number },
): SinkError {
  const indexes = [...new Set(docs.map((doc) => doc.target.index))];
  const where =
    indexes.length === 1
      ? `index "${indexes[0] ?? ''}"`
      : `indexes "${indexes[0] ?? ''}" and ${indexes.length - 1} more`;
  const tries = attempt === 0 ? '' : ` after ${attempt} retries`;
  return new SinkError(
    `opensearch sink: bulk request of ${docs.length} docs to ${where} failed${tries}: ${requestFailureReason(error)}${outage === undefined ? '' : gaveUp(error, outage)}`,
    { indexes, documents: docs.length, retries: attempt, ...(outage ? { outage: true } : {}) },
    { cause: error },
  );
}

/**
 * What a user needs after the retries ran out on a server that did not answer (or stayed busy):
 * which server, for how long, that the load stopped, and what to do. Without it the message was
 * only the last connection error, which says neither (issue #16).
 */
function gaveUp(
  error: unknown,
  outage: { readonly server: string | undefined; readonly seconds: number },
): string {
  const status = statusOf(error);
  const server = outage.server ?? 'the server';
  const what =
    status === undefined
      ? `did not answer for ${outage.seconds} s`
      : `kept answering HTTP ${status} for ${outage.seconds} s`;
  return (
    ` — ${server} ${what}. The load stopped and sends no more documents; those that landed stay.` +
    ' Once it is back, run the same command again: documents are indexed by id, so it' +
    ' overwrites them without duplicates (a longer --retry-budget waits longer for the server)'
  );
}
