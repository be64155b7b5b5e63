import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { DetectionContext, Hit } from '../../src/detection/detector.js';
import { ENTITY_DETECTORS } from '../../src/detection/entities/index.js';
import { scoreHits, truthPattern, type TruthPattern } from '../../src/detection/score.js';
import { periodOf } from '../../src/detection/truth-directory.js';
import type { PatternTruth } from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import type { JanusGraphConnection } from '../../src/backends/janusgraph/connection.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
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

const TYPOLOGIES = [
  'account_takeover',
  'fraud_ring',
  'insider_trading',
  'ownership_chain',
  'structuring',
  'tbml',
];
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-detect-entities-'));
const prefix = indexPrefix(import.meta.url);
let jg: JanusGraphConnection;
let os: OpenSearchConnection;
let patterns: TruthPattern[];
const hits = new Map<string, readonly Hit[]>();
const timeMs = new Map<string, number>();

beforeAll(async () => {
  jg = await janusgraph();
  os = await opensearch();
  await clearGraph(jg);
  await dropIndexes(os, prefix);
  // The small preset: 2 instances of every typology, their look-alikes, 10,000 background transfers.
  const config = resolveConfig({ preset: 'small', layers: [] });
  const outDir = join(scratch, 'out');
  await generate({
    config,
    outDir,
    extraSinks: [
      await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } }),
      await OpenSearchSink.open(os, prefix),
    ],
  });
  await os.client.indices.refresh({ index: `${prefix}*` });
  const text = await readFile(join(outDir, 'ground_truth', 'patterns.jsonl'), 'utf8');
  patterns = text
    .trim()
    .split('\n')
    .map((line) => truthPattern(JSON.parse(line) as PatternTruth));
  const ctx: DetectionContext = {
    janusgraph: jg,
    opensearch: { connection: os, indexPrefix: prefix },
    ...periodOf(config as unknown as Record<string, unknown>),
  };
  for (const detector of ENTITY_DETECTORS) {
    const started = performance.now();
    hits.set(detector.name, await detector.run(ctx));
    timeMs.set(detector.name, performance.now() - started);
  }
}, 600_000);

afterAll(async () => {
  await dropIndexes(os, prefix);
  await jg.close();
  await os.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('entity detectors on the small preset', () => {
  it('has detectors for every entity typology, each with a unique name and a rule', () => {
    expect([...new Set(ENTITY_DETECTORS.map((d) => d.typology))].sort()).toEqual(TYPOLOGIES);
    const names = ENTITY_DETECTORS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of ENTITY_DETECTORS) expect(d.description.length).toBeGreaterThan(20);
  });

  it.each(TYPOLOGIES)('%s: every injected instance is found', (typology) => {
    const detectors = ENTITY_DETECTORS.filter((d) => d.typology === typology);
    const found = detectors.flatMap((d) => hits.get(d.name) ?? []);
    const ms = detectors.reduce((s, d) => s + (timeMs.get(d.name) ?? 0), 0);
    const score = scoreHits(found, patterns, {
      typologies: [typology],
      queryTimeMs: { [typology]: ms },
    });
    const row = score.typologies.find((t) => t.typology === typology);
    // Reported, not asserted: precision is whatever it honestly is.
    console.log(
      `${typology}: recall ${row?.recall} precision ${row?.precision?.toFixed(2)} ` +
        `(${row?.trueHits}/${row?.hits} hits) in ${ms.toFixed(0)} ms`,
    );
    // `small` holds enough instances of each typology that every subtype appears.
    expect(row?.injected).toBe(patterns.filter((p) => p.typology === typology).length);
    expect(row?.injected).toBeGreaterThanOrEqual(2);
    expect(row?.missed).toEqual([]);
    expect(row?.recall).toBe(1);
    for (const hit of found) {
      expect(hit.typology).toBe(typology);
      expect(hit.entities.length).toBeGreaterThanOrEqual(1);
      expect(hit.events.length).toBeGreaterThanOrEqual(1);
      expect(hit.explanation).not.toBe('');
    }
  });

  it.each(ENTITY_DETECTORS.map((d) => d.name))('%s runs in seconds', (name) => {
    expect(timeMs.get(name)).toBeLessThan(20_000);
  });
});
