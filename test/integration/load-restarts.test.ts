// Servers that restart or push back mid-load. This file runs its own JanusGraph and OpenSearch
// (scripts/backends, local mode, on ports of their own, OpenSearch with a write queue of 1 so it
// answers 429 under load), because it stops and starts them; the shared servers stay untouched.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { planRun } from '../../src/orchestration/plan.js';
import { connectJanusGraph } from '../../src/backends/janusgraph/connection.js';
import { connectOpenSearch } from '../../src/backends/opensearch/connection.js';
import { CLI, type CliResult } from '../helpers/cli.js';

const BACKENDS = fileURLToPath(new URL('../../scripts/backends', import.meta.url));
const JG_PORT = Number(process.env['FAULT_JANUSGRAPH_PORT'] ?? 8193);
const OS_PORT = Number(process.env['FAULT_OPENSEARCH_PORT'] ?? 9211);
const JANUSGRAPH = `ws://127.0.0.1:${JG_PORT}/gremlin`;
const OPENSEARCH = `http://127.0.0.1:${OS_PORT}`;
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-load-restarts-'));
const serverEnv = {
  ...process.env,
  FINGRAPH_BACKENDS_MODE: 'local',
  // A state directory of its own, kept between runs so Maven is not asked again.
  FINGRAPH_BACKENDS_HOME: join(homedir(), '.cache', 'fingraph', 'fault-backends'),
  JANUSGRAPH_PORT: String(JG_PORT),
  OPENSEARCH_PORT: String(OS_PORT),
  JANUSGRAPH_HEAP: '1g',
  OPENSEARCH_HEAP: '512m',
  OPENSEARCH_WRITE_QUEUE_SIZE: '1',
};
const cliEnv = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') };

function backends(command: 'up' | 'down', which?: 'janusgraph' | 'opensearch'): void {
  execFileSync(BACKENDS, [command, ...(which ? [which] : [])], {
    env: serverEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}

function start(args: readonly string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
  return { child, done };
}

async function waitFor(what: string, test: () => Promise<boolean> | boolean, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Documents in an index, after a refresh; 0 when it does not exist. */
async function documents(index: string): Promise<number> {
  const os = await connectOpenSearch({ url: OPENSEARCH });
  try {
    await os.client.indices.refresh({ index, ignore_unavailable: true } as never);
    const answer = await os.client.count({ index }).catch(() => undefined);
    return answer?.body.count ?? 0;
  } finally {
    await os.close();
  }
}

/** Documents OpenSearch has indexed into an index so far, refreshed or not. */
async function indexedSoFar(index: string): Promise<number> {
  const os = await connectOpenSearch({ url: OPENSEARCH });
  try {
    const answer = await os.client.indices
      .stats({ index, metric: 'indexing' })
      .catch(() => undefined);
    const total = (
      answer?.body as { _all?: { primaries?: { indexing?: { index_total?: number } } } } | undefined
    )?._all?.primaries?.indexing?.index_total;
    return total ?? 0;
  } finally {
    await os.close();
  }
}

beforeAll(() => {
  backends('up');
}, 600_000);

afterAll(async () => {
  backends('down');
  await rm(scratch, { recursive: true, force: true });
});

/** The transfers `tiny(seed, transfers)` holds: the background ones and those of tiny's crimes. */
const transfersOf = (seed: number, transfers: number) =>
  planRun(
    resolveConfig({
      preset: 'tiny',
      layers: [{ source: 'flag', values: { seed, transactionCount: transfers } }],
    }),
  ).patterns.layouts.transfer.total;

const tiny = (seed: number, transfers: number) => [
  '--preset',
  'tiny',
  '--seed',
  String(seed),
  '--transaction-count',
  String(transfers),
  '--quiet',
];

describe('OpenSearch pushing back (429, write queue of 1)', () => {
  it('three loads at once slow down and lose nothing', async () => {
    const runs = ['a', 'b', 'c'].map((part) =>
      start([
        'generate',
        ...tiny(21, 3_000),
        '--opensearch',
        OPENSEARCH,
        '--index-prefix',
        `q${part}-`,
      ]),
    );
    const results = await Promise.all(runs.map((run) => run.done));
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    for (const part of ['a', 'b', 'c'])
      expect(await documents(`q${part}-transfers`)).toBe(transfersOf(21, 3_000));
  });
});

describe('a server that restarts empty mid-load', () => {
  it('OpenSearch: the load stops saying it must start over, nothing auto-created is left; the rerun is exact', async () => {
    const args = [
      'generate',
      ...tiny(22, 20_000),
      '--opensearch',
      OPENSEARCH,
      '--index-prefix',
      'r-',
    ];
    const run = start(args);
    await waitFor('documents to land', async () => (await indexedSoFar('r-transfers')) > 0);
    backends('down', 'opensearch');
    backends('up', 'opensearch');
    const result = await run.done;
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/indexes vanished or changed while loading .*must start over/);
    const os = await connectOpenSearch({ url: OPENSEARCH });
    const left = (await os.client.cat.indices({ index: 'r-*', format: 'json' })).body as unknown[];
    await os.close();
    expect(left).toEqual([]);
    const rerun = start(args);
    const again = await rerun.done;
    expect(again.status, again.stderr).toBe(0);
    expect(await documents('r-transfers')).toBe(transfersOf(22, 20_000));
  });

  it('JanusGraph: the load stops saying it must start over; --resume then starts over and is exact', async () => {
    const checkpoint = join(scratch, 'restart.json');
    const args = [
      'generate',
      ...tiny(23, 12_000),
      '--janusgraph',
      JANUSGRAPH,
      '--checkpoint',
      checkpoint,
      '--load-batch-size',
      '200',
    ];
    const run = start(args);
    await waitFor('a checkpoint', () => existsSync(checkpoint));
    backends('down', 'janusgraph');
    backends('up', 'janusgraph');
    const result = await run.done;
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the server restarted empty .*must start over/);
    const resumed = await start([...args, '--resume']).done;
    expect(resumed.status, resumed.stderr).toBe(0);
    const jg = await connectJanusGraph({ url: JANUSGRAPH });
    const [edges, keys] = (
      await jg.client.submit(
        "[g.E().hasLabel('transfer').count().next(), g.E().hasLabel('transfer').values('transaction_id').dedup().count().next()]",
      )
    ).toArray() as number[];
    await jg.close();
    expect([Number(edges), Number(keys)]).toEqual([
      transfersOf(23, 12_000),
      transfersOf(23, 12_000),
    ]);
  });
});
