import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinkError } from '../../src/errors.js';
import type {
  AnyEdgeRecord,
  AnyVertexRecord,
  GraphBatch,
  GroundTruth,
} from '../../src/model/index.js';
import { fanOut } from '../../src/orchestration/fan-out.js';
import { openSearchIndexes } from '../../src/schema/index.js';
import { applyOpenSearchSchema } from '../../src/backends/opensearch/apply-schema.js';
import {
  connectOpenSearch,
  type OpenSearchConnection,
} from '../../src/backends/opensearch/connection.js';
import { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import type { DroppedRecord } from '../../src/sinks/sink.js';
import { runCliAsync } from '../helpers/cli.js';
import { dropIndexes, indexPrefix, opensearch, OPENSEARCH_URL } from './backends.js';
import {
  countsOf,
  documentCount,
  expectedByKind,
  generatePreset,
  load,
  loadSettingsOf,
  type Generated,
} from './opensearch-sink-fixtures.js';

const prefix = indexPrefix(import.meta.url);
let os: OpenSearchConnection;
let data: Generated;
let broken: { batches: GraphBatch[]; transferId: string; personId: string };

beforeAll(async () => {
  os = await opensearch();
  await dropIndexes(os, prefix);
  data = await generatePreset('small');
  broken = breakOneTransferAndOnePerson(data.batches);
});
afterAll(async () => {
  await dropIndexes(os, prefix);
  await os.close();
});

/**
 * The same batches, with two documents the strict mappings refuse: a transfer whose amount is a
 * string (double field) and a person with a field the mapping does not know.
 */
function breakOneTransferAndOnePerson(batches: readonly GraphBatch[]) {
  const transfer = batches.flatMap((b) => b.edges).find((e) => e.label === 'transfer')!;
  const person = batches.flatMap((b) => b.vertices).find((v) => v.label === 'person')!;
  const out = batches.map((batch) => ({
    ...batch,
    vertices: batch.vertices.map((v) =>
      v === person
        ? ({ ...v, properties: { ...v.properties, favourite_colour: 'teal' } } as AnyVertexRecord)
        : v,
    ),
    edges: batch.edges.map((e) =>
      e === transfer
        ? ({
            ...e,
            properties: { ...e.properties, amount: 'not a number' },
          } as unknown as AnyEdgeRecord)
        : e,
    ),
  }));
  return { batches: out, transferId: transfer.id, personId: person.id };
}

const noTruth: GroundTruth = { patterns: [], eventLabels: [] };

async function* stream(
  batches: readonly GraphBatch[],
  truth: GroundTruth,
): AsyncGenerator<GraphBatch, GroundTruth> {
  for (const batch of batches) yield batch;
  return truth;
}

describe('documents the server refuses', () => {
  it('go to onDrop by id with the reason, while the rest land', async () => {
    const p = `${prefix}drop-`;
    const dropped: DroppedRecord[] = [];
    const sink = await OpenSearchSink.open(os, p, { onDrop: (d) => dropped.push(d) });
    const stats = await load(sink, { batches: broken.batches, truth: data.truth });
    expect(dropped.map((d) => [d.label, d.id]).sort()).toEqual(
      [
        ['person', broken.personId],
        ['transfer', broken.transferId],
      ].sort(),
    );
    expect(dropped.find((d) => d.label === 'transfer')?.reason).toMatch(
      /^400 mapper_parsing_exception: failed to parse field \[amount\]/,
    );
    expect(dropped.find((d) => d.label === 'person')?.reason).toMatch(
      /^400 strict_dynamic_mapping_exception: .*favourite_colour/,
    );
    // Each refusal carries the document as it was sent, so it can be read and replayed.
    expect(dropped.find((d) => d.label === 'transfer')?.row).toMatchObject({
      transaction_id: broken.transferId,
      amount: 'not a number',
    });
    expect(dropped.find((d) => d.label === 'person')?.row).toHaveProperty('favourite_colour');
    expect(stats).toMatchObject({ total: documentCount(data), failed: 2, retried: 0 });
    expect(stats.successful).toBe(documentCount(data) - 2);
    const expected = expectedByKind(data);
    expect(await countsOf(os, (kind) => p + kind)).toEqual({
      ...expected,
      transfers: (expected['transfers'] ?? 0) - 1,
      persons: (expected['persons'] ?? 0) - 1,
    });
    const differences = (await sink.verify(data.expected)).filter((r) => r.actual !== r.expected);
    expect(differences.map((r) => [r.label, r.expected - r.actual]).sort()).toEqual([
      ['person', 1],
      ['transfer', 1],
    ]);
  });

  it('fail close() when nobody listens, naming index, id and reason', async () => {
    const p = `${prefix}silent-`;
    const sink = await OpenSearchSink.open(os, p);
    const failure = load(sink, { batches: broken.batches, truth: noTruth });
    await expect(failure).rejects.toThrow(SinkError);
    await expect(failure).rejects.toThrow(
      new RegExp(
        `opensearch sink: 2/\\d+ docs refused \\(.*; first: index "${p}(transfers|persons)" id "(${broken.transferId}|${broken.personId})": 400 `,
      ),
    );
    for (const kind of Object.keys(openSearchIndexes()))
      expect((await loadSettingsOf(os, p + kind)).refresh, kind).toBeNull();
  });

  it('failFast stops the load at the first one, and the settings are put back', async () => {
    const p = `${prefix}failfast-`;
    // An index with settings of its own: they must come back, not the defaults.
    await applyOpenSearchSchema(os, p);
    await os.client.indices.putSettings({
      index: `${p}transfers`,
      body: { index: { refresh_interval: '7s' } },
    });
    const onlyTransfer = broken.batches.map((batch) => ({
      ...batch,
      vertices: batch.vertices.filter((v) => v.id !== broken.personId),
    }));
    const sink = await OpenSearchSink.open(os, p, { failFast: true, flushBytes: 100_000 });
    const run = fanOut(stream(onlyTransfer, data.truth), [sink], { writeGroundTruth: true });
    await expect(run).rejects.toThrow(
      new RegExp(
        `opensearch sink: index "${p}transfers" refused document "${broken.transferId}" \\(transfer\\): 400 mapper_parsing_exception: .*stopping \\(failFast\\)`,
      ),
    );
    // Stopped: far from everything was sent.
    const counts = await countsOf(os, (kind) => p + kind);
    expect(counts['transfers']).toBeLessThan((data.expected['transfer'] ?? 0) / 2);
    expect(await loadSettingsOf(os, `${p}transfers`)).toEqual({ refresh: '7s', replicas: '0' });
    expect(await loadSettingsOf(os, `${p}persons`)).toEqual({ refresh: null, replicas: '0' });
  });
});

describe('interrupted loads', () => {
  it('an aborted signal stops the load and the settings are put back', async () => {
    const p = `${prefix}signal-`;
    const controller = new AbortController();
    const sink = await OpenSearchSink.open(os, p, {
      signal: controller.signal,
      flushBytes: 100_000,
    });
    const run = (async () => {
      for (const batch of data.batches.slice(0, 3)) await sink.write(batch);
      controller.abort(new Error('user pressed ^C'));
      for (const batch of data.batches.slice(3)) await sink.write(batch);
    })();
    await expect(run).rejects.toThrow(
      /opensearch sink: load cancelled \(Error: user pressed \^C\)/,
    );
    await sink.abort(new Error('interrupted'));
    for (const kind of Object.keys(openSearchIndexes()))
      expect(await loadSettingsOf(os, p + kind), kind).toEqual({ refresh: null, replicas: '0' });
  });
});

describe('indexes that vanish between two requests', () => {
  it('are not auto-created by the next request: the load stops, saying it must start over', async () => {
    const p = `${prefix}vanish-`;
    const drops: DroppedRecord[] = [];
    const sink = await OpenSearchSink.open(os, p, {
      flushBytes: 100_000,
      concurrency: 1,
      onDrop: (drop) => drops.push(drop),
    });
    const names = Object.keys(openSearchIndexes()).map((kind) => p + kind);
    const run = (async () => {
      await sink.write(data.batches[0]!);
      // Wait until documents landed, then delete the indexes as a server restarting empty
      // would lose them: no request fails, the next one simply finds nothing there.
      for (;;) {
        await os.client.indices.refresh({ index: names.join(',') });
        if ((await os.client.count({ index: names.join(',') })).body.count > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await os.client.indices.delete({ index: names.join(',') });
      for (const batch of data.batches.slice(1)) await sink.write(batch);
      await sink.close();
    })();
    await expect(run).rejects.toThrow(/vanished or changed while loading.*must start over/);
    await sink.abort(new Error('stopped'));
    expect(drops).toEqual([]);
    const left = (
      await os.client.cat.indices({ index: `${p}*`, format: 'json', h: ['index'] } as never)
    ).body as unknown as { index: string }[];
    expect(left.map((row) => row.index)).toEqual([]);
  });
});

/** What a fault-injecting proxy did. */
interface ProxyLog {
  bulkRequests: number;
  inFlight: number;
  maxInFlight: number;
  injected: { status503: number; resets: number; items429: number };
  /** The Authorization header of the last request. */
  authorization: string | undefined;
}

type Fault = 'pass' | '401' | '503' | 'reset' | '429-items';

/**
 * An HTTP proxy in front of the real OpenSearch that answers some `_bulk` requests itself: 503,
 * a dropped connection, or (for every third document of the request) an item-level 429 while
 * only the other documents are forwarded, so a document that is not retried is really missing.
 */
async function faultProxy(
  target: string,
  fault: (bulkRequest: number) => Fault,
  delayMs = 0,
): Promise<{ url: string; log: ProxyLog; close: () => Promise<void> }> {
  const log: ProxyLog = {
    bulkRequests: 0,
    inFlight: 0,
    maxInFlight: 0,
    injected: { status503: 0, resets: 0, items429: 0 },
    authorization: undefined,
  };
  const forward = async (req: IncomingMessage, body: Buffer | undefined) => {
    const upstream = await fetch(new URL(req.url ?? '/', target), {
      method: req.method ?? 'GET',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(body !== undefined && body.length > 0 ? { body } : {}),
    });
    return { status: upstream.status, text: await upstream.text() };
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    log.authorization = req.headers.authorization;
    if (!(req.url ?? '').includes('_bulk')) {
      const answer = await forward(req, body);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
      return;
    }
    const n = ++log.bulkRequests;
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    try {
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      const what = fault(n);
      if (what === 'reset') {
        log.injected.resets++;
        req.socket.destroy();
        return;
      }
      if (what === '401') {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(
            '{"error":{"type":"security_exception","reason":"injected: no permissions"},"status":401}',
          );
        return;
      }
      if (what === '503') {
        log.injected.status503++;
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"error":{"type":"injected","reason":"proxy says 503"},"status":503}');
        return;
      }
      if (what === 'pass') {
        const answer = await forward(req, body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
        return;
      }
      const lines = body.toString('utf8').split('\n');
      const docs: string[] = [];
      for (let i = 0; i + 1 < lines.length; i += 2) docs.push(`${lines[i]}\n${lines[i + 1]}\n`);
      const refused = docs.map((_, i) => i % 3 === 1);
      const kept = docs.filter((_, i) => !refused[i]).join('');
      const forwarded =
        kept.length > 0
          ? (JSON.parse((await forward(req, Buffer.from(kept))).text) as { items: unknown[] }).items
          : [];
      const items: unknown[] = [];
      for (const isRefused of refused) {
        if (isRefused) {
          log.injected.items429++;
          items.push({
            index: {
              status: 429,
              error: { type: 'es_rejected_execution_exception', reason: 'injected' },
            },
          });
        } else items.push(forwarded.shift());
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: true, items }));
    } finally {
      log.inFlight--;
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('retries and back-pressure', () => {
  it('503s, dropped connections and item-level 429s are retried with backoff; nothing is lost', async () => {
    const p = `${prefix}retry-`;
    // The first body is answered 503, 503, then its connection is dropped; every fourth request
    // after that answers 429 for a third of its documents.
    const proxy = await faultProxy(OPENSEARCH_URL, (n) =>
      n <= 2 ? '503' : n === 3 ? 'reset' : n % 4 === 0 ? '429-items' : 'pass',
    );
    const viaProxy = await connectOpenSearch({ url: proxy.url });
    const delays: number[] = [];
    try {
      const sink = await OpenSearchSink.open(viaProxy, p, {
        concurrency: 1,
        flushBytes: 300_000,
        onDrop: (d) => expect.fail(JSON.stringify(d)),
        sleep: async (ms) => {
          delays.push(ms);
        },
      });
      const stats = await load(sink, data);
      expect(proxy.log.injected.status503).toBe(2);
      expect(proxy.log.injected.resets).toBe(1);
      expect(proxy.log.injected.items429).toBeGreaterThan(100);
      expect(stats).toMatchObject({ total: documentCount(data), failed: 0 });
      expect(stats.successful).toBe(documentCount(data));
      expect(stats.retried).toBeGreaterThan(proxy.log.injected.items429);
      // Exponential per request: the first body is sent five times (503, 503, reset, 429 for a
      // third of it, then those again) and waits 250, 500, 1000, 2000 ms; the next request that
      // meets a 429 starts again at 250.
      expect(delays.slice(0, 5)).toEqual([250, 500, 1000, 2000, 250]);
      expect(proxy.log.maxInFlight).toBe(1);
      expect(await countsOf(os, (kind) => p + kind)).toEqual(expectedByKind(data));
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('a slow server holds the generator back: never more requests in flight than allowed', async () => {
    const p = `${prefix}slow-`;
    const proxy = await faultProxy(OPENSEARCH_URL, () => 'pass', 30);
    const viaProxy = await connectOpenSearch({ url: proxy.url });
    try {
      const sink = await OpenSearchSink.open(viaProxy, p, { concurrency: 2, flushBytes: 200_000 });
      const stats = await load(sink, data);
      expect(stats.successful).toBe(documentCount(data));
      expect(proxy.log.bulkRequests).toBeGreaterThan(20);
      expect(proxy.log.maxInFlight).toBe(2);
      expect(await countsOf(os, (kind) => p + kind)).toEqual(expectedByKind(data));
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('concurrency 1 and tiny bulk requests against the real server lose nothing', async () => {
    const p = `${prefix}tiny-`;
    const sink = await OpenSearchSink.open(os, p, { concurrency: 1, flushBytes: 32_000 });
    const stats = await load(sink, data);
    expect(stats.successful).toBe(documentCount(data));
    expect(await countsOf(os, (kind) => p + kind)).toEqual(expectedByKind(data));
    for (const row of await sink.verify(data.expected)) expect(row.actual).toBe(row.expected);
  });

  it('a request refused for good stops the load, and no error shows the password', async () => {
    const p = `${prefix}auth-`;
    const secret = 'n0t-in-any-message';
    const proxy = await faultProxy(OPENSEARCH_URL, () => '401');
    const viaProxy = await connectOpenSearch({
      url: `http://fingraph:${secret}@${new URL(proxy.url).host}`,
    });
    try {
      const sink = await OpenSearchSink.open(viaProxy, p);
      const error = await load(sink, data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SinkError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^opensearch sink: bulk request of \\d+ docs to indexes "${p}\\w+" and \\d+ more failed: HTTP 401 security_exception: injected: no permissions$`,
        ),
      );
      const basic = Buffer.from(`fingraph:${secret}`).toString('base64');
      expect(proxy.log.authorization).toBe(`Basic ${basic}`);
      const printed = [
        inspect(error, { depth: 12 }),
        JSON.stringify(error),
        String(error),
        viaProxy.url,
      ].join('\n');
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain(basic);
      for (const kind of Object.keys(openSearchIndexes()))
        expect(await loadSettingsOf(os, p + kind), kind).toEqual({ refresh: null, replicas: '0' });
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('the CLI over the same 401: exit 1, the password neither on stdout, stderr nor in the --json report', async () => {
    const p = `${prefix}auth-cli-`;
    const secret = 'S3cretPW';
    const proxy = await faultProxy(OPENSEARCH_URL, () => '401');
    try {
      const result = await runCliAsync([
        'generate',
        '--preset',
        'tiny',
        '--opensearch',
        `http://admin:${secret}@${new URL(proxy.url).host}`,
        '--index-prefix',
        p,
        '--json',
      ]);
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout) as { ok: boolean; error: string };
      expect(report.ok).toBe(false);
      expect(report.error).toMatch(/HTTP 401 security_exception/);
      expect(proxy.log.authorization).toBe(
        `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`,
      );
      const printed = result.stdout + result.stderr;
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain(Buffer.from(`admin:${secret}`).toString('base64'));
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await proxy.close();
      await dropIndexes(os, p);
    }
  });
});
