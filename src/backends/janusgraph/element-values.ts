import {
  hasTruthColumns,
  isTruthGraphLabel,
  propertyKindOf,
  truthValues,
  type GraphRecord,
  type Label,
  type PropertyKind,
} from '../../model/index.js';

/**
 * What the JanusGraph sink writes: a graph record, or an element of the truth graph (`pattern`
 * vertices, `involves` edges). Only label, id, endpoints, properties and patternIds are read.
 */
export type ElementRecord = Pick<GraphRecord, 'id' | 'patternIds'> & {
  readonly label: string;
  readonly outV?: string;
  readonly inV?: string;
  readonly properties: Readonly<Record<string, unknown>>;
};

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
 * The properties a record is stored with: its own, and under `--with-labels` an event's
 * ground-truth columns (is_laundering, pattern_ids).
 */
function storedProperties(
  record: ElementRecord,
  withLabels: boolean,
): Readonly<Record<string, unknown>> {
  if (
    !withLabels ||
    isTruthGraphLabel(record.label) ||
    !hasTruthColumns(record.label as Label, true)
  )
    return record.properties;
  return { ...record.properties, ...truthValues(record as GraphRecord) };
}

/**
 * The record's properties as a Map of typed values (sent as GraphSON), nulls left out. The writer
 * sends propertyJson instead; the benchmark's one-request-per-element baseline sends this.
 */
export function propertyMap(record: ElementRecord, withLabels = false): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [name, value] of Object.entries(storedProperties(record, withLabels))) {
    const kind = propertyKindOf(record.label, name) ?? 'keyword';
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
export function propertyJson(record: ElementRecord, withLabels = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(storedProperties(record, withLabels))) {
    if (value === null || value === undefined) continue;
    switch (propertyKindOf(record.label, name) ?? 'keyword') {
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
