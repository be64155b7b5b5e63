import { MS_PER_DAY } from '../model/index.js';
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetRead,
  type FileMetaData,
  type ParquetParsers,
} from 'hyparquet';
import { SchemaError } from '../errors.js';
import type { TableSpec } from '../model/index.js';
import { rowTemplate } from './row-template.js';
import type { RowChunk, SourceRow, TableReader } from './table-reader.js';

/** Row objects built (and yielded) at a time from a decoded row group. */
const CHUNK_ROWS = 1_024;

/** An ISO string from epoch milliseconds, or the number itself when it is no valid instant. */
function isoOf(ms: number): string | number {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? ms : date.toISOString();
}

/**
 * Decoders for the logical types the Parquet writer uses: TIMESTAMP_MILLIS becomes the ISO-8601
 * string with milliseconds, DATE the `YYYY-MM-DD` string; JSON columns keep hyparquet's default
 * (parsed JSON).
 */
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => isoOf(Number(millis)),
  dateFromDays: (days: number) => {
    const iso = isoOf(days * MS_PER_DAY);
    return typeof iso === 'string' ? iso.slice(0, 10) : days;
  },
};

/** A column value as the generator produced it: INT64 bigint as number, absent as null. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : value;
  }
  return value;
}

/** The file's top-level column names must be the table's columns (in any order). */
function checkColumns(path: string, table: TableSpec, metadata: FileMetaData): void {
  const root = metadata.schema[0];
  const names = metadata.schema.slice(1, 1 + (root?.num_children ?? 0)).map((e) => e.name);
  const missing = table.columns.filter((name) => !names.includes(name));
  const extra = names.filter((name) => !table.columns.includes(name));
  if (missing.length > 0 || extra.length > 0)
    throw new SchemaError(
      `${path}: Parquet columns ${JSON.stringify(names)} do not match the columns of ${table.path} (${[
        missing.length > 0 ? `missing ${missing.join(', ')}` : '',
        extra.length > 0 ? `unknown ${extra.join(', ')}` : '',
      ]
        .filter((text) => text !== '')
        .join('; ')})`,
      { path },
    );
}

function unreadable(path: string, error: unknown): SchemaError {
  return new SchemaError(
    `${path}: is not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`,
    { path },
    { cause: error },
  );
}

/**
 * Parquet through hyparquet, one row group at a time (the writer's row groups have a fixed number
 * of rows, so memory is bounded by one decoded group whatever the file size), yielding rows in
 * chunks of at most {@link CHUNK_ROWS}. Values are turned back into
 * what the generator produced: INT64 → number, TIMESTAMP_MILLIS → ISO string with milliseconds,
 * DATE → `YYYY-MM-DD`, JSON columns → lists and objects. A row's position is its 1-based index in
 * the file.
 */
export const parquetReader: TableReader = {
  unit: 'row',
  async *read(path: string, table: TableSpec): AsyncGenerator<RowChunk, void, undefined> {
    let metadata: FileMetaData;
    const file = await asyncBufferFromFile(path);
    try {
      metadata = await parquetMetadataAsync(file, { parsers: PARSERS });
    } catch (error) {
      throw unreadable(path, error);
    }
    checkColumns(path, table, metadata);
    const columns = [...table.columns];
    const template = rowTemplate(columns);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      // Rows as arrays in `columns` order: cheaper than hyparquet's objects.
      let arrays: unknown[][] = [];
      try {
        await parquetRead({
          file,
          metadata,
          columns,
          rowStart,
          rowEnd,
          parsers: PARSERS,
          onComplete: (data) => {
            arrays = data;
          },
        });
      } catch (error) {
        throw unreadable(path, error);
      }
      // Row objects are built a chunk at a time, so that a group is never held twice.
      for (let first = 0; first < arrays.length; first += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, arrays.length - first);
        const rows: SourceRow[] = new Array<SourceRow>(count);
        const positions: number[] = new Array<number>(count);
        for (let i = 0; i < count; i++) {
          const values = arrays[first + i] ?? [];
          const row: SourceRow = { ...template };
          for (let c = 0; c < columns.length; c++) row[columns[c] ?? ''] = plain(values[c]);
          rows[i] = row;
          positions[i] = rowStart + first + i + 1;
        }
        yield { rows, positions };
      }
      rowStart = rowEnd;
    }
  },
};
