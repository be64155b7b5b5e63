// Ground truth where graph users look for it: the GraphML export loaded by TinkerPop's
// g.io(file).read() into JanusGraph, and --with-labels loaded into JanusGraph and OpenSearch,
// where one Gremlin query from a pattern vertex returns that crime's subgraph.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import { VOCABULARY, type Label, type PatternTruth } from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import { applyJanusGraphSchema } from '../../src/backends/janusgraph/apply-schema.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import { scriptResultObject, toPlain } from '../../src/backends/janusgraph/script-result.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import {
  clearGraph,
  dropIndexes,
  indexPrefix,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
} from './backends.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-exports-it-'));
const prefix = indexPrefix(import.meta.filename);
let jg: JanusGraphConnection;
let os: OpenSearchConnection;

beforeAll(async () => {
  jg = await janusgraph();
  os = await opensearch();
  await applyJanusGraphSchema(jg);
});
afterAll(async () => {
  await dropIndexes(os, prefix);
  await jg.close();
  await os.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearGraph(jg);
});

function bank(values: Record<string, unknown> = {}): GenerationConfig {
  return resolveConfig({
    preset: 'small',
    layers: [
      {
        source: 'flag',
        values: {
          transactionCount: 2_000,
          communicationCount: 200,
          documentCount: 300,
          tradeCount: 300,
          loginCount: 500,
          withLabels: true,
          ...values,
        },
      },
    ],
  });
}

async function graphCounts(): Promise<Record<string, number>> {
  const result = await jg.client.submit(
    '[v: g.V().groupCount().by(label).next(), e: g.E().groupCount().by(label).next()]',
  );
  const { v, e } = scriptResultObject(result.toArray()) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries({ ...v, ...e }).map(([k, n]) => [k, Number(n)]));
}

function nonZero(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

describe('GraphML export', () => {
  it("loads with g.io(file).read(): exact counts per label, properties in the schema's types", async () => {
    const out = join(scratch, 'graphml');
    const report = await generate({ config: bank({ formats: ['jsonl', 'graphml'] }), outDir: out });
    const text = await readFile(join(out, 'graphml/graph.graphml'), 'utf8');
    // The server reads a path on its own disk: write the file there first (works local or remote).
    const path = `/tmp/fingraph-it-${process.pid}.graphml`;
    await jg.client.submit("new File(path).setText(text, 'UTF-8'); 0", { path, text });
    await jg.client.submit('g.io(path).read().iterate(); graph.tx().commit(); 0', { path });
    await jg.client.submit('new File(path).delete(); 0', { path });
    expect(await graphCounts()).toEqual(
      nonZero({
        ...report.counts,
        pattern: report.groundTruth.patterns.length,
        involves: report.groundTruth.patterns.reduce(
          (sum, p) => sum + (p.participants as unknown[]).length,
          0,
        ),
      }),
    );
    // A sample of properties: a transfer of a crime, a person, a pattern.
    const crime = report.groundTruth.eventLabels.find((e) => e.label === 'transfer')!;
    const transfer = JSON.parse(
      (await readFile(join(out, 'transfers.jsonl'), 'utf8'))
        .split('\n')
        .find((line) => line.includes(`"${crime.event_id}"`))!,
    ) as Record<string, unknown>;
    const edge = scriptResultObject(
      (
        await jg.client.submit(
          "g.E().hasLabel('transfer').has('transaction_id', tid).valueMap().next()",
          { tid: crime.event_id },
        )
      ).toArray(),
    );
    expect(edge['amount']).toBe(transfer['amount']);
    expect((edge['timestamp'] as Date).getTime()).toBe(Date.parse(transfer['timestamp'] as string));
    expect(edge['is_laundering']).toBe(true);
    expect(JSON.parse(edge['pattern_ids'] as string)).toEqual(crime.pattern_ids);
    const pattern = report.groundTruth.patterns[0]!;
    const vertex = scriptResultObject(
      (await jg.client.submit('g.V(pid).valueMap().next()', { pid: pattern.pattern_id })).toArray(),
    );
    expect(vertex['typology']).toEqual([pattern.typology]);
    expect(vertex['total_value']).toEqual([pattern.total_value]);
    const person = scriptResultObject(
      (await jg.client.submit("g.V('PER00000001').valueMap('age', 'full_name').next()")).toArray(),
    );
    expect(person['age']).toEqual([expect.any(Number)]);
  });
});

describe('--with-labels loaded into both backends', () => {
  it('labels every event, and a pattern vertex leads to its crime', async () => {
    const config = bank({ cyclePatterns: 3 });
    const report = await generate({
      config,
      extraSinks: [
        await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL }, withLabels: true }),
        await OpenSearchSink.open(os, prefix, { withLabels: true }),
      ],
    });
    // Verification passed (it throws otherwise); the graph also holds the truth graph.
    const counts = await graphCounts();
    expect(counts['pattern']).toBe(report.groundTruth.patterns.length);
    const labelledTransfers = report.groundTruth.eventLabels.filter((e) => e.label === 'transfer');
    const laundering = await jg.client.submit(
      "g.E().hasLabel('transfer').has('is_laundering', true).count()",
    );
    expect(Number(laundering.toArray()[0])).toBe(labelledTransfers.length);
    const hits = await os.client.count({
      index: `${prefix}transfers`,
      body: { query: { term: { is_laundering: true } } },
    });
    expect(hits.body.count).toBe(labelledTransfers.length);

    // One crime's subgraph from its pattern vertex: its participants (with roles) and the event
    // edges around them that carry its id.
    const cycle = report.groundTruth.patterns.find((p: PatternTruth) => p.typology === 'cycle')!;
    const result = await jg.client.submit(
      "g.V(pid).outE('involves').as('i').inV().as('v').select('i', 'v').by('role').by(id()).toList()",
      { pid: cycle.pattern_id },
    );
    const participants = (toPlain(result.toArray()) as { i: string; v: string }[])
      .map((r) => `${r.v}:${r.i}`)
      .sort();
    expect(participants).toEqual(
      (cycle.participants as { id: string; role: string }[]).map((p) => `${p.id}:${p.role}`).sort(),
    );
    const edges = await jg.client.submit(
      "g.V(pid).out('involves').bothE().has('pattern_ids', TextP.containing('\"' + pid + '\"')).dedup().project('label', 'id').by(label()).by(values(keyNames as String[]).fold()).toList()",
      {
        pid: cycle.pattern_id,
        keyNames: [
          'transaction_id',
          'login_id',
          'document_id',
          'communication_id',
          'trade_id',
          'relationship_id',
        ],
      },
    );
    const found = (toPlain(edges.toArray()) as { label: string; id: string[] }[])
      .map((e) => `${e.label}:${e.id[0] ?? ''}`)
      .sort();
    const expected = Object.entries(cycle.event_ids as Record<string, string[]>)
      .filter(([label]) => VOCABULARY[label as Label].kind === 'edge')
      .flatMap(([label, ids]) => ids.map((id) => `${label}:${id}`))
      .sort();
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(2);
  });
});
