import { planRun } from '../../src/orchestration/plan.js';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, resolveConfig, type PresetName } from '../../src/config/index.js';
import { TYPOLOGY_REGISTRY } from '../../src/generators/patterns/registry.js';
import { generate } from '../../src/orchestration/generate.js';
import { load } from '../../src/orchestration/load.js';
import { CLI, runCli } from '../helpers/cli.js';

// The rough edges a new user hit in the first hour (issue #15), each as the user met it.

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-first-hour-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

let outs = 0;
const freshOut = () => join(scratch, `out-${outs++}`);

/** Nothing of a refused or interrupted run is left in the scratch directory. */
async function leftovers(): Promise<string[]> {
  return (await readdir(scratch)).filter((name) => name.startsWith('.'));
}

describe('a huge count is refused at once, with its limit (#15.1)', () => {
  for (const [flag, value] of [
    ['--transaction-count', '1e12'],
    ['--transaction-count', '1e10'],
    ['--person-count', '1e9'],
    ['--structuring-patterns', '1000000'],
    ['--fraud-ring-max-transactions', '1e9'],
  ] as const) {
    it(`${flag} ${value}`, async () => {
      const out = freshOut();
      const started = performance.now();
      const result = runCli(['generate', '--preset', 'tiny', '--out', out, flag, value]);
      expect(result.status, result.stderr).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^fingraph: ${flag}: ${Number(value)} must be ≤ [\\d,]+ \\(`),
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(await readdir(scratch)).not.toContain(out.split('/').pop());
      expect(await leftovers()).toEqual([]);
    });
  }

  it('instances × instance size beyond what a run can hold is refused naming the typology', async () => {
    const result = runCli([
      'generate',
      '--preset',
      'tiny',
      '--out',
      freshOut(),
      '--mule-chain-patterns',
      '1000',
      '--fan-out-patterns',
      '1000',
      '--fan-out-min-degree',
      '2000',
      '--fan-out-max-degree',
      '2000',
      '--account-count',
      '5000',
    ]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /fan_out instances .*: 1500 would inject .* at most 1,000,000 per label/,
    );
    expect(await leftovers()).toEqual([]);
  });
});

/** Starts a generate run, interrupts it with `signal` after `afterMs`, returns how it ended. */
async function interrupt(args: string[], signal: NodeJS.Signals, afterMs: number, times = 1) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const sentAt = performance.now();
  for (let i = 0; i < times; i++) child.kill(signal);
  const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (c, s) => {
      resolve([c, s]);
    }),
  );
  return { code, killedBy, stderr, stopMs: performance.now() - sentAt };
}

describe('Ctrl-C stops a run within a second or two and keeps nothing (#15.1)', () => {
  const big = ['--preset', 'large', '--transaction-count', '50000000', '--quiet'];

  it('while generating', async () => {
    const out = freshOut();
    const ended = await interrupt(['generate', ...big, '--out', out], 'SIGINT', 4000);
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stopMs).toBeLessThan(3000);
    expect(ended.stderr).toMatch(/interrupted; no output was kept/);
    expect(await readdir(scratch)).not.toContain(out.split('/').pop());
    expect(await leftovers()).toEqual([]);
  }, 30_000);

  it('with worker threads, and on SIGTERM', async () => {
    const out = freshOut();
    const ended = await interrupt(
      ['generate', ...big, '--workers', '2', '--out', out],
      'SIGTERM',
      4000,
    );
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stopMs).toBeLessThan(3000);
    expect(await leftovers()).toEqual([]);
  }, 30_000);

  it('while planning the largest run it accepts', async () => {
    const out = freshOut();
    const ended = await interrupt(
      [
        'generate',
        '--preset',
        'tiny',
        '--transaction-count',
        '1e8',
        '--communication-count',
        '1e8',
        '--login-count',
        '1e8',
        '--quiet',
        '--out',
        out,
      ],
      'SIGINT',
      1200,
    );
    // Before the CLI has loaded, Node's default handler ends the process; after, the run's own
    // handler does. Either way at once, and with nothing left behind.
    expect(ended.code === 130 || ended.killedBy === 'SIGINT', ended.stderr).toBe(true);
    expect(ended.stopMs).toBeLessThan(3000);
    expect(await leftovers()).toEqual([]);
  }, 30_000);
});

describe('help is printed as commander formats it (#15.3)', () => {
  for (const args of [[], ['schema']]) {
    it(`fingraph ${args.join(' ')}`, () => {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Usage: fingraph/);
      expect(result.stderr).not.toMatch(/^fingraph:/m);
      expect(result.stderr.split('\n').length).toBeGreaterThan(8);
      expect(result.stderr).toMatch(/\nCommands:\n {2}\S/);
    });
  }

  it('fingraph --help lists every command with its description', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    for (const name of ['generate', 'load', 'merge', 'schema', 'detect'])
      expect(result.stdout).toMatch(new RegExp(`\\n {2}${name}\\b`));
    expect(result.stdout).toMatch(/generate a synthetic bank into files, backends or both/);
  });
});

describe('bad input exits 2 for every command, run-time failures 1 (#15.4)', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a malformed --janusgraph URL',
      ['generate', '--preset', 'tiny', '--janusgraph', 'nope'],
      /--janusgraph: "nope" is not a ws\/wss URL/,
    ],
    [
      'a malformed --opensearch URL',
      ['load', '--from', '.', '--opensearch', 'localhost:9200'],
      /--opensearch: "localhost:9200" is not a http\/https URL/,
    ],
    [
      'schema print --target neo4j',
      ['schema', 'print', '--target', 'neo4j'],
      /argument 'neo4j' is invalid/,
    ],
    [
      'load --from a missing directory',
      ['load', '--from', 'no-such-dir', '--opensearch', 'http://127.0.0.1:9200'],
      /--from: "no-such-dir" does not exist/,
    ],
    [
      'merge of a missing directory',
      ['merge', '--out', 'merged', 'no-such-part'],
      /shard: "no-such-part" does not exist/,
    ],
    ['an unknown command', ['genrate'], /unknown command 'genrate'/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const cwd = await mkdtemp(join(scratch, 'cwd-'));
      const result = runCli(args, cwd);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(await readdir(cwd)).toEqual([]);
    });
  }

  it('a server that does not answer is a run-time failure: 1', () => {
    const result = runCli(['schema', 'apply', '--janusgraph', 'ws://127.0.0.1:1/gremlin']);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/connection refused/);
  });
});

describe('input that used to be accepted silently is refused (#15.5)', () => {
  it('a hexadecimal count', () => {
    const result = runCli([
      'generate',
      '--preset',
      'tiny',
      '--out',
      freshOut(),
      '--person-count',
      '0x10',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'fingraph: --person-count: "0x10" must be a whole number ≥ 0',
    );
  });

  it('one option under both of its names in a config file', async () => {
    const file = join(scratch, 'both-names.json');
    await writeFile(file, JSON.stringify({ person_count: 12, personCount: 30 }));
    const result = runCli(['generate', '--preset', 'tiny', '--out', freshOut(), '--config', file]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/personCount: 30 sets the same option as person_count \(12\)/);
  });

  it('decimal and exponent notation still work', () => {
    const result = runCli([
      'generate',
      '--preset',
      'tiny',
      '--out',
      freshOut(),
      '--transaction-count',
      '2e2',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    // 200 background transfers, plus those of the crimes tiny hides.
    const plan = planRun(
      resolveConfig({
        preset: 'tiny',
        layers: [{ source: 'flag', values: { transactionCount: 200 } }],
      }),
    );
    expect(plan.patterns.layouts.transfer.base).toBe(200);
    expect(JSON.parse(result.stdout).counts.transfer).toBe(plan.patterns.layouts.transfer.total);
  });
});

describe('text that said what the code no longer does (#15.7)', () => {
  it('generate describes itself as it is', () => {
    const result = runCli(['generate', '--help']);
    expect(result.stdout).toMatch(/generate a synthetic bank into files, backends or both/);
    expect(result.stdout).not.toMatch(/later/);
  });

  it('the library names its own option, not a CLI flag', async () => {
    const out = join(scratch, 'not-empty');
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'precious');
    const config = resolveConfig({ preset: 'tiny', layers: [] });
    const refusal = generate({ config, outDir: out });
    await expect(refusal).rejects.toThrow(/is a non-empty directory; set the overwrite option/);
    await expect(refusal).rejects.not.toThrow(/--overwrite/);
    const cli = runCli(['generate', '--preset', 'tiny', '--out', out]);
    expect(cli.stderr).toMatch(/--out: ".*not-empty" is a non-empty directory; pass --overwrite/);
  });

  it('a load with labels from a directory without ground truth names withLabels, the CLI --with-labels', async () => {
    const from = freshOut();
    const generated = runCli([
      'generate',
      '--preset',
      'tiny',
      '--out',
      from,
      '--no-include-ground-truth',
    ]);
    expect(generated.status, generated.stderr).toBe(0);
    const refusal = load({ from, withLabels: true, sinks: [] });
    await expect(refusal).rejects.toThrow(
      /^withLabels: .* has no ground truth .*includeGroundTruth/,
    );
    await expect(refusal).rejects.not.toThrow(/--/);
    // Refused before connecting: the port is closed, and the message is about the directory.
    const cli = runCli([
      'load',
      '--from',
      from,
      '--with-labels',
      '--opensearch',
      'http://127.0.0.1:1',
    ]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(
      /--with-labels: .* has no ground truth \(generated with --no-include-ground-truth\)/,
    );
  });

  it('the docs give the heap growing factor the code sets', async () => {
    const readme = (
      await Promise.all(
        ['README.md', 'docs/sharding.md', 'docs/benchmarks.md'].map((file) =>
          readFile(new URL(`../../${file}`, import.meta.url), 'utf8'),
        ),
      )
    ).join('\n');
    const { HEAP_GROWING_PERCENT } = await import('../../src/orchestration/heap-tuning.js');
    const stated = [...readme.matchAll(/heap growing factor to (\d+) %/g)].map((m) => Number(m[1]));
    expect(stated.length).toBeGreaterThan(0);
    expect(new Set(stated)).toEqual(new Set([HEAP_GROWING_PERCENT]));
  });
});

describe('the summary says which crimes are hidden and where their ground truth is (#15.8)', () => {
  it('counts by typology and the ground-truth path', () => {
    const out = freshOut();
    const result = runCli(['generate', '--preset', 'small', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/hidden crimes: \d+ instances of \d+ typologies/);
    expect(result.stderr).toMatch(/\n {4}structuring +\d+\n/);
    expect(result.stderr).toContain(`ground truth: ${out}/ground_truth/patterns.jsonl`);
  });

  it('every preset hides every typology, and small every subtype', () => {
    for (const preset of Object.keys(PRESETS) as PresetName[]) {
      const config = resolveConfig({ preset, layers: [] });
      const real = planRun(config).patterns.instances.filter((instance) => !instance.lookAlike);
      const hidden = new Set(real.map((instance) => instance.typology.name));
      expect([...hidden].sort(), preset).toEqual(
        TYPOLOGY_REGISTRY.map((entry) => entry.typology.name).sort(),
      );
      if (preset !== 'small') continue;
      const subtypes = new Set(real.map((i) => `${i.typology.name}/${i.draft.subtype}`));
      const every = TYPOLOGY_REGISTRY.flatMap((entry) =>
        entry.subtypes(config).map((subtype) => `${entry.typology.name}/${subtype}`),
      );
      expect([...subtypes].sort()).toEqual([...new Set(every)].sort());
    }
  });

  it('says so when there are none', () => {
    const result = runCli([
      'generate',
      '--preset',
      'small',
      '--out',
      freshOut(),
      ...zeroPatterns(),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/hidden crimes: none/);
  });
});

function zeroPatterns(): string[] {
  const result = runCli(['generate', '--help']);
  return [...result.stdout.matchAll(/(--[a-z-]+-patterns) </g)].flatMap((m) => [
    m[1] as string,
    '0',
  ]);
}

describe('start-up loads only what the command needs (#15.11)', () => {
  const trace = fileURLToPath(new URL('../helpers/trace-modules.mjs', import.meta.url));
  const heavy =
    /node_modules\/(gremlin|@opensearch-project|@faker-js|hyparquet|hyparquet-writer|csv-parse|csv-stringify|cli-progress|zod)\//;

  function loaded(args: string[], cwd = scratch): string[] {
    const file = join(scratch, `trace-${outs++}.txt`);
    const result = spawnSync(process.execPath, ['--import', trace, CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, FINGRAPH_TRACE_MODULES: file },
    });
    expect(result.status, result.stderr).toBe(0);
    return spawnSync('cat', [file], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  }

  it('--version and --help load no client, generator or writer', () => {
    for (const args of [['--version'], ['--help']]) {
      const heavyModules = loaded(args).filter((url) => heavy.test(url));
      expect(heavyModules, args.join(' ')).toEqual([]);
    }
  });

  it('generate into files loads no backend client', () => {
    const urls = loaded(['generate', '--preset', 'tiny', '--out', freshOut(), '--quiet']);
    expect(urls.filter((url) => /node_modules\/(gremlin|@opensearch-project)\//.test(url))).toEqual(
      [],
    );
  });

  it('the summary gives the wall time beside the generation time', () => {
    const result = runCli(['generate', '--preset', 'tiny', '--out', freshOut()]);
    expect(result.stderr).toMatch(
      / in \d+\.\d\d s, [\d,]+ records\/s; \d+\.\d\d s wall time in all/,
    );
    const json = runCli(['generate', '--preset', 'tiny', '--out', freshOut(), '--json']);
    const report = JSON.parse(json.stdout);
    expect(report.wall_time_ms).toBeGreaterThanOrEqual(report.time_ms);
  });
});
