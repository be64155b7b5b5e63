// Worker threads and shards change who generates what, never the bytes: the whole output of
// --workers 2 and 4, and of three shards merged, equals the sequential run's, on random seeds.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig, type GenerationConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { generate } from '../../src/orchestration/generate.js';
import { mergeShards } from '../../src/orchestration/merge-shards.js';
import type { GraphRecord } from '../../src/model/index.js';
import { readOutputDirectory } from '../../src/sources/index.js';
import { randomSeeds } from '../helpers/collect.js';
import { differingFiles, outputFiles } from '../helpers/output-files.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-scale-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

// amlworld: its Is Laundering column comes from shard 0's ground truth when merged (no --with-labels).
const FORMATS = ['jsonl', 'json', 'csv', 'parquet', 'amlworld'];

/** `small` with its typology mix and fewer background events, so each run takes about a second. */
function bankOf(seed: number, run: Record<string, unknown> = {}): GenerationConfig {
  return resolveConfig({
    preset: 'small',
    layers: [
      {
        source: 'flag',
        values: {
          seed,
          transactionCount: 6_000,
          communicationCount: 1_500,
          documentCount: 800,
          formats: FORMATS,
          ...run,
        },
      },
    ],
  });
}

async function generateInto(name: string, config: GenerationConfig): Promise<string> {
  const out = join(scratch, name);
  await generate({ config, outDir: out });
  return out;
}

/** Every record of an output directory, read back through the library. */
async function recordsOf(dir: string): Promise<GraphRecord[]> {
  const records: GraphRecord[] = [];
  const stream = (await readOutputDirectory(dir)).batches();
  for (let step = await stream.next(); step.done !== true; step = await stream.next()) {
    records.push(...step.value.vertices, ...step.value.edges);
  }
  return records;
}

describe('worker threads', () => {
  for (const seed of randomSeeds(2)) {
    it(`--workers 2 and 4 write the same bytes as --workers 1, every format (seed ${seed})`, async () => {
      const one = await outputFiles(await generateInto(`w1-${seed}`, bankOf(seed)));
      expect(one.size).toBeGreaterThan(60);
      for (const workers of [2, 4]) {
        const many = await generateInto(
          `w${workers}-${seed}`,
          bankOf(seed, { numWorkers: workers }),
        );
        expect(differingFiles(one, await outputFiles(many)), `--workers ${workers}`).toEqual([]);
      }
    });
  }

  it('an aborted parallel run rejects and leaves no output', async () => {
    const controller = new AbortController();
    const out = join(scratch, 'aborted');
    const run = generate({
      config: bankOf(1, { numWorkers: 2, transactionCount: 200_000 }),
      outDir: out,
      onProgress: () => {
        controller.abort(new Error('interrupted'));
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('interrupted');
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });
});

describe('shards', () => {
  for (const seed of randomSeeds(2)) {
    it(`three shards merged are byte for byte the unsharded output (seed ${seed})`, async () => {
      const whole = await outputFiles(await generateInto(`whole-${seed}`, bankOf(seed)));
      const parts = await Promise.all(
        [2, 0, 1].map((i) =>
          generateInto(`part-${i}-${seed}`, bankOf(seed, { shard: `${i}/3`, numWorkers: i + 1 })),
        ),
      );
      const merged = join(scratch, `merged-${seed}`);
      await mergeShards({ shards: parts, outDir: merged });
      expect(differingFiles(whole, await outputFiles(merged))).toEqual([]);
    });

    it(`shard ids never collide and every edge's endpoints exist in some shard (seed ${seed})`, async () => {
      const parts = await Promise.all(
        [0, 1, 2].map((i) =>
          generateInto(`refs-${i}-${seed}`, bankOf(seed, { shard: `${i}/3`, formats: ['jsonl'] })),
        ),
      );
      const shards = await Promise.all(parts.map((dir) => recordsOf(dir)));
      const vertices = new Set<string>();
      const edges = new Set<string>();
      for (const records of shards) {
        for (const r of records) {
          const ids = 'outV' in r ? edges : vertices;
          expect(ids.has(`${r.label}:${r.id}`), `${r.label} ${r.id} in two shards`).toBe(false);
          ids.add(`${r.label}:${r.id}`);
        }
      }
      const ids = new Set([...vertices].map((key) => key.slice(key.indexOf(':') + 1)));
      const dangling = shards
        .flat()
        .filter((r) => 'outV' in r && !(ids.has(r.outV) && ids.has(r.inV)));
      expect(dangling.slice(0, 3)).toEqual([]);
      // The split is real: some edges of a later shard point at vertices shard 0 wrote.
      const shard0 = new Set(shards[0]?.map((r) => r.id));
      const crossing = (shards[2] ?? []).filter((r) => 'outV' in r && shard0.has(r.outV));
      expect(crossing.length).toBeGreaterThan(0);
    });
  }

  it('only shard 0 writes the ground truth; the others say which part they are', async () => {
    const dir = await generateInto('gt-1', bankOf(3, { shard: '1/2' }));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.shard).toEqual({ index: 1, count: 2 });
    expect(manifest.config.shard).toBeUndefined();
    expect(manifest.files.some((f: { path: string }) => f.path.startsWith('ground_truth'))).toBe(
      false,
    );
  });

  it('merge refuses parts of different runs, a missing part and a repeated part', async () => {
    const a0 = await generateInto('m-a0', bankOf(5, { shard: '0/2', formats: ['jsonl'] }));
    const a1 = await generateInto('m-a1', bankOf(5, { shard: '1/2', formats: ['jsonl'] }));
    const b1 = await generateInto('m-b1', bankOf(6, { shard: '1/2', formats: ['jsonl'] }));
    const out = join(scratch, 'm-out');
    await expect(mergeShards({ shards: [a0, b1], outDir: out })).rejects.toThrow(
      /shards must share seed and config/,
    );
    await expect(mergeShards({ shards: [a0], outDir: out })).rejects.toThrow(
      /is part 0 of 2, but 1 directories were given/,
    );
    await expect(mergeShards({ shards: [a1, a1], outDir: out })).rejects.toThrow(/repeats part 1/);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('a bad --shard names the field, the value and the rule', () => {
    for (const shard of ['3/3', '1', '-1/2', '0/0', 'a/b']) {
      expect(() => bankOf(1, { shard })).toThrow(ConfigError);
      expect(() => bankOf(1, { shard })).toThrow(/must be I\/N with 0 ≤ I < N/);
    }
  });
});
