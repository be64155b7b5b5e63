import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hyparquet from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { labelTable, toRow, type GraphRecord } from '../../src/model/index.js';
import { parquetColumns } from '../../src/sinks/files/parquet-writer.js';
import { parquetReader } from '../../src/sources/parquet-reader.js';
import { collectRecords, configOf } from '../helpers/collect.js';

// Spy on the row-group reads without changing them.
vi.mock('hyparquet', async (importOriginal) => {
  const actual = await importOriginal<typeof import('hyparquet')>();
  return { ...actual, parquetRead: vi.fn(actual.parquetRead) };
});

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-sources-parquet-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the Parquet reader', () => {
  it('reads one row group at a time, yielding each before reading the next', async () => {
    const table = labelTable('transfer');
    const records = (await collectRecords(configOf('tiny'))).filter(
      (record: GraphRecord) => record.label === 'transfer',
    );
    const rows = records.map((record) => toRow(record));
    const columns = parquetColumns(table);
    const path = join(scratch, 'transfers.parquet');
    const groupSize = 16;
    parquetWriteFile({
      filename: path,
      schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => c.element)],
      columnData: columns.map((c) => ({
        name: c.name,
        data: rows.map((r) => c.convert(r[c.name])),
      })),
      rowGroupSize: groupSize,
    });
    const reads = vi.mocked(hyparquet.parquetRead);
    reads.mockClear();

    const stream = parquetReader.read(path, table);
    const first = await stream.next();
    expect(first.done).toBe(false);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0]?.[0]).toMatchObject({ rowStart: 0, rowEnd: groupSize });
    const read = [...(first.value?.rows ?? [])];
    const positions = [...(first.value?.positions ?? [])];
    for await (const chunk of stream) {
      expect(chunk.rows.length).toBeLessThanOrEqual(groupSize);
      read.push(...chunk.rows);
      positions.push(...chunk.positions);
    }
    expect(reads).toHaveBeenCalledTimes(Math.ceil(rows.length / groupSize));
    expect(read).toStrictEqual(rows);
    expect(positions).toEqual(rows.map((_, i) => i + 1));
  });
});
