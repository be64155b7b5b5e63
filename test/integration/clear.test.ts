import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
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
const backends = [
  '--janusgraph',
  JANUSGRAPH_URL,
  '--opensearch',
  OPENSEARCH_URL,
  '--index-prefix',
  prefix,
  '--quiet',
];

beforeAll(async () => {
  const jg = await janusgraph();
  await clearGraph(jg);
  await jg.close();
});

afterAll(async () => {
  const os = await opensearch();
  await dropIndexes(os, prefix);
  await os.close();
});

/** Elements in the graph and documents under the prefix, read independently of fingraph. */
async function contents(): Promise<{ vertices: number; edges: number; documents: number }> {
  const jg = await janusgraph();
  const os = await opensearch();
  try {
    const count = async (script: string) => Number((await jg.client.submit(script)).toArray()[0]);
    await os.client.indices.refresh({ index: `${prefix}*` });
    return {
      vertices: await count("g.V().not(hasLabel('fingraph_meta')).count()"),
      edges: await count('g.E().count()'),
      documents: (await os.client.count({ index: `${prefix}*` })).body.count,
    };
  } finally {
    await jg.close();
    await os.close();
  }
}

describe('loading a second, different dataset', () => {
  it('is refused before anything is written (exit 2, naming --clear); a repeat of the same dataset goes ahead; --clear replaces it', async () => {
    const first = runCli(['generate', '--preset', 'tiny', '--seed', '1', ...backends]);
    expect(first.status, first.stderr).toBe(0);
    const loaded = await contents();
    expect(loaded.edges).toBeGreaterThan(0);

    const over = runCli(['generate', '--preset', 'tiny', '--seed', '2', ...backends]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(
      /already holds another dataset \(seed 1, .*this one is seed 2.*--clear/,
    );
    expect(await contents()).toEqual(loaded);

    // Only OpenSearch: its indexes record the dataset too.
    const overIndexes = runCli([
      'generate',
      '--preset',
      'tiny',
      '--seed',
      '2',
      '--opensearch',
      OPENSEARCH_URL,
      '--index-prefix',
      prefix,
      '--quiet',
    ]);
    expect(overIndexes.status).toBe(2);
    expect(overIndexes.stderr).toMatch(
      /index it-clear-\w+ already holds another dataset .*--clear/,
    );
    expect(await contents()).toEqual(loaded);

    const again = runCli(['generate', '--preset', 'tiny', '--seed', '1', ...backends]);
    expect(again.status, again.stderr).toBe(0);
    expect(await contents()).toEqual(loaded);

    const cleared = runCli(['generate', '--preset', 'tiny', '--seed', '2', '--clear', ...backends]);
    expect(cleared.status, cleared.stderr).toBe(0);
  });

  it('refuses --clear together with --resume', () => {
    const result = runCli(['generate', '--preset', 'tiny', '--clear', '--resume', ...backends]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot be used with option '--resume'/);
  });
});
