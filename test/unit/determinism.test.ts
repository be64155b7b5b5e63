import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/orchestration/generate.js';
import { planRun } from '../../src/orchestration/plan.js';
import { configOf } from '../helpers/collect.js';
import { outputFiles } from '../helpers/output-files.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-determinism-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('determinism', () => {
  it('same seed and config give byte-identical files for batch sizes 1, 7 and 10000, in every format', async () => {
    const runs: Map<string, Buffer>[] = [];
    for (const batchSize of [1, 7, 10_000]) {
      const out = join(scratch, `batch-${batchSize}`);
      await generate({
        config: configOf('tiny', { batchSize, formats: ['jsonl', 'json', 'csv', 'parquet'] }),
        outDir: out,
      });
      runs.push(await outputFiles(out));
    }
    const [first, ...rest] = runs;
    expect(first?.size).toBeGreaterThan(18 * 4);
    for (const other of rest) {
      expect([...other.keys()]).toEqual([...(first?.keys() ?? [])]);
      for (const [name, bytes] of other)
        expect(bytes.equals(first?.get(name) ?? Buffer.alloc(0)), `${name} differs`).toBe(true);
    }
  });

  it('a different seed gives different data', async () => {
    const a = join(scratch, 'seed-1');
    const b = join(scratch, 'seed-2');
    await generate({ config: configOf('tiny', { seed: 1 }), outDir: a });
    await generate({ config: configOf('tiny', { seed: 2 }), outDir: b });
    expect(
      (await readFile(join(a, 'persons.jsonl'))).equals(await readFile(join(b, 'persons.jsonl'))),
    ).toBe(false);
  });

  it('the manifest lists every file with its checksum and no wall-clock time', async () => {
    const out = join(scratch, 'manifest');
    await generate({ config: configOf('tiny'), outDir: out });
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const { createHash } = await import('node:crypto');
    for (const file of manifest.files) {
      const bytes = await readFile(join(out, file.path));
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }
    // Background transfers plus the typologies' (tiny hosts one instance of each).
    expect(manifest.counts.transfer).toBe(
      planRun(configOf('tiny')).patterns.layouts.transfer.total,
    );
    expect(JSON.stringify(manifest)).not.toMatch(/generation_time|elapsed|started/);
  });
});
