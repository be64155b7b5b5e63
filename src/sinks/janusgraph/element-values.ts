import gremlin from 'gremlin';
import {
  VOCABULARY,
  type GraphRecord,
  type PropertyKind,
  type PropertyShape,
} from '../../model/index.js';

const { t, direction } = gremlin.process;

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

/** The record's properties as a Map for mergeV/mergeE, typed for the schema, nulls left out. */
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
 * One mergeV row: match on the custom vertex id (the business id) and the label — the label too,
 * because with storage.batch-loading JanusGraph can return a phantom vertex for an unknown id.
 */
export function vertexRow(record: GraphRecord): Map<string, unknown> {
  const properties = propertyMap(record);
  return new Map<string, unknown>([
    [
      'match',
      new Map<unknown, unknown>([
        [t.id, record.id],
        [t.label, record.label],
      ]),
    ],
    ['properties', properties],
  ]);
}

/** One mergeE row: match on label, endpoints (custom vertex ids) and the edge's business key. */
export function edgeRow(record: GraphRecord & { outV: string; inV: string }): Map<string, unknown> {
  const key = VOCABULARY[record.label].key;
  return new Map<string, unknown>([
    [
      'match',
      new Map<unknown, unknown>([
        [t.label, record.label],
        [direction.from_, record.outV],
        [direction.to, record.inV],
        [key, record.id],
      ]),
    ],
    ['properties', propertyMap(record)],
  ]);
}
