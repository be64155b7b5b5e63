// Faults an operator meets with the shared servers up: two loaders at once, a killed loader and a
// graph that lost what the checkpoint says landed, SIGTERM. Counts are read back independently.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { VOCABULARY, type Label } from '../../src/model/index.js';
import { planRun } from '../../src/orchestration/plan.js';
import { CLI, type CliResult } from '../helpers/cli.js';
import {
  clearGraph,
  dropIndexes,
  indexPrefix,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
  OPENSEARCH_URL,
} from './backends.js';

const prefix = indexPrefix(import.meta.url);
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-load-faults-'));
/** About 8k elements: long enough for two loaders to overlap, short for the suite. */
const DATASET = ['--preset', 'tiny', '--seed', '11', '--transaction-count', '8000'];
/** Its transfers: the 8,000 background ones and those of the crimes tiny hides. */
const TRANSFERS = planRun(
  resolveConfig({
    preset: 'tiny',
    layers: [{ source: 'flag', values: { seed: 11, transactionCount: 8_000 } }],
  }),
).patterns.layouts.transfer.total;
const env = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') };

interface Running {
  readonly child: ReturnType<typeof spawn>;
  readonly done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

function start(args: readonly string[]): Running {
  const child = spawn(process.execPath, [CLI, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (status, signal) => {
      resolve({ status, signal, stdout, stderr });
    });
  });
  return { child, done };
}

async function waitFor(what: string, test: () => Promise<boolean> | boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const EDGE_LABELS = (Object.keys(VOCABULARY) as Label[]).filter(
  (label) => VOCABULARY[label].kind === 'edge',
);

/** Per edge label: edges in the graph, and distinct business keys among them. */
async function edgesByKey(): Promise<Record<string, { edges: number; keys: number }>> {
  const jg = await janusgraph();
  try {
    const out: Record<string, { edges: number; keys: number }> = {};
    for (const label of EDGE_LABELS) {
      const key = VOCABULARY[label].key;
      const [edges, keys] = (
        await jg.client.submit(
          '[g.E().hasLabel(l).count().next(), g.E().hasLabel(l).values(k).dedup().count().next()]',
          { l: label, k: key },
        )
      ).toArray() as number[];
      out[label] = { edges: Number(edges), keys: Number(keys) };
    }
    return out;
  } finally {
    await jg.close();
  }
}

const backends = [
  '--janusgraph',
  JANUSGRAPH_URL,
  '--opensearch',
  OPENSEARCH_URL,
  '--index-prefix',
  prefix,
];

beforeEach(async () => {
  const jg = await janusgraph();
  await clearGraph(jg);
  await jg.close();
  const os = await opensearch();
  await dropIndexes(os, prefix);
  await os.close();
});

afterAll(async () => {
  const os = await opensearch();
  await dropIndexes(os, prefix);
  await os.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('two loaders of one graph at once', () => {
  it('refuses the second with who holds the graph; the first ends exact, no edge doubled', async () => {
    // JanusGraph only: OpenSearch upserts by _id, and it is JanusGraph's edges that doubled.
    const graph = ['--janusgraph', JANUSGRAPH_URL, '--quiet'];
    const a = start(['generate', ...DATASET, ...graph]);
    const b = start(['generate', ...DATASET, ...graph]);
    const results = await Promise.all([a.done, b.done]);
    const refused = results.filter((r) => r.status !== 0);
    expect(refused, results.map((r) => r.stderr).join('\n')).toHaveLength(1);
    expect(refused[0]?.status).toBe(1);
    expect(refused[0]?.stderr).toMatch(
      /another fingraph is loading this graph \(pid \d+ on .+\); two loaders of the same data would write every edge twice/,
    );
    const byKey = await edgesByKey();
    expect(byKey['transfer']?.edges).toBe(TRANSFERS);
    for (const [label, { edges, keys }] of Object.entries(byKey))
      expect(edges, `${label}: one edge per business key`).toBe(keys);
  });
});

describe('--resume', () => {
  it('after a killed loader, takes its lease over at once and ends exact', async () => {
    const checkpoint = join(scratch, 'killed.json');
    const first = start([
      'generate',
      ...DATASET,
      '--janusgraph',
      JANUSGRAPH_URL,
      '--checkpoint',
      checkpoint,
      '--load-batch-size',
      '200',
      '--quiet',
    ]);
    await waitFor('a checkpoint', () => existsSync(checkpoint));
    first.child.kill('SIGKILL');
    await first.done;
    const resumed = start([
      'generate',
      ...DATASET,
      '--janusgraph',
      JANUSGRAPH_URL,
      '--checkpoint',
      checkpoint,
      '--resume',
      '--quiet',
    ]);
    const result = await resumed.done;
    expect(result.status, result.stderr).toBe(0);
    expect((await edgesByKey())['transfer']).toEqual({ edges: TRANSFERS, keys: TRANSFERS });
  });

  it('starts over, saying so, when the graph no longer holds what the checkpoint says landed', async () => {
    const checkpoint = join(scratch, 'lost.json');
    const first = start([
      'generate',
      ...DATASET,
      '--janusgraph',
      JANUSGRAPH_URL,
      '--checkpoint',
      checkpoint,
      '--load-batch-size',
      '200',
      '--quiet',
    ]);
    await waitFor('a checkpoint', () => existsSync(checkpoint));
    first.child.kill('SIGKILL');
    await first.done;
    // What an in-memory server that restarted looks like: an empty graph, marker and lease gone.
    const jg = await janusgraph();
    await clearGraph(jg);
    await jg.close();
    const resumed = start([
      'generate',
      ...DATASET,
      '--janusgraph',
      JANUSGRAPH_URL,
      '--checkpoint',
      checkpoint,
      '--resume',
      '--quiet',
    ]);
    const result = await resumed.done;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/the graph no longer holds them .*starting the load over/);
    expect((await edgesByKey())['transfer']).toEqual({ edges: TRANSFERS, keys: TRANSFERS });
  });
});

describe('SIGTERM', () => {
  it('stops like Ctrl-C: exit 130, no staging directory, index settings put back', async () => {
    const out = join(scratch, 'term-out');
    const run = start([
      'generate',
      '--preset',
      'tiny',
      '--seed',
      '11',
      '--transaction-count',
      '60000',
      '--opensearch',
      OPENSEARCH_URL,
      '--index-prefix',
      prefix,
      '--out',
      out,
      '--quiet',
    ]);
    const os = await opensearch();
    try {
      const relaxed = async () => {
        const answer = await os.client.indices
          .getSettings({ index: `${prefix}transfers`, flat_settings: true })
          .catch(() => undefined);
        const body = answer?.body as
          Record<string, { settings?: Record<string, string> } | undefined> | undefined;
        const settings = body?.[`${prefix}transfers`]?.settings;
        return settings?.['index.refresh_interval'] === '-1';
      };
      await waitFor('the load to relax the index settings', relaxed);
      run.child.kill('SIGTERM');
      const result = await run.done;
      expect(result.status, result.stderr).toBe(130);
      expect(await relaxed()).toBe(false);
      expect((await readdir(scratch)).filter((name) => name.includes('fingraph-partial'))).toEqual(
        [],
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      await os.close();
    }
  });
});

describe('--json on failure', () => {
  it('prints the report, with the error, when the load is refused', async () => {
    const first = start(['generate', ...DATASET, ...backends, '--quiet']);
    expect((await first.done).status).toBe(0);
    const other = start(['generate', '--preset', 'tiny', '--seed', '12', ...backends, '--json']);
    const result = await other.done;
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as { ok: boolean; error: string; dropped: unknown[] };
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/already holds another dataset.*--clear/);
    expect(report.dropped).toEqual([]);
  });
});
