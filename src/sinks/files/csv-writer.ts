import { stringify } from 'csv-stringify/sync';
import type { TableSpec } from '../../model/index.js';
import type { RowEncoding, RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';
import { CSV_OPTIONS, csvCells } from './text-encoding.js';

/**
 * RFC 4180 CSV through csv-stringify, with a header of the label's columns. Rows are encoded in
 * blocks to amortise the library's per-call cost.
 */
export async function csvWriter<T>(
  directory: string,
  table: TableSpec,
  name: string,
  encoding: RowEncoding<T>,
): Promise<RowWriter<T>> {
  const path = `${table.path}.csv`;
  const { columns } = table;
  const file = await TextFile.create(directory, path);
  void file.append(stringify([[...columns]]));
  let records = 0;
  let pending: (string | number | boolean)[][] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const text = stringify(pending, CSV_OPTIONS);
    pending = [];
    await file.append(text);
  };
  return {
    write(item: T) {
      const row = encoding.row(item);
      records++;
      pending.push(csvCells(columns, row));
      return pending.length >= 1_000 ? flush() : undefined;
    },
    async writeEncoded(bytes: Uint8Array, rows: number) {
      await flush();
      records += rows;
      await file.appendBytes(bytes);
    },
    async close(): Promise<WrittenFile> {
      await flush();
      const { bytes, sha256 } = await file.close();
      return { path, format: 'csv', label: name, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
