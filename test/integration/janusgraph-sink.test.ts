import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import { VOCABULARY, type GraphBatch, type GraphRecord } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { generate } from '../../src/orchestration/generate.js';
import { planRun } from '../../src/orchestration/plan.js';
import { Checkpoint } from '../../src/backends/janusgraph/checkpoint.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import { scriptResultObject } from '../../src/backends/janusgraph/script-result.js';
import type { DroppedRecord, Sink } from '../../src/sinks/sink.js';
import { clearGraph, janusgraph, JANUSGRAPH_URL } from './backends.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-jg-'));
let jg: JanusGraphConnection;

beforeAll(async () => {
  jg = await janusgraph();
});
afterAll(async () => {
  await jg.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearGraph(jg);
});

function smallWithTypologies(overrides: Record<string, unknown> = {}): GenerationConfig {
  return resolveConfig({
    preset: 'small',
    layers: [
      { source: 'flag', values: { muleChainPatterns: 3, transactionCount: 3_000, ...overrides } },
    ],
  });
}

/** Counts per label in the graph, read independently of the sink. */
async function graphCounts(): Promise<Record<string, number>> {
  const result = await jg.client.submit(
    '[v: g.V().groupCount().by(label).next(), e: g.E().groupCount().by(label).next()]',
  );
  const { v, e } = scriptResultObject(result.toArray()) as {
    v: Record<string, number>;
    e: Record<string, number>;
  };
  return { ...v, ...e };
}

function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** One element per label, as the graph has it: every property, in the types the schema declares. */
async function readBack(record: GraphRecord): Promise<Record<string, unknown>> {
  const key = VOCABULARY[record.label].key;
  const script =
    'outV' in record
      ? 'g.E().hasLabel(l).has(k, eid).valueMap().next()'
      : 'g.V(eid).hasLabel(l).valueMap().next()';
  const result = await jg.client.submit(script, { l: record.label, k: key, eid: record.id });
  const values = scriptResultObject(result.toArray());
  // Vertex valueMap values are lists (cardinality SINGLE still comes as a one-element list).
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
}

/** What the graph should hold for a record: its row minus nulls, in graph types. */
function expectedProperties(record: GraphRecord): Record<string, unknown> {
  const shape = VOCABULARY[record.label].shape as Record<string, { kind: string }>;
  const expected: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record.properties)) {
    if (value === null) continue;
    const kind = shape[name]?.kind;
    expected[name] =
      kind === 'timestamp'
        ? new Date(value as string)
        : kind === 'keywords' || kind === 'json'
          ? JSON.stringify(value)
          : value;
  }
  return expected;
}

describe('JanusGraph sink on a real server', () => {
  it('loads the small preset with typologies: counts equal the generated counts, every kind reads back property for property, a second load changes nothing', async () => {
    const config = smallWithTypologies();
    const sample = new Map<string, GraphRecord>();
    for await (const batch of generateBatches(planRun(config), { batchSize: 1_000 })) {
      for (const record of [...batch.vertices, ...batch.edges])
        if (!sample.has(record.label)) sample.set(record.label, record);
    }
    const first = await generate({
      config,
      extraSinks: [await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } })],
    });
    expect(await graphCounts()).toEqual(nonZero(first.counts));
    expect(first.sinks['janusgraph']?.failed).toBe(0);
    for (const record of sample.values()) {
      expect(await readBack(record), `${record.label} ${record.id}`).toEqual(
        expectedProperties(record),
      );
    }
    const second = await generate({
      config,
      extraSinks: [await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } })],
    });
    expect(await graphCounts()).toEqual(nonZero(second.counts));
    for (const record of sample.values())
      expect(await readBack(record)).toEqual(expectedProperties(record));
  });

  it('reports a record the server refuses by id and loads the rest', async () => {
    const drops: DroppedRecord[] = [];
    const sink = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      onDrop: (d) => drops.push(d),
      batchSize: 50,
    });
    const config = resolveConfig({ preset: 'tiny', layers: [] });
    const poisoned = await writePoisoned(sink, config);
    const stats = await sink.close();
    expect(drops.map((d) => [d.label, d.id])).toContainEqual(['person', poisoned]);
    expect(drops.find((d) => d.id === poisoned)?.reason).toMatch(/\w/);
    // The refusal carries the element as it was sent, so it can be read and replayed.
    expect(drops.find((d) => d.id === poisoned)?.row).toMatchObject({ age: 'forty' });
    // Its edges were refused with it (named by id, reason "an endpoint vertex was refused").
    const refusedEdges = drops.filter((d) => d.id !== poisoned);
    for (const edge of refusedEdges) expect(edge.reason).toBe('an endpoint vertex was refused');
    const counts = await graphCounts();
    // Background persons plus those tiny's typologies add, less the poisoned one.
    expect(counts['person']).toBe(planRun(config).patterns.layouts.person.total - 1);
    expect(stats.failed).toBe(drops.length);
    expect(stats.successful + stats.failed).toBe(stats.total);
  });

  it('without an onDrop, close fails naming the refused record (the rule of every backend sink)', async () => {
    const sink = await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL }, batchSize: 50 });
    const poisoned = await writePoisoned(sink, resolveConfig({ preset: 'tiny', layers: [] }));
    await expect(sink.close()).rejects.toThrow(
      new RegExp(
        `^janusgraph: .*: \\d+/\\d+ elements refused \\(.*first: label "person" id "${poisoned}": `,
      ),
    );
  });

  it('stops at the first refused record with --fail-fast semantics', async () => {
    const sink = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      failFast: true,
      batchSize: 10,
    });
    const config = resolveConfig({ preset: 'tiny', layers: [] });
    const batches: GraphBatch[] = [];
    for await (const batch of generateBatches(planRun(config), { batchSize: 1_000 }))
      batches.push(batch);
    const first = batches[0] as GraphBatch;
    const bad = {
      ...first,
      vertices: first.vertices.map((v, i) =>
        i === 3
          ? { ...v, properties: { ...v.properties, employee_count: 'many' as unknown as number } }
          : v,
      ),
    };
    const load = async () => {
      await sink.write(bad as unknown as GraphBatch);
      await sink.close();
    };
    await expect(load()).rejects.toThrow(/refused company COM00000003: .*employee_count/);
    await sink.abort(undefined);
  });

  it('finishes with exact counts when its connections are cut midway (retry on a new connection)', async () => {
    const target = new URL(JANUSGRAPH_URL);
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    try {
      const inner = await JanusGraphSink.open({
        connection: { url: `ws://127.0.0.1:${port}/gremlin` },
        batchSize: 200,
        retry: { retries: 10, baseDelayMs: 50, maxDelayMs: 500 },
      });
      let writes = 0;
      const cutting: Sink = {
        name: inner.name,
        write: async (batch) => {
          if (++writes % 4 === 0) for (const socket of sockets) socket.destroy();
          await inner.write(batch);
        },
        close: () => inner.close(),
        abort: (reason) => inner.abort(reason),
        verify: (expected) => inner.verify(expected),
      };
      const report = await generate({
        config: smallWithTypologies({ batchSize: 500 }),
        extraSinks: [cutting],
      });
      expect(report.sinks['janusgraph']?.retried).toBeGreaterThan(0);
      expect(await graphCounts()).toEqual(nonZero(report.counts));
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => {
        proxy.close(() => {
          resolve();
        });
      });
    }
  });

  it('resumes an interrupted load from its checkpoint without reloading what landed', async () => {
    const config = smallWithTypologies({ batchSize: 500 });
    const checkpointPath = join(scratch, 'resume.json');
    const controller = new AbortController();
    const first = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      batchSize: 200,
      checkpoint: new Checkpoint(checkpointPath, 'resume-test'),
      signal: controller.signal,
    });
    let writes = 0;
    const interrupting: Sink = {
      name: first.name,
      write: async (batch) => {
        await first.write(batch);
        if (++writes === 10) controller.abort(new Error('interrupted'));
      },
      close: () => first.close(),
      abort: (reason) => first.abort(reason),
    };
    await expect(
      generate({ config, extraSinks: [interrupting], signal: controller.signal }),
    ).rejects.toThrow('interrupted');
    const saved = await new Checkpoint(checkpointPath, 'resume-test').read();
    expect(saved?.elements).toBeGreaterThan(0);
    const landedBefore = Object.values(await graphCounts()).reduce((a, b) => a + b, 0);
    expect(landedBefore).toBeGreaterThanOrEqual(saved?.elements ?? 0);

    const resumed = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      batchSize: 200,
      checkpoint: new Checkpoint(checkpointPath, 'resume-test'),
      resume: true,
    });
    const report = await generate({ config, extraSinks: [resumed] });
    expect(resumed.skippedElements).toBe(saved?.elements);
    expect(await graphCounts()).toEqual(nonZero(report.counts));
    expect(await new Checkpoint(checkpointPath, 'resume-test').read()).toBeUndefined();
  });

  it('refuses a checkpoint that belongs to another load', async () => {
    const checkpointPath = join(scratch, 'other.json');
    await new Checkpoint(checkpointPath, 'load-a').save({ seq: 3, elements: 100 });
    await expect(
      JanusGraphSink.open({
        connection: { url: JANUSGRAPH_URL },
        checkpoint: new Checkpoint(checkpointPath, 'load-b'),
        resume: true,
      }),
    ).rejects.toThrow(/belongs to another load/);
  });
});

/**
 * Writes the tiny bank into `sink` with one person whose age is text (the schema declares a
 * Long, so the server refuses it); returns that person's id.
 */
async function writePoisoned(sink: JanusGraphSink, config: GenerationConfig): Promise<string> {
  let poisoned: string | undefined;
  for await (const batch of generateBatches(planRun(config), { batchSize: 1_000 })) {
    const vertices = batch.vertices.map((v) => {
      if (poisoned === undefined && v.label === 'person') {
        poisoned = v.id;
        return { ...v, properties: { ...v.properties, age: 'forty' as unknown as number } };
      }
      return v;
    });
    await sink.write({ ...batch, vertices });
  }
  if (poisoned === undefined) throw new Error('the tiny bank has no person');
  return poisoned;
}
