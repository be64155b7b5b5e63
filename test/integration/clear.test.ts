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

describe('loading a second, different dataset', () => {
  it('is caught by verification without --clear, and loads cleanly with it', () => {
    const first = runCli(['generate', '--preset', 'tiny', '--seed', '1', ...backends]);
    expect(first.status, first.stderr).toBe(0);
    // Same ids, other data: vertices are upserted, but edges keyed alike now join other endpoints.
    const over = runCli(['generate', '--preset', 'tiny', '--seed', '2', ...backends]);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/verification failed: janusgraph/);
    const cleared = runCli(['generate', '--preset', 'tiny', '--seed', '2', '--clear', ...backends]);
    expect(cleared.status, cleared.stderr).toBe(0);
  });

  it('refuses --clear together with --resume', () => {
    const result = runCli(['generate', '--preset', 'tiny', '--clear', '--resume', ...backends]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot be used with option '--resume'/);
  });
});
