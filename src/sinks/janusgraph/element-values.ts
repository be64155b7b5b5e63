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

/** The record's properties as a Map, typed for the schema, nulls left out. */
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
