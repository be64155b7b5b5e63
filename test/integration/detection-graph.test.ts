import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { DetectionContext, Hit } from '../../src/detection/detector.js';
import { GRAPH_DETECTORS } from '../../src/detection/graph/index.js';
import { scoreHits, truthPattern, type TruthPattern } from '../../src/detection/score.js';
import { periodOf } from '../../src/detection/truth-directory.js';
import type { PatternTruth } from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import { clearGraph, janusgraph, JANUSGRAPH_URL } from './backends.js';

const TYPOLOGIES = GRAPH_DETECTORS.map((d) => d.typology);
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-detect-graph-'));
let jg: JanusGraphConnection;
let patterns: TruthPattern[];
const hits = new Map<string, readonly Hit[]>();
const timeMs = new Map<string, number>();

beforeAll(async () => {
  jg = await janusgraph();
  await clearGraph(jg);
  // The small preset: 2 instances of every typology, their look-alikes, 10,000 background transfers.
  const config = resolveConfig({ preset: 'small', layers: [] });
  const outDir = join(scratch, 'out');
  await generate({
    config,
    outDir,
    extraSinks: [await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } })],
  });
  const text = await readFile(join(outDir, 'ground_truth', 'patterns.jsonl'), 'utf8');
  patterns = text
    .trim()
    .split('\n')
    .map((line) => truthPattern(JSON.parse(line) as PatternTruth));
  const ctx: DetectionContext = {
    janusgraph: jg,
    ...periodOf(config as unknown as Record<string, unknown>),
  };
  for (const detector of GRAPH_DETECTORS) {
    const started = performance.now();
    hits.set(detector.name, await detector.run(ctx));
    timeMs.set(detector.typology, performance.now() - started);
  }
}, 300_000);

afterAll(async () => {
  await jg.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('graph detectors on the small preset', () => {
  it('has one detector per money-flow typology, each with a rule', () => {
    expect([...TYPOLOGIES].sort()).toEqual(
      [
        'bipartite',
        'cycle',
        'fan_in',
        'fan_out',
        'gather_scatter',
        'mule_chain',
        'peel_chain',
        'scatter_gather',
        'stack',
      ].sort(),
    );
    for (const d of GRAPH_DETECTORS) {
      expect(d.backend).toBe('janusgraph');
      expect(d.description.length).toBeGreaterThan(20);
    }
  });

  it.each(GRAPH_DETECTORS.map((d) => [d.typology, d.name] as const))(
    '%s: every injected instance is found (%s)',
    (typology, name) => {
      const found = hits.get(name) ?? [];
      const score = scoreHits(found, patterns, {
        typologies: [typology],
        queryTimeMs: { [typology]: timeMs.get(typology) ?? 0 },
      });
      const row = score.typologies.find((t) => t.typology === typology);
      expect(row?.injected).toBe(2);
      expect(row?.missed).toEqual([]);
      expect(row?.recall).toBe(1);
      // Every hit names its accounts and the transfers that make it, of its own typology.
      for (const hit of found) {
        expect(hit.typology).toBe(typology);
        expect(hit.entities.length).toBeGreaterThanOrEqual(2);
        expect(hit.events.length).toBeGreaterThanOrEqual(1);
        expect(hit.explanation).not.toBe('');
      }
      // Seconds, not minutes, on small.
      expect(timeMs.get(typology)).toBeLessThan(20_000);
    },
  );
});
