import { EVENT_TRUTH_COLUMNS } from './ground-truth.js';
import type { GraphRecord } from './records.js';
import { isEventLabel, VOCABULARY, type Label } from './vocabulary.js';

/** A flat row: what files hold and what OpenSearch indexes. Edges add `from_id` and `to_id`. */
export type Row = Readonly<Record<string, unknown>>;

/** Whether rows of `label` carry the ground-truth columns in a run with `withLabels`. */
export function hasTruthColumns(label: Label, withLabels: boolean): boolean {
  return withLabels && isEventLabel(label);
}

/**
 * Column order of a label's rows: the key, then (edges) from_id and to_id, then the rest; with
 * `withLabels`, event labels end with is_laundering and pattern_ids.
 */
export function columnsOf(label: Label, withLabels = false): readonly string[] {
  const definition = VOCABULARY[label];
  const rest = Object.keys(definition.shape).filter((name) => name !== definition.key);
  const truth = hasTruthColumns(label, withLabels) ? EVENT_TRUTH_COLUMNS : [];
  return definition.kind === 'edge'
    ? [definition.key, 'from_id', 'to_id', ...rest, ...truth]
    : [definition.key, ...rest, ...truth];
}

/** The ground-truth column values of a record: is_laundering, pattern_ids. */
export function truthValues(record: GraphRecord): {
  is_laundering: boolean;
  pattern_ids: readonly string[];
} {
  const ids = record.patternIds ?? [];
  return { is_laundering: ids.length > 0, pattern_ids: ids };
}

/**
 * The JSON text of a record's row, without building the row object: edges splice from_id and
 * to_id in after the key, which generators always put first (a unit test checks it). With
 * `withLabels`, an event record's row ends with its ground-truth columns.
 */
export function rowJson(record: GraphRecord, withLabels = false): string {
  let json = JSON.stringify(record.properties);
  if (hasTruthColumns(record.label, withLabels)) {
    const ids = record.patternIds ?? [];
    json = `${json.slice(0, -1)},"is_laundering":${ids.length > 0 ? 'true' : 'false'},"pattern_ids":${JSON.stringify(ids)}}`;
  }
  if (!('outV' in record)) return json;
  const head = `{"${VOCABULARY[record.label].key}":${JSON.stringify(record.id)}`;
  return `${head},"from_id":${JSON.stringify(record.outV)},"to_id":${JSON.stringify(record.inV)}${json.slice(head.length)}`;
}

/** Flattens a record into its row, in column order (with its ground-truth columns, see rowJson). */
export function toRow(record: GraphRecord, withLabels = false): Row {
  const truth = hasTruthColumns(record.label, withLabels) ? truthValues(record) : undefined;
  if (!('outV' in record))
    return truth === undefined ? record.properties : { ...record.properties, ...truth };
  const key = VOCABULARY[record.label].key;
  return {
    [key]: record.id,
    from_id: record.outV,
    to_id: record.inV,
    ...record.properties,
    ...truth,
  };
}
