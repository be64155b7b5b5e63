// Generation overhead: time writing pre-built records (held in memory) with the same file sink,
// against generating and writing them in one pass. Same process, alternating, best of N.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileSink, generateBatches, generate, planRun, resolveConfig } from '../../dist/index.js';

const preset = process.argv[2] ?? 'complete';
const rounds = Number(process.argv[3] ?? 3);
const config = resolveConfig({ preset, layers: [] });
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-overhead-'));
const prebuilt = [];
for await (const batch of generateBatches(planRun(config), { batchSize: config.batchSize }))
  prebuilt.push(batch);

let writeOnly = Infinity;
let generateAndWrite = Infinity;
for (let round = 0; round < rounds; round++) {
  const dirA = join(scratch, `prebuilt-${round}`);
  await rm(dirA, { recursive: true, force: true });
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dirA);
  let started = performance.now();
  const sink = new FileSink(dirA, 'jsonl', () => performance.now());
  for (const batch of prebuilt) await sink.write(batch);
  await sink.close();
  writeOnly = Math.min(writeOnly, performance.now() - started);

  started = performance.now();
  await generate({ config, outDir: join(scratch, `generated-${round}`), overwrite: true });
  generateAndWrite = Math.min(generateAndWrite, performance.now() - started);
}
await rm(scratch, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    preset,
    writeOnlyMs: writeOnly,
    generateAndWriteMs: generateAndWrite,
    ratio: generateAndWrite / writeOnly,
  }) + '\n',
);
