import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI } from './cli.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The commands of the first ```bash block under a `## heading`: continuations joined, comments gone. */
export function readmeCommands(heading: string): string[] {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const block = /```bash\n([\s\S]*?)```/.exec(README.slice(start))?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line !== '');
}

/**
 * Runs one README line with bash, as written, in `cwd`. `npx fingraph` is this checkout's built
 * CLI (npx would look for the package outside a project directory); `replace` swaps text such as
 * the servers' URLs where the test's backends live elsewhere.
 */
export function runReadmeCommand(
  command: string,
  cwd: string,
  replace: Readonly<Record<string, string>> = {},
) {
  let script = command;
  for (const [from, to] of Object.entries(replace)) script = script.split(from).join(to);
  const shim = `npx() { if [ "$1" = fingraph ]; then shift; node ${JSON.stringify(CLI)} "$@"; else command npx "$@"; fi; }`;
  const result = spawnSync('bash', ['-c', `${shim}\n${script}`], {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { script, status: result.status, stdout: result.stdout, stderr: result.stderr };
}
