import { stringify } from 'csv-stringify/sync';
import type { OutputFormat } from '../../config/index.js';
import {
  labelTable,
  rowJson,
  TEXT_FORMATS,
  toRow,
  type GraphRecord,
  type Row,
  type TextFormat,
} from '../../model/index.js';

export function isTextFormat(format: OutputFormat): format is TextFormat {
  return (TEXT_FORMATS as readonly string[]).includes(format);
}

/** Options every CSV block is written with, so blocks encoded apart join into one file. */
export const CSV_OPTIONS = { cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } };

/** CSV cell: lists and objects as JSON text, null as an empty cell. */
function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

/** A row's CSV cells, in column order. */
export function csvCells(columns: readonly string[], row: Row): (string | number | boolean)[] {
  return columns.map((column) => cell(row[column]));
}

/**
 * The text a writer of `format` appends for these records of one label: JSON Lines, JSON array
 * elements joined by ",\n" (the writer adds the separator before the block), or CSV rows. Equal,
 * byte for byte, to what the writer produces record by record: worker threads encode with it.
 */
export function encodeRecords(
  format: TextFormat,
  records: readonly GraphRecord[],
  withLabels: boolean,
): string {
  switch (format) {
    case 'jsonl':
      // One join, not `+=`: a flat string encodes to UTF-8 without first being flattened.
      return records.map((record) => rowJson(record, withLabels) + '\n').join('');
    case 'json':
      return records.map((record) => rowJson(record, withLabels)).join(',\n');
    case 'csv': {
      const first = records[0];
      if (first === undefined) return '';
      const { columns } = labelTable(first.label, withLabels);
      return stringify(
        records.map((record) => csvCells(columns, toRow(record, withLabels))),
        CSV_OPTIONS,
      );
    }
  }
}
