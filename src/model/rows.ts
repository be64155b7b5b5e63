import type { GraphRecord } from './records.js';
import { VOCABULARY, type Label } from './vocabulary.js';

/** A flat row: what files hold and what OpenSearch indexes. Edges add `from_id` and `to_id`. */
export type Row = Readonly<Record<string, unknown>>;

/** Column order of a label's rows: the key, then (edges) from_id and to_id, then the rest. */
export function columnsOf(label: Label): readonly string[] {
  const definition = VOCABULARY[label];
  const rest = Object.keys(definition.shape).filter((name) => name !== definition.key);
  return definition.kind === 'edge'
    ? [definition.key, 'from_id', 'to_id', ...rest]
    : [definition.key, ...rest];
}

/**
 * The JSON text of a record's row, without building the row object: edges splice from_id and
 * to_id in after the key, which generators always put first (a unit test checks it).
 */
export function rowJson(record: GraphRecord): string {
  const json = JSON.stringify(record.properties);
  if (!('outV' in record)) return json;
  const head = `{"${VOCABULARY[record.label].key}":${JSON.stringify(record.id)}`;
  return `${head},"from_id":${JSON.stringify(record.outV)},"to_id":${JSON.stringify(record.inV)}${json.slice(head.length)}`;
}

/** Flattens a record into its row, in column order. */
export function toRow(record: GraphRecord): Row {
  if (!('outV' in record)) return record.properties;
  const key = VOCABULARY[record.label].key;
  return { [key]: record.id, from_id: record.outV, to_id: record.inV, ...record.properties };
}
