import type { TableSpec } from '../../model/index.js';
import type { RowEncoding, RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';

/** JSON Lines: one row per line, keys in column order. The default format. */
export async function jsonlWriter<T>(
  directory: string,
  table: TableSpec,
  name: string,
  encoding: RowEncoding<T>,
): Promise<RowWriter<T>> {
  const path = `${table.path}.jsonl`;
  const file = await TextFile.create(directory, path);
  let records = 0;
  return {
    write(item: T) {
      records++;
      return file.append(encoding.json(item) + '\n');
    },
    writeEncoded(bytes: Uint8Array, rows: number) {
      records += rows;
      return file.appendBytes(bytes);
    },
    async close(): Promise<WrittenFile> {
      const { bytes, sha256 } = await file.close();
      return { path, format: 'jsonl', label: name, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
