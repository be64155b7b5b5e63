import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI } from './cli.js';

/** The repository's root, where README.md and docs/ live. */
export const ROOT = new URL('../../', import.meta.url);

/** The commands of a ```bash block: continuations joined, comments gone. */
function commandsOf(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line !== '');
}

/**
 * The commands of a Markdown file (a path from the repository's root): those of the first
 * ```bash block under `## heading` when a heading is given, otherwise of every ```bash block, in
 * order. Blocks fenced otherwise (```sh, ```text, ```ts) are not commands to run.
 */
export function markdownCommands(file: string, heading?: string): string[] {
  const text = readFileSync(new URL(file, ROOT), 'utf8');
  if (heading === undefined)
    return [...text.matchAll(/```bash\n([\s\S]*?)```/g)].flatMap((m) => commandsOf(m[1] ?? ''));
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${file} has no "## ${heading}" section`);
  return commandsOf(/```bash\n([\s\S]*?)```/.exec(text.slice(start))?.[1] ?? '');
}

/** The code of every ```ts block of a Markdown file (a path from the repository's root). */
export function markdownTypeScript(file: string): string[] {
  const text = readFileSync(new URL(file, ROOT), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The commands of the first ```bash block under a `## heading` of the README. */
export function readmeCommands(heading: string): string[] {
  return markdownCommands('README.md', heading);
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
  env: Readonly<Record<string, string>> = {},
) {
  let script = command;
  for (const [from, to] of Object.entries(replace)) script = script.split(from).join(to);
  const shim = `npx() { if [ "$1" = fingraph ]; then shift; node ${JSON.stringify(CLI)} "$@"; else command npx "$@"; fi; }`;
  const result = spawnSync('bash', ['-c', `${shim}\n${script}`], {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, ...env },
  });
  return { script, status: result.status, stdout: result.stdout, stderr: result.stderr };
}
