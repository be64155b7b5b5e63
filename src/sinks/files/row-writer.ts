import type { GraphRecord, Label } from '../../model/index.js';

/** One written file, as the manifest lists it. */
export interface WrittenFile {
  /** Path relative to the output directory, with forward slashes. */
  readonly path: string;
  readonly format: string;
  readonly label: string;
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** Writes the rows of one label to one file. */
export interface RowWriter {
  /** Buffers the record's row; returns a promise only when the file must be flushed first. */
  write(record: GraphRecord): Promise<void> | undefined;
  close(): Promise<WrittenFile>;
  /** Stops without finishing the file (the directory is discarded afterwards). */
  destroy(): Promise<void>;
}

/** Creates the writer of one label's file inside `directory`. */
export type RowWriterFactory = (directory: string, label: Label) => Promise<RowWriter>;
