import type { TableFormat } from '../config/index.js';
import { csvReader } from './csv-reader.js';
import { jsonReader } from './json-reader.js';
import { jsonlReader } from './jsonl-reader.js';
import { parquetReader } from './parquet-reader.js';
import type { TableReader } from './table-reader.js';

/** Every table format has a reader: adding a format is a compile error until it is here. */
export const READERS: { readonly [F in TableFormat]: TableReader } = {
  jsonl: jsonlReader,
  json: jsonReader,
  csv: csvReader,
  parquet: parquetReader,
};
