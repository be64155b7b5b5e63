import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// CSV loses types (issue #15.10): a Frictionless Data Package descriptor beside CSV output says
// what every column is, so readers need not guess (pandas read account numbers as integers).

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-datapackage-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Field {
  name: string;
  type: string;
  constraints?: { required: boolean };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: { fields: Field[]; primaryKey?: string; foreignKeys?: unknown[] };
}

async function generated(dir: string, ...args: string[]) {
  const result = runCli(['generate', '--preset', 'tiny', '--out', dir, '--quiet', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return dir;
}

const csvRun = await generated(
  join(scratch, 'csv'),
  '--format',
  'csv,jsonl',
  '--structuring-patterns',
  '5',
);
const descriptor = JSON.parse(await readFile(join(csvRun, 'datapackage.json'), 'utf8')) as {
  profile: string;
  resources: Resource[];
};
const byName = new Map(descriptor.resources.map((r) => [r.name, r]));
const typeOf = (resource: string, field: string) =>
  byName.get(resource)?.schema.fields.find((f) => f.name === field)?.type;

describe('datapackage.json beside CSV output', () => {
  it('is a tabular data package with one resource per CSV file, ground truth included', async () => {
    expect(descriptor.profile).toBe('tabular-data-package');
    const csvFiles = (await readdir(csvRun, { recursive: true }))
      .filter((name) => name.endsWith('.csv'))
      .sort();
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(csvFiles);
    expect(csvFiles).toContain('ground_truth/patterns.csv');
  });

  it('lists each file’s columns in header order, with its size and hash', async () => {
    for (const resource of descriptor.resources) {
      const bytes = await readFile(join(csvRun, resource.path));
      const header = bytes.toString('utf8').split('\n')[0] ?? '';
      expect(resource.schema.fields.map((f) => f.name).join(','), resource.path).toBe(header);
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  it('types come from the model: identifiers with leading zeros are strings', () => {
    expect(typeOf('account', 'account_number')).toBe('string');
    expect(typeOf('account', 'routing_number')).toBe('string');
    expect(typeOf('account', 'current_balance')).toBe('number');
    expect(typeOf('account', 'is_dormant')).toBe('boolean');
    expect(typeOf('account', 'opened_date')).toBe('date');
    expect(typeOf('transfer', 'amount')).toBe('number');
    expect(typeOf('transfer', 'timestamp')).toBe('datetime');
    expect(typeOf('transfer', 'from_id')).toBe('string');
    expect(typeOf('person', 'citizenship')).toBe('array');
    expect(byName.get('account')?.schema.primaryKey).toBe('account_id');
    expect(byName.get('transfer')?.schema.foreignKeys).toEqual([
      { fields: 'from_id', reference: { resource: 'account', fields: 'account_id' } },
      { fields: 'to_id', reference: { resource: 'account', fields: 'account_id' } },
    ]);
  });

  it('the reads in docs/output.md map every Table Schema type the descriptor uses', async () => {
    const readme = await readFile(new URL('../../docs/output.md', import.meta.url), 'utf8');
    const used = new Set(descriptor.resources.flatMap((r) => r.schema.fields.map((f) => f.type)));
    // Types the one-liners leave to their default (string/VARCHAR) must be meant as text.
    const pandas = /pd\.read_csv\([^\n]*\{([^}]*)\}\.get\(f\['type'\], 'string'\)/.exec(
      readme,
    )?.[1];
    const duckdb = /duckdb\.read_csv\([^\n]*\{([^}]*)\}\.get\(f\['type'\], 'VARCHAR'\)/.exec(
      readme,
    )?.[1];
    expect(pandas).toBeDefined();
    expect(duckdb).toBeDefined();
    for (const type of ['integer', 'number', 'boolean']) {
      if (used.has(type)) expect(pandas).toContain(`'${type}'`);
    }
    for (const type of ['integer', 'number', 'boolean', 'date', 'datetime']) {
      if (used.has(type)) expect(duckdb).toContain(`'${type}'`);
    }
  });

  it('is byte-identical for the same seed and config, and absent without CSV', async () => {
    const again = await generated(
      join(scratch, 'csv-again'),
      '--format',
      'csv,jsonl',
      '--structuring-patterns',
      '5',
    );
    expect(await readFile(join(again, 'datapackage.json'))).toEqual(
      await readFile(join(csvRun, 'datapackage.json')),
    );
    const jsonl = await generated(join(scratch, 'jsonl'));
    expect(await readdir(jsonl)).not.toContain('datapackage.json');
  });

  it('a merge of shards writes the unsharded run’s descriptor', async () => {
    const parts = [0, 1].map((i) => join(scratch, `part-${i}`));
    for (const [i, part] of parts.entries())
      await generated(
        part,
        '--format',
        'csv,jsonl',
        '--structuring-patterns',
        '5',
        '--shard',
        `${i}/2`,
      );
    const merged = join(scratch, 'merged');
    const result = runCli(['merge', '--out', merged, '--quiet', ...parts]);
    expect(result.status, result.stderr).toBe(0);
    expect(await readFile(join(merged, 'datapackage.json'))).toEqual(
      await readFile(join(csvRun, 'datapackage.json')),
    );
  });
});
