import type { TableSpec } from '../../model/index.js';
import type { RowEncoding, RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';

/** One JSON array per table (the original's persons.json layout), one row per line, streamed. */
export async function jsonWriter<T>(
  directory: string,
  table: TableSpec,
  name: string,
  encoding: RowEncoding<T>,
): Promise<RowWriter<T>> {
  const path = `${table.path}.json`;
  const file = await TextFile.create(directory, path);
  let records = 0;
  return {
    write(item: T) {
      const separator = records === 0 ? '[\n' : ',\n';
      records++;
      return file.append(separator + encoding.json(item));
    },
    async writeEncoded(bytes: Uint8Array, rows: number) {
      if (rows === 0) return;
      const separator = records === 0 ? '[\n' : ',\n';
      records += rows;
      await file.append(separator);
      await file.appendBytes(bytes);
    },
    async close(): Promise<WrittenFile> {
      void file.append(records === 0 ? '[]\n' : '\n]\n');
      const { bytes, sha256 } = await file.close();
      return { path, format: 'json', label: name, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
