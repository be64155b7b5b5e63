import type { TableFormat } from '../../config/index.js';
import { SinkError } from '../../errors.js';
import {
  GROUND_TRUTH_TABLES,
  labelTable,
  rowJson,
  toRow,
  type EncodedRows,
  type GraphBatch,
  type GraphRecord,
  type Label,
  type Row,
  type TableSpec,
  type GroundTruth,
  type TextFormat,
} from '../../model/index.js';
import type { SinkStats } from '../sink.js';
import { isTextFormat } from './text-encoding.js';
import type { FileOutput } from './file-output.js';
import { csvWriter } from './csv-writer.js';
import { jsonWriter } from './json-writer.js';
import { jsonlWriter } from './jsonl-writer.js';
import { parquetWriter } from './parquet-writer.js';
import type { RowEncoding, RowWriter, RowWriterFactory, WrittenFile } from './row-writer.js';

/** Every table format has a writer: adding a format is a compile error until it is here. */
const WRITERS: { readonly [F in TableFormat]: RowWriterFactory } = {
  jsonl: jsonlWriter,
  json: jsonWriter,
  csv: csvWriter,
  parquet: parquetWriter,
};

const ROW_ENCODING: RowEncoding<Row> = { json: (row) => JSON.stringify(row), row: (row) => row };

/**
 * Writes the stream as one file per label in one format, and the ground truth under
 * ground_truth/. Files are opened on a label's first record, so labels with no records leave no
 * file. With `withLabels`, event records end with their ground-truth columns.
 */
export class FileSink implements FileOutput {
  readonly name: string;
  /** Text formats take the rows worker threads encoded (see text-encoding.ts). */
  readonly encodedFormat: TextFormat | undefined;
  private readonly writers = new Map<Label, RowWriter<GraphRecord>>();
  private readonly written: WrittenFile[] = [];
  private total = 0;
  private readonly startedMs: number;
  private readonly encoding: RowEncoding<GraphRecord>;

  constructor(
    private readonly directory: string,
    readonly format: TableFormat,
    private readonly clock: () => number,
    private readonly withLabels = false,
  ) {
    this.name = `files:${format}`;
    this.encodedFormat = isTextFormat(format) ? format : undefined;
    this.startedMs = clock();
    this.encoding = {
      json: (record) => rowJson(record, withLabels),
      row: (record) => toRow(record, withLabels),
    };
  }

  async write(batch: GraphBatch): Promise<void> {
    const encoded =
      this.encodedFormat === undefined ? undefined : batch.encoded?.[this.encodedFormat];
    if (encoded !== undefined) {
      for (const [label, rows] of Object.entries(encoded) as [Label, EncodedRows][]) {
        await this.writeEncoded(label, rows);
      }
      return;
    }
    // `await` only real promises: awaiting undefined would still cost a microtask per record.
    for (const record of batch.vertices) {
      const pending = this.writeRecord(record);
      if (pending) await pending;
    }
    for (const record of batch.edges) {
      const pending = this.writeRecord(record);
      if (pending) await pending;
    }
  }

  /** Appends rows a worker thread encoded (see text-encoding.ts). */
  private async writeEncoded(label: Label, rows: EncodedRows): Promise<void> {
    if (rows.rows === 0) return;
    this.total += rows.rows;
    const writer = this.writers.get(label) ?? (await this.open(label));
    if (writer.writeEncoded === undefined)
      throw new SinkError(`${this.name}: cannot append pre-encoded rows`, {});
    await writer.writeEncoded(rows.bytes, rows.rows);
  }

  private async open(label: Label): Promise<RowWriter<GraphRecord>> {
    const opened = await WRITERS[this.format](
      this.directory,
      labelTable(label, this.withLabels),
      label,
      this.encoding,
    );
    this.writers.set(label, opened);
    return opened;
  }

  /** Returns a promise only when a writer is opened or flushes, so the common path stays synchronous. */
  private writeRecord(record: GraphRecord): Promise<void> | undefined {
    this.total++;
    const writer = this.writers.get(record.label);
    if (writer !== undefined) return writer.write(record);
    return this.open(record.label).then((opened) => opened.write(record));
  }

  /** Writes ground_truth/patterns and ground_truth/event_labels, even when empty. */
  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    await this.writeTable(GROUND_TRUTH_TABLES.patterns, 'patterns', truth.patterns);
    await this.writeTable(GROUND_TRUTH_TABLES.event_labels, 'event_labels', truth.eventLabels);
  }

  private async writeTable(table: TableSpec, name: string, rows: readonly Row[]): Promise<void> {
    const writer = await WRITERS[this.format](this.directory, table, name, ROW_ENCODING);
    for (const row of rows) {
      const pending = writer.write(row);
      if (pending) await pending;
    }
    this.written.push(await writer.close());
  }

  /** Files written so far (complete after close). */
  files(): readonly WrittenFile[] {
    return this.written;
  }

  async close(): Promise<SinkStats> {
    try {
      for (const writer of this.writers.values()) this.written.push(await writer.close());
    } catch (error) {
      throw new SinkError(
        `${this.name}: could not finish writing in ${this.directory}: ${String(error)}`,
        {},
        { cause: error },
      );
    }
    const bytes = this.written.reduce((sum, file) => sum + file.bytes, 0);
    return {
      total: this.total,
      successful: this.total,
      failed: 0,
      retried: 0,
      bytes,
      timeMs: this.clock() - this.startedMs,
    };
  }

  async abort(): Promise<void> {
    await Promise.allSettled([...this.writers.values()].map((writer) => writer.destroy()));
  }
}
