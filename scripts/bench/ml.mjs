// npm run bench:ml — the AMLworld-format baseline (examples/ml/baseline.py): generates the
// `aml-hi` preset (or `complete` where this build has no aml-hi) as an AMLworld export, trains
// LightGBM on it in .bench/ml-venv (pinned examples/ml/requirements.txt) and writes
// docs/bench/ML.md with the F1 table and the command that produced it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli/main.js');
const seed = process.argv.includes('--seed')
  ? process.argv[process.argv.indexOf('--seed') + 1]
  : '42';
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  return result;
};

function generate(preset) {
  const out = join(root, '.bench/ml', preset);
  return {
    out,
    result: run(process.execPath, [
      cli,
      'generate',
      '--preset',
      preset,
      '--seed',
      seed,
      '--format',
      'amlworld',
      '--out',
      out,
      '--overwrite',
      '--quiet',
    ]),
  };
}

let preset = 'aml-hi';
let { out, result } = generate(preset);
if (result.status === 2 && /is not a preset/.test(result.stderr)) {
  console.error('bench:ml: no aml-hi preset in this build; using complete');
  preset = 'complete';
  ({ out, result } = generate(preset));
}
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(1);
}

const venv = join(root, '.bench/ml-venv');
const python = join(venv, 'bin/python');
if (!existsSync(python)) {
  mkdirSync(join(root, '.bench'), { recursive: true });
  if (run('python3', ['-m', 'venv', venv], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
const install = run(
  join(venv, 'bin/pip'),
  ['install', '--quiet', '-r', 'examples/ml/requirements.txt'],
  { stdio: 'inherit' },
);
if (install.status !== 0) process.exit(1);

const json = join(root, '.bench/ml', `${preset}.json`);
const baseline = run(python, [
  join(root, 'examples/ml/baseline.py'),
  join(out, 'amlworld'),
  '--json',
  json,
]);
if (baseline.status !== 0) {
  console.error(baseline.stderr);
  process.exit(1);
}
process.stdout.write(baseline.stdout);
mkdirSync(join(root, 'docs/bench'), { recursive: true });
const commit = run('git', ['rev-parse', '--short', 'HEAD']).stdout.trim();
writeFileSync(
  join(root, 'docs/bench/ML.md'),
  `# AMLworld-format baseline\n\n\`npm run bench:ml\` (commit ${commit}): preset \`${preset}\`, seed ${seed}, ` +
    `\`fingraph generate --preset ${preset} --seed ${seed} --format amlworld\`, then ` +
    `\`python examples/ml/baseline.py <out>/amlworld\` (LightGBM, examples/ml/requirements.txt).\n\n` +
    baseline.stdout +
    '\n' +
    `Raw numbers: \`.bench/ml/${preset}.json\`.\n`,
);
