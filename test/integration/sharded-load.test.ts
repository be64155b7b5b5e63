// Three shards generate and load into one JanusGraph and one OpenSearch at the same time, as the
// parallel jobs of docs/sharding.md do. What lands must be the unsharded dataset, exactly.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, type GenerateReport } from '../../src/orchestration/generate.js';
import { load } from '../../src/orchestration/load.js';
import { INDEXED_LABELS, indexNameOf } from '../../src/schema/index.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { applyJanusGraphSchema } from '../../src/backends/janusgraph/apply-schema.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import { scriptResultObject } from '../../src/backends/janusgraph/script-result.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import type { DroppedRecord } from '../../src/sinks/sink.js';
import {
  clearGraph,
  dropIndexes,
  indexPrefix,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
} from './backends.js';

const prefix = indexPrefix(import.meta.url);
let jg: JanusGraphConnection;
let os: OpenSearchConnection;
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-shards-'));

beforeAll(async () => {
  jg = await janusgraph();
  os = await opensearch();
  await clearGraph(jg);
  await dropIndexes(os, prefix);
});
afterAll(async () => {
  await clearGraph(jg);
  await dropIndexes(os, prefix);
  await jg.close();
  await os.close();
  await rm(scratch, { recursive: true, force: true });
});

function bank(shard: string, workers = 1): GenerationConfig {
  return resolveConfig({
    preset: 'small',
    layers: [
      {
        source: 'flag',
        values: {
          seed: 77,
          transactionCount: 4_000,
          documentCount: 600,
          shard,
          numWorkers: workers,
        },
      },
    ],
  });
}

async function graphCounts(): Promise<Record<string, number>> {
  const result = await jg.client.submit(
    '[v: g.V().groupCount().by(label).next(), e: g.E().groupCount().by(label).next()]',
  );
  const { v, e } = scriptResultObject(result.toArray()) as Record<string, Record<string, number>>;
  return { ...v, ...e };
}

async function indexCount(kind: string): Promise<number> {
  await os.client.indices.refresh({ index: prefix + kind });
  return (await os.client.count({ index: prefix + kind })).body.count;
}

it('three shards loading at once leave exactly the unsharded dataset in both backends', async () => {
  // The whole run, generated only, is what the backends must end up holding.
  const whole = await generate({ config: bank('0/1') });
  // As docs/sharding.md says: the schema once, before the shards start.
  await applyJanusGraphSchema(jg);
  const dropped: DroppedRecord[] = [];
  const parts: GenerateReport[] = await Promise.all(
    ['2/3', '1/3', '0/3'].map(async (shard, i) =>
      generate({
        config: bank(shard, i + 1),
        openSinks: async () => [
          await JanusGraphSink.open({
            connection: { url: JANUSGRAPH_URL },
            awaitEndpointsMs: 120_000,
            onDrop: (d) => dropped.push(d),
          }),
          await OpenSearchSink.open(os, prefix, { onDrop: (d) => dropped.push(d) }),
        ],
      }),
    ),
  );
  expect(dropped).toEqual([]);
  const expected = Object.fromEntries(Object.entries(whole.counts).filter(([, n]) => n > 0));
  expect(await graphCounts()).toEqual(expected);
  for (const label of INDEXED_LABELS) {
    expect(await indexCount(indexNameOf(label)), label).toBe(whole.counts[label]);
  }
  // The ground truth is loaded once, by shard 0.
  expect(await indexCount('patterns')).toBe(whole.groundTruth.patterns.length);
  expect(await indexCount('event_labels')).toBe(whole.groundTruth.eventLabels.length);
  // Each shard's own check passed on its part ("at least"): its report lists the rows.
  for (const part of parts) expect(Object.keys(part.verification).sort()).toHaveLength(2);
});

it('load --from of each shard directory, in any order, leaves the whole dataset in OpenSearch', async () => {
  await dropIndexes(os, prefix);
  const whole = await generate({ config: bank('0/1') });
  const dirs = await Promise.all(
    ['0/3', '1/3', '2/3'].map(async (shard, i) => {
      const outDir = join(scratch, `part-${i}`);
      await generate({ config: bank(shard), outDir });
      return outDir;
    }),
  );
  const reports = await Promise.all(
    [dirs[2], dirs[0], dirs[1]].map(async (from) =>
      load({ from: from as string, sinks: [await OpenSearchSink.open(os, prefix)] }),
    ),
  );
  expect(reports.map((r) => r.manifest.shard?.index)).toEqual([2, 0, 1]);
  for (const label of INDEXED_LABELS) {
    expect(await indexCount(indexNameOf(label)), label).toBe(whole.counts[label]);
  }
  expect(await indexCount('patterns')).toBe(whole.groundTruth.patterns.length);
});
