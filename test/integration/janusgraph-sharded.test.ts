import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { GraphBatch } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import type { DroppedRecord } from '../../src/sinks/sink.js';
import { clearGraph, janusgraph, JANUSGRAPH_URL } from './backends.js';

let jg: JanusGraphConnection;

beforeAll(async () => {
  jg = await janusgraph();
});
afterAll(async () => {
  await jg.close();
});
beforeEach(async () => {
  await clearGraph(jg);
});

async function tinyBatches(): Promise<GraphBatch[]> {
  const batches: GraphBatch[] = [];
  const config = resolveConfig({ preset: 'tiny', layers: [] });
  for await (const batch of generateBatches(planRun(config), { batchSize: 1_000 }))
    batches.push(batch);
  return batches;
}

async function count(script: string): Promise<number> {
  return Number((await jg.client.submit(script)).toArray()[0]);
}

describe('JanusGraph sink: edges whose endpoints another loader writes', () => {
  it('with awaitEndpointsMs, edges sent before their endpoints wait for them and all land', async () => {
    const batches = await tinyBatches();
    const edges = batches.map((b) => ({ ...b, vertices: [] }));
    const vertices = batches.map((b) => ({ ...b, edges: [] }));
    const edgeCount = edges.reduce((n, b) => n + b.edges.length, 0);
    const drops: DroppedRecord[] = [];
    const edgeShard = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      awaitEndpointsMs: 120_000,
      batchSize: 200,
      onDrop: (d) => drops.push(d),
    });
    const loadEdges = (async () => {
      for (const batch of edges) await edgeShard.write(batch);
      return edgeShard.close();
    })();
    // The vertex shard starts a few seconds later.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const vertexShard = await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } });
    for (const batch of vertices) await vertexShard.write(batch);
    const vertexStats = await vertexShard.close();
    const edgeStats = await loadEdges;

    expect(drops).toEqual([]);
    expect(vertexStats.failed).toBe(0);
    expect(edgeStats.successful).toBe(edgeCount);
    expect(edgeStats.retried).toBeGreaterThan(0);
    expect(await count('g.E().count()')).toBe(edgeCount);
    // Nothing was created in the endpoints' place: every vertex has a real label.
    expect(await count("g.V().hasLabel('vertex').count()")).toBe(0);
  });

  it('without it, an edge whose endpoint is missing is reported by id and nothing is written for it', async () => {
    const batches = await tinyBatches();
    const first = batches[0] as GraphBatch;
    const edge = first.edges[0];
    expect(edge).toBeDefined();
    if (!edge) return;
    const drops: DroppedRecord[] = [];
    const sink = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      onDrop: (d) => drops.push(d),
    });
    await sink.write({ seq: 0, vertices: [], edges: [edge] });
    const stats = await sink.close();
    expect(stats.failed).toBe(1);
    expect(drops).toEqual([
      {
        label: edge.label,
        id: edge.id,
        reason: `endpoint ${edge.outV} not in the graph`,
        // The row as it was sent, so the dead-letter line can be replayed.
        row: { outV: edge.outV, inV: edge.inV, ...edge.properties },
      },
    ]);
    expect(await count('g.E().count()')).toBe(0);
    expect(await count('g.V().count()')).toBe(0);
  });

  it('gives up after awaitEndpointsMs and says how long it waited', async () => {
    const batches = await tinyBatches();
    const edge = (batches[0] as GraphBatch).edges[0];
    if (!edge) throw new Error('tiny preset has no edge');
    const drops: DroppedRecord[] = [];
    const sink = await JanusGraphSink.open({
      connection: { url: JANUSGRAPH_URL },
      awaitEndpointsMs: 1_500,
      onDrop: (d) => drops.push(d),
    });
    await sink.write({ seq: 0, vertices: [], edges: [edge] });
    const stats = await sink.close();
    expect(stats.failed).toBe(1);
    expect(drops).toEqual([
      {
        label: edge.label,
        id: edge.id,
        reason: `endpoint ${edge.outV} not in the graph after 1.5 s`,
        row: { outV: edge.outV, inV: edge.inV, ...edge.properties },
      },
    ]);
    expect(await count('g.E().count()')).toBe(0);
  });
});
