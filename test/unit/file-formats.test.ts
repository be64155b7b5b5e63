import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, labelTable, LABELS, VOCABULARY } from '../../src/model/index.js';
import { parquetColumns } from '../../src/sinks/files/parquet-writer.js';
import { generate } from '../../src/orchestration/generate.js';
import type { Sink } from '../../src/sinks/sink.js';
import { configOf } from '../helpers/collect.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-formats-'));
const out = join(scratch, 'all-formats');
afterAll(() => rm(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  await generate({
    config: configOf('tiny', { formats: ['jsonl', 'json', 'csv', 'parquet'] }),
    outDir: out,
  });
});

async function jsonlRows(stem: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(out, `${stem}.jsonl`), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('file formats hold the same rows', () => {
  it('JSON arrays equal the JSONL rows', async () => {
    for (const label of LABELS) {
      const stem = VOCABULARY[label].fileStem;
      expect(JSON.parse(await readFile(join(out, `${stem}.json`), 'utf8')), label).toEqual(
        await jsonlRows(stem),
      );
    }
  });

  it('CSV has the label columns as header and one line per row, lists as JSON text', async () => {
    for (const label of LABELS) {
      const stem = VOCABULARY[label].fileStem;
      const table: string[][] = parse(await readFile(join(out, `${stem}.csv`), 'utf8'));
      const [header, ...rows] = table;
      expect(header).toEqual(columnsOf(label));
      const expected = await jsonlRows(stem);
      expect(rows).toHaveLength(expected.length);
      rows.forEach((cells, i) => {
        header?.forEach((column, c) => {
          const value = expected[i]?.[column];
          const text =
            value === null
              ? ''
              : typeof value === 'object'
                ? JSON.stringify(value)
                : `${value as string | number | boolean}`;
          expect(cells[c], `${label} row ${i} ${column}`).toBe(text);
        });
      });
    }
  });

  it('Parquet reads back to the same values, with typed columns', async () => {
    for (const label of LABELS) {
      const stem = VOCABULARY[label].fileStem;
      const file = await asyncBufferFromFile(join(out, `${stem}.parquet`));
      const metadata = await parquetMetadataAsync(file);
      expect(metadata.schema.slice(1).map((element) => element.name)).toEqual(columnsOf(label));
      const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
      const expected = await jsonlRows(stem);
      expect(rows).toHaveLength(expected.length);
      const shape = VOCABULARY[label].shape as Record<string, { kind: string }>;
      rows.forEach((row, i) => {
        for (const column of columnsOf(label)) {
          const want = expected[i]?.[column];
          let got = row[column];
          const kind = shape[column]?.kind;
          if (typeof got === 'bigint') got = Number(got);
          if (got instanceof Date)
            got = kind === 'date' ? got.toISOString().slice(0, 10) : got.toISOString();
          expect(got, `${label} row ${i} ${column}`).toEqual(want);
        }
      });
    }
  });

  it('writes one file per label and format, plus the manifest and stats', async () => {
    const names = await readdir(out);
    expect(names).toContain('manifest.json');
    expect(names).toContain('generation_stats.json');
    expect(names.filter((n) => n.endsWith('.parquet'))).toHaveLength(LABELS.length);
  });
});

describe('a run that fails midway', () => {
  it('leaves no output that looks complete', async () => {
    const target = join(scratch, 'failed');
    let batches = 0;
    const failing: Sink = {
      name: 'failing',
      write: () =>
        ++batches === 3 ? Promise.reject(new Error('disk full (simulated)')) : Promise.resolve(),
      close: () =>
        Promise.resolve({ total: 0, successful: 0, failed: 0, retried: 0, bytes: 0, timeMs: 0 }),
      abort: () => Promise.resolve(),
    };
    await expect(
      generate({
        config: configOf('tiny', { batchSize: 50 }),
        outDir: target,
        extraSinks: [failing],
      }),
    ).rejects.toThrow('disk full');
    expect(await readdir(scratch)).not.toContain('failed');
    expect((await readdir(scratch)).filter((n) => n.includes('partial'))).toEqual([]);
  });
});

describe('parquet doubles', () => {
  it('writes -0 as 0, as the JSON formats must, so every format holds the same value', () => {
    const table = labelTable('communicated');
    const sentiment = parquetColumns(table).find((c) => c.name === 'sentiment_score');
    expect(Object.is(sentiment?.convert(-0), 0)).toBe(true);
    expect(sentiment?.convert(-0.25)).toBe(-0.25);
    expect(sentiment?.convert(null)).toBeNull();
  });
});
