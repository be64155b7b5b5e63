import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { toRow, type Label } from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import { INDEXED_LABELS, indexNameOf, openSearchIndexes } from '../../src/schema/index.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import { dropIndexes, indexPrefix, opensearch } from './backends.js';
import {
  countsOf,
  documentCount,
  expectedByKind,
  generatePreset,
  load,
  loadSettingsOf,
  type Generated,
} from './opensearch-sink-fixtures.js';

// `main-`: so that dropping `it-opensearch-sink-main-*` never touches the failures file's indexes.
const prefix = `${indexPrefix(import.meta.url)}main-`;
let os: OpenSearchConnection;
let data: Generated;

beforeAll(async () => {
  os = await opensearch();
  await dropIndexes(os, prefix);
  data = await generatePreset('small');
});
afterAll(async () => {
  await dropIndexes(os, prefix);
  await os.close();
});

/** OpenSearch omits `type: object` for objects with sub-properties; compare like with like. */
function normalise(mapping: unknown): unknown {
  if (Array.isArray(mapping) || typeof mapping !== 'object' || mapping === null) return mapping;
  const entries = Object.entries(mapping as Record<string, unknown>).filter(
    ([key, value]) => !(key === 'type' && value === 'object' && 'properties' in mapping),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, normalise(value)]));
}

/** What a document's _source must be: the row, as JSON would carry it. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function sources(index: string, ids: readonly string[]) {
  const body = (await os.client.mget({ index, body: { ids: [...ids] } })).body as {
    docs: { _id: string; found: boolean; _source?: unknown; _version?: number }[];
  };
  return body.docs;
}

/** First, middle and last record of every indexed label. */
function sample(): Map<Label, string[]> {
  const byLabel = new Map<Label, string[]>();
  for (const label of INDEXED_LABELS) {
    const ids = data.records.filter((r) => r.label === label).map((r) => r.id);
    const picks = [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]];
    byLabel.set(label, [...new Set(picks.filter((id): id is string => id !== undefined))]);
  }
  return byLabel;
}

describe('OpenSearchSink on real OpenSearch', () => {
  it('loads every document of the small preset: counts, verify, stats, settings restored', async () => {
    const sink = await OpenSearchSink.open(os, prefix, {
      onDrop: (d) => expect.fail(JSON.stringify(d)),
    });
    const stats = await load(sink, data);
    expect(stats).toMatchObject({ total: documentCount(data), failed: 0 });
    expect(stats.successful).toBe(stats.total);
    expect(stats.bytes).toBeGreaterThan(0);

    expect(await countsOf(os, (kind) => prefix + kind)).toEqual(expectedByKind(data));
    const rows = await sink.verify(data.expected);
    expect(rows).toHaveLength(INDEXED_LABELS.length + 2);
    for (const row of rows) expect(row.actual, row.target).toBe(row.expected);
    expect(rows.find((r) => r.label === 'transfer')).toEqual({
      label: 'transfer',
      target: `${prefix}transfers`,
      expected: data.expected['transfer'],
      actual: data.expected['transfer'],
    });

    for (const kind of Object.keys(openSearchIndexes())) {
      // Refresh back on (the default), replicas back to what the definition created: 0.
      expect(await loadSettingsOf(os, prefix + kind), kind).toEqual({
        refresh: null,
        replicas: '0',
      });
    }
  });

  it('creates mappings equal to openSearchIndexes()', async () => {
    for (const [kind, definition] of Object.entries(openSearchIndexes())) {
      const body = (await os.client.indices.getMapping({ index: prefix + kind })).body as Record<
        string,
        { mappings: Record<string, unknown> }
      >;
      const mappings = body[prefix + kind]?.mappings;
      expect(normalise(mappings), kind).toEqual(normalise(definition.mappings));
    }
  });

  it('stores every sampled document field for field as toRow(record)', async () => {
    const byId = new Map(data.records.map((r) => [`${r.label}/${r.id}`, r]));
    for (const [label, ids] of sample()) {
      const docs = await sources(prefix + indexNameOf(label), ids);
      for (const doc of docs) {
        expect(doc.found, `${label} ${doc._id}`).toBe(true);
        const record = byId.get(`${label}/${doc._id}`);
        expect(doc._source, `${label} ${doc._id}`).toEqual(asJson(toRow(record!)));
      }
    }
    const pattern = data.truth.patterns[0]!;
    const [storedPattern] = await sources(`${prefix}patterns`, [pattern.pattern_id]);
    expect(storedPattern?._source).toEqual(asJson(pattern));
    const event = data.truth.eventLabels.at(-1)!;
    const [storedEvent] = await sources(`${prefix}event_labels`, [
      `${event.label}:${event.event_id}`,
    ]);
    expect(storedEvent?._source).toEqual(asJson(event));
  });

  it('a second load changes nothing: same counts, same documents', async () => {
    const transfer = data.records.find((r) => r.label === 'transfer')!;
    const [before] = await sources(`${prefix}transfers`, [transfer.id]);
    const sink = await OpenSearchSink.open(os, prefix, {
      onDrop: (d) => expect.fail(JSON.stringify(d)),
    });
    const stats = await load(sink, data);
    expect(stats.successful).toBe(documentCount(data));
    expect(await countsOf(os, (kind) => prefix + kind)).toEqual(expectedByKind(data));
    const [after] = await sources(`${prefix}transfers`, [transfer.id]);
    expect(after?._source).toEqual(before?._source);
    expect(after?._version).toBe((before?._version ?? 0) + 1);
    for (const row of await sink.verify(data.expected)) expect(row.actual).toBe(row.expected);
  });
});

describe('OpenSearchSink under generate()', () => {
  it('receives the stream and the ground truth as an extra sink', async () => {
    const p = `${prefix}generate-`;
    const sink = await OpenSearchSink.open(os, p, {
      onDrop: (d) => expect.fail(JSON.stringify(d)),
    });
    const report = await generate({
      config: resolveConfig({
        preset: 'tiny',
        layers: [{ source: 'file', values: { muleChainPatterns: 1 } }],
      }),
      extraSinks: [sink],
    });
    expect(report.sinks['opensearch']).toMatchObject({ failed: 0 });
    const rows = await sink.verify({
      ...report.counts,
      patterns: report.groundTruth.patterns.length,
      event_labels: report.groundTruth.eventLabels.length,
    });
    // tiny hides one instance of every typology.
    expect(rows.find((r) => r.label === 'patterns')?.actual).toBe(
      report.groundTruth.patterns.length,
    );
    expect(report.groundTruth.patterns.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(row.actual, row.target).toBe(row.expected);
  });
});

describe('OpenSearchSink alias mode', () => {
  const aliasPrefix = `${prefix}alias-`;

  it('loads into versioned indexes and moves the aliases only after verify', async () => {
    const first = await OpenSearchSink.open(os, aliasPrefix, { aliases: true });
    await load(first, data);
    expect(first.versions?.version).toBe(1);
    expect(first.indexes.get('transfers')).toBe(`${aliasPrefix}transfers-v1`);
    // Loaded and closed, not yet verified: no alias.
    expect((await os.client.indices.existsAlias({ name: `${aliasPrefix}transfers` })).body).toBe(
      false,
    );
    const rows = await first.verify(data.expected);
    expect(rows.every((row) => row.actual === row.expected)).toBe(true);
    expect(first.aliasesSwitched).toBe(true);
    expect(await countsOf(os, (kind) => aliasPrefix + kind)).toEqual(expectedByKind(data));

    const second = await OpenSearchSink.open(os, aliasPrefix, { aliases: true });
    await load(second, data);
    expect(second.versions?.version).toBe(2);
    // A verify that finds a wrong count leaves the aliases on v1.
    const wrong = await second.verify({ ...data.expected, transfer: 1 });
    expect(wrong.find((row) => row.label === 'transfer')?.actual).toBe(data.expected['transfer']);
    expect(second.aliasesSwitched).toBe(false);
    const holder = async () =>
      Object.keys((await os.client.indices.getAlias({ name: `${aliasPrefix}transfers` })).body);
    expect(await holder()).toEqual([`${aliasPrefix}transfers-v1`]);
    await second.verify(data.expected);
    expect(second.aliasesSwitched).toBe(true);
    expect(await holder()).toEqual([`${aliasPrefix}transfers-v2`]);
    expect(await countsOf(os, (kind) => aliasPrefix + kind)).toEqual(expectedByKind(data));
  });

  it('refuses alias mode when an alias name is a plain index', async () => {
    await expect(OpenSearchSink.open(os, prefix, { aliases: true })).rejects.toThrow(
      /alias mode needs .*it-opensearch-sink-main-transfers.* free for aliases/,
    );
  });
});
