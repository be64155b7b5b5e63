import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planRun } from '../../src/orchestration/plan.js';
import { resolveConfig } from '../../src/config/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function expectRejected(args: string[], message: RegExp) {
  const out = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
  const result = runCli(['generate', '--preset', 'tiny', '--out', out, ...args]);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(await readdir(scratch)).not.toContain(out.split('/').pop());
  expect((await readdir(scratch)).filter((name) => name.includes('fingraph-partial'))).toEqual([]);
}

describe('fingraph generate rejects bad input with exit code 2, one message, nothing written', () => {
  it('unknown option', () =>
    expectRejected(['--person-cuont', '5'], /unknown option '--person-cuont'/));
  it('negative count', () =>
    expectRejected(['--person-count', '-3'], /--person-count: -3 must be a whole number ≥ 0/));
  it('non-integer count', () =>
    expectRejected(
      ['--transaction-count', '2.5'],
      /--transaction-count: 2\.5 must be a whole number ≥ 0/,
    ));
  it('non-numeric count', () =>
    expectRejected(
      ['--account-count', 'many'],
      /--account-count: "many" must be a whole number ≥ 0/,
    ));
  it('accounts with no owners', () =>
    expectRejected(
      [
        '--person-count',
        '0',
        '--company-count',
        '0',
        '--device-count',
        '0',
        '--communication-count',
        '0',
        '--travel-count',
        '0',
        '--document-count',
        '0',
        '--trade-count',
        '0',
      ],
      /account_count: 120 needs owners/,
    ));
  it('unknown preset', () =>
    expectRejected(
      ['--preset', 'huge'],
      /preset: "huge" is not a preset; use one of tiny, small, complete, large/,
    ));
  it('unknown format', () =>
    expectRejected(['--format', 'jsonl,xml'], /--format: "xml" is not a format/));
  it('rate outside [0, 1]', () =>
    expectRejected(['--suspicious-transaction-rate', '1.5'], /must be a number in \[0, 1\]/));
  it('unreadable config file', () =>
    expectRejected(
      ['--config', join(scratch, 'missing.json')],
      /--config: ".*missing.json" cannot be read \(ENOENT\)/,
    ));
  it('unknown config key', async () => {
    const file = join(scratch, 'bad-key.json');
    await writeFile(file, JSON.stringify({ person_count: 10, persons: 5 }));
    await expectRejected(['--config', file], /persons: 5 is not a known option/);
  });
  it('config file that is not JSON', async () => {
    const file = join(scratch, 'bad.json');
    await writeFile(file, 'person_count: 10');
    await expectRejected(['--config', file], /is not valid JSON/);
  });
  it('bad value in a config file names the snake_case field', async () => {
    const file = join(scratch, 'bad-value.json');
    await writeFile(file, JSON.stringify({ transaction_count: -1 }));
    await expectRejected(['--config', file], /transaction_count: -1 must be a whole number ≥ 0/);
  });
});

describe('fingraph generate rejects typology settings it cannot honour', () => {
  it('more participants than the population can supply', () =>
    expectRejected(
      [
        '--structuring-patterns',
        '1',
        '--structuring-min-smurfs',
        '70',
        '--structuring-max-smurfs',
        '70',
      ],
      /structuring.*70.*person_count|person_count.*70/,
    ));
  it('a chain length below its minimum', () =>
    expectRejected(
      ['--mule-chain-patterns', '1', '--mule-chain-min-length', '2'],
      /mule_chain_min_length: 2 must be ≥ 3/,
    ));
  it('a window shorter than a typology needs', () =>
    expectRejected(
      [
        '--mule-chain-patterns',
        '1',
        '--duration-days',
        '1',
        '--mule-hop-max-minutes',
        '1000',
        '--mule-hop-min-minutes',
        '900',
      ],
      // tiny hosts every typology: whichever needs the longest window is named first.
      /duration_days: 1 is shorter than /,
    ));
  it('a rate outside [0, 1]', () =>
    expectRejected(
      ['--near-miss-rate', '-0.5'],
      /--near-miss-rate: -0\.5 must be a number in \[0, 1\]/,
    ));
  it('a shard outside its count', () =>
    expectRejected(['--shard', '3/3'], /--shard: "3\/3" must be I\/N with 0 ≤ I < N/));
  it('a shard with only export formats (merge rebuilds exports from a table format)', () =>
    expectRejected(
      ['--format', 'pyg', '--shard', '0/2'],
      /output_format: "pyg" cannot be a shard's only formats.*add one of jsonl, json, csv, parquet/,
    ));
  it('an unknown export format', () =>
    expectRejected(['--format', 'jsonl,networkx'], /--format: "networkx" is not a format/));
  it('a split that does not add up to 100', () =>
    expectRejected(
      ['--split', '60/20/10'],
      /--split: "60\/20\/10" must be train\/validation\/test percentages adding up to 100/,
    ));
  it('zero workers', () =>
    expectRejected(['--workers', '0'], /--workers: 0 must be a whole number ≥ 1/));
  it('a negative endpoint wait', () =>
    expectRejected(
      ['--janusgraph', 'ws://127.0.0.1:1/gremlin', '--await-endpoints', '-5'],
      /--await-endpoints: "-5" must be a whole number of seconds ≥ 0/,
    ));
});

describe('fingraph generate output directory', () => {
  it('never overwrites a non-empty directory without --overwrite', async () => {
    const out = join(scratch, 'existing');
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'precious');
    const refused = runCli(['generate', '--preset', 'tiny', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/non-empty directory; pass --overwrite/);
    expect(await readdir(out)).toEqual(['keep.txt']);
    const replaced = runCli([
      'generate',
      '--preset',
      'tiny',
      '--out',
      out,
      '--overwrite',
      '--quiet',
    ]);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(await readdir(out)).toContain('persons.jsonl');
    expect(await readdir(out)).not.toContain('keep.txt');
  });

  it('accepts the original snake_case names in a config file, and flags override the file', async () => {
    const file = join(scratch, 'snake.json');
    await writeFile(
      file,
      JSON.stringify({ person_count: 12, transaction_count: 50, output_format: 'csv', seed: 3 }),
    );
    const out = join(scratch, 'snake-out');
    const result = runCli([
      'generate',
      '--preset',
      'tiny',
      '--config',
      file,
      '--transaction-count',
      '60',
      '--out',
      out,
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    // 12 persons and 60 background transfers, plus what tiny's typologies add.
    const plan = planRun(
      resolveConfig({
        preset: 'tiny',
        layers: [{ source: 'file', values: { personCount: 12, transactionCount: 60, seed: 3 } }],
      }),
    );
    expect(report.counts.person).toBe(plan.patterns.layouts.person.total);
    expect(report.counts.transfer).toBe(plan.patterns.layouts.transfer.total);
    expect(await readdir(out)).toContain('persons.csv');
  });

  it('--help lists the options with examples', () => {
    const result = runCli(['generate', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--transaction-count <value>/);
    expect(result.stdout).toMatch(/Examples:/);
  });
});
