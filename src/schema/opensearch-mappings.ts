import {
  GROUND_TRUTH_TABLES,
  LABELS,
  VOCABULARY,
  labelTable,
  type Label,
  type PropertyKind,
  type PropertyShape,
  type TableSpec,
} from '../model/index.js';
import { VERSION } from '../version.js';

type FieldMapping = Readonly<Record<string, unknown>>;

/** OpenSearch field mapping per property kind; names get a keyword sub-field for exact search. */
const FIELD: Readonly<Record<PropertyKind, FieldMapping>> = {
  keyword: { type: 'keyword' },
  name: { type: 'text', fields: { raw: { type: 'keyword', ignore_above: 256 } } },
  text: { type: 'text' },
  long: { type: 'long' },
  double: { type: 'double' },
  boolean: { type: 'boolean' },
  timestamp: { type: 'date', format: 'strict_date_optional_time' },
  date: { type: 'date', format: 'strict_date' },
  keywords: { type: 'keyword' },
  // Nested lists and objects are kept in _source but not indexed: strict mapping still applies
  // to everything else, and a detection query never needs to search inside them.
  json: { type: 'object', enabled: false },
};

/**
 * Labels that get an OpenSearch index. traveled, issued and billed_to only repeat what the
 * travel and document documents already hold (traveler_id, issuer_id, recipient_id).
 */
export const INDEXED_LABELS: readonly Label[] = LABELS.filter((label) => !['traveled', 'issued', 'billed_to'].includes(label));

export interface IndexDefinition {
  readonly settings: FieldMapping;
  readonly mappings: FieldMapping;
}

function propertiesOf(table: TableSpec): Record<string, FieldMapping> {
  const shape: PropertyShape = table.shape;
  const properties: Record<string, FieldMapping> = {};
  for (const column of table.columns) {
    const d = shape[column];
    properties[column] = d === undefined ? FIELD.keyword : FIELD[d.kind];
  }
  return properties;
}

function definition(table: TableSpec, properties: Record<string, FieldMapping>, source: string): IndexDefinition {
  return {
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: { dynamic: 'strict', _meta: { generated_by: 'fingraph', version: VERSION, source }, properties },
  };
}

/** The patterns index: participants and event ids are searchable, so analysts can pivot on them. */
function patternsDefinition(): IndexDefinition {
  const properties = propertiesOf(GROUND_TRUTH_TABLES.patterns);
  properties['participants'] = { type: 'nested', properties: { id: { type: 'keyword' }, label: { type: 'keyword' }, role: { type: 'keyword' } } };
  properties['event_ids'] = { type: 'object', properties: Object.fromEntries(LABELS.map((label) => [label, { type: 'keyword' }])) };
  return definition(GROUND_TRUTH_TABLES.patterns, properties, 'ground_truth/patterns');
}

/** Index names without prefix, e.g. transfers, persons, patterns. */
export function indexNameOf(label: Label): string {
  return VOCABULARY[label].index;
}

/** Every index fingraph writes, by name (without prefix), with settings and strict mappings. */
export function openSearchIndexes(): Record<string, IndexDefinition> {
  const indexes: Record<string, IndexDefinition> = {};
  for (const label of INDEXED_LABELS) {
    // With the ground-truth columns of --with-labels: the mapping is strict, and one mapping
    // serves loads with and without labels.
    const table = labelTable(label, true);
    indexes[indexNameOf(label)] = definition(table, propertiesOf(table), `label ${label}`);
  }
  indexes['patterns'] = patternsDefinition();
  indexes['event_labels'] = definition(GROUND_TRUTH_TABLES.event_labels, propertiesOf(GROUND_TRUTH_TABLES.event_labels), 'ground_truth/event_labels');
  return indexes;
}
