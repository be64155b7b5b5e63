import { join } from 'node:path';
import { rowJson, VOCABULARY, type GraphRecord, type Label } from '../../model/index.js';
import type { RowWriter, WrittenFile } from './row-writer.js';
import { TextFile } from './text-file.js';

/** JSON Lines: one row per line, keys in column order. The default format. */
export async function jsonlWriter(directory: string, label: Label): Promise<RowWriter> {
  const name = `${VOCABULARY[label].fileStem}.jsonl`;
  const file = new TextFile(join(directory, name));
  let records = 0;
  return {
    write(record: GraphRecord) {
      records++;
      return file.append(rowJson(record) + '\n');
    },
    async close(): Promise<WrittenFile> {
      const { bytes, sha256 } = await file.close();
      return { path: name, format: 'jsonl', label, records, bytes, sha256 };
    },
    destroy: () => file.destroy(),
  };
}
