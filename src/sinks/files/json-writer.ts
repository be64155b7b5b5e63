import { join } from 'node:path';
import { VOCABULARY, type Label, type Row } from '../../model/index.js';
import type { RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';

/** One JSON array per label (the original's persons.json layout), one row per line, streamed. */
export async function jsonWriter(directory: string, label: Label): Promise<RowWriter> {
  const name = `${VOCABULARY[label].fileStem}.json`;
  const file = new TextFile(join(directory, name));
  let records = 0;
  return {
    async write(row: Row) {
      await file.append((records === 0 ? '[\n' : ',\n') + JSON.stringify(row));
      records++;
    },
    async close(): Promise<WrittenFile> {
      await file.append(records === 0 ? '[]\n' : '\n]\n');
      const { bytes, sha256 } = await file.close();
      return { path: name, format: 'json', label, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
