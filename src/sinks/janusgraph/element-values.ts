import {
  VOCABULARY,
  type GraphRecord,
  type PropertyKind,
  type PropertyShape,
} from '../../model/index.js';

/**
 * A property value as JanusGraph stores it (see schema/janusgraph): timestamps become Dates, lists
 * and nested values JSON text, numbers and strings stay. Null means "no property".
 */
export function graphValue(kind: PropertyKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'timestamp':
      return new Date(value as string);
    case 'keywords':
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

/**
 * The record's properties as a Map of typed values (sent as GraphSON), nulls left out. The writer
 * sends propertyJson instead; the benchmark's one-request-per-element baseline sends this.
 */
export function propertyMap(record: GraphRecord): Map<string, unknown> {
  const shape: PropertyShape = VOCABULARY[record.label].shape;
  const map = new Map<string, unknown>();
  for (const [name, value] of Object.entries(record.properties)) {
    const kind = shape[name]?.kind ?? 'keyword';
    const converted = graphValue(kind, value);
    if (converted !== null) map.set(name, converted);
  }
  return map;
}

/**
 * The record's properties as a plain object for JSON, typed for the schema, nulls left out:
 * timestamps become epoch milliseconds (JanusGraph converts a whole number to a Date key's type),
 * lists and nested values JSON text. A number JSON cannot carry (NaN, ±Infinity) is refused.
 */
export function propertyJson(record: GraphRecord): Record<string, unknown> {
  const shape: PropertyShape = VOCABULARY[record.label].shape;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record.properties)) {
    if (value === null || value === undefined) continue;
    switch (shape[name]?.kind ?? 'keyword') {
      case 'timestamp': {
        const text = value as string;
        const ms = Date.parse(text);
        if (!Number.isFinite(ms)) throw new Error(`${name}: ${text} is not a timestamp`);
        out[name] = ms;
        break;
      }
      case 'keywords':
      case 'json':
        out[name] = JSON.stringify(value);
        break;
      default:
        if (typeof value === 'number' && !Number.isFinite(value))
          throw new Error(`${name}: ${String(value)} cannot be stored`);
        out[name] = value;
    }
  }
  return out;
}
