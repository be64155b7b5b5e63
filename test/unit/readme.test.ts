import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../helpers/cli.js';
import { readmeCommands, runReadmeCommand } from '../helpers/readme-commands.js';
import { blockOf } from '../../scripts/docs/blocks.mjs';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
// The full exit-code table, with an example of each, lives in the troubleshooting guide; the
// README holds the short one.
const troubleshooting = await readFile(
  new URL('../../docs/troubleshooting.md', import.meta.url),
  'utf8',
);

describe('README', () => {
  it('quick start shows npm test', () => {
    expect(readme).toContain('npm test');
  });
  it('every example (README and guides) that loads a backend while generating also writes the files (--out)', () => {
    // load --from and detect --truth read those files; without --out a load leaves none.
    const guides = readdirSync(new URL('../../docs/', import.meta.url))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8'));
    const commands = [readme, ...guides]
      .flatMap((text) => [...text.matchAll(/```bash\n([\s\S]*?)```/g)])
      .flatMap((m) => (m[1] ?? '').replaceAll('\\\n', ' ').split('\n'))
      .filter(
        (line) => /fingraph generate\b/.test(line) && /--(janusgraph|opensearch)\b/.test(line),
      );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/--out\s/);
  });
});

describe('option descriptors', () => {
  it('describe exactly the fields of GenerationConfig', async () => {
    const { OPTION_DESCRIPTORS, PRESETS } = await import('../../src/config/index.js');
    expect(OPTION_DESCRIPTORS.map((d) => d.name).sort()).toEqual(Object.keys(PRESETS.small).sort());
  });
});

describe('exit codes (README and docs/troubleshooting.md)', () => {
  const rows = (blockOf(troubleshooting, 'exit-codes') ?? '')
    .split('\n')
    .filter((row) => /^\|\s*\d+\s*\|/.test(row))
    .map((row) => row.split('|').map((cell) => cell.trim()))
    .map(([, code, , examples]) => ({
      code: Number(code),
      commands: [...(examples ?? '').matchAll(/`fingraph([^`]*)`/g)].map((m) =>
        (m[1] ?? '').trim().split(/\s+/).filter(Boolean),
      ),
    }));

  it('the table lists every exit code the CLI uses', () => {
    expect(rows.map((row) => row.code)).toEqual(Object.values(EXIT));
  });

  it("the README's short table lists the same codes", () => {
    const readmeCodes = (blockOf(readme, 'exit-codes') ?? '')
      .split('\n')
      .map((row) => /^\|\s*(\d+)\s*\|/.exec(row)?.[1])
      .filter((code) => code !== undefined)
      .map(Number);
    expect(readmeCodes).toEqual(Object.values(EXIT));
  });

  it('each example exits with the code of its row', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'fingraph-exit-codes-'));
    try {
      // Interruption (130) is tested by sending signals, in cli-first-hour.test.ts.
      for (const { code, commands } of rows.filter((row) => row.code !== EXIT.interrupted))
        for (const args of commands) {
          const result = runCli(args, cwd);
          expect(result.status, `fingraph ${args.join(' ')}: ${result.stderr}`).toBe(code);
        }
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the command table', () => {
  it('lists each command with its own description', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name()).toBe(entry.name);
      expect(command.description()).toBe(entry.description);
    }
  });
});

describe('README quick start, run as written', () => {
  const commands = readmeCommands('Quick start');

  it('is install-and-generate, then the tests', () => {
    expect(commands).toEqual(['npm install && npx fingraph generate', 'npm test']);
  });

  // `npm install` is what made this checkout, `npm test` is what runs this file; the generate in
  // between runs here, in an empty directory, as a new user's first command.
  it('npx fingraph generate writes the small preset to ./output and says what crimes it hid', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'fingraph-quick-start-'));
    try {
      const generate = (commands[0] ?? '').split(' && ')[1] ?? '';
      const result = runReadmeCommand(generate, cwd);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/generated [\d,]+ records \(seed 42\)/);
      expect(result.stderr).toMatch(/hidden crimes: /);
      const manifest = JSON.parse(await readFile(join(cwd, 'output', 'manifest.json'), 'utf8'));
      expect(manifest.counts.transfer).toBeGreaterThan(0);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe('README usage', () => {
  it('every fingraph command it shows parses (test/integration/readme-commands runs them)', () => {
    const commands = readmeCommands('Usage').filter((line) => line.startsWith('npx fingraph '));
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) {
      const words = command.replace(/ >.*$/, '').split(/\s+/).slice(2);
      const sub = words[0] === 'schema' ? words.slice(0, 2) : words.slice(0, 1);
      const result = runCli([...sub, '--help']);
      expect(result.status, command).toBe(0);
      for (const flag of words.filter((word) => word.startsWith('--')))
        expect(result.stdout, `${command}: ${flag}`).toContain(flag);
    }
  });
});
