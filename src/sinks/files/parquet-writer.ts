import { MS_PER_DAY } from '../../model/index.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { PropertyKind, TableSpec } from '../../model/index.js';
import type { RowEncoding, RowWriter, WrittenFile } from './row-writer.js';

/** Rows per row group: fixed, so the file never depends on the batch size. */
const ROW_GROUP_SIZE = 50_000;

interface ParquetColumn {
  readonly name: string;
  readonly element: SchemaElement;
  /** Converts a row value to what hyparquet-writer expects for the column's physical type. */
  readonly convert: (value: unknown) => unknown;
}

const asIs = (value: unknown) => value;

function columnFor(name: string, kind: PropertyKind, optional: boolean): ParquetColumn {
  const repetition_type = optional ? 'OPTIONAL' : 'REQUIRED';
  const nullable = (f: (v: unknown) => unknown) => (v: unknown) =>
    v === null || v === undefined ? null : f(v);
  switch (kind) {
    case 'keyword':
    case 'name':
    case 'text':
      return {
        name,
        element: { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type },
        convert: asIs,
      };
    case 'long':
      return {
        name,
        element: { name, type: 'INT64', repetition_type },
        convert: nullable((v) => BigInt(v as number)),
      };
    case 'double':
      // `+ 0` writes -0 as 0: the JSON formats cannot say -0, so without it a Parquet file would
      // hold a value the other formats do not, and a merge read from JSONL would not reproduce it.
      return {
        name,
        element: { name, type: 'DOUBLE', repetition_type },
        convert: nullable((v) => (v as number) + 0),
      };
    case 'boolean':
      return { name, element: { name, type: 'BOOLEAN', repetition_type }, convert: asIs };
    case 'timestamp':
      return {
        name,
        element: { name, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type },
        convert: nullable((v) => Date.parse(v as string)),
      };
    case 'date':
      return {
        name,
        element: { name, type: 'INT32', converted_type: 'DATE', repetition_type },
        convert: nullable((v) => Date.parse(v as string) / MS_PER_DAY),
      };
    case 'keywords':
    case 'json':
      return {
        name,
        element: { name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type },
        convert: asIs,
      };
  }
}

/** The Parquet columns of a table, in column order, typed from the model. */
export function parquetColumns(table: TableSpec): ParquetColumn[] {
  return table.columns.map((name) => {
    const d = table.shape[name];
    return d === undefined
      ? columnFor(name, 'keyword', false)
      : columnFor(name, d.kind, d.optional);
  });
}

/**
 * Parquet through hyparquet-writer, with column types from the model: strings UTF8, long INT64,
 * timestamps TIMESTAMP_MILLIS, dates DATE, lists and nested values JSON. Rows are buffered into
 * fixed-size row groups.
 */
export async function parquetWriter<T>(
  directory: string,
  table: TableSpec,
  name: string,
  encoding: RowEncoding<T>,
): Promise<RowWriter<T>> {
  const relativePath = `${table.path}.parquet`;
  const path = join(directory, relativePath);
  await mkdir(dirname(path), { recursive: true });
  const columns = parquetColumns(table);
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => c.element)],
    createdBy: 'fingraph',
  });
  let buffered: unknown[][] = columns.map(() => []);
  let bufferedRows = 0;
  let records = 0;
  const flush = async () => {
    if (bufferedRows === 0) return;
    const columnData = columns.map((c, i) => ({ name: c.name, data: buffered[i] ?? [] }));
    buffered = columns.map(() => []);
    bufferedRows = 0;
    await writer.write({ columnData: columnData, rowGroupSize: ROW_GROUP_SIZE });
  };
  return {
    write(item: T) {
      const row = encoding.row(item);
      columns.forEach((c, i) => buffered[i]?.push(c.convert(row[c.name])));
      bufferedRows++;
      records++;
      return bufferedRows >= ROW_GROUP_SIZE ? flush() : undefined;
    },
    async close(): Promise<WrittenFile> {
      await flush();
      await writer.finish();
      const bytes = await readFile(path);
      return {
        path: relativePath,
        format: 'parquet',
        label: name,
        records,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
    async destroy() {
      buffered = [];
    },
  };
}
