import {
  EDGE_LABELS,
  labelOfVertexId,
  labelTable,
  toRow,
  truthGraph,
  TRUTH_GRAPH,
  VERTEX_LABELS,
  VOCABULARY,
  type GraphBatch,
  type GraphRecord,
  type Label,
  type PropertyKind,
  type PropertyShape,
  type Row,
  type GroundTruth,
} from '../../model/index.js';
import type { FileOutput } from '../files/file-output.js';
import type { WrittenFile } from '../files/row-writer.js';
import { TextFile } from '../files/text-file.js';
import type { SinkStats } from '../sink.js';
import { CsvFile } from './csv-file.js';

/** neo4j-admin's header types per property kind; lists are arrays split on ARRAY_DELIMITER. */
export const NEO4J_TYPES: Readonly<Record<PropertyKind, string>> = {
  keyword: 'string',
  name: 'string',
  text: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  timestamp: 'datetime',
  date: 'date',
  keywords: 'string[]',
  json: 'string',
};

/** neo4j-admin's default array delimiter. */
export const ARRAY_DELIMITER = ';';

/** Neo4j's naming: labels in PascalCase (`Person`, `Pattern`), relationship types upper case. */
export function neo4jLabel(label: string): string {
  return label.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

export function neo4jType(label: string): string {
  return label.toUpperCase();
}

/** The table-shaped description of what one file holds. */
interface Table {
  readonly label: string;
  readonly columns: readonly string[];
  readonly shape: PropertyShape;
  readonly key: string;
}

function cell(kind: PropertyKind | undefined, value: unknown, where: () => string) {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'keywords': {
      const items = value as readonly string[];
      for (const item of items)
        if (item.includes(ARRAY_DELIMITER))
          throw new Error(
            `neo4j: ${where()}: list item ${JSON.stringify(item)} contains the array delimiter "${ARRAY_DELIMITER}"`,
          );
      // neo4j-admin cannot tell an empty list from no value: both are an empty cell.
      return items.length === 0 ? null : items.join(ARRAY_DELIMITER);
    }
    case 'json':
      return JSON.stringify(value);
    default:
      return value as string | number | boolean;
  }
}

const NODES = 'neo4j/nodes';
const RELATIONSHIPS = 'neo4j/relationships';

/**
 * Writes `neo4j-admin database import full` CSV files: one node file per vertex label
 * (`neo4j/nodes/Person.csv`, header `person_id:ID(Person),first_name:string,…,:LABEL`), one
 * relationship file per edge label (`neo4j/relationships/TRANSFER.csv`, header
 * `transaction_id:string,:START_ID(Account),:END_ID(Account),…,:TYPE`) — per edge label and
 * endpoint labels where an edge label joins several (`OWNS.Person-Account.csv`), since a
 * relationship file names one ID group per end — and `neo4j/import.sh` with the exact command.
 * Columns are typed from the model; nulls are empty cells, empty strings `""`; lists are
 * `string[]` joined by `;`; nested values JSON text. With `truthGraph`, `Pattern` nodes and
 * `INVOLVES` relationships (pattern → participant, with the role) carry the ground truth.
 */
export class Neo4jSink implements FileOutput {
  readonly name = 'files:neo4j';
  readonly format = 'neo4j' as const;
  private readonly open = new Map<string, CsvFile>();
  private readonly written: WrittenFile[] = [];
  private total = 0;
  private readonly startedMs: number;

  constructor(
    private readonly directory: string,
    private readonly clock: () => number,
    private readonly withLabels: boolean,
    /** Write the ground truth as Pattern nodes and INVOLVES relationships. */
    readonly needsGroundTruth: boolean,
  ) {
    this.startedMs = clock();
  }

  private table(label: Label): Table {
    const table = labelTable(label, this.withLabels);
    return { label, columns: table.columns, shape: table.shape, key: VOCABULARY[label].key };
  }

  async write(batch: GraphBatch): Promise<void> {
    for (const record of batch.vertices) await this.vertex(this.table(record.label), record);
    for (const record of batch.edges) await this.edge(this.table(record.label), record);
  }

  private async file(path: string, header: () => readonly string[], label: string) {
    let file = this.open.get(path);
    if (file === undefined) {
      file = await CsvFile.create(this.directory, path, header(), 'neo4j', label);
      this.open.set(path, file);
    }
    return file;
  }

  private cells(table: Table, row: Row, skip: ReadonlySet<string>, id: string) {
    return table.columns
      .filter((column) => !skip.has(column))
      .map((column) =>
        cell(table.shape[column]?.kind, row[column], () => `${table.label} ${id} ${column}`),
      );
  }

  private async vertex(table: Table, record: { id: string; properties: Row } & object, row?: Row) {
    this.total++;
    const group = neo4jLabel(table.label);
    const header = () => [
      ...table.columns.map((c) =>
        c === table.key
          ? `${c}:ID(${group})`
          : `${c}:${NEO4J_TYPES[table.shape[c]?.kind ?? 'keyword']}`,
      ),
      ':LABEL',
    ];
    const file = await this.file(`${NODES}/${group}.csv`, header, table.label);
    const values = row ?? toRow(record as GraphRecord, this.withLabels);
    const pending = file.add([...this.cells(table, values, new Set(), record.id), group]);
    if (pending) await pending;
  }

  private async edge(
    table: Table,
    record: { id: string; outV: string; inV: string; properties: Row },
    row?: Row,
    ends?: { readonly from: string; readonly to: string; readonly split: boolean },
  ) {
    this.total++;
    const endpoints = ends ?? this.endpoints(table.label as Label, record);
    const type = neo4jType(table.label);
    const start = neo4jLabel(endpoints.from);
    const end = neo4jLabel(endpoints.to);
    const name = endpoints.split ? `${type}.${start}-${end}` : type;
    const header = () => [
      ...table.columns.map((c) =>
        c === 'from_id'
          ? `:START_ID(${start})`
          : c === 'to_id'
            ? `:END_ID(${end})`
            : `${c}:${NEO4J_TYPES[table.shape[c]?.kind ?? 'keyword']}`,
      ),
      ':TYPE',
    ];
    const file = await this.file(`${RELATIONSHIPS}/${name}.csv`, header, table.label);
    const values = row ?? toRow(record as GraphRecord, this.withLabels);
    const pending = file.add([...this.cells(table, values, new Set(), record.id), type]);
    if (pending) await pending;
  }

  private endpoints(label: Label, record: { id: string; outV: string; inV: string }) {
    const definition = VOCABULARY[label];
    if (definition.kind !== 'edge') throw new Error(`neo4j: ${label} is not an edge label`);
    const from = labelOfVertexId(record.outV);
    const to = labelOfVertexId(record.inV);
    if (from === undefined || to === undefined)
      throw new Error(`neo4j: ${label} ${record.id} joins ids of no vertex label`);
    return { from, to, split: definition.from.length > 1 || definition.to.length > 1 };
  }

  /** Pattern nodes and INVOLVES relationships from the ground truth (with `needsGroundTruth`). */
  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    if (!this.needsGroundTruth) return;
    const graph = truthGraph(truth.patterns);
    const patternShape: PropertyShape = TRUTH_GRAPH.pattern.shape;
    const patterns: Table = {
      label: 'pattern',
      columns: Object.keys(patternShape),
      shape: patternShape,
      key: TRUTH_GRAPH.pattern.key,
    };
    for (const vertex of graph.vertices) await this.vertex(patterns, vertex, vertex.properties);
    const involvesShape: PropertyShape = TRUTH_GRAPH.involves.shape;
    const involves: Table = {
      label: 'involves',
      columns: ['involvement_id', 'from_id', 'to_id', 'role'],
      shape: involvesShape,
      key: TRUTH_GRAPH.involves.key,
    };
    for (const edge of graph.edges) {
      const to = labelOfVertexId(edge.inV);
      if (to === undefined)
        throw new Error(`neo4j: pattern ${edge.outV} names ${edge.inV}, the id of no vertex label`);
      const row = { ...edge.properties, from_id: edge.outV, to_id: edge.inV };
      await this.edge(involves, edge, row, { from: 'pattern', to, split: true });
    }
  }

  files(): readonly WrittenFile[] {
    return this.written;
  }

  async close(): Promise<SinkStats> {
    for (const file of this.open.values()) this.written.push(await file.close());
    const script = await TextFile.create(this.directory, 'neo4j/import.sh');
    void script.append(importScript(this.written.map((f) => f.path)));
    const { bytes, sha256 } = await script.close();
    this.written.push({
      path: 'neo4j/import.sh',
      format: 'neo4j',
      label: 'import',
      records: 0,
      bytes,
      sha256,
    });
    return {
      total: this.total,
      successful: this.total,
      failed: 0,
      retried: 0,
      bytes: this.written.reduce((sum, f) => sum + f.bytes, 0),
      timeMs: this.clock() - this.startedMs,
    };
  }

  async abort(): Promise<void> {
    await Promise.allSettled([...this.open.values()].map((file) => file.destroy()));
  }
}

/** Node files before relationship files, each in label order (then name). */
function importOrder(paths: readonly string[]): string[] {
  const rank = (path: string) => {
    const name = path.slice(path.lastIndexOf('/') + 1).split(/[.-]/)[0] ?? '';
    const nodes = path.startsWith(NODES);
    const labels: readonly string[] = nodes
      ? [...VERTEX_LABELS, 'pattern'].map(neo4jLabel)
      : [...EDGE_LABELS, 'involves'].map(neo4jType);
    return (nodes ? 0 : 1000) + labels.indexOf(name);
  };
  return [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The exact `neo4j-admin database import full` command for these files, as a script to run from
 * the export's `neo4j/` folder (Neo4j 5; the target database must be stopped or new).
 */
export function importScript(paths: readonly string[]): string {
  const relative = (path: string) => path.slice('neo4j/'.length);
  const args = importOrder(paths).map((path) =>
    path.startsWith(NODES)
      ? `  --nodes=${relative(path)} \\`
      : `  --relationships=${relative(path)} \\`,
  );
  return [
    '#!/bin/sh',
    '# Generated by fingraph. Imports this folder into a new Neo4j 5 database with neo4j-admin:',
    '#   NEO4J_HOME=/path/to/neo4j sh import.sh [database]      (database: default neo4j)',
    '# The database must not be running (stop Neo4j, or use a new database name on Enterprise).',
    'set -eu',
    'cd "$(dirname "$0")"',
    `"\${NEO4J_HOME:-/var/lib/neo4j}/bin/neo4j-admin" database import full \\`,
    `  --overwrite-destination=true --multiline-fields=true --array-delimiter='${ARRAY_DELIMITER}' \\`,
    ...args,
    '  "${1:-neo4j}"',
    '',
  ].join('\n');
}
