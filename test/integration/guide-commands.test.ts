import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  markdownCommands,
  markdownTypeScript,
  runReadmeCommand,
} from '../helpers/readme-commands.js';
import {
  clearGraph,
  dropIndexes,
  janusgraph,
  JANUSGRAPH_URL,
  opensearch,
  OPENSEARCH_URL,
} from './backends.js';

// The getting-started and testing guides, run as written (issue #18), in order, against real
// servers, like readme-commands.test.ts does for the README. The guides point at the default
// ports; where this run's servers live elsewhere, the URLs are swapped. `scripts/backends
// up|down` are the harness's job here (global-setup starts the servers the same way), and
// ```sh blocks (installing) are what made this checkout.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDE_JANUSGRAPH = 'ws://127.0.0.1:8182/gremlin';
const GUIDE_OPENSEARCH = 'http://127.0.0.1:9200';
const GUIDE_GREMLIN_HTTP = 'http://127.0.0.1:8182';
const urls = {
  [GUIDE_JANUSGRAPH]: JANUSGRAPH_URL,
  [GUIDE_OPENSEARCH]: OPENSEARCH_URL,
  // The servers answer Gremlin over HTTP on the same port as over WebSocket.
  [GUIDE_GREMLIN_HTTP]: JANUSGRAPH_URL.replace(/^ws/, 'http').replace(/\/gremlin$/, ''),
};
// The guides load with the default index prefix (and the test's own, mytest-); cleaned before
// and after.
const PREFIXES = ['fingraph-', 'mytest-'];

async function clean() {
  const graph = await janusgraph();
  try {
    await clearGraph(graph);
  } finally {
    await graph.close();
  }
  const search = await opensearch();
  try {
    for (const prefix of PREFIXES) await dropIndexes(search, prefix);
  } finally {
    await search.close();
  }
}

const dirs: string[] = [];
async function scratch(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `fingraph-${name}-`));
  dirs.push(dir);
  return dir;
}

beforeAll(clean);
afterAll(async () => {
  await clean();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs every command of a guide but the servers' start and stop; returns their results. */
function runGuide(file: string, cwd: string) {
  const commands = markdownCommands(file);
  expect(commands.filter((c) => c.startsWith('scripts/backends'))).toEqual([
    'scripts/backends up',
    'scripts/backends down',
  ]);
  return commands
    .filter((c) => !c.startsWith('scripts/backends'))
    .map((command) => {
      const result = runReadmeCommand(command, cwd, urls);
      expect(result.status, `${result.script}\n${result.stderr}`).toBe(0);
      return result;
    });
}

describe('docs/getting-started.md, run as written', () => {
  it('every command, in order', async () => {
    const cwd = await scratch('getting-started');
    const results = runGuide('docs/getting-started.md', cwd);
    const output = (text: string) => results.find((r) => r.script.includes(text))?.stdout ?? '';

    // What the guide says they show.
    expect(output("grep -c '' bank/ground_truth/patterns.jsonl").trim()).toBe('15');
    const mule = (await readFile(join(cwd, 'mule-transfers.txt'), 'utf8')).trim().split('\n');
    expect(mule.length).toBeGreaterThanOrEqual(2);
    expect(output('grep -F -f mule-transfers.txt').trim().split('\n')).toHaveLength(mule.length);
    expect(output('diff bank/transfers.jsonl')).toContain('identical');
    expect(existsSync(join(cwd, 'card.html'))).toBe(true);
    expect(existsSync(join(cwd, 'report.html'))).toBe(true);
    const manifest = JSON.parse(await readFile(join(cwd, 'bank', 'manifest.json'), 'utf8'));
    expect(JSON.parse(output('_count')).count).toBe(manifest.counts.transfer);
    expect(output('g.V().hasLabel')).toContain(String(manifest.counts.account));
  });
});

describe('docs/testing-detection.md, run as written', () => {
  it('the commands, and the complete vitest example as a user would run it', async () => {
    const cwd = await scratch('testing-guide');
    // The user's project: fingraph and vitest installed (here, this checkout and its vitest).
    await mkdir(join(cwd, 'node_modules', '.bin'), { recursive: true });
    await symlink(ROOT, join(cwd, 'node_modules', 'fingraph'));
    await symlink(join(ROOT, 'node_modules', 'vitest'), join(cwd, 'node_modules', 'vitest'));
    await symlink(
      join(ROOT, 'node_modules', '.bin', 'vitest'),
      join(cwd, 'node_modules', '.bin', 'vitest'),
    );
    // The guide's test file, saved as it says.
    const example = markdownTypeScript('docs/testing-detection.md').find((code) =>
      code.includes('seedBank('),
    );
    expect(example).toBeDefined();
    let code = example ?? '';
    for (const [from, to] of Object.entries(urls)) code = code.split(from).join(to);
    await writeFile(join(cwd, 'fan-in.test.ts'), code);

    const results = runGuide('docs/testing-detection.md', cwd);
    const scores = JSON.parse(await readFile(join(cwd, 'scores.json'), 'utf8'));
    expect(scores).toBeTypeOf('object');
    expect(existsSync(join(cwd, 'report.html'))).toBe(true);
    const vitest = results.find((r) => r.script.startsWith('npx vitest'));
    expect(`${vitest?.stdout}${vitest?.stderr}`).toMatch(/1 passed/);
  });
});
