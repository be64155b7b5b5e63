import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, outputFiles } from '../helpers/output-files.js';
import { readmeCommands, runReadmeCommand } from '../helpers/readme-commands.js';
import {
  clearGraph,
  dropIndexes,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
  OPENSEARCH_URL,
} from './backends.js';

// The README's quick start and every command of its Usage section, in order, as written (issue
// #15), against real servers. The README points at the default ports; where this run's servers
// live elsewhere, the URLs are swapped. `scripts/backends up|down` are the harness's job here
// (global-setup starts the servers the same way and stops them after the last file).

const README_JANUSGRAPH = 'ws://127.0.0.1:8182/gremlin';
const README_OPENSEARCH = 'http://127.0.0.1:9200';
const urls = { [README_JANUSGRAPH]: JANUSGRAPH_URL, [README_OPENSEARCH]: OPENSEARCH_URL };
// The README's commands load with the default index prefix; cleaned before and after.
const DEFAULT_PREFIX = 'fingraph-';

const cwd = await mkdtemp(join(tmpdir(), 'fingraph-readme-'));

async function clean() {
  const graph = await janusgraph();
  try {
    await clearGraph(graph);
  } finally {
    await graph.close();
  }
  const search = await opensearch();
  try {
    await dropIndexes(search, DEFAULT_PREFIX);
  } finally {
    await search.close();
  }
}

beforeAll(clean);
afterAll(async () => {
  await clean();
  await rm(cwd, { recursive: true, force: true });
});

describe('README, run as written', () => {
  it('quick start: npx fingraph generate', () => {
    const [install] = readmeCommands('Quick start');
    const generate = install?.split(' && ')[1] ?? '';
    expect(generate).toBe('npx fingraph generate');
    const result = runReadmeCommand(generate, cwd);
    expect(result.status, result.stderr).toBe(0);
  });

  it('usage: every command, in order', async () => {
    const commands = readmeCommands('Usage');
    expect(commands.filter((c) => c.startsWith('scripts/backends'))).toEqual([
      'scripts/backends up',
      'scripts/backends down',
    ]);
    for (const command of commands.filter((c) => !c.startsWith('scripts/backends'))) {
      const result = runReadmeCommand(command, cwd, urls);
      expect(result.status, `${result.script}\n${result.stderr}`).toBe(0);
    }
    // What the commands promise.
    // The report on stdout describes what `tiny` holds on disk (its persons include the ones
    // typologies add, so the count is read from the manifest, not the preset).
    const report = JSON.parse(await readFile(join(cwd, 'report.json'), 'utf8'));
    const tiny = JSON.parse(await readFile(join(cwd, 'tiny', 'manifest.json'), 'utf8'));
    expect(report.counts.person).toBeGreaterThan(0);
    expect(report.counts).toEqual(tiny.counts);
    expect(
      differingFiles(await outputFiles(join(cwd, 'bank')), await outputFiles(join(cwd, 'whole'))),
    ).toEqual([]);
    const graph = await janusgraph();
    try {
      const result = await graph.client.submit("g.V().hasLabel('account').count()");
      const manifest = JSON.parse(await readFile(join(cwd, 'bank', 'manifest.json'), 'utf8'));
      // The load cleared small's graph first: what is there is bank's, exactly.
      expect(Number(result.toArray()[0])).toBe(manifest.counts.account);
    } finally {
      await graph.close();
    }
  });
});
