import type { PropertyDescriptor } from '../model/index.js';

/** Turns one CSV cell (always text) back into the value the generator produced. */
export type CellDecoder = (cell: string) => unknown;

const asText: CellDecoder = (cell) => cell;

/** Numbers as JavaScript printed them; text that is not a number stays text, for the validator. */
const asNumber: CellDecoder = (cell) => {
  if (cell === '') return null;
  const value = Number(cell);
  return Number.isNaN(value) || cell.trim() !== cell ? cell : value;
};

const asBoolean: CellDecoder = (cell) => {
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  return cell === '' ? null : cell;
};

/** ISO timestamps and dates are stored as they are; empty is null. */
const asInstant: CellDecoder = (cell) => (cell === '' ? null : cell);

/** Lists are JSON text; text that is not JSON stays text, for the validator to refuse. */
const asList: CellDecoder = (cell) => {
  if (cell === '') return null;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
};

/**
 * Structured values are JSON text, except that the CSV writer stores a value that is itself a
 * string as the bare string: text that is not JSON is that string.
 */
const asJson: CellDecoder = asList;

/**
 * The decoder of a column, from its property kind, inverting the CSV writer: lists and objects
 * are JSON text, null is an empty cell, booleans are `true`/`false`. An empty cell is null except
 * in a required text column, where it is the empty string (CSV cannot tell an empty string from
 * null, so an optional text column reads an empty string as null). Columns outside the shape
 * (`from_id`, `to_id`) are text.
 */
export function cellDecoder(descriptor: PropertyDescriptor | undefined): CellDecoder {
  if (descriptor === undefined) return asText;
  switch (descriptor.kind) {
    case 'keyword':
    case 'name':
    case 'text':
      return descriptor.optional ? (cell) => (cell === '' ? null : cell) : asText;
    case 'long':
    case 'double':
      return asNumber;
    case 'boolean':
      return asBoolean;
    case 'timestamp':
    case 'date':
      return asInstant;
    case 'keywords':
      return asList;
    case 'json':
      return asJson;
  }
}
