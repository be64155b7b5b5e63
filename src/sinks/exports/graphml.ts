import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EDGE_LABELS,
  eventTruthShape,
  hasTruthColumns,
  isEventLabel,
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

/**
 * GraphML attribute types per property kind. Timestamps are epoch milliseconds (`long`), which
 * JanusGraph stores into its `Date` keys; calendar dates, lists and nested values are strings (JSON
 * text for the latter two), as in the JanusGraph schema.
 */
export const GRAPHML_TYPES: Readonly<Record<PropertyKind, string>> = {
  keyword: 'string',
  name: 'string',
  text: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  timestamp: 'long',
  date: 'string',
  keywords: 'string',
  json: 'string',
};

const PATH = 'graphml/graph.graphml';
/** TinkerPop's GraphMLReader takes vertex and edge labels from these keys. */
const LABEL_V = 'labelV';
const LABEL_E = 'labelE';

/** Characters XML 1.0 cannot hold at all; replaced by U+FFFD (fingraph generates none). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text as XML character data. Line breaks become character references: an XML parser would turn
 * a literal CR into LF, and one element per line keeps the file greppable and splittable.
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

function value(kind: PropertyKind, v: unknown): string {
  switch (kind) {
    case 'timestamp':
      return String(Date.parse(v as string));
    case 'keywords':
    case 'json':
      return xmlText(JSON.stringify(v));
    case 'long':
    case 'double':
    case 'boolean':
      return String(v);
    default:
      return xmlText(v as string);
  }
}

interface KeySet {
  /** Property name → kind, in declaration order. */
  readonly node: Map<string, PropertyKind>;
  readonly edge: Map<string, PropertyKind>;
}

function addShape(keys: Map<string, PropertyKind>, shape: PropertyShape) {
  for (const [name, d] of Object.entries(shape)) if (!keys.has(name)) keys.set(name, d.kind);
}

/** Every key the file can use, from the model: all labels' properties, in vocabulary order. */
export function graphmlKeys(withLabels: boolean, truth: boolean): KeySet {
  const node = new Map<string, PropertyKind>();
  const edge = new Map<string, PropertyKind>();
  for (const label of VERTEX_LABELS) {
    addShape(node, VOCABULARY[label].shape);
    if (hasTruthColumns(label, withLabels)) addShape(node, eventTruthShape);
  }
  if (truth) addShape(node, TRUTH_GRAPH.pattern.shape);
  for (const label of EDGE_LABELS) {
    addShape(edge, VOCABULARY[label].shape);
    if (hasTruthColumns(label, withLabels)) addShape(edge, eventTruthShape);
  }
  if (truth) addShape(edge, TRUTH_GRAPH.involves.shape);
  return { node, edge };
}

function keyElements(keys: KeySet): string {
  const lines = [
    `  <key id="${LABEL_V}" for="node" attr.name="${LABEL_V}" attr.type="string"/>`,
    `  <key id="${LABEL_E}" for="edge" attr.name="${LABEL_E}" attr.type="string"/>`,
  ];
  for (const [side, map] of [
    ['node', keys.node],
    ['edge', keys.edge],
  ] as const) {
    for (const [name, kind] of map) {
      const id = `${side === 'node' ? 'v' : 'e'}.${name}`;
      const type = GRAPHML_TYPES[kind];
      lines.push(
        kind === 'timestamp'
          ? `  <key id="${id}" for="${side}" attr.name="${name}" attr.type="${type}"><desc>epoch milliseconds, UTC</desc></key>`
          : `  <key id="${id}" for="${side}" attr.name="${name}" attr.type="${type}"/>`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function dataElements(prefix: string, kinds: Map<string, PropertyKind>, properties: Row): string {
  let out = '';
  for (const [name, v] of Object.entries(properties)) {
    if (v === null || v === undefined) continue;
    out += `<data key="${prefix}.${name}">${value(kinds.get(name) ?? 'keyword', v)}</data>`;
  }
  return out;
}

/**
 * Writes the graph as one GraphML file (`graphml/graph.graphml`) that TinkerPop's
 * `g.io(file).read()` loads: typed `<key>`s from the model (labels in `labelV`/`labelE`, as
 * TinkerPop's reader expects), nodes with the business id as their id, edges with `source` and
 * `target`. Streamed with bounded memory: each label's elements go to a part file as they come,
 * and `close` joins the parts — every node first (by label), then every edge (by label), the
 * order TinkerPop's reader needs — so the file does not depend on batch size, workers or shards.
 * With `--with-labels`, event elements carry is_laundering and pattern_ids; with the truth graph,
 * `pattern` nodes and `involves` edges (pattern → participant, with the role) follow.
 */
export class GraphmlSink implements FileOutput {
  readonly name = 'files:graphml';
  readonly format = 'graphml' as const;
  private readonly parts = new Map<string, TextFile>();
  private readonly counts = new Map<string, number>();
  private readonly keys: KeySet;
  private readonly written: WrittenFile[] = [];
  private readonly scratch: string;
  private readonly startedMs: number;

  constructor(
    private readonly directory: string,
    private readonly clock: () => number,
    private readonly withLabels: boolean,
    /** Write the ground truth as pattern nodes and involves edges. */
    readonly needsGroundTruth: boolean,
  ) {
    this.keys = graphmlKeys(withLabels, needsGroundTruth);
    this.scratch = join(directory, '.graphml-parts');
    this.startedMs = clock();
  }

  private properties(record: GraphRecord): Row {
    if (!this.withLabels || !isEventLabel(record.label)) return record.properties;
    const ids = record.patternIds ?? [];
    return { ...record.properties, is_laundering: ids.length > 0, pattern_ids: ids };
  }

  private async append(part: string, text: string): Promise<void> {
    let file = this.parts.get(part);
    if (file === undefined) {
      file = await TextFile.create(this.scratch, part);
      this.parts.set(part, file);
    }
    this.counts.set(part, (this.counts.get(part) ?? 0) + 1);
    const pending = file.append(text);
    if (pending) await pending;
  }

  private node(label: string, id: string, properties: Row): Promise<void> {
    return this.append(
      label,
      `<node id="${xmlText(id)}"><data key="${LABEL_V}">${label}</data>${dataElements('v', this.keys.node, properties)}</node>\n`,
    );
  }

  private edge(label: string, id: string, outV: string, inV: string, properties: Row) {
    // Edge keys repeat across labels (issued and billed_to use the document id): prefix the label.
    return this.append(
      label,
      `<edge id="${xmlText(`${label}:${id}`)}" source="${xmlText(outV)}" target="${xmlText(inV)}"><data key="${LABEL_E}">${label}</data>${dataElements('e', this.keys.edge, properties)}</edge>\n`,
    );
  }

  async write(batch: GraphBatch): Promise<void> {
    for (const r of batch.vertices) await this.node(r.label, r.id, this.properties(r));
    for (const r of batch.edges) await this.edge(r.label, r.id, r.outV, r.inV, this.properties(r));
  }

  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    if (!this.needsGroundTruth) return;
    const graph = truthGraph(truth.patterns);
    for (const v of graph.vertices) await this.node('pattern', v.id, v.properties);
    for (const e of graph.edges) await this.edge('involves', e.id, e.outV, e.inV, e.properties);
  }

  files(): readonly WrittenFile[] {
    return this.written;
  }

  async close(): Promise<SinkStats> {
    const file = await TextFile.create(this.directory, PATH);
    void file.append(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd">\n' +
        keyElements(this.keys) +
        '  <graph id="fingraph" edgedefault="directed">\n',
    );
    const order: readonly string[] = [...VERTEX_LABELS, 'pattern', ...EDGE_LABELS, 'involves'];
    let records = 0;
    for (const label of order as readonly (Label | 'pattern' | 'involves')[]) {
      const part = this.parts.get(label);
      if (part === undefined) continue;
      records += this.counts.get(label) ?? 0;
      await part.close();
      for await (const chunk of createReadStream(join(this.scratch, label)))
        await file.appendBytes(chunk as Buffer);
    }
    void file.append('  </graph>\n</graphml>\n');
    const { bytes, sha256 } = await file.close();
    await rm(this.scratch, { recursive: true, force: true });
    this.written.push({ path: PATH, format: 'graphml', label: 'graph', records, bytes, sha256 });
    return {
      total: records,
      successful: records,
      failed: 0,
      retried: 0,
      bytes,
      timeMs: this.clock() - this.startedMs,
    };
  }

  async abort(): Promise<void> {
    await Promise.allSettled([...this.parts.values()].map((part) => part.destroy()));
    await rm(this.scratch, { recursive: true, force: true });
  }
}
