import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationConfig, TableFormat } from '../../src/config/index.js';
import { SchemaError } from '../../src/errors.js';
import {
  EDGE_LABELS,
  labelTable,
  VERTEX_LABELS,
  type GraphBatch,
  type GraphRecord,
  type GroundTruth,
} from '../../src/model/index.js';
import { generate } from '../../src/orchestration/generate.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';
import { csvReader } from '../../src/sources/csv-reader.js';
import { jsonReader } from '../../src/sources/json-reader.js';
import { jsonlReader } from '../../src/sources/jsonl-reader.js';
import type { OutputManifest } from '../../src/output/index.js';
import { readOutputDirectory, type ReadOutputOptions } from '../../src/sources/index.js';
import { chooseFormat } from '../../src/sources/source-format.js';
import type { RowChunk, TableReader } from '../../src/sources/table-reader.js';
import { configOf } from '../helpers/collect.js';

const FORMATS: readonly TableFormat[] = ['jsonl', 'json', 'csv', 'parquet'];
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-sources-'));
const out = join(scratch, 'all-formats');
const config: GenerationConfig = configOf('tiny', {
  formats: [...FORMATS],
  muleChainPatterns: 2,
});
let expected: { records: GraphRecord[]; truth: GroundTruth };

/** What the generator produces, in stream order, and the ground truth it returns. */
async function generatedRun(): Promise<{ records: GraphRecord[]; truth: GroundTruth }> {
  const stream = generateBatches(planRun(config), { batchSize: config.batchSize });
  const records: GraphRecord[] = [];
  let next = await stream.next();
  while (next.done !== true) {
    records.push(...next.value.vertices, ...next.value.edges);
    next = await stream.next();
  }
  return { records, truth: next.value };
}

/** The generator's records in the order files are replayed: vertex labels, then edge labels. */
function inReplayOrder(records: readonly GraphRecord[]): GraphRecord[] {
  return [...VERTEX_LABELS, ...EDGE_LABELS].flatMap((label) =>
    records.filter((record) => record.label === label),
  );
}

async function readBack(directory: string, options: ReadOutputOptions = {}) {
  const source = await readOutputDirectory(directory, options);
  const stream = source.batches();
  const batches: GraphBatch[] = [];
  let next = await stream.next();
  while (next.done !== true) {
    batches.push(next.value);
    next = await stream.next();
  }
  return { source, batches, truth: next.value };
}

/** A copy of the generated directory, to damage. */
async function copyOfOutput(name: string): Promise<string> {
  const copy = join(scratch, name);
  await cp(out, copy, { recursive: true });
  return copy;
}

/** Replaces a file and records its new size and SHA-256 in the manifest (a valid-looking edit). */
async function rewriteListed(directory: string, path: string, content: string | Buffer) {
  await writeFile(join(directory, path), content);
  const bytes = Buffer.from(content);
  const manifestPath = join(directory, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as OutputManifest;
  const entry = manifest.files.find((file) => file.path === path)!;
  Object.assign(entry, {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
}

/** Reads an async iterable to its end. */
async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  const iterator = iterable[Symbol.asyncIterator]();
  while ((await iterator.next()).done !== true);
}

beforeAll(async () => {
  await generate({ config, outDir: out });
  expected = await generatedRun();
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('readOutputDirectory replays the generated stream', () => {
  it('the sample has ground truth and every label', () => {
    expect(expected.truth.patterns.length).toBeGreaterThan(0);
    expect(expected.truth.eventLabels.length).toBeGreaterThan(0);
    for (const label of [...VERTEX_LABELS, ...EDGE_LABELS])
      expect(
        expected.records.some((r) => r.label === label),
        label,
      ).toBe(true);
  });

  it.each(FORMATS)(
    '%s: same records, properties in the same order, same ground truth',
    async (format) => {
      const batchSize = 37;
      const { source, batches, truth } = await readBack(out, { format, batchSize });
      expect(source.format).toBe(format);
      expect(source.manifest.total_records).toBe(expected.records.length);
      const records = batches.flatMap((batch) => [...batch.vertices, ...batch.edges]);
      const want = inReplayOrder(expected.records);
      expect(records).toHaveLength(want.length);
      records.forEach((record, i) => {
        const generated = want[i]!;
        expect(record, `${format} record ${i} (${generated.label} ${generated.id})`).toStrictEqual(
          generated,
        );
        expect(Object.keys(record.properties), `${generated.label} ${generated.id}`).toEqual(
          Object.keys(generated.properties),
        );
      });
      expect(truth).toStrictEqual(expected.truth);
      // Batches: numbered in order, exactly batchSize elements but the last.
      batches.forEach((batch, i) => {
        expect(batch.seq).toBe(i);
        const size = batch.vertices.length + batch.edges.length;
        if (i < batches.length - 1) expect(size).toBe(batchSize);
        else expect(size).toBeGreaterThan(0);
        expect(size).toBeLessThanOrEqual(batchSize);
      });
    },
  );

  it('every edge comes after both its endpoints', async () => {
    const { batches } = await readBack(out, { batchSize: 50 });
    const seen = new Set<string>();
    for (const batch of batches) {
      for (const vertex of batch.vertices) seen.add(vertex.id);
      for (const edge of batch.edges) {
        expect(seen.has(edge.outV), `${edge.label} ${edge.id} outV ${edge.outV}`).toBe(true);
        expect(seen.has(edge.inV), `${edge.label} ${edge.id} inV ${edge.inV}`).toBe(true);
      }
    }
  });

  it('picks jsonl, then parquet, then csv, then json', async () => {
    expect((await readOutputDirectory(out)).format).toBe('jsonl');
    const manifest = JSON.parse(
      await readFile(join(out, 'manifest.json'), 'utf8'),
    ) as OutputManifest;
    const only = (formats: string[]) => ({
      ...manifest,
      files: manifest.files.filter((file) => formats.includes(file.format)),
    });
    expect(chooseFormat(only(['json', 'csv', 'parquet']), undefined, out)).toBe('parquet');
    expect(chooseFormat(only(['json', 'csv']), undefined, out)).toBe('csv');
    expect(chooseFormat(only(['json']), undefined, out)).toBe('json');
    expect(() => chooseFormat(only(['json']), 'csv', out)).toThrow(/csv.*has no files/);
  });

  it('a run without ground truth replays with empty ground truth', async () => {
    const directory = join(scratch, 'no-truth');
    await generate({
      config: configOf('tiny', { formats: ['csv'], includeGroundTruth: false }),
      outDir: directory,
    });
    const { source, truth, batches } = await readBack(directory);
    expect(source.format).toBe('csv');
    expect(truth).toEqual({ patterns: [], eventLabels: [] });
    expect(batches.length).toBeGreaterThan(0);
  });
});

describe('readOutputDirectory refuses what it cannot trust', () => {
  it('stops when the signal aborts, and refuses a batch size below 1', async () => {
    const controller = new AbortController();
    const source = await readOutputDirectory(out, { batchSize: 10, signal: controller.signal });
    const stream = source.batches();
    expect((await stream.next()).done).toBe(false);
    controller.abort(new Error('stopped by the test'));
    await expect(drain(stream)).rejects.toThrow('stopped by the test');
    await expect(readOutputDirectory(out, { signal: controller.signal })).rejects.toThrow(
      'stopped by the test',
    );
    await expect(readOutputDirectory(out, { batchSize: 0 })).rejects.toThrow(
      'batchSize: 0 must be a whole number ≥ 1',
    );
  });

  it('a directory without manifest.json', async () => {
    const directory = await copyOfOutput('no-manifest');
    await unlink(join(directory, 'manifest.json'));
    await expect(readOutputDirectory(directory)).rejects.toThrow(/manifest\.json.*ENOENT/);
  });

  it.each(['transfers.jsonl', 'persons.csv', 'accounts.parquet', 'ground_truth/patterns.json'])(
    'a file with one byte changed: %s',
    async (path) => {
      const directory = await copyOfOutput(`tampered-${path.replace(/\W/g, '-')}`);
      const bytes = await readFile(join(directory, path));
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 1;
      await writeFile(join(directory, path), bytes);
      const format = path.slice(path.lastIndexOf('.') + 1) as TableFormat;
      const manifest = JSON.parse(
        await readFile(join(directory, 'manifest.json'), 'utf8'),
      ) as OutputManifest;
      const listed = manifest.files.find((file) => file.path === path)!;
      const actual = createHash('sha256').update(bytes).digest('hex');
      const refusal = readOutputDirectory(directory, { format });
      await expect(refusal).rejects.toThrow(path);
      await expect(refusal).rejects.toThrow(
        `SHA-256 ${actual}, manifest.json lists ${listed.sha256}`,
      );
    },
  );

  it('a truncated file, by its size', async () => {
    const directory = await copyOfOutput('truncated');
    const bytes = await readFile(join(directory, 'transfers.jsonl'));
    await writeFile(join(directory, 'transfers.jsonl'), bytes.subarray(0, bytes.length - 10));
    await expect(readOutputDirectory(directory)).rejects.toThrow(
      `transfers.jsonl: size ${bytes.length - 10} bytes, manifest.json lists ${bytes.length} bytes`,
    );
  });

  it('a listed file that is missing', async () => {
    const directory = await copyOfOutput('missing-file');
    await unlink(join(directory, 'logins.parquet'));
    await expect(readOutputDirectory(directory, { format: 'parquet' })).rejects.toThrow(
      /logins\.parquet: listed in manifest\.json .* cannot be read \(ENOENT\)/,
    );
  });

  it('a manifest whose counts disagree with its files', async () => {
    const directory = await copyOfOutput('bad-counts');
    const manifest = JSON.parse(
      await readFile(join(directory, 'manifest.json'), 'utf8'),
    ) as OutputManifest;
    manifest.counts['transfer'] = (manifest.counts['transfer'] ?? 0) + 1;
    await writeFile(join(directory, 'manifest.json'), JSON.stringify(manifest));
    await expect(readOutputDirectory(directory)).rejects.toThrow(/counts \d+ transfer records/);
  });

  it('a JSONL row that breaks its schema names file, line, field and value', async () => {
    const directory = await copyOfOutput('bad-jsonl');
    const lines = (await readFile(join(directory, 'transfers.jsonl'), 'utf8')).split('\n');
    lines[2] = JSON.stringify({ ...JSON.parse(lines[2]!), amount: 'lots' });
    await rewriteListed(directory, 'transfers.jsonl', lines.join('\n'));
    const source = await readOutputDirectory(directory);
    await expect(drain(source.batches())).rejects.toThrow(SchemaError);
    await expect(drain(source.batches())).rejects.toThrow(
      /transfers\.jsonl line 3: field amount: value "lots" does not match the transfer schema/,
    );
  });

  it('an edge endpoint of the wrong label is refused', async () => {
    const directory = await copyOfOutput('bad-endpoint');
    const lines = (await readFile(join(directory, 'owns.jsonl'), 'utf8')).split('\n');
    lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), to_id: 'PER00000001' });
    await rewriteListed(directory, 'owns.jsonl', lines.join('\n'));
    const source = await readOutputDirectory(directory);
    await expect(drain(source.batches())).rejects.toThrow(
      /owns\.jsonl line 1: field to_id: value "PER00000001" is not the id of a account vertex/,
    );
  });

  it('a CSV cell that breaks its schema names file, line, field and value', async () => {
    const directory = await copyOfOutput('bad-csv');
    const table: string[][] = parse(await readFile(join(directory, 'accounts.csv'), 'utf8'));
    const column = table[0]!.indexOf('opened_date');
    expect(column).toBeGreaterThanOrEqual(0);
    table[4]![column] = 'yesterday';
    await rewriteListed(directory, 'accounts.csv', stringify(table));
    const source = await readOutputDirectory(directory, { format: 'csv' });
    await expect(drain(source.batches())).rejects.toThrow(
      /accounts\.csv line 5: field opened_date: value "yesterday" does not match/,
    );
  });

  it('a JSON array that is not closed', async () => {
    const path = join(scratch, 'open.json');
    const rows = (await readFile(join(out, 'devices.json'), 'utf8')).split('\n');
    await writeFile(path, rows.slice(0, 3).join('\n'));
    await expect(drain(jsonReader.read(path, labelTable('device')))).rejects.toThrow(
      /open\.json: ends at line 3 without closing the JSON array/,
    );
  });
});

describe('readers stream: rows arrive before the file is complete', () => {
  /**
   * Feeds `head` into a named pipe, checks that the reader yields the first row while the writer
   * still holds the rest back, then sends the rest. A reader that read the whole file first would
   * wait forever here.
   */
  async function firstRowsBeforeEnd(
    reader: TableReader,
    stem: string,
    extension: string,
    headLines: number,
  ) {
    const text = await readFile(join(out, `${stem}.${extension}`), 'utf8');
    const lines = text.split('\n');
    const head = lines.slice(0, headLines).join('\n') + '\n';
    const rest = lines.slice(headLines).join('\n');
    const fifo = join(scratch, `pipe-${extension}`);
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.write(head);
    const rows = reader.read(fifo, labelTable('transfer'));
    const first = await Promise.race([
      rows.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => {
          reject(new Error(`${extension}: no row before the end of the file`));
        }, 5_000),
      ),
    ]);
    expect(first.done).toBe(false);
    const chunk = first.value as RowChunk;
    const transfers = expected.records.filter((r) => r.label === 'transfer');
    expect(chunk.rows[0]?.['transaction_id']).toBe(transfers[0]?.id);
    let total = chunk.rows.length;
    writer.end(rest);
    for await (const more of rows) total += more.rows.length;
    expect(total).toBe(transfers.length);
    await unlink(fifo);
  }

  it('JSONL', () => firstRowsBeforeEnd(jsonlReader, 'transfers', 'jsonl', 2));
  it('JSON array', () => firstRowsBeforeEnd(jsonReader, 'transfers', 'json', 3));
  it('CSV', () => firstRowsBeforeEnd(csvReader, 'transfers', 'csv', 3));
});
