import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { generate } from '../../src/orchestration/generate.js';
import type { OutputManifest } from '../../src/output/index.js';
import { runCli } from '../helpers/cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-load-check-'));
const out = join(scratch, 'out');
/** Nothing listens here: a load that got as far as connecting would say "connection refused". */
const NOWHERE = ['--janusgraph', 'ws://127.0.0.1:9/gremlin', '--opensearch', 'http://127.0.0.1:9'];

beforeAll(async () => {
  await generate({ config: resolveConfig({ preset: 'tiny', layers: [] }), outDir: out });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the output with one row of one file changed, checksums updated to match. */
async function withRow(name: string, path: string, edit: (row: Record<string, unknown>) => void) {
  const copy = join(scratch, name);
  await cp(out, copy, { recursive: true });
  const lines = (await readFile(join(copy, path), 'utf8')).split('\n');
  const row = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  edit(row);
  lines[0] = JSON.stringify(row);
  const content = Buffer.from(lines.join('\n'));
  await writeFile(join(copy, path), content);
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as OutputManifest;
  Object.assign(manifest.files.find((file) => file.path === path) ?? {}, {
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  });
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

describe('load checks the whole input before the first write', () => {
  it('refuses an edge whose endpoint is not in the directory (exit 2), before connecting', async () => {
    const dir = await withRow('dangling', 'transfers.jsonl', (row) => {
      row['to_id'] = 'ACC99999999';
    });
    const result = runCli(['load', '--from', dir, ...NOWHERE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /transfer TXN00000000: its to endpoint "ACC99999999" is not a vertex in this directory; nothing was loaded/,
    );
    expect(result.stderr).not.toMatch(/refused|ECONNREFUSED/);
  });

  it("refuses an id with '-' (JanusGraph's relation delimiter)", async () => {
    const dir = await withRow('dash', 'devices.jsonl', (row) => {
      row['device_id'] = 'DEV-0000000';
    });
    const result = runCli(['load', '--from', dir, ...NOWHERE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/device id "DEV-0000000" must be letters, digits and '_' only/);
  });

  it('refuses a row of the wrong type, naming file, field and value, before connecting', async () => {
    const dir = await withRow('type', 'transfers.jsonl', (row) => {
      row['amount'] = 'lots';
    });
    const result = runCli(['load', '--from', dir, ...NOWHERE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/transfers\.jsonl.*amount/);
    expect(result.stderr).not.toMatch(/connection refused/);
  });
});
