// `load --from` through the CLI against the shared servers, for input that must not land: a
// directory that fails its check writes nothing to either backend, elements a backend refuses go
// to the --dead-letter file, and no error path prints a password given in a backend URL. What
// landed is read back independently (Gremlin counts, OpenSearch _cat/_count), never taken from
// the loader's own report.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { generate } from '../../src/orchestration/generate.js';
import type { OutputManifest } from '../../src/output/index.js';
import type { Label } from '../../src/model/index.js';
import { INDEXED_LABELS, indexNameOf } from '../../src/schema/index.js';
import { runCliAsync, type CliResult } from '../helpers/cli.js';
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
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-load-refusals-'));
const intact = join(scratch, 'intact');
const env = { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') };
const SECRET = 'S3cretPW';

const cli = (args: readonly string[]) => runCliAsync(args, env);

const backends = (janusgraphUrl = JANUSGRAPH_URL, opensearchUrl = OPENSEARCH_URL) => [
  '--janusgraph',
  janusgraphUrl,
  '--opensearch',
  opensearchUrl,
  '--index-prefix',
  prefix,
];

/** The same URL with `admin:S3cretPW@` before the host. */
const withPassword = (url: string) => url.replace('://', `://admin:${SECRET}@`);

async function readManifest(dir: string): Promise<OutputManifest> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as OutputManifest;
}

/** Records per label, from the manifest. */
async function manifestCounts(dir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const file of (await readManifest(dir)).files) counts[file.label] = file.records;
  return counts;
}

async function rows(dir: string, path: string): Promise<Record<string, unknown>[]> {
  return (await readFile(join(dir, path), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * A copy of the intact directory with the last row of `path` changed and the manifest's size and
 * checksum of that file updated to match, so only the row check can refuse it. The last row, so a
 * loader that checked rows as it sent them would already have written everything before it.
 */
async function withLastRow(
  name: string,
  path: string,
  edit: (row: Record<string, unknown>) => void,
): Promise<{ dir: string; line: number; row: Record<string, unknown> }> {
  const dir = join(scratch, name);
  await cp(intact, dir, { recursive: true });
  const lines = (await readFile(join(dir, path), 'utf8')).split('\n');
  const index = lines.findLastIndex((line) => line !== '');
  const row = JSON.parse(lines[index] ?? '') as Record<string, unknown>;
  edit(row);
  lines[index] = JSON.stringify(row);
  const content = Buffer.from(lines.join('\n'));
  await writeFile(join(dir, path), content);
  const manifest = await readManifest(dir);
  const entry = manifest.files.find((file) => file.path === path);
  if (entry === undefined) throw new Error(`${path} is not in the manifest`);
  Object.assign(entry, {
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, line: index + 1, row };
}

/** Elements per label in the graph, the dataset marker included; read with Gremlin. */
async function graphContents(): Promise<{ vertices: Record<string, number>; edges: number }> {
  const jg = await janusgraph();
  try {
    const [vertices, edges] = (
      await jg.client.submit('[g.V().groupCount().by(label).next(), g.E().count().next()]')
    ).toArray() as [Map<string, unknown> | Record<string, unknown>, unknown];
    const entries = vertices instanceof Map ? [...vertices.entries()] : Object.entries(vertices);
    return {
      vertices: Object.fromEntries(entries.map(([label, n]) => [label, Number(n)])),
      edges: Number(edges),
    };
  } finally {
    await jg.close();
  }
}

async function gremlin(script: string, bindings: Record<string, unknown> = {}): Promise<unknown[]> {
  const jg = await janusgraph();
  try {
    return (await jg.client.submit(script, bindings)).toArray();
  } finally {
    await jg.close();
  }
}

/** Indexes under this file's prefix (hidden ones included) and the documents in them. */
async function searchContents(): Promise<{ indexes: string[]; documents: number }> {
  const os = await opensearch();
  try {
    const listed = (
      await os.client.cat.indices({
        index: `${prefix}*`,
        format: 'json',
        expand_wildcards: 'all',
      } as never)
    ).body as { index: string }[];
    if (listed.length === 0) return { indexes: [], documents: 0 };
    await os.client.indices.refresh({ index: `${prefix}*` });
    const documents = (await os.client.count({ index: `${prefix}*` })).body.count;
    return { indexes: listed.map((entry) => entry.index).sort(), documents };
  } finally {
    await os.close();
  }
}

async function documentsIn(kind: string): Promise<number> {
  const os = await opensearch();
  try {
    await os.client.indices.refresh({ index: prefix + kind });
    return (await os.client.count({ index: prefix + kind })).body.count;
  } finally {
    await os.close();
  }
}

/** Which of `ids` have a document in the index of `kind`. */
async function documentIds(kind: string, ids: readonly string[]): Promise<string[]> {
  const os = await opensearch();
  try {
    const found = (await os.client.mget({ index: prefix + kind, body: { ids: [...ids] } }))
      .body as {
      docs: { _id: string; found: boolean }[];
    };
    return found.docs.filter((doc) => doc.found).map((doc) => doc._id);
  } finally {
    await os.close();
  }
}

beforeAll(async () => {
  await generate({
    config: resolveConfig({
      preset: 'tiny',
      layers: [{ source: 'flag', values: { seed: 16, transactionCount: 600 } }],
    }),
    outDir: intact,
  });
});

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

describe('a directory that fails its check writes nothing to either backend', () => {
  it('the intact directory loads with these very URLs and prefix (so "nothing" below means something)', async () => {
    const result = await cli(['load', '--from', intact, ...backends(), '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const expected = await manifestCounts(intact);
    const graph = await graphContents();
    expect(graph.vertices['account']).toBe(expected['account']);
    expect(graph.vertices['fingraph_meta']).toBe(1);
    expect(await documentsIn('transfers')).toBe(expected['transfer']);
  });

  it('a row of the wrong type (checksum consistent): exit 2 naming file, line, field and value; no vertex, edge, index or document', async () => {
    const bad = await withLastRow('wrong-type', 'transfers.jsonl', (row) => {
      row['amount'] = 'lots';
    });
    const result = await cli(['load', '--from', bad.dir, ...backends(), '--json']);
    expect(result.status, result.stderr).toBe(2);
    const message = new RegExp(
      `transfers\\.jsonl line ${String(bad.line)}: field amount: value "lots" does not match the transfer schema`,
    );
    expect(result.stderr).toMatch(message);
    expect((JSON.parse(result.stdout) as { error: string }).error).toMatch(message);
    expect(await graphContents()).toEqual({ vertices: {}, edges: 0 });
    expect(await searchContents()).toEqual({ indexes: [], documents: 0 });
  });

  it('a transfer whose to_id is no vertex: exit 2 naming the transfer, the endpoint and the value; nothing in either backend', async () => {
    const bad = await withLastRow('dangling', 'transfers.jsonl', (row) => {
      row['to_id'] = 'ACC99999999';
    });
    const result = await cli(['load', '--from', bad.dir, ...backends(), '--json']);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `transfer ${String(bad.row['transaction_id'])}: its to endpoint "ACC99999999" is not a vertex in this directory; nothing was loaded`,
      ),
    );
    expect(await graphContents()).toEqual({ vertices: {}, edges: 0 });
    expect(await searchContents()).toEqual({ indexes: [], documents: 0 });
  });
});

interface DeadLetter {
  readonly label: string;
  readonly id: string;
  readonly reason: string;
  readonly row: Record<string, unknown>;
}

describe('--dead-letter FILE', () => {
  it('holds one JSON line per element JanusGraph refused (label, id, reason, row as sent), as many as the --json report', async () => {
    const first = await cli(['load', '--from', intact, ...backends(), '--quiet']);
    expect(first.status, first.stderr).toBe(0);
    // A device id taken by a person: JanusGraph refuses the device, and the logins to it with it.
    const logins = await rows(intact, 'logins.jsonl');
    const device = String(logins[0]?.['to_id']);
    const loginsToIt = logins.filter((login) => login['to_id'] === device);
    const deviceRow = (await rows(intact, 'devices.jsonl')).find((d) => d['device_id'] === device);
    await gremlin(
      "g.V(d).drop().iterate(); graph.addVertex(T.label, 'person', T.id, d); graph.tx().commit(); 0",
      { d: device },
    );

    const deadLetter = join(scratch, 'refused.jsonl');
    const result = await cli([
      'load',
      '--from',
      intact,
      ...backends(),
      '--dead-letter',
      deadLetter,
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; dropped: DeadLetter[] };
    expect(report.ok).toBe(false);
    const lines = (await readFile(deadLetter, 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as DeadLetter);
    expect(lines).toHaveLength(1 + loginsToIt.length);
    expect(report.dropped).toHaveLength(lines.length);
    expect(lines).toEqual(report.dropped);

    const refusedDevice = lines.find((line) => line.label === 'device');
    expect(refusedDevice).toMatchObject({
      id: device,
      reason: `vertex ${device} exists with label person`,
      row: {
        fingerprint: deviceRow?.['fingerprint'],
        ip_address: deviceRow?.['ip_address'],
        os: deviceRow?.['os'],
      },
    });
    const refusedLogins = lines.filter((line) => line.label === 'logged_in');
    expect(refusedLogins.map((line) => line.id).sort()).toEqual(
      loginsToIt.map((login) => String(login['login_id'])).sort(),
    );
    for (const line of refusedLogins) {
      const sent = loginsToIt.find((login) => login['login_id'] === line.id);
      expect(line.reason).toMatch(/\w/);
      expect(line.row).toMatchObject({
        outV: sent?.['from_id'],
        inV: device,
        ip_address: sent?.['ip_address'],
      });
    }

    // Read back independently: the person stayed, the device and the logins to it are missing.
    const expected = await manifestCounts(intact);
    expect(await gremlin('g.V(d).label()', { d: device })).toEqual(['person']);
    expect(
      (
        await gremlin(
          "[g.V().hasLabel('device').count().next(), g.E().hasLabel('logged_in').count().next()]",
        )
      ).map(Number),
    ).toEqual([(expected['device'] ?? 0) - 1, (expected['logged_in'] ?? 0) - loginsToIt.length]);
    // And OpenSearch holds the same records: what JanusGraph refused was removed from it too.
    expect(await documentIds('devices', [device])).toEqual([]);
    expect(
      await documentIds(
        'logins',
        loginsToIt.map((login) => String(login['login_id'])),
      ),
    ).toEqual([]);
    expect([await documentsIn('devices'), await documentsIn('logins')]).toEqual([
      (expected['device'] ?? 0) - 1,
      (expected['logged_in'] ?? 0) - loginsToIt.length,
    ]);
    expect(result.stderr).toContain(
      `opensearch: removed ${lines.length} documents another backend refused`,
    );
  });

  it('a person OpenSearch refuses leaves the graph too, with its edges, each in the dead-letter file', async () => {
    // A keyword of 40,000 bytes: OpenSearch refuses the document ("immense term", over Lucene's
    // 32,766-byte limit) while JanusGraph takes it, a refusal by one backend at write time.
    const { dir, row } = await withLastRow('immense-email', 'persons.jsonl', (person) => {
      person['email'] = `${'a'.repeat(40_000)}@example.com`;
    });
    const person = String(row['person_id']);
    const first = await cli(['load', '--from', dir, '--janusgraph', JANUSGRAPH_URL, '--quiet']);
    expect(first.status, first.stderr).toBe(0);
    const [edgesOfPerson] = (await gremlin('g.V(p).bothE().count()', { p: person })).map(Number);
    expect(edgesOfPerson).toBeGreaterThan(0);

    const deadLetter = join(scratch, 'refused-by-opensearch.jsonl');
    const result = await cli(['load', '--from', dir, ...backends(), '--dead-letter', deadLetter]);
    expect(result.status, result.stderr).toBe(1);
    const lines = (await readFile(deadLetter, 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as DeadLetter);
    expect(lines.find((line) => line.id === person)).toMatchObject({
      label: 'person',
      reason: expect.stringContaining('immense term') as unknown,
    });
    const along = lines.filter((line) => line.id !== person);
    expect(along).toHaveLength(edgesOfPerson!);
    expect(new Set(along.map((line) => line.reason))).toEqual(
      new Set(['removed with an endpoint vertex that another backend refused']),
    );

    // Read back: neither backend has the person or any of its edges.
    // By label: JanusGraph's g.V(id) can answer a removed id with a bare `vertex`.
    expect(await gremlin("g.V(p).hasLabel('person').count()", { p: person })).toEqual([0]);
    for (const line of along) {
      if (!(INDEXED_LABELS as readonly string[]).includes(line.label)) continue;
      const kind = indexNameOf(line.label as Label);
      expect(await documentIds(kind, [line.id]), line.label).toEqual([]);
    }
    expect(await documentIds('persons', [person])).toEqual([]);
  });
});

describe('a password in a backend URL is never printed (stdout, stderr, --json report)', () => {
  const noSecret = (result: CliResult) => {
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  };

  it('another dataset already loaded, refused without --clear (exit 2)', async () => {
    const first = await cli(['load', '--from', intact, ...backends(), '--quiet']);
    expect(first.status, first.stderr).toBe(0);
    const other = join(scratch, 'other');
    await generate({
      config: resolveConfig({
        preset: 'tiny',
        layers: [{ source: 'flag', values: { seed: 17, transactionCount: 600 } }],
      }),
      outDir: other,
    });
    const before = await graphContents();
    const result = await cli([
      'load',
      '--from',
      other,
      ...backends(withPassword(JANUSGRAPH_URL), withPassword(OPENSEARCH_URL)),
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { error: string }).error).toMatch(
      /already holds another dataset.*--clear/,
    );
    expect(result.stderr).toMatch(/127\.0\.0\.1/);
    noSecret(result);
    expect(await graphContents()).toEqual(before);
  });

  it('servers that refuse the connection, and servers that accept it but never answer (exit 1)', async () => {
    // Accepts TCP connections and never says a word: the loader gives up after its 15 s.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const [refusing, janusgraphSilent, opensearchSilent] = await Promise.all([
        cli([
          'load',
          '--from',
          intact,
          ...backends(
            `ws://admin:${SECRET}@127.0.0.1:9/gremlin`,
            `http://admin:${SECRET}@127.0.0.1:9`,
          ),
          '--json',
        ]),
        cli([
          'load',
          '--from',
          intact,
          '--janusgraph',
          `ws://admin:${SECRET}@127.0.0.1:${String(port)}/gremlin`,
          '--json',
        ]),
        cli([
          'load',
          '--from',
          intact,
          '--opensearch',
          `http://admin:${SECRET}@127.0.0.1:${String(port)}`,
          '--index-prefix',
          prefix,
          '--json',
        ]),
      ]);
      expect(refusing.status, refusing.stderr).toBe(1);
      expect(refusing.stderr).toMatch(/127\.0\.0\.1:9\b.*connection refused/);
      noSecret(refusing);
      expect(janusgraphSilent.status, janusgraphSilent.stderr).toBe(1);
      expect(janusgraphSilent.stderr).toMatch(
        new RegExp(`ws://127\\.0\\.0\\.1:${String(port)}/gremlin: no answer within 15 s`),
      );
      noSecret(janusgraphSilent);
      expect(opensearchSilent.status, opensearchSilent.stderr).toBe(1);
      expect(opensearchSilent.stderr).toMatch(
        new RegExp(`http://127\\.0\\.0\\.1:${String(port)}: no answer within 15 s`),
      );
      noSecret(opensearchSilent);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a --from directory that does not exist (exit 2)', async () => {
    const result = await cli([
      'load',
      '--from',
      join(scratch, 'missing'),
      ...backends(withPassword(JANUSGRAPH_URL), withPassword(OPENSEARCH_URL)),
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/missing/);
    noSecret(result);
  });
});
