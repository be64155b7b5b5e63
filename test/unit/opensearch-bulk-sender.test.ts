import { describe, expect, it } from 'vitest';
import { SinkError } from '../../src/errors.js';
import { bulkDocument, bulkTarget } from '../../src/backends/opensearch/bulk-document.js';
import { isRetryableRequestError } from '../../src/backends/opensearch/bulk-retry.js';
import { sleep } from '../../src/backends/retry-policy.js';
import {
  BulkSender,
  type BulkDrop,
  type BulkResponse,
  type BulkTransport,
} from '../../src/backends/opensearch/bulk-sender.js';

const target = bulkTarget('transfer', 'x-transfers');
const docs = (ids: string[]) =>
  ids.map((id) => bulkDocument(target, id, `{"transaction_id":"${id}"}`));

/** The ids in an NDJSON body, in order. */
function idsOf(body: string): string[] {
  return body
    .split('\n')
    .filter((_, i) => i % 2 === 0)
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { index: { _id: string } }).index._id);
}

const ok = (n: number): BulkResponse => ({
  errors: false,
  items: Array.from({ length: n }, () => ({ index: { status: 201 } })),
});

function sender(transport: BulkTransport, extra: { concurrency?: number; retries?: number } = {}) {
  const drops: BulkDrop[] = [];
  const delays: number[] = [];
  const s = new BulkSender({
    transport,
    concurrency: extra.concurrency ?? 2,
    retry: { retries: extra.retries ?? 3, baseDelayMs: 100, maxDelayMs: 350 },
    onDrop: (d) => drops.push(d),
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
  return { s, drops, delays };
}

function httpError(status: number) {
  return Object.assign(new Error(`Response Error`), {
    name: 'ResponseError',
    meta: { statusCode: status, body: { error: { type: 'x', reason: `status ${status}` } } },
  });
}

describe('BulkSender', () => {
  it('keeps at most `concurrency` requests in flight: submit waits for a free slot', async () => {
    const pending: (() => void)[] = [];
    const transport: BulkTransport = (body) =>
      new Promise((resolve) => {
        pending.push(() => {
          resolve(ok(idsOf(body).length));
        });
      });
    const { s } = sender(transport, { concurrency: 2 });
    await s.submit(docs(['a']));
    await s.submit(docs(['b']));
    let third = false;
    const submitted = s.submit(docs(['c'])).then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    expect(s.inFlight).toBe(2);
    pending.shift()!();
    await submitted;
    expect(third).toBe(true);
    while (pending.length > 0) pending.shift()!();
    await s.drain();
    expect(s.stats).toMatchObject({ successful: 3, failed: 0, retried: 0, requests: 3 });
  });

  it('sends again only the items answered 429, with exponential backoff, then drops them', async () => {
    const bodies: string[][] = [];
    const transport: BulkTransport = async (body) => {
      const ids = idsOf(body);
      bodies.push(ids);
      return {
        errors: true,
        items: ids.map((id) => ({
          index:
            id === 'busy'
              ? {
                  status: 429,
                  error: { type: 'es_rejected_execution_exception', reason: 'queue full' },
                }
              : { status: 201 },
        })),
      };
    };
    const { s, drops, delays } = sender(transport, { retries: 3 });
    await s.submit(docs(['a', 'busy', 'b']));
    await s.drain();
    expect(bodies).toEqual([['a', 'busy', 'b'], ['busy'], ['busy'], ['busy']]);
    expect(delays).toEqual([100, 200, 350]);
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ status: 429, retried: 3 });
    expect(drops[0]?.doc.id).toBe('busy');
    expect(drops[0]?.reason).toBe(
      '429 es_rejected_execution_exception: queue full (after 3 retries)',
    );
    expect(s.stats).toMatchObject({ successful: 2, failed: 1, retried: 3 });
  });

  it('keeps retrying 429s past the retry count while within the budget since the last progress', async () => {
    let now = 0;
    let busyAnswers = 0;
    const transport: BulkTransport = async (body) => ({
      errors: true,
      // Refused 10 times (3.1 s of backoff), then taken: a busy server, alive.
      items: idsOf(body).map(() => ({ index: { status: busyAnswers++ < 10 ? 429 : 201 } })),
    });
    const drops: BulkDrop[] = [];
    const s = new BulkSender({
      transport,
      concurrency: 2,
      retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 350 },
      retryBudgetMs: 5_000,
      clock: () => now,
      onDrop: (d) => drops.push(d),
      sleep: async (ms) => {
        now += ms;
      },
    });
    await s.submit(docs(['busy']));
    await s.drain();
    expect(drops).toEqual([]);
    expect(s.stats).toMatchObject({ successful: 1, failed: 0, retried: 10 });
    expect(now).toBe(3_100);
  });

  it('gives up on 429s once the server accepted nothing for the whole budget', async () => {
    let now = 0;
    const transport: BulkTransport = async (body) => ({
      errors: true,
      items: idsOf(body).map(() => ({ index: { status: 429 } })),
    });
    const drops: BulkDrop[] = [];
    const s = new BulkSender({
      transport,
      concurrency: 1,
      retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 400 },
      retryBudgetMs: 1_000,
      clock: () => now,
      onDrop: (d) => drops.push(d),
      sleep: async (ms) => {
        now += ms;
      },
    });
    await s.submit(docs(['x']));
    await s.drain();
    expect(drops).toHaveLength(1);
    expect(now).toBeGreaterThanOrEqual(1_000);
  });

  it('halves the requests in flight on a 429 and grows them back after successes', async () => {
    let refuse = true;
    const transport: BulkTransport = async (body) => {
      const ids = idsOf(body);
      if (refuse) {
        refuse = false;
        return { errors: true, items: ids.map(() => ({ index: { status: 429 } })) };
      }
      return ok(ids.length);
    };
    const { s } = sender(transport, { concurrency: 4 });
    expect(s.concurrencyLimit).toBe(4);
    await s.submit(docs(['a']));
    await s.drain();
    expect(s.concurrencyLimit).toBe(2);
    for (let i = 0; i < 40; i++) await s.submit(docs([`b${i}`]));
    await s.drain();
    expect(s.concurrencyLimit).toBe(4);
  });

  it('reports a refused document with its reason and keeps going', async () => {
    const transport: BulkTransport = async (body) => ({
      errors: true,
      items: idsOf(body).map((id) => ({
        index:
          id === 'bad'
            ? {
                status: 400,
                error: {
                  type: 'mapper_parsing_exception',
                  reason: 'failed to parse field [amount] of type [double]',
                  caused_by: { type: 'number_format_exception', reason: 'For input string: "x"' },
                },
              }
            : { status: 200 },
      })),
    });
    const { s, drops } = sender(transport);
    await s.submit(docs(['a', 'bad']));
    await s.submit(docs(['c']));
    await s.drain();
    expect(drops.map((d) => [d.doc.id, d.status, d.reason])).toEqual([
      [
        'bad',
        400,
        '400 mapper_parsing_exception: failed to parse field [amount] of type [double] (caused by number_format_exception: For input string: "x")',
      ],
    ]);
    expect(s.stats).toMatchObject({ successful: 2, failed: 1, retried: 0 });
  });

  it('retries whole requests on 503 and dropped connections, then succeeds', async () => {
    const answers: (() => Promise<BulkResponse>)[] = [
      () => Promise.reject(httpError(503)),
      () => Promise.reject(Object.assign(new Error('socket hang up'), { name: 'ConnectionError' })),
      () => Promise.resolve(ok(2)),
    ];
    const { s, delays } = sender(() => answers.shift()!());
    await s.submit(docs(['a', 'b']));
    await s.drain();
    expect(delays).toEqual([100, 200]);
    expect(s.stats).toMatchObject({ successful: 2, retried: 4, requests: 3 });
  });

  it('stops on a request that fails for good, naming index, count and reason', async () => {
    const { s } = sender(() => Promise.reject(httpError(401)));
    await s.submit(docs(['a', 'b', 'c']));
    await expect(s.drain()).rejects.toThrow(SinkError);
    await expect(s.drain()).rejects.toThrow(
      'opensearch sink: bulk request of 3 docs to index "x-transfers" failed: HTTP 401 x: status 401',
    );
    await expect(s.submit(docs(['d']))).rejects.toThrow(/HTTP 401/);
  });

  it('gives up on a retryable request error after the retries, saying how many', async () => {
    const { s, delays } = sender(() => Promise.reject(httpError(429)), { retries: 2 });
    await s.submit(docs(['a']));
    await expect(s.drain()).rejects.toThrow(/failed after 2 retries: HTTP 429/);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up on a server that does not answer: names it, how long, that the load stopped, and the rerun', async () => {
    let now = 0;
    const s = new BulkSender({
      transport: () =>
        Promise.reject(
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), {
            name: 'ConnectionError',
          }),
        ),
      concurrency: 1,
      retry: { retries: 2, baseDelayMs: 1_000, maxDelayMs: 4_000 },
      retryBudgetMs: 500,
      clock: () => now,
      onDrop: () => undefined,
      sleep: async (ms) => {
        now += ms;
      },
      server: 'http://127.0.0.1:9200',
    });
    await s.submit(docs(['a']));
    await expect(s.drain()).rejects.toThrow(
      'opensearch sink: bulk request of 1 docs to index "x-transfers" failed after 2 retries: ConnectionError: connect ECONNREFUSED 127.0.0.1:9200 — http://127.0.0.1:9200 did not answer for 3 s. The load stopped and sends no more documents; those that landed stay. Once it is back, run the same command again: documents are indexed by id, so it overwrites them without duplicates (a longer --retry-budget waits longer for the server)',
    );
  });

  it('writes through the write alias, and a missing one means: check the indexes, not drop', async () => {
    expect(idsOf(docs(['a'])[0]!.line)).toEqual(['a']);
    expect(docs(['a'])[0]!.line).toContain('"_index":"x-transfers-write"');
    const missing = (n: number): BulkResponse => ({
      errors: true,
      items: Array.from({ length: n }, () => ({
        index: {
          status: 404,
          error: { type: 'index_not_found_exception', reason: 'no such index [x-transfers-write]' },
        },
      })),
    });
    const checks: string[] = [];
    const make = (check: () => Promise<void>, answers: BulkResponse[]) => {
      const drops: BulkDrop[] = [];
      const s = new BulkSender({
        transport: async (body) => answers.shift() ?? ok(idsOf(body).length),
        concurrency: 1,
        retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 1 },
        onDrop: (d) => drops.push(d),
        sleep: async () => undefined,
        afterOutage: check,
      });
      return { s, drops };
    };
    // The indexes are gone: the check's verdict stops the load, nothing is reported as refused.
    const gone = make(async () => {
      checks.push('gone');
      throw new SinkError('the load must start over');
    }, [missing(2)]);
    await gone.s.submit(docs(['a', 'b']));
    await expect(gone.s.drain()).rejects.toThrow('must start over');
    expect(gone.drops).toEqual([]);
    // The indexes are intact (the check put the alias back): the documents are sent again.
    const intact = make(async () => {
      checks.push('intact');
    }, [missing(2)]);
    await intact.s.submit(docs(['a', 'b']));
    await intact.s.drain();
    expect(intact.drops).toEqual([]);
    expect(intact.s.stats).toMatchObject({ successful: 2, failed: 0, retried: 2 });
    expect(checks).toEqual(['gone', 'intact']);
  });

  it('fail() cancels requests in flight and refuses new ones', async () => {
    let aborted = false;
    const transport: BulkTransport = (_body, signal) =>
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      });
    const { s } = sender(transport);
    await s.submit(docs(['a']));
    s.fail(new SinkError('stop here'));
    await s.settled();
    expect(aborted).toBe(true);
    await expect(s.submit(docs(['b']))).rejects.toThrow('stop here');
    await expect(s.drain()).rejects.toThrow('stop here');
  });

  it('refuses an answer whose items do not match the documents sent', async () => {
    const { s } = sender(async () => ({ errors: true, items: [{ index: { status: 201 } }] }));
    await s.submit(docs(['a', 'b']));
    await expect(s.drain()).rejects.toThrow(/bulk answer has 1 items for 2 documents/);
  });

  it('rejects a concurrency below 1', () => {
    expect(() => sender(async () => ok(0), { concurrency: 0 })).toThrow(/concurrency 0/);
  });
});

describe('bulk retry rules', () => {
  it('retries 429/502/503/504 and dropped connections, nothing else', () => {
    for (const status of [429, 502, 503, 504])
      expect(isRetryableRequestError(httpError(status)), `${status}`).toBe(true);
    for (const status of [400, 401, 403, 404, 413, 500])
      expect(isRetryableRequestError(httpError(status)), `${status}`).toBe(false);
    expect(isRetryableRequestError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(
      true,
    );
    expect(isRetryableRequestError(Object.assign(new Error('read ECONNRESET')))).toBe(true);
    expect(isRetryableRequestError(new Error('something else'))).toBe(false);
  });

  it('sleep ends early with the reason when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('enough'));
    await expect(waiting).rejects.toThrow('enough');
  });
});
