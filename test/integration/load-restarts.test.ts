// Servers that restart or push back mid-load. This file runs its own JanusGraph and OpenSearch
// (scripts/backends, local mode, on ports of their own, OpenSearch with a write queue of 1 so it
// answers 429 under load), because it stops and starts them; the shared servers stay untouched.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { planRun } from '../../src/orchestration/plan.js';
import { connectJanusGraph } from '../../src/backends/janusgraph/connection.js';
import { connectOpenSearch } from '../../src/backends/opensearch/connection.js';
import { VOCABULARY, type Label } from '../../src/model/index.js';
import { openSearchIndexes } from '../../src/schema/index.js';
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
/** A password in the URL, which no output may show (the servers here do not ask for one). */
const SECRET = 's3cret-restart';
const withSecret = (url: string) => url.replace('://', `://loader:${SECRET}@`);

function backends(
  command: 'up' | 'down',
  which?: 'janusgraph' | 'opensearch',
  extraEnv: Record<string, string> = {},
): void {
  execFileSync(BACKENDS, [command, ...(which ? [which] : [])], {
    env: { ...serverEnv, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
}

function start(args: readonly string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...cliEnv, ...extraEnv } });
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

/** The run's result; if it is still running after `ms`, it is killed (its pid) and this fails. */
async function within(run: ReturnType<typeof start>, ms: number, what: string): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      run.child.kill('SIGKILL');
      reject(new Error(`${what}: still running after ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([run.done, late]);
  } finally {
    clearTimeout(timer);
  }
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
      withSecret(OPENSEARCH),
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
    expect(result.stdout + result.stderr).not.toContain(SECRET);
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
      withSecret(JANUSGRAPH),
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
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    const resumed = await start([...args, '--resume']).done;
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout + resumed.stderr).not.toContain(SECRET);
    expect(await transferEdgesAndKeys()).toEqual([
      transfersOf(23, 12_000),
      transfersOf(23, 12_000),
    ]);
  });
});

describe('a server that stalls mid-load', () => {
  const STALLED_TRANSFERS = 150_000;

  it('JanusGraph paused: progress lines off a terminal, a warning that the load slowed, and an exact graph once it resumes', async () => {
    await emptyGraph();
    const pid = Number(
      readFileSync(join(serverEnv.FINGRAPH_BACKENDS_HOME, 'janusgraph', 'janusgraph.pid'), 'utf8'),
    );
    // One-second windows instead of thirty, so the run has a rate of its own within seconds;
    // and a load that takes far longer than that (a warm server takes ~10 s per 100,000
    // transfers), so the pause lands mid-load: a 30,000-transfer load once ended before it.
    // Not --quiet: progress lines are what this checks.
    const args = tiny(24, STALLED_TRANSFERS).filter((arg) => arg !== '--quiet');
    const run = start(['generate', ...args, '--janusgraph', JANUSGRAPH], {
      FINGRAPH_PROGRESS_INTERVAL: '1',
    });
    let stderr = '';
    let ended = false;
    run.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void run.done.then(() => (ended = true));
    // Fails at once, with what the run printed, if the load ends before the pause can land.
    const whileLoading = (what: string, test: () => boolean) => () => {
      if (ended) throw new Error(`the load ended before ${what}:\n${stderr}`);
      return test();
    };
    await waitFor(
      'a progress line with elements loaded',
      whileLoading('a progress line', () =>
        /fingraph: [1-9][\d,]* (of [\d,]+ )?elements, /.test(stderr),
      ),
    );
    process.kill(pid, 'SIGSTOP');
    try {
      await waitFor(
        'the warning',
        whileLoading('the warning', () => stderr.includes('warning: loading slowed to')),
        60_000,
      );
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const result = await run.done;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /fingraph: [\d,]+( of [\d,]+)? elements, [\d,]+\/s in the last \d+ s/,
    );
    expect(result.stderr).toMatch(
      /fingraph: warning: loading slowed to [\d,]+ elements\/s \(the run so far: [\d,]+\/s\)/,
    );
    expect(await transferEdgesAndKeys()).toEqual([
      transfersOf(24, STALLED_TRANSFERS),
      transfersOf(24, STALLED_TRANSFERS),
    ]);
  });
});

/**
 * Records per output file (`transfers`, `ground_truth/patterns`…) of `tiny(seed, transfers)`
 * generated to files by a run of its own: what a load must end with, counted without the loader.
 */
async function plannedRecords(seed: number, transfers: number): Promise<Map<string, number>> {
  const out = join(scratch, `planned-${seed}-${transfers}`);
  execFileSync(process.execPath, [CLI, 'generate', ...tiny(seed, transfers), '--out', out], {
    env: cliEnv,
    stdio: 'ignore',
    timeout: 300_000,
  });
  const counts = new Map<string, number>();
  const files = [
    ...Object.values(VOCABULARY).map((entry) => entry.index),
    'ground_truth/patterns',
    'ground_truth/event_labels',
  ];
  for (const file of files) {
    const text = await readFile(join(out, `${file}.jsonl`), 'utf8');
    counts.set(file, text.split('\n').filter((line) => line !== '').length);
  }
  return counts;
}

/** Drops every vertex and edge, fingraph's meta vertex (dataset marker, lease) included. */
async function emptyGraph(): Promise<void> {
  const jg = await connectJanusGraph({ url: JANUSGRAPH });
  try {
    await jg.client.submit(
      'while (g.E().limit(1).hasNext()) { g.E().limit(10000).drop().iterate(); graph.tx().commit() }; while (g.V().limit(1).hasNext()) { g.V().limit(10000).drop().iterate(); graph.tx().commit() }; 0',
    );
  } finally {
    await jg.close();
  }
}

/** Transfer edges in the graph, and distinct transaction ids among them (equal: none doubled). */
async function transferEdgesAndKeys(): Promise<[number, number]> {
  const jg = await connectJanusGraph({ url: JANUSGRAPH });
  try {
    const [edges, keys] = (
      await jg.client.submit(
        "[g.E().hasLabel('transfer').count().next(), g.E().hasLabel('transfer').values('transaction_id').dedup().count().next()]",
      )
    ).toArray() as number[];
    return [Number(edges), Number(keys)];
  } finally {
    await jg.close();
  }
}

/** Distinct values of a keyword field in an index (a composite aggregation, paged: exact). */
async function distinctValues(index: string, field: string): Promise<number> {
  const os = await connectOpenSearch({ url: OPENSEARCH });
  try {
    let after: Record<string, string> | undefined;
    let distinct = 0;
    for (;;) {
      const answer = await os.client.search({
        index,
        body: {
          size: 0,
          aggs: {
            keys: {
              composite: {
                size: 10_000,
                sources: [{ key: { terms: { field } } }],
                ...(after ? { after } : {}),
              },
            },
          },
        },
      });
      const keys = (
        answer.body as unknown as {
          aggregations: { keys: { buckets: unknown[]; after_key?: Record<string, string> } };
        }
      ).aggregations.keys;
      distinct += keys.buckets.length;
      if (keys.buckets.length === 0 || keys.after_key === undefined) return distinct;
      after = keys.after_key;
    }
  } finally {
    await os.close();
  }
}

/** `index.refresh_interval` as the server has it now (null: not set, the default applies). */
async function refreshIntervalOf(index: string): Promise<string | null> {
  const os = await connectOpenSearch({ url: OPENSEARCH });
  try {
    const answer = await os.client.indices.getSettings({ index, flat_settings: true });
    const settings = (answer.body as Record<string, { settings: Record<string, string> }>)[index]
      ?.settings;
    return settings?.['index.refresh_interval'] ?? null;
  } finally {
    await os.close();
  }
}

/**
 * Each server stopped for longer than the loader retries (about 46 s: 8 retries from 250 ms
 * doubling to 15 s; OpenSearch's --retry-budget only lengthens it) and started again only once
 * the loader has given up. The URLs carry a password, which no message may show.
 */
/**
 * Runs `args`, stops `which` once `ready` holds and keeps it down until the run gives up. The run
 * must fail (exit 1) having retried rather than at once — the backoff alone is 45.75 s from the
 * first failure, which came at the latest when the server was gone — without showing the
 * password or a stack trace.
 */
async function givenUpWhileDown(
  args: readonly string[],
  which: 'janusgraph' | 'opensearch',
  what: string,
  ready: () => Promise<boolean> | boolean,
): Promise<CliResult> {
  const run = start(args);
  await waitFor(what, ready);
  backends('down', which);
  const downAt = Date.now();
  const result = await within(run, 240_000, `the load with ${which} down`);
  const downFor = Date.now() - downAt;
  expect(result.status, result.stderr).toBe(1);
  expect(downFor).toBeGreaterThan(30_000);
  expect(result.stderr).not.toContain(SECRET);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return result;
}

describe('a server that stays down longer than the retry window', () => {
  it('OpenSearch: the load gives up naming the server and the rerun; back with its data, the rerun is exact, without duplicates, refresh back on', async () => {
    const [seed, transfers, prefix] = [24, 20_000, 'w-'];
    const planned = await plannedRecords(seed, transfers);
    const args = [
      'generate',
      ...tiny(seed, transfers),
      '--opensearch',
      withSecret(OPENSEARCH),
      '--index-prefix',
      prefix,
      '--retry-budget',
      '5',
    ];
    const result = await givenUpWhileDown(args, 'opensearch', 'documents to land', async () => {
      return (await indexedSoFar(`${prefix}transfers`)) > 0;
    });
    expect(result.stderr).toMatch(
      new RegExp(
        `opensearch sink: bulk request of \\d+ docs to index(es)? "${prefix}\\w+".* failed after 8 retries: .*ECONNREFUSED.* — ${OPENSEARCH} did not answer for \\d+ s\\. The load stopped and sends no more documents; those that landed stay\\. Once it is back, run the same command again: documents are indexed by id, so it overwrites them without duplicates`,
      ),
    );
    // The settings could not be put back while the server was down, and the run says so.
    expect(result.stderr).toMatch(
      new RegExp(
        `opensearch sink: ${OPENSEARCH}: could not restore refresh_interval and number_of_replicas of 17 indexes .*They keep refresh_interval -1`,
      ),
    );

    // Back with its data, as a real server restarts: the partial indexes are there.
    backends('up', 'opensearch', { OPENSEARCH_KEEP_DATA: '1' });
    const partial = await documents(`${prefix}transfers`);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(transfersOf(seed, transfers));
    expect(await refreshIntervalOf(`${prefix}transfers`)).toBe('-1');

    // What the message says: the same command again.
    const rerun = await within(start(args), 240_000, 'the rerun');
    expect(rerun.status, rerun.stderr).toBe(0);
    const kinds = Object.keys(openSearchIndexes());
    expect(kinds).toHaveLength(17);
    for (const kind of kinds) {
      const file = kind === 'patterns' || kind === 'event_labels' ? `ground_truth/${kind}` : kind;
      expect(await documents(prefix + kind), kind).toBe(planned.get(file));
      expect(await refreshIntervalOf(prefix + kind), kind).toBeNull();
    }
    expect(planned.get('transfers')).toBe(transfersOf(seed, transfers));
    expect(await distinctValues(`${prefix}transfers`, 'transaction_id')).toBe(
      transfersOf(seed, transfers),
    );
  });

  it('JanusGraph: the load gives up naming the server, the checkpoint and --resume; --resume after the restart is exact', async () => {
    const [seed, transfers] = [25, 12_000];
    const planned = await plannedRecords(seed, transfers);
    // The graph as a restarted server has it: the dataset of the test before must not refuse this one.
    await emptyGraph();
    const checkpoint = join(scratch, 'down-long.json');
    const args = [
      'generate',
      ...tiny(seed, transfers),
      '--janusgraph',
      withSecret(JANUSGRAPH),
      '--checkpoint',
      checkpoint,
      '--load-batch-size',
      '200',
    ];
    const result = await givenUpWhileDown(args, 'janusgraph', 'a checkpoint', () =>
      existsSync(checkpoint),
    );
    expect(result.stderr).toMatch(
      new RegExp(
        `janusgraph: ${JANUSGRAPH}: gave up after 9 attempts over \\d+ s: .*ECONNREFUSED.*\\. The load stopped; what landed stays, and the checkpoint ${checkpoint} records how far it got\\. Once the server is back, run the same command again with --resume`,
      ),
    );
    expect(existsSync(checkpoint)).toBe(true);

    // The in-memory server comes back empty; --resume notices and starts over.
    backends('up', 'janusgraph');
    const resumed = await within(start([...args, '--resume']), 240_000, 'the resumed load');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/the graph no longer holds them .*starting the load over/);
    expect(existsSync(checkpoint)).toBe(false);

    const jg = await connectJanusGraph({ url: JANUSGRAPH });
    const [vertices, edges, keys] = (
      await jg.client.submit(
        "[g.V().groupCount().by(label).next(), g.E().groupCount().by(label).next(), g.E().hasLabel('transfer').values('transaction_id').dedup().count().next()]",
      )
    ).toArray() as [Map<string, unknown>, Map<string, unknown>, unknown];
    await jg.close();
    const inGraph = new Map<string, number>(
      [...vertices, ...edges].map(([label, count]) => [label, Number(count)]),
    );
    for (const [label, entry] of Object.entries(VOCABULARY) as [Label, { index: string }][])
      expect(inGraph.get(label) ?? 0, label).toBe(planned.get(entry.index));
    expect(planned.get('transfers')).toBe(transfersOf(seed, transfers));
    expect(Number(keys)).toBe(transfersOf(seed, transfers));
  });
});
