// The pyg export read by Python without fingraph: examples/pyg/check_export.py reads it with
// numpy and pyarrow (examples/pyg/load_fingraph_pyg.py) and checks shapes, dtypes, masks and
// labels. It runs .venv/bin/python, which .ci/run creates from examples/pyg/requirements-test.txt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { generate } from '../../src/orchestration/generate.js';

const root = join(import.meta.dirname, '../..');
const python = join(root, '.venv/bin/python');
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-pyg-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

it('Python reads the pyg export with pyarrow and numpy: shapes, dtypes, masks, labels', async () => {
  expect(
    existsSync(python),
    `${python} is missing: create it with \`python3 -m venv .venv && .venv/bin/pip install -r examples/pyg/requirements-test.txt\` (.ci/run does)`,
  ).toBe(true);
  const out = join(scratch, 'bank');
  const report = await generate({
    config: resolveConfig({
      preset: 'small',
      layers: [{ source: 'flag', values: { transactionCount: 4_000, formats: ['pyg'] } }],
    }),
    outDir: out,
  });
  const labelled = report.groundTruth.eventLabels.filter((e) => e.label === 'transfer').length;
  const expected = join(scratch, 'expected.json');
  await writeFile(
    expected,
    JSON.stringify({
      accounts: report.counts.account,
      transfers: report.counts.transfer,
      labelled_transfers: labelled,
    }),
  );
  const result = spawnSync(python, ['check_export.py', join(out, 'pyg'), expected], {
    cwd: join(root, 'examples/pyg'),
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    nodes: report.counts.account,
    edges: report.counts.transfer,
    positives: labelled,
  });
  expect(await readFile(join(out, 'pyg/meta.json'), 'utf8')).toContain('"format": "fingraph-pyg"');
});
