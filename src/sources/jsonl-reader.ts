import { parseJsonRow } from './json-row.js';
import type { RowChunk, SourceRow, TableReader } from './table-reader.js';
import { lineChunks } from './text-lines.js';

/**
 * JSON Lines: one row object per line, keys in column order, values already typed (numbers,
 * booleans, lists, objects, null). Empty lines are skipped.
 */
export const jsonlReader: TableReader = {
  unit: 'line',
  async *read(path: string): AsyncGenerator<RowChunk, void, undefined> {
    let line = 0;
    for await (const lines of lineChunks(path)) {
      const rows: SourceRow[] = [];
      const positions: number[] = [];
      for (const text of lines) {
        line++;
        if (text.length === 0) continue;
        rows.push(parseJsonRow(text, path, line));
        positions.push(line);
      }
      if (rows.length > 0) yield { rows, positions };
    }
  },
};
