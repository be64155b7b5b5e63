import { join } from 'node:path';
import { rowJson, VOCABULARY, type GraphRecord, type Label } from '../../model/index.js';
import type { RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';

/** One JSON array per label (the original's persons.json layout), one row per line, streamed. */
export async function jsonWriter(directory: string, label: Label): Promise<RowWriter> {
  const name = `${VOCABULARY[label].fileStem}.json`;
  const file = new TextFile(join(directory, name));
  let records = 0;
  return {
    write(record: GraphRecord) {
      const separator = records === 0 ? '[\n' : ',\n';
      records++;
      return file.append(separator + rowJson(record));
    },
    async close(): Promise<WrittenFile> {
      void file.append(records === 0 ? '[]\n' : '\n]\n');
      const { bytes, sha256 } = await file.close();
      return { path: name, format: 'json', label, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
