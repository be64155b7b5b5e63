import { SchemaError } from '../errors.js';
import type { SourceRow } from './table-reader.js';

/** Parses one line of JSON text that must hold one row object. */
export function parseJsonRow(text: string, path: string, line: number): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SchemaError(
      `${path} line ${line}: is not valid JSON (${(error as Error).message}); each row must be one JSON object on one line`,
      { path, line },
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SchemaError(
      `${path} line ${line}: value ${preview(text)} is not a JSON object; each row must be one JSON object`,
      { path, line },
    );
  return value as SourceRow;
}

/** The start of a long text, for error messages. */
export function preview(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
