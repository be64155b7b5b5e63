import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { SchemaError } from '../errors.js';
import type { TableSpec } from '../model/index.js';
import { cellDecoder, type CellDecoder } from './csv-cells.js';
import { rowTemplate } from './row-template.js';
import type { RowChunk, SourceRow, TableReader } from './table-reader.js';

/** Rows per chunk at most: the parser's own buffer is drained in chunks of this size. */
const MAX_CHUNK_ROWS = 1_024;

interface Column {
  readonly name: string;
  /** Index of the column's cell in each record. */
  readonly cell: number;
  readonly decode: CellDecoder;
}

/** Maps the header onto the table's columns; it must name each column exactly once. */
function columnsFromHeader(path: string, table: TableSpec, header: readonly string[]): Column[] {
  const missing = table.columns.filter((name) => !header.includes(name));
  const extra = header.filter((name) => !table.columns.includes(name));
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (missing.length > 0 || extra.length > 0 || repeated.length > 0) {
    const problems = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      extra.length > 0 ? `unknown ${extra.join(', ')}` : '',
      repeated.length > 0 ? `repeated ${repeated.join(', ')}` : '',
    ].filter((text) => text !== '');
    throw new SchemaError(
      `${path} line 1: header ${JSON.stringify(header)} does not match the columns of ${table.path} (${problems.join('; ')}); expected ${table.columns.join(',')}`,
      { path, line: 1 },
    );
  }
  return table.columns.map((name) => ({
    name,
    cell: header.indexOf(name),
    decode: cellDecoder(table.shape[name]),
  }));
}

/**
 * RFC 4180 CSV with a header row, streamed through csv-parse. Each record becomes a row object in
 * the table's column order, its cells converted back by property kind (see {@link cellDecoder}).
 * A record's position is the line it starts on.
 */
export const csvReader: TableReader = {
  unit: 'line',
  async *read(path: string, table: TableSpec): AsyncGenerator<RowChunk, void, undefined> {
    const parser = parse({ info: true, bom: true });
    // pipeline destroys the parser with the file's error, which the loop below then throws.
    pipeline(createReadStream(path), parser, () => undefined);
    const template = rowTemplate(table.columns);
    let columns: Column[] | undefined;
    let nextLine = 1;
    let rows: SourceRow[] = [];
    let positions: number[] = [];
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
        const line = nextLine;
        nextLine = item.info.lines + 1;
        if (columns === undefined) {
          columns = columnsFromHeader(path, table, item.record);
          continue;
        }
        const row: SourceRow = { ...template };
        for (const column of columns)
          row[column.name] = column.decode(item.record[column.cell] ?? '');
        rows.push(row);
        positions.push(line);
        if (rows.length >= MAX_CHUNK_ROWS || parser.readableLength === 0) {
          yield { rows, positions };
          rows = [];
          positions = [];
        }
      }
    } catch (error) {
      if (error instanceof CsvError)
        throw new SchemaError(
          `${path}: is not valid CSV (${error.message})`,
          { path, code: error.code },
          { cause: error },
        );
      throw error;
    }
    if (rows.length > 0) yield { rows, positions };
    if (columns === undefined)
      throw new SchemaError(
        `${path}: is empty; a CSV file must start with a header of the columns of ${table.path}`,
        { path },
      );
  },
};
