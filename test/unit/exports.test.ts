// The export formats (amlworld, neo4j, graphml, pyg): every record of the `small` preset round
// trips, the files follow the grammar of the tools that read them, and the bytes depend on the
// seed and config alone.
import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import {
  isEventLabel,
  LABELS,
  VERTEX_LABELS,
  VOCABULARY,
  type EventLabel,
  type PatternTruth,
  type PropertyKind,
} from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import { mergeShards } from '../../src/orchestration/merge-shards.js';
import { AMLWORLD_HEADER } from '../../src/sinks/exports/amlworld.js';
import { differingFiles, outputFiles } from '../helpers/output-files.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-exports-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const EXPORTS = ['amlworld', 'neo4j', 'graphml', 'pyg'];

function configOf(values: Record<string, unknown> = {}): GenerationConfig {
  return resolveConfig({ preset: 'small', layers: [{ source: 'flag', values }] });
}

type Row = Record<string, unknown>;
const out = join(scratch, 'small');
const rows: Partial<Record<string, Row[]>> = {};
let manifest: { counts: Record<string, number> };
let patterns: PatternTruth[];
let eventLabels: EventLabel[];

async function jsonl(path: string): Promise<Row[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Row);
}

beforeAll(async () => {
  await generate({
    config: configOf({ formats: ['jsonl', ...EXPORTS], withLabels: true }),
    outDir: out,
  });
  for (const label of LABELS)
    rows[label] = await jsonl(join(out, `${VOCABULARY[label].fileStem}.jsonl`));
  manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  patterns = (await jsonl(join(out, 'ground_truth/patterns.jsonl'))) as unknown as PatternTruth[];
  eventLabels = (await jsonl(
    join(out, 'ground_truth/event_labels.jsonl'),
  )) as unknown as EventLabel[];
});

const CURRENCY: Record<string, string> = {
  USD: 'US Dollar',
  EUR: 'Euro',
  JPY: 'Yen',
  GBP: 'UK Pound',
  CHF: 'Swiss Franc',
};

describe('amlworld', () => {
  it('holds every transfer once, in AMLworld columns, sorted by time, Is Laundering from the ground truth', async () => {
    const text = await readFile(join(out, 'amlworld/transactions.csv'), 'utf8');
    const [header, ...lines] = text.trimEnd().split('\n');
    expect(header).toBe(AMLWORLD_HEADER);
    const banks = new Map<string, number>();
    const bankOf = new Map<string, number>();
    for (const a of rows['account'] ?? []) {
      const key = `${a['bank_country'] as string}/${a['bank_name'] as string}`;
      if (!banks.has(key)) banks.set(key, banks.size);
      bankOf.set(a['account_id'] as string, banks.get(key)!);
    }
    const crimes = new Set(
      eventLabels.filter((e) => e.label === 'transfer').map((e) => e.event_id),
    );
    const transfers = [...(rows['transfer'] ?? [])].sort((a, b) =>
      `${a['timestamp'] as string}|${a['transaction_id'] as string}` <
      `${b['timestamp'] as string}|${b['transaction_id'] as string}`
        ? -1
        : 1,
    );
    expect(lines).toHaveLength(transfers.length);
    transfers.forEach((t, i) => {
      const cells = (lines[i] ?? '').split(',');
      const ts = t['timestamp'] as string;
      const local = t['amount_local'] !== null;
      expect(cells[0]).toBe(
        `${ts.slice(0, 4)}/${ts.slice(5, 7)}/${ts.slice(8, 10)} ${ts.slice(11, 16)}`,
      );
      expect(cells.slice(1, 5)).toEqual([
        String(bankOf.get(t['from_id'] as string)),
        t['from_id'],
        String(bankOf.get(t['to_id'] as string)),
        t['to_id'],
      ]);
      expect(Number(cells[5])).toBe(local ? t['amount_local'] : t['amount']);
      expect(Number(cells[7])).toBe(t['amount']);
      const paid = t['currency'] as string;
      if (CURRENCY[paid]) expect(cells[8]).toBe(CURRENCY[paid]);
      expect(cells[10]).toBe(crimes.has(t['transaction_id'] as string) ? '1' : '0');
    });
    expect(lines.filter((l) => l.endsWith(',1'))).toHaveLength(crimes.size);
  });

  it('lists every pattern with transfers as a BEGIN/END LAUNDERING ATTEMPT block of its transfers', async () => {
    const transactions = new Set(
      (await readFile(join(out, 'amlworld/transactions.csv'), 'utf8')).split('\n'),
    );
    const text = await readFile(join(out, 'amlworld/patterns.txt'), 'utf8');
    const blocks = [
      ...text.matchAll(
        /^BEGIN LAUNDERING ATTEMPT - ([A-Z-]+): {2}fingraph (\S+)\/(\S+) (PTN\d+)\n([\s\S]*?)^END LAUNDERING ATTEMPT - ([A-Z-]+)\n\n/gm,
      ),
    ];
    const withTransfers = patterns.filter(
      (p) => ((p.event_ids as Record<string, string[]>)['transfer'] ?? []).length > 0,
    );
    expect(blocks.map((b) => b[4])).toEqual(withTransfers.map((p) => p.pattern_id));
    expect(text.replace(/^BEGIN[\s\S]*?^END LAUNDERING ATTEMPT - [A-Z-]+\n\n/gm, '')).toBe('');
    for (const block of blocks) {
      expect(block[6]).toBe(block[1]);
      const pattern = withTransfers.find((p) => p.pattern_id === block[4])!;
      expect(block[2]).toBe(pattern.typology);
      const lines = (block[5] ?? '').trimEnd().split('\n');
      expect(lines).toHaveLength(
        (pattern.event_ids as Record<string, string[]>)['transfer']!.length,
      );
      for (const line of lines) {
        expect(transactions.has(line), line).toBe(true);
        expect(line.endsWith(',1')).toBe(true);
      }
    }
    expect(text).toContain('BEGIN LAUNDERING ATTEMPT - FAN-OUT:');
    expect(text).toContain('END LAUNDERING ATTEMPT - CYCLE\n');
  });
});

/** A neo4j-admin header field, parsed. */
const FIELD =
  /^(?:(\w+):ID\((\w+)\)|:START_ID\((\w+)\)|:END_ID\((\w+)\)|(:LABEL)|(:TYPE)|(\w+):(string|long|double|boolean|datetime|date|string\[\]))$/;

describe('neo4j', () => {
  it('headers follow the neo4j-admin grammar, and every START_ID/END_ID resolves to an ID of its group', async () => {
    const nodes = await readdir(join(out, 'neo4j/nodes'));
    const rels = await readdir(join(out, 'neo4j/relationships'));
    const ids = new Map<string, Set<string>>();
    const counts: Record<string, number> = {};
    for (const name of nodes) {
      const [header, ...cells]: string[][] = parse(
        await readFile(join(out, 'neo4j/nodes', name), 'utf8'),
      );
      const fields = header!.map((h) => FIELD.exec(h));
      expect(fields.every(Boolean), `${name}: ${header!.join(',')}`).toBe(true);
      const id = fields.findIndex((f) => f?.[1] !== undefined);
      const group = fields[id]![2]!;
      expect(name).toBe(`${group}.csv`);
      expect(header!.at(-1)).toBe(':LABEL');
      const set = new Set(cells.map((c) => c[id]!));
      expect(set.size, `${group} ids unique`).toBe(cells.length);
      ids.set(group, set);
      for (const c of cells) expect(c.at(-1)).toBe(group);
      counts[group.toLowerCase()] = cells.length;
    }
    for (const name of rels) {
      const [header, ...cells]: string[][] = parse(
        await readFile(join(out, 'neo4j/relationships', name), 'utf8'),
      );
      const fields = header!.map((h) => FIELD.exec(h));
      expect(fields.every(Boolean), `${name}: ${header!.join(',')}`).toBe(true);
      const start = fields.findIndex((f) => f?.[3] !== undefined);
      const end = fields.findIndex((f) => f?.[4] !== undefined);
      expect(header!.at(-1)).toBe(':TYPE');
      for (const c of cells) {
        expect(ids.get(fields[start]![3]!)?.has(c[start]!), `${name} start ${c[start]}`).toBe(true);
        expect(ids.get(fields[end]![4]!)?.has(c[end]!), `${name} end ${c[end]}`).toBe(true);
      }
      const type = name.split('.')[0]!.toLowerCase();
      counts[type] = (counts[type] ?? 0) + cells.length;
    }
    for (const label of LABELS) expect(counts[label] ?? 0, label).toBe(manifest.counts[label] ?? 0);
    expect(counts['pattern']).toBe(patterns.length);
    const script = await readFile(join(out, 'neo4j/import.sh'), 'utf8');
    for (const name of nodes) expect(script).toContain(`--nodes=nodes/${name} \\`);
    for (const name of rels) expect(script).toContain(`--relationships=relationships/${name} \\`);
    expect(script).toContain('neo4j-admin" database import full');
  });

  it('every value of every record reads back with its header type', async () => {
    const back = (type: string, cell: string): unknown => {
      if (cell === '') return null;
      if (type === 'long' || type === 'double') return Number(cell);
      if (type === 'boolean') return cell === 'true';
      if (type === 'string[]') return cell.split(';');
      return cell;
    };
    for (const label of VERTEX_LABELS) {
      const name = label[0]!.toUpperCase() + label.slice(1);
      const [header, ...cells]: string[][] = parse(
        await readFile(join(out, `neo4j/nodes/${name}.csv`), 'utf8'),
      );
      const shape = VOCABULARY[label].shape as Record<string, { kind: PropertyKind }>;
      cells.forEach((c, i) => {
        const row = rows[label]![i]!;
        header!.slice(0, -1).forEach((h, k) => {
          const [column, type] = h.split(/:(?:ID\()?/);
          const want = row[column!];
          const kind = shape[column!]?.kind;
          const expected =
            (kind === 'keywords' || column === 'pattern_ids') &&
            Array.isArray(want) &&
            want.length === 0
              ? null
              : kind === 'json'
                ? JSON.stringify(want)
                : want;
          expect(back(type!.replace(')', ''), c[k]!), `${label} ${i} ${column}`).toEqual(expected);
        });
      });
    }
  });
});

describe('graphml', () => {
  it('declares typed keys, and holds every element with its label and properties', async () => {
    const text = await readFile(join(out, 'graphml/graph.graphml'), 'utf8');
    const keys = new Map(
      [
        ...text.matchAll(
          /<key id="([^"]+)" for="(node|edge)" attr.name="([^"]+)" attr.type="([^"]+)"/g,
        ),
      ].map((m) => [m[1]!, m[4]!]),
    );
    const unescape = (s: string) =>
      s
        .replace(/&#10;/g, '\n')
        .replace(/&#13;/g, '\r')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const seen: Record<string, number> = {};
    const elements = [
      ...text.matchAll(
        /^<(node|edge) id="([^"]+)"(?: source="([^"]+)" target="([^"]+)")?>(.*)<\/(?:node|edge)>$/gm,
      ),
    ];
    const byKey = new Map<string, Row>();
    for (const label of LABELS)
      for (const r of rows[label]!) byKey.set(`${label}:${r[VOCABULARY[label].key] as string}`, r);
    let lastVertex = -1;
    let firstEdge = Infinity;
    elements.forEach((m, i) => {
      if (m[1] === 'node') lastVertex = i;
      else firstEdge = Math.min(firstEdge, i);
      const data = new Map(
        [...m[5]!.matchAll(/<data key="([^"]+)">([^<]*)<\/data>/g)].map((d) => [
          d[1]!,
          unescape(d[2]!),
        ]),
      );
      for (const key of data.keys()) expect(keys.has(key), key).toBe(true);
      const label = data.get(m[1] === 'node' ? 'labelV' : 'labelE')!;
      seen[label] = (seen[label] ?? 0) + 1;
      if (label === 'pattern' || label === 'involves') return;
      const id = m[1] === 'node' ? m[2]! : m[2]!.slice(label.length + 1);
      const row = byKey.get(`${label}:${id}`)!;
      expect(row, `${label} ${id}`).toBeDefined();
      if (m[1] === 'edge') expect([m[3], m[4]]).toEqual([row['from_id'], row['to_id']]);
      const prefix = m[1] === 'node' ? 'v' : 'e';
      const kinds = VOCABULARY[label as keyof typeof VOCABULARY].shape as Record<
        string,
        { kind: PropertyKind }
      >;
      for (const [column, want] of Object.entries(row)) {
        if (column === 'from_id' || column === 'to_id') continue;
        const got = data.get(`${prefix}.${column}`);
        const kind = kinds[column]?.kind;
        if (want === null) expect(got, column).toBeUndefined();
        else if (kind === 'timestamp') expect(Number(got)).toBe(Date.parse(want as string));
        else if (typeof want === 'object') expect(JSON.parse(got!)).toEqual(want);
        else expect(got, `${label} ${id} ${column}`).toBe(String(want as string | number));
      }
      if (isEventLabel(label as (typeof LABELS)[number]))
        expect(data.has(`${prefix}.is_laundering`)).toBe(true);
    });
    expect(lastVertex).toBeLessThan(firstEdge);
    for (const label of LABELS) expect(seen[label] ?? 0, label).toBe(manifest.counts[label] ?? 0);
    expect(seen['pattern']).toBe(patterns.length);
    expect(keys.get('v.window_start')).toBe('long');
    expect(keys.get('e.amount')).toBe('double');
  });
});

describe('pyg', () => {
  it('nodes, edge_index, labels and temporal masks by whole days', async () => {
    const nodes = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(out, 'pyg/nodes.parquet')),
    })) as Row[];
    const edges = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(out, 'pyg/edges.parquet')),
    })) as Row[];
    const accounts = rows['account']!;
    expect(nodes.map((n) => n['account_id'])).toEqual(accounts.map((a) => a['account_id']));
    expect(nodes.map((n) => Number(n['node_index']))).toEqual(accounts.map((_, i) => i));
    const index = new Map(accounts.map((a, i) => [a['account_id'] as string, i]));
    const transfers = rows['transfer']!;
    expect(edges).toHaveLength(transfers.length);
    const crimes = new Map(
      eventLabels.filter((e) => e.label === 'transfer').map((e) => [e.event_id, e.pattern_ids]),
    );
    const splitOfDay = new Map<number, number>();
    const patternSplits = new Map<string, Set<number>>();
    edges.forEach((e, i) => {
      const t = transfers[i]!;
      expect(e['transaction_id']).toBe(t['transaction_id']);
      expect(Number(e['src'])).toBe(index.get(t['from_id'] as string));
      expect(Number(e['dst'])).toBe(index.get(t['to_id'] as string));
      expect(e['num_amount']).toBe(t['amount']);
      const ids = crimes.get(t['transaction_id'] as string);
      expect(e['y']).toBe(ids ? 1 : 0);
      const masks = [e['train_mask'], e['val_mask'], e['test_mask']];
      expect(masks.filter(Boolean)).toHaveLength(1);
      const split = masks.indexOf(true);
      const day = e['day'] as number;
      if (splitOfDay.has(day)) expect(splitOfDay.get(day), `day ${day}`).toBe(split);
      splitOfDay.set(day, split);
      const instance = [e['instance_train_mask'], e['instance_val_mask'], e['instance_test_mask']];
      expect(instance.filter(Boolean)).toHaveLength(1);
      for (const id of ids ?? []) {
        const set = patternSplits.get(id) ?? new Set();
        set.add(instance.indexOf(true));
        patternSplits.set(id, set);
      }
    });
    // Splits follow each other in time.
    const days = [...splitOfDay.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(3);
    // The instance split keeps every crime on one side.
    for (const [id, splits] of patternSplits) expect(splits.size, id).toBe(1);
    const meta = JSON.parse(await readFile(join(out, 'pyg/meta.json'), 'utf8'));
    const train = meta.split.temporal.train.edges / transfers.length;
    expect(train).toBeGreaterThan(0.5);
    expect(train).toBeLessThan(0.7);
    for (const name of [...meta.edge_features.numeric, ...meta.edge_features.categorical])
      expect(edges[0]).toHaveProperty(name);
    expect(meta.edge_features.categorical).not.toContain('cat_transaction_id');
  });
});

describe('determinism of the exports', () => {
  const bank = (values: Record<string, unknown>) =>
    configOf({
      transactionCount: 2_500,
      communicationCount: 300,
      documentCount: 400,
      formats: ['jsonl', ...EXPORTS],
      withLabels: true,
      ...values,
    });

  it('batch sizes 1 and 10000 and 2 workers write the same bytes', async () => {
    const base = join(scratch, 'd-base');
    await generate({ config: bank({ batchSize: 10_000 }), outDir: base });
    const one = join(scratch, 'd-one');
    await generate({ config: bank({ batchSize: 1 }), outDir: one });
    const workers = join(scratch, 'd-workers');
    await generate({ config: bank({ numWorkers: 2 }), outDir: workers });
    const files = await outputFiles(base);
    expect(
      [...files.keys()].filter((f) => EXPORTS.some((e) => f.startsWith(`${e}/`))).length,
    ).toBeGreaterThan(20);
    expect(differingFiles(files, await outputFiles(one))).toEqual([]);
    expect(differingFiles(files, await outputFiles(workers))).toEqual([]);
  });

  it('three shards merged equal the unsharded run, exports included', async () => {
    const whole = join(scratch, 's-whole');
    await generate({ config: bank({}), outDir: whole });
    const parts = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const dir = join(scratch, `s-part-${i}`);
        await generate({ config: bank({ shard: `${i}/3` }), outDir: dir });
        return dir;
      }),
    );
    // A part writes only its table formats.
    expect((await readdir(parts[1]!)).filter((n) => EXPORTS.includes(n))).toEqual([]);
    const merged = join(scratch, 's-merged');
    await mergeShards({ shards: parts, outDir: merged });
    expect(differingFiles(await outputFiles(whole), await outputFiles(merged))).toEqual([]);
  });
});
