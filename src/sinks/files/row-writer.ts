import type { Row, TableSpec } from '../../model/index.js';

/** One written file, as the manifest lists it. */
export interface WrittenFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  readonly format: string;
  /** Graph label or ground-truth table name. */
  readonly label: string;
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** How items of type T become rows: JSON text for the JSON formats, a row object for the others. */
export interface RowEncoding<T> {
  json(item: T): string;
  row(item: T): Row;
}

/** Writes the rows of one table to one file. */
export interface RowWriter<T> {
  /** Buffers the item's row; returns a promise only when the file must be flushed first. */
  write(item: T): Promise<void> | undefined;
  /**
   * Appends `rows` rows already encoded for this format (see text-encoding.ts); text formats only.
   * Returns a promise only when the file must be flushed first.
   */
  writeEncoded?(bytes: Uint8Array, rows: number): Promise<void>;
  close(): Promise<WrittenFile>;
  /** Stops without finishing the file (the directory is discarded afterwards). */
  destroy(): Promise<void>;
}

/** Creates the writer of one table's file inside `directory`. */
export type RowWriterFactory = <T>(
  directory: string,
  table: TableSpec,
  name: string,
  encoding: RowEncoding<T>,
) => Promise<RowWriter<T>>;
