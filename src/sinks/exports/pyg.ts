import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import type { BasicType } from 'hyparquet-writer';
import {
  VOCABULARY,
  type GraphBatch,
  type GraphRecord,
  type PatternTruth,
  type PropertyShape,
  type GroundTruth,
  MS_PER_DAY,
} from '../../model/index.js';
import type { FileOutput } from '../files/file-output.js';
import type { WrittenFile } from '../files/row-writer.js';
import type { SinkStats } from '../sink.js';

/** A keyword property is a categorical feature when it has at most this many distinct values… */
export const MAX_CATEGORIES = 1_000;
/** …and at most this share of its non-null values (otherwise it is an identifier, not a category). */
export const MAX_CATEGORY_SHARE = 0.5;
/** Keyword properties named like this are references and numbers, never categories. */
const IDENTIFIER = /_(id|number)$/;
const ROW_GROUP_SIZE = 100_000;
/** Split codes in the split columns. */
const TRAIN = 0;
const VALIDATION = 1;
const TEST = 2;

/** The numeric value of a property, or NaN when it is null; undefined when it is no feature. */
type Numeric = (value: unknown) => number;

const numeric: Partial<Record<string, Numeric>> = {
  long: (v) => v as number,
  double: (v) => v as number,
  boolean: (v) => (v ? 1 : 0),
  // Seconds and days since the epoch: plain numbers a model can scale.
  timestamp: (v) => Date.parse(v as string) / 1000,
  date: (v) => Date.parse(v as string) / MS_PER_DAY,
  keywords: (v) => (v as readonly unknown[]).length,
};

/** A feature column being collected: numbers, or category codes in order of first appearance. */
class FeatureColumns {
  /** Feature name → the property it reads, how, and the values so far. */
  readonly numbers = new Map<string, { source: string; read: Numeric; values: number[] }>();
  readonly categories = new Map<
    string,
    { codes: number[]; values: Map<string, number>; present: number } | null
  >();
  rows = 0;

  constructor(
    shape: PropertyShape,
    private readonly key: string,
  ) {
    for (const [name, d] of Object.entries(shape)) {
      if (name === key) continue;
      if (d.kind === 'keyword' && !IDENTIFIER.test(name))
        this.categories.set(name, { codes: [], values: new Map(), present: 0 });
      const read = numeric[d.kind];
      if (read !== undefined)
        this.numbers.set(d.kind === 'keywords' ? `${name}_count` : name, {
          source: name,
          read,
          values: [],
        });
    }
  }

  add(properties: Readonly<Record<string, unknown>>): void {
    this.rows++;
    for (const column of this.numbers.values()) {
      const v = properties[column.source];
      column.values.push(v === null || v === undefined ? NaN : column.read(v));
    }
    for (const [name, column] of this.categories) {
      if (column === null) continue;
      const v = properties[name];
      if (v === null || v === undefined) {
        column.codes.push(-1);
        continue;
      }
      column.present++;
      let code = column.values.get(v as string);
      if (code === undefined) {
        code = column.values.size;
        if (code >= MAX_CATEGORIES) {
          this.categories.set(name, null); // too many values: an identifier
          continue;
        }
        column.values.set(v as string, code);
      }
      column.codes.push(code);
    }
  }

  /** Parquet columns (`num_*` doubles, `cat_*` int32 codes into sorted vocabularies). */
  columns(): { data: ColumnData[]; vocabularies: Record<string, string[]>; numeric: string[] } {
    const data: ColumnData[] = [];
    const numericNames: string[] = [];
    for (const [name, column] of this.numbers) {
      numericNames.push(name);
      data.push({ name: `num_${name}`, data: Float64Array.from(column.values), type: 'DOUBLE' });
    }
    const vocabularies: Record<string, string[]> = {};
    for (const [name, column] of this.categories) {
      if (column === null || column.values.size > Math.max(1, column.present * MAX_CATEGORY_SHARE))
        continue;
      const sorted = [...column.values.keys()].sort();
      const remap = new Int32Array(column.values.size);
      sorted.forEach((value, code) => (remap[column.values.get(value) as number] = code));
      vocabularies[name] = sorted;
      data.push({
        name: `cat_${name}`,
        data: Int32Array.from(column.codes, (code) => (code < 0 ? -1 : (remap[code] as number))),
        type: 'INT32',
      });
    }
    return { data, vocabularies, numeric: numericNames };
  }
}

interface ColumnData {
  readonly name: string;
  readonly data: ArrayLike<unknown> & Iterable<unknown>;
  readonly type: BasicType;
}

/**
 * The day split AMLworld's Multi-GNN uses: whole days, cut where the shares of transfers in
 * train / validation / test come closest to the targets (the smallest worst relative error; the
 * first such cut on ties). Returns the first validation day and the first test day.
 */
export function splitDays(daily: readonly number[], targets: readonly number[]): [number, number] {
  const total = daily.reduce((a, b) => a + b, 0);
  const prefix = [0];
  for (const n of daily) prefix.push((prefix[prefix.length - 1] as number) + n);
  const days = daily.length;
  let best: [number, number] = [days, days];
  let bestScore = Infinity;
  for (let i = 0; i < days; i++) {
    for (let j = i + 1; j < days; j++) {
      const shares = [
        prefix[i] as number,
        (prefix[j] as number) - (prefix[i] as number),
        total - (prefix[j] as number),
      ].map((n) => (total === 0 ? 0 : n / total));
      const score = Math.max(
        ...shares.map((share, k) => {
          const target = targets[k] as number;
          return target === 0 ? share : Math.abs(share - target) / target;
        }),
      );
      if (score < bestScore) {
        bestScore = score;
        best = [i, j];
      }
    }
  }
  return best;
}

/**
 * Writes the graph-ML export under `pyg/`: the account–transfer graph as Parquet tables that a
 * few lines of Python turn into a `torch_geometric.data.Data` (examples/pyg/):
 *
 * - `nodes.parquet`: `node_index` (0…N−1, accounts in id order), `account_id`, then features;
 * - `edges.parquet`: `src`, `dst` (node indexes), `transaction_id`, `timestamp_ms`, `day`, the
 *   features, `y` (1 = event of an injected crime), `pattern_ids`, `typology`, and the masks
 *   `train_mask`/`val_mask`/`test_mask` (temporal split by whole days, `--split`, default
 *   60/20/20) and `instance_train_mask`/… (the same, but every crime instance moved whole to the
 *   split of its last transfer, so none straddles train and test);
 * - `meta.json`: feature names, category vocabularies, the split days and counts.
 *
 * Features come from the model generically: numbers and booleans as `num_<name>`, timestamps as
 * epoch seconds and dates as epoch days, lists by their length (`num_<name>_count`), keywords
 * with few distinct values (at most 1,000 and half their non-null values; none named `*_id` or
 * `*_number`) as `cat_<name>` codes (−1 = null) into sorted vocabularies; nulls are NaN.
 * Identifiers, free text and nested values are left out. Holds the graph in memory (as the
 * consumer will), compactly.
 */
export class PygSink implements FileOutput {
  readonly name = 'files:pyg';
  readonly format = 'pyg' as const;
  readonly needsGroundTruth = true;
  private readonly nodeIndex = new Map<string, number>();
  private readonly accountIds: string[] = [];
  private readonly nodes: FeatureColumns;
  private readonly edges: FeatureColumns;
  private readonly src: number[] = [];
  private readonly dst: number[] = [];
  private readonly transactionIds: string[] = [];
  private readonly times: number[] = [];
  /** Pattern ids of labelled transfers, by edge row. */
  private readonly labelled = new Map<number, readonly string[]>();
  private patterns: readonly PatternTruth[] = [];
  private readonly written: WrittenFile[] = [];
  private total = 0;
  private readonly startedMs: number;

  constructor(
    private readonly directory: string,
    private readonly clock: () => number,
    /** Train / validation / test percentages. */
    private readonly split: readonly number[],
  ) {
    this.nodes = new FeatureColumns(VOCABULARY.account.shape, VOCABULARY.account.key);
    this.edges = new FeatureColumns(VOCABULARY.transfer.shape, VOCABULARY.transfer.key);
    this.startedMs = clock();
  }

  async write(batch: GraphBatch): Promise<void> {
    this.total += batch.vertices.length + batch.edges.length;
    for (const record of batch.vertices) {
      if (record.label !== 'account') continue;
      this.nodeIndex.set(record.id, this.accountIds.length);
      this.accountIds.push(record.id);
      this.nodes.add(record.properties);
    }
    for (const record of batch.edges) if (record.label === 'transfer') this.transfer(record);
  }

  private indexOf(id: string, record: GraphRecord): number {
    const index = this.nodeIndex.get(id);
    if (index === undefined)
      throw new Error(`pyg: transfer ${record.id} from or to ${id}, an unknown account`);
    return index;
  }

  private transfer(record: GraphRecord & { label: 'transfer' }): void {
    const row = this.src.length;
    this.src.push(this.indexOf(record.outV, record));
    this.dst.push(this.indexOf(record.inV, record));
    this.transactionIds.push(record.id);
    this.times.push(Date.parse(record.properties.timestamp));
    this.edges.add(record.properties);
    if (record.patternIds !== undefined) this.labelled.set(row, record.patternIds);
  }

  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    this.patterns = truth.patterns;
  }

  files(): readonly WrittenFile[] {
    return this.written;
  }

  private async parquet(path: string, columns: ColumnData[], records: number, label: string) {
    const filename = join(this.directory, path);
    await mkdir(dirname(filename), { recursive: true });
    parquetWriteFile({
      filename,
      columnData: columns.map((c) => ({
        name: c.name,
        data: c.data as never,
        type: c.type,
        nullable: false,
      })),
      rowGroupSize: ROW_GROUP_SIZE,
      createdBy: 'fingraph',
      statistics: false,
    });
    await this.record(path, label, records);
  }

  private async record(path: string, label: string, records: number): Promise<void> {
    const bytes = await readFile(join(this.directory, path));
    this.written.push({
      path,
      format: 'pyg',
      label,
      records,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }

  async close(): Promise<SinkStats> {
    const edgeCount = this.src.length;
    // Days since the first transfer's UTC day.
    const firstDay =
      edgeCount === 0 ? 0 : Math.floor(Math.min(...chunkedMin(this.times)) / MS_PER_DAY);
    const day = Int32Array.from(this.times, (ms) => Math.floor(ms / MS_PER_DAY) - firstDay);
    const days = edgeCount === 0 ? 0 : Math.max(...chunkedMax(day)) + 1;
    const daily = new Array<number>(days).fill(0);
    for (const d of day) daily[d] = (daily[d] as number) + 1;
    const targets = this.split.map((pct) => pct / 100);
    const [validationDay, testDay] = splitDays(daily, targets);
    const splitOf = (d: number) => (d < validationDay ? TRAIN : d < testDay ? VALIDATION : TEST);
    const temporal = Int8Array.from(day, splitOf);
    // Instance split: every pattern goes whole to the split of its last transfer.
    const patternSplit = new Map<string, number>();
    for (const [row, ids] of this.labelled)
      for (const id of ids)
        patternSplit.set(id, Math.max(patternSplit.get(id) ?? TRAIN, temporal[row] as number));
    const instance = Int8Array.from(temporal);
    for (const [row, ids] of this.labelled)
      instance[row] = Math.max(...ids.map((id) => patternSplit.get(id) ?? TRAIN));
    const typologyOf = new Map(this.patterns.map((p) => [p.pattern_id, p.typology]));
    const y = new Int32Array(edgeCount);
    const patternIds: string[] = new Array<string>(edgeCount).fill('[]');
    const typology: string[] = new Array<string>(edgeCount).fill('');
    for (const [row, ids] of this.labelled) {
      y[row] = 1;
      patternIds[row] = JSON.stringify(ids);
      typology[row] = typologyOf.get(ids[0] as string) ?? '';
    }
    const masks = (split: Int8Array, prefix: string): ColumnData[] =>
      (['train', 'val', 'test'] as const).map((name, code) => ({
        name: `${prefix}${name}_mask`,
        data: Array.from(split, (s) => s === code),
        type: 'BOOLEAN' as const,
      }));

    const nodeFeatures = this.nodes.columns();
    await this.parquet(
      'pyg/nodes.parquet',
      [
        {
          name: 'node_index',
          data: BigInt64Array.from(this.accountIds, (_, i) => BigInt(i)),
          type: 'INT64',
        },
        { name: 'account_id', data: this.accountIds, type: 'STRING' },
        ...nodeFeatures.data,
      ],
      this.accountIds.length,
      'account',
    );
    const edgeFeatures = this.edges.columns();
    await this.parquet(
      'pyg/edges.parquet',
      [
        { name: 'src', data: BigInt64Array.from(this.src, BigInt), type: 'INT64' },
        { name: 'dst', data: BigInt64Array.from(this.dst, BigInt), type: 'INT64' },
        { name: 'transaction_id', data: this.transactionIds, type: 'STRING' },
        { name: 'timestamp_ms', data: BigInt64Array.from(this.times, BigInt), type: 'INT64' },
        { name: 'day', data: day, type: 'INT32' },
        ...edgeFeatures.data,
        { name: 'y', data: y, type: 'INT32' },
        { name: 'pattern_ids', data: patternIds, type: 'STRING' },
        { name: 'typology', data: typology, type: 'STRING' },
        ...masks(temporal, ''),
        ...masks(instance, 'instance_'),
      ],
      edgeCount,
      'transfer',
    );
    const count = (split: Int8Array, code: number, positives: boolean) => {
      let n = 0;
      split.forEach((s, row) => {
        if (s === code && (!positives || y[row] === 1)) n++;
      });
      return n;
    };
    const splitSummary = (split: Int8Array) =>
      Object.fromEntries(
        (['train', 'val', 'test'] as const).map((name, code) => [
          name,
          { edges: count(split, code, false), positives: count(split, code, true) },
        ]),
      );
    const meta = {
      format: 'fingraph-pyg',
      version: 1,
      graph: {
        nodes: 'accounts',
        edges: 'transfers (directed, src → dst)',
        num_nodes: this.accountIds.length,
        num_edges: edgeCount,
      },
      node_features: {
        numeric: nodeFeatures.numeric.map((n) => `num_${n}`),
        categorical: Object.keys(nodeFeatures.vocabularies).map((n) => `cat_${n}`),
      },
      edge_features: {
        numeric: edgeFeatures.numeric.map((n) => `num_${n}`),
        categorical: Object.keys(edgeFeatures.vocabularies).map((n) => `cat_${n}`),
      },
      categories: {
        nodes: nodeFeatures.vocabularies,
        edges: edgeFeatures.vocabularies,
      },
      label: 'y: 1 when the transfer is an event of an injected crime (any typology)',
      split: {
        percentages: this.split,
        day_zero: new Date(firstDay * MS_PER_DAY).toISOString().slice(0, 10),
        days,
        validation_from_day: validationDay,
        test_from_day: testDay,
        temporal: splitSummary(temporal),
        instance: splitSummary(instance),
      },
    };
    await writeFile(join(this.directory, 'pyg/meta.json'), JSON.stringify(meta, null, 2) + '\n');
    await this.record('pyg/meta.json', 'meta', 0);
    const bytes = this.written.reduce((sum, f) => sum + f.bytes, 0);
    return {
      total: this.total,
      successful: this.total,
      failed: 0,
      retried: 0,
      bytes,
      timeMs: this.clock() - this.startedMs,
    };
  }

  async abort(): Promise<void> {
    this.labelled.clear();
  }
}

/** Minimum of large arrays without spreading them into one call. */
function chunkedMin(values: ArrayLike<number>): number[] {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) min = Math.min(min, values[i] as number);
  return [min];
}

function chunkedMax(values: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  return [max];
}
