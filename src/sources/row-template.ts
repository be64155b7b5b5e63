import type { SourceRow } from './table-reader.js';

/**
 * An object with `columns` as keys, in order, all null. Rows are built by spreading it and then
 * setting values: adding 20-40 properties one by one with computed keys would turn each row into
 * a slow dictionary-mode object (V8), while a clone of this template shares one hidden class.
 */
export function rowTemplate(columns: readonly string[]): Readonly<SourceRow> {
  // JSON.parse builds a fast-mode object; an object literal cannot have computed key lists.
  return JSON.parse(`{${columns.map((c) => `${JSON.stringify(c)}:null`).join(',')}}`) as SourceRow;
}
