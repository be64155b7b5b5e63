import type { TableSpec } from '../model/index.js';

/** A row as read from a file, before validation: column name → value. */
export type SourceRow = Record<string, unknown>;

/**
 * Consecutive rows of one file, with the position of each (1-based line for text formats, 1-based
 * row for Parquet) so that errors can point at it. A chunk holds at most what one read of the
 * file produced, so memory stays bounded whatever the file size.
 */
export interface RowChunk {
  readonly rows: readonly SourceRow[];
  readonly positions: readonly number[];
}

/** What a position counts, as error messages name it. */
export type PositionUnit = 'line' | 'row';

/**
 * Streams the rows of one table file, decoded to the values the generator produced (numbers,
 * booleans, lists, objects, ISO strings, null) but not yet validated. Errors in the file's own
 * syntax are thrown with its path and position.
 */
export interface TableReader {
  readonly unit: PositionUnit;
  read(path: string, table: TableSpec): AsyncGenerator<RowChunk, void, undefined>;
}
