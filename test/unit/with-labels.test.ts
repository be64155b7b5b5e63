// --with-labels: the ground truth on every event record, in every table format, read back as it
// was generated; off by default.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import {
  columnsOf,
  isEventLabel,
  LABELS,
  VOCABULARY,
  type GraphRecord,
} from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import { readOutputDirectory } from '../../src/sources/index.js';
import { runWithTruth, type Run } from '../helpers/patterns.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-labels-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;

function smallOf(values: Record<string, unknown> = {}): GenerationConfig {
  return resolveConfig({
    preset: 'small',
    layers: [
      { source: 'flag', values: { transactionCount: 3_000, formats: [...FORMATS], ...values } },
    ],
  });
}

let run: Run;
const labelled = join(scratch, 'labelled');
const plain = join(scratch, 'plain');
beforeAll(async () => {
  run = await runWithTruth(smallOf({ withLabels: true }));
  await generate({ config: smallOf({ withLabels: true }), outDir: labelled });
  await generate({ config: smallOf(), outDir: plain });
});

async function jsonlRows(dir: string, stem: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, `${stem}.jsonl`), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('--with-labels', () => {
  it('puts is_laundering and pattern_ids on every event record, as the event labels say', async () => {
    const byEvent = new Map(
      run.truth.eventLabels.map((e) => [`${e.label}:${e.event_id}`, e.pattern_ids]),
    );
    let crimes = 0;
    for (const label of LABELS) {
      const rows = await jsonlRows(labelled, VOCABULARY[label].fileStem).catch(() => []);
      const key = VOCABULARY[label].key;
      for (const row of rows) {
        if (!isEventLabel(label)) {
          expect(row, `${label} is an entity`).not.toHaveProperty('is_laundering');
          continue;
        }
        const want = byEvent.get(`${label}:${row[key] as string}`) ?? [];
        expect(row['pattern_ids'], `${label} ${row[key] as string}`).toEqual(want);
        expect(row['is_laundering']).toBe(want.length > 0);
        if (want.length > 0) crimes++;
      }
    }
    // Every labelled event is in the files, once.
    expect(crimes).toBe(run.truth.eventLabels.length);
    expect(crimes).toBeGreaterThan(100);
  });

  it('adds the two columns last, in every table format, and nothing else changes', async () => {
    for (const label of LABELS) {
      const stem = VOCABULARY[label].fileStem;
      const withTruth = await jsonlRows(labelled, stem).catch(() => []);
      const without = await jsonlRows(plain, stem).catch(() => []);
      expect(
        withTruth.map(({ is_laundering: _l, pattern_ids: _p, ...rest }) => rest),
        label,
      ).toEqual(without);
      const [header]: string[][] = parse(
        await readFile(join(labelled, `${stem}.csv`), 'utf8').catch(() => ''),
      );
      if (header) expect(header, label).toEqual(columnsOf(label, true));
      if (isEventLabel(label) && without.length > 0)
        expect(columnsOf(label, true).slice(-2)).toEqual(['is_laundering', 'pattern_ids']);
    }
    const transfers = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(labelled, 'transfers.parquet')),
    })) as Record<string, unknown>[];
    const jsonl = await jsonlRows(labelled, 'transfers');
    expect(transfers.map((r) => [r['is_laundering'], r['pattern_ids']])).toEqual(
      jsonl.map((r) => [r['is_laundering'], r['pattern_ids']]),
    );
  });

  it('is off by default: no label columns anywhere', async () => {
    for (const label of LABELS) {
      const rows = await jsonlRows(plain, VOCABULARY[label].fileStem).catch(() => []);
      for (const row of rows.slice(0, 5)) expect(row).not.toHaveProperty('pattern_ids');
    }
  });

  it.each(FORMATS)('%s: every record of the run reads back with its labels', async (format) => {
    const source = await readOutputDirectory(labelled, { format });
    const read: GraphRecord[] = [];
    const stream = source.batches();
    for (let step = await stream.next(); step.done !== true; step = await stream.next())
      read.push(...step.value.vertices, ...step.value.edges);
    const generated = new Map(run.records.map((r) => [`${r.label}:${r.id}`, r]));
    expect(read).toHaveLength(run.records.length);
    for (const record of read)
      expect(record, `${record.label} ${record.id}`).toStrictEqual(
        generated.get(`${record.label}:${record.id}`),
      );
  });
});
