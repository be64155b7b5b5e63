import { SchemaError } from '../errors.js';
import { parseJsonRow, preview } from './json-row.js';
import type { RowChunk, SourceRow, TableReader } from './table-reader.js';
import { lineChunks } from './text-lines.js';

/** Where the reader is in the `[`, rows, `]` layout. */
type State = 'before' | 'rows' | 'after';

function layoutError(path: string, line: number, text: string, rule: string): SchemaError {
  return new SchemaError(
    `${path} line ${line}: ${preview(text)} ${rule}; fingraph writes JSON arrays as "[", one row per line (each but the last followed by ","), "]"`,
    { path, line },
  );
}

/**
 * JSON arrays in the layout the JSON writer produces: `[` on the first line, one row object per
 * line with a trailing comma on every row but the last, `]` on the last line (`[]` when empty).
 * Read line by line, so a file is never parsed as a whole; any other layout is refused with the
 * line that breaks it.
 */
export const jsonReader: TableReader = {
  unit: 'line',
  async *read(path: string): AsyncGenerator<RowChunk, void, undefined> {
    let state: State = 'before';
    let line = 0;
    /** Whether the previous row ended with a comma, i.e. another row must follow. */
    let expectRow = false;
    let previousRow = 0;
    for await (const lines of lineChunks(path)) {
      const rows: SourceRow[] = [];
      const positions: number[] = [];
      for (const raw of lines) {
        line++;
        const text = raw.trim();
        if (text === '') continue;
        if (state === 'before') {
          if (text === '[]') state = 'after';
          else if (text === '[') state = 'rows';
          else throw layoutError(path, line, text, 'does not open a JSON array');
        } else if (state === 'after') {
          throw layoutError(path, line, text, 'follows the end of the array');
        } else if (text === ']') {
          if (expectRow)
            throw layoutError(path, previousRow, ',', 'is a trailing comma before "]"');
          state = 'after';
        } else {
          if (previousRow > 0 && !expectRow)
            throw layoutError(path, previousRow, 'row', 'is not followed by ","');
          expectRow = text.endsWith(',');
          rows.push(parseJsonRow(expectRow ? text.slice(0, -1) : text, path, line));
          positions.push(line);
          previousRow = line;
        }
      }
      if (rows.length > 0) yield { rows, positions };
    }
    if (state !== 'after')
      throw new SchemaError(
        `${path}: ends at line ${line} without closing the JSON array ("]"); the file is truncated`,
        { path, line },
      );
  },
};
