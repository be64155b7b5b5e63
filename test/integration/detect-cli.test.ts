import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { DETECTORS } from '../../src/detection/registry.js';
import { generate, type GenerateReport } from '../../src/orchestration/generate.js';
import { JanusGraphSink } from '../../src/backends/janusgraph/janusgraph-sink.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import { runCli } from '../helpers/cli.js';
import {
  clearGraph,
  dropIndexes,
  indexPrefix,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
  OPENSEARCH_URL,
} from './backends.js';

const prefix = indexPrefix(import.meta.url);
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-detect-'));
const out = join(scratch, 'bank');
let os: OpenSearchConnection;
let report: GenerateReport;

beforeAll(async () => {
  const jg = await janusgraph();
  await clearGraph(jg);
  await jg.close();
  os = await opensearch();
  await dropIndexes(os, prefix);
  const config = resolveConfig({
    preset: 'small',
    layers: [{ source: 'flag', values: { seed: 5 } }],
  });
  report = await generate({
    config,
    outDir: out,
    extraSinks: [
      await JanusGraphSink.open({ connection: { url: JANUSGRAPH_URL } }),
      await OpenSearchSink.open(os, prefix),
    ],
  });
});

afterAll(async () => {
  await dropIndexes(os, prefix);
  await os.close();
  await rm(scratch, { recursive: true, force: true });
});

const backends = [
  '--janusgraph',
  JANUSGRAPH_URL,
  '--opensearch',
  OPENSEARCH_URL,
  '--index-prefix',
  prefix,
];

interface JsonReport {
  reference_date: string;
  ground_truth: { kind: string; location: string } | null;
  window_start: string;
  detectors: { detector: string; status: string; error?: string; reason?: string }[];
  score: {
    injected: number;
    typologies: {
      typology: string;
      injected: number;
      found: number;
      recall: number | null;
      hits: number;
      query_time_ms: number | null;
    }[];
  };
}

describe('fingraph detect', () => {
  it('finds every injected instance of every typology (recall 1.0), stores the scores, writes the report', async () => {
    const html = join(scratch, 'report.html');
    const result = runCli([
      'detect',
      ...backends,
      '--truth',
      out,
      '--json',
      '--html',
      html,
      '--min-recall',
      '1',
    ]);
    const json = JSON.parse(result.stdout) as JsonReport;
    // Precision is reported and kept (.bench/detection-small.json), recall must be 1.0.
    await mkdir('.bench', { recursive: true });
    await writeFile('.bench/detection-small.json', JSON.stringify(json.score, null, 2));
    for (const t of json.score.typologies) {
      expect(t.recall, `${t.typology}: found ${t.found} of ${t.injected}`).toBe(1);
    }
    expect(json.detectors.filter((d) => d.status === 'failed')).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
    expect(json.reference_date).toBe('2026-01-15T12:00:00.000Z');
    expect(json.detectors.map((d) => d.detector)).toEqual(DETECTORS.map((d) => d.name));
    // Both backends were given: nothing is skipped.
    expect(json.detectors.filter((d) => d.status === 'skipped')).toEqual([]);
    expect(json.score.injected).toBe(report.groundTruth.patterns.length);
    for (const [typology, n] of Object.entries(report.patterns))
      expect(json.score.typologies.find((t) => t.typology === typology)?.injected).toBe(n);
    expect(existsSync(html)).toBe(true);
  });

  it('prints a table per typology, and --min-recall above the recall exits 1', () => {
    const table = runCli(['detect', ...backends, '--truth', out]);
    expect(table.stdout).toMatch(
      /^typology\s+injected\s+found\s+recall\s+hits\s+precision\s+query time/,
    );
    expect(table.stdout).toMatch(
      new RegExp(`^total\\s+${report.groundTruth.patterns.length}\\s`, 'm'),
    );
    const json = JSON.parse(
      runCli(['detect', ...backends, '--truth', out, '--json']).stdout,
    ) as JsonReport;
    const recall = json.score.typologies.reduce((s, t) => s + t.found, 0) / json.score.injected;
    if (recall < 1) {
      const strict = runCli(['detect', ...backends, '--truth', out, '--min-recall', '1']);
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain('below --min-recall 1');
    }
    const lenient = runCli(['detect', ...backends, '--truth', out, '--min-recall', '0', '--json']);
    expect(lenient.status).toBe(json.detectors.some((d) => d.status === 'failed') ? 1 : 0);
  });

  it('without --opensearch, the OpenSearch detectors are skipped with a reason, not dropped', () => {
    const result = runCli(['detect', '--janusgraph', JANUSGRAPH_URL, '--truth', out, '--json']);
    const json = JSON.parse(result.stdout) as JsonReport;
    const os = DETECTORS.filter((d) => d.backend === 'opensearch').map((d) => d.name);
    expect(json.detectors.filter((d) => d.status === 'skipped').map((d) => d.detector)).toEqual(os);
    for (const d of json.detectors.filter((x) => x.status === 'skipped'))
      expect(d.reason).toContain('--opensearch');
  });

  it('without --truth scores against the ground truth loaded into OpenSearch, as with the files', async () => {
    const strip = (score: JsonReport['score']) => ({
      ...score,
      typologies: score.typologies.map(({ query_time_ms: _, ...t }) => t),
    });
    const filesHtml = join(scratch, 'report-files.html');
    const indexHtml = join(scratch, 'report-opensearch.html');
    const files = runCli(['detect', ...backends, '--truth', out, '--json', '--html', filesHtml]);
    const indexed = runCli([
      'detect',
      ...backends,
      '--json',
      '--html',
      indexHtml,
      '--min-recall',
      '1',
    ]);
    expect(indexed.status, indexed.stderr).toBe(0);
    expect(indexed.stderr).toContain(
      `ground truth from OpenSearch: ${report.groundTruth.patterns.length} patterns, ${report.groundTruth.eventLabels.length} event labels`,
    );
    const a = JSON.parse(files.stdout) as JsonReport;
    const b = JSON.parse(indexed.stdout) as JsonReport;
    expect(a.ground_truth?.kind).toBe('files');
    expect(b.ground_truth).toEqual({
      kind: 'opensearch',
      location: `${prefix}patterns, ${prefix}event_labels`,
    });
    expect(b.score.injected).toBe(report.groundTruth.patterns.length);
    expect(strip(b.score)).toEqual(strip(a.score));
    // The drawings come from the indexes (edges, owns, documents) and match the files' exactly.
    const drawings = (html: string) =>
      html.slice(
        html.indexOf('<section id="patterns">'),
        html.indexOf('<section id="false-positives">'),
      );
    const fromFiles = drawings(await readFile(filesHtml, 'utf8'));
    const fromIndex = drawings(await readFile(indexHtml, 'utf8'));
    expect(fromIndex.match(/<figure /g)?.length).toBe(
      Object.values(report.patterns).filter((n) => n > 0).length,
    );
    expect(fromIndex).toContain(' owns ACC');
    expect(fromIndex).toEqual(fromFiles);
  });

  it('without --truth or OpenSearch lists the hits', () => {
    const result = runCli(['detect', '--janusgraph', JANUSGRAPH_URL, '--json']);
    const json = JSON.parse(result.stdout) as { hits: unknown[]; score?: unknown };
    expect(Array.isArray(json.hits)).toBe(true);
    expect(json.score).toBeUndefined();
  });

  it('refuses bad input with exit code 2', () => {
    expect(runCli(['detect', '--janusgraph', JANUSGRAPH_URL, '--min-recall', '1']).status).toBe(2);
    expect(runCli(['detect', ...backends, '--truth', out, '--min-recall', '2']).status).toBe(2);
    expect(runCli(['detect', '--truth', out]).status).toBe(2);
    const unknown = runCli(['detect', ...backends, '--only', 'no-such-detector']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no-such-detector');
  });

  it('the HTML report is self-contained', async () => {
    const html = await readFile(join(scratch, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=/i);
  });
});
