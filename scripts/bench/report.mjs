// npm run bench [-- --quick] [--only generation,memory,janusgraph,opensearch] [--repeats N]
//   [--workers 1,2,4] [--start-backends] [--out docs/bench] [--render-only]
//
// One report for every benchmark target: writes <out>/REPORT.md (markdown tables, each target met
// or not met) and <out>/bench.svg (vega-lite, rendered headless), and keeps the raw results in
// .bench/report.json. Sections:
//   generation  records/s by preset and worker count, each run its own process (run-generate.mjs),
//               best of N with the 1-worker baseline measured in the same rounds; plus generation
//               overhead (write-prebuilt.mjs);
//   memory      peak RSS by size (`small` + 1e5/1e6/1e7 transactions) to JSONL files, and the same
//               sizes generated straight into OpenSearch (run-generate-opensearch.mjs);
//   janusgraph  janusgraph.mjs, read back from .bench/janusgraph.json. It EMPTIES the graph at
//               JANUSGRAPH_URL: point it at a server nobody else is using;
//   opensearch  opensearch.mjs, read back from .bench/opensearch.json (its own index prefix).
// A backend that does not answer is reported as such in its section; --start-backends runs
// `scripts/backends up` for it and `down` afterwards (only for servers this run started).
// URLs: JANUSGRAPH_URL / OPENSEARCH_URL, else the JANUSGRAPH_PORT / OPENSEARCH_PORT that
// scripts/backends uses (8182, 9200). --quick: smaller sizes and fewer repeats, for a smoke run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import {
  availableParallelism,
  cpus,
  loadavg,
  release as osRelease,
  tmpdir,
  totalmem,
  type as osType,
} from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { renderChart } from './report-chart.mjs';
import { renderMarkdown, targetsOf } from './report-markdown.mjs';
import {
  backends,
  backendUrls,
  failureOf,
  lastJsonLine,
  probe,
  runBench,
} from './report-process.mjs';

const SECTIONS = ['generation', 'memory', 'janusgraph', 'opensearch'];
const RESULTS = '.bench/report.json';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    repeats: { type: 'string' },
    workers: { type: 'string', default: '1,2,4' },
    'start-backends': { type: 'boolean', default: false },
    out: { type: 'string', default: 'docs/bench' },
    'render-only': { type: 'boolean', default: false },
  },
});
const log = (line) => process.stderr.write(`bench: ${line}\n`);

if (args['render-only']) {
  await writeReport(JSON.parse(readFileSync(RESULTS, 'utf8')));
  process.exit(0);
}

const only = args.only?.split(',').map((s) => s.trim()) ?? SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) {
  log(`--only: unknown section(s) ${unknown.join(', ')}; expected some of ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const quick = args.quick;
const repeats = Number(args.repeats ?? (quick ? 2 : 3));
const workers = args.workers.split(',').map(Number);
if (
  !Number.isInteger(repeats) ||
  repeats < 1 ||
  !workers.every((w) => Number.isInteger(w) && w > 0)
) {
  log('--repeats and --workers take whole numbers ≥ 1 (e.g. --repeats 3 --workers 1,2,4)');
  process.exit(2);
}
if (!workers.includes(1)) workers.unshift(1); // the baseline is always measured in the same run
const plan = {
  presets: quick ? ['complete'] : ['complete', 'large'],
  memorySizes: quick ? [1e4, 1e5] : [1e5, 1e6, 1e7],
  overheadRounds: quick ? 1 : 3,
  janusgraphArgs: quick ? ['--quick'] : [],
  opensearchArgs: quick
    ? ['--preset', 'small', '--rounds', '2', '--one-per-doc', '1000']
    : ['--rounds', '4'],
};
const urls = backendUrls();

const results = {
  startedAt: new Date().toISOString(),
  finishedAt: null,
  command: commandLine(),
  quick,
  sections: only,
  git: gitState(),
  machine: machine(),
  urls,
  generation: null,
  memory: null,
  janusgraph: null,
  opensearch: null,
};

// --- backends: probed when first needed, started only with --start-backends ------------------
const started = new Set();
const reachability = new Map();
async function reach(backend) {
  if (reachability.has(backend)) return reachability.get(backend);
  let why = await probe(backend, urls[backend]);
  if (why !== null && args['start-backends']) {
    log(`${backend} does not answer at ${urls[backend]} (${why}); starting it`);
    if (backends('up', backend)) {
      started.add(backend);
      why = await probe(backend, urls[backend]);
    } else why = `${why}; \`scripts/backends up ${backend}\` failed`;
  }
  const state = why === null ? { ok: true } : { ok: false, why };
  reachability.set(backend, state);
  return state;
}
function release(backend) {
  if (!started.has(backend)) return;
  log(`stopping ${backend} (this run started it)`);
  backends('down', backend);
  started.delete(backend);
}
function releaseAll() {
  for (const backend of [...started]) release(backend);
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    releaseAll();
    process.exit(130);
  });

const scratch = mkdtempSync(join(tmpdir(), 'fingraph-report-'));
try {
  if (only.includes('generation')) results.generation = await generationSection();
  save();
  if (only.includes('memory')) results.memory = await memorySection();
  save();
  if (only.includes('opensearch')) results.opensearch = await opensearchSection();
  release('opensearch');
  save();
  if (only.includes('janusgraph')) results.janusgraph = await janusgraphSection();
  release('janusgraph');
} finally {
  releaseAll();
  rmSync(scratch, { recursive: true, force: true });
}
results.finishedAt = new Date().toISOString();
results.machine.loadAverageEnd = loadavg().map((l) => Number(l.toFixed(2)));
save();
await writeReport(results);
process.exit(0);

// --- sections -----------------------------------------------------------------------------------

async function generationSection() {
  // Rounds alternate presets and worker counts, so a load trend on a shared machine does not
  // favour one of them; each cell keeps its best run.
  const cells = plan.presets.flatMap((preset) =>
    workers.map((w) => ({ preset, workers: w, status: 'ok', runs: [], best: null })),
  );
  for (let round = 0; round < repeats; round++) {
    for (const cell of cells) {
      if (cell.status !== 'ok') continue;
      const out = join(scratch, 'out');
      const r = await runBench('run-generate.mjs', [
        JSON.stringify({ numWorkers: cell.workers }),
        cell.preset,
        out,
      ]);
      rmSync(out, { recursive: true, force: true });
      const json = lastJsonLine(r.stdout);
      if (json?.configError) {
        Object.assign(cell, { status: 'unsupported', message: json.configError });
        log(`${cell.preset} × ${cell.workers} workers: not supported: ${json.configError}`);
        continue;
      }
      if (r.code !== 0 || !json) {
        Object.assign(cell, { status: 'failed', message: failureOf(r) });
        log(`${cell.preset} × ${cell.workers} workers: failed: ${cell.message}`);
        continue;
      }
      cell.runs.push(json);
      if (!cell.best || json.timeMs < cell.best.timeMs) cell.best = json;
      log(
        `round ${round + 1}/${repeats} ${cell.preset} × ${cell.workers} worker(s): ${json.records} records in ${(json.timeMs / 1000).toFixed(2)} s = ${json.recordsPerSecond}/s, peak RSS ${Math.round(json.maxRssBytes / 2 ** 20)} MiB`,
      );
    }
  }
  log(`generation overhead, \`complete\`, best of ${plan.overheadRounds}`);
  const o = await runBench('write-prebuilt.mjs', ['complete', String(plan.overheadRounds)]);
  const overhead =
    o.code === 0 && lastJsonLine(o.stdout)
      ? { status: 'ok', rounds: plan.overheadRounds, ...lastJsonLine(o.stdout) }
      : { status: 'failed', message: failureOf(o) };
  return { repeats, workers, presets: plan.presets, cells, overhead };
}

async function memorySection() {
  const files = [];
  for (const transactions of plan.memorySizes) {
    const out = join(scratch, 'out');
    const r = await runBench('run-generate.mjs', [
      JSON.stringify({ transactionCount: transactions }),
      'small',
      out,
    ]);
    rmSync(out, { recursive: true, force: true });
    const json = lastJsonLine(r.stdout);
    files.push(
      r.code === 0 && json && !json.configError
        ? { transactions, status: 'ok', ...json }
        : { transactions, status: 'failed', message: json?.configError ?? failureOf(r) },
    );
    log(`memory, ${transactions} transactions → JSONL: ${describeRun(files.at(-1))}`);
  }
  const opensearch = { url: urls.opensearch, status: 'ok', runs: [] };
  const reached = await reach('opensearch');
  if (!reached.ok) Object.assign(opensearch, { status: 'unreachable', message: reached.why });
  else
    for (const transactions of plan.memorySizes) {
      const r = await runBench('run-generate-opensearch.mjs', [
        JSON.stringify({ transactionCount: transactions }),
        'small',
        urls.opensearch,
      ]);
      const json = lastJsonLine(r.stdout);
      opensearch.runs.push(
        r.code === 0 && json && !json.configError
          ? { transactions, status: 'ok', ...json }
          : { transactions, status: 'failed', message: json?.configError ?? failureOf(r) },
      );
      log(
        `memory, ${transactions} transactions → OpenSearch: ${describeRun(opensearch.runs.at(-1))}`,
      );
    }
  return { sizes: plan.memorySizes, files, opensearch };
}

/** Runs a backend benchmark script and reads the JSON it wrote — only if written by this run. */
async function backendSection(backend, script, scriptArgs, env) {
  const section = { url: urls[backend], args: scriptArgs, status: 'ok', data: null };
  const reached = await reach(backend);
  if (!reached.ok) return { ...section, status: 'unreachable', message: reached.why };
  const json = `.bench/${backend}.json`;
  const since = Date.now();
  const r = await runBench(script, scriptArgs, { env });
  let fresh = false;
  try {
    fresh = statSync(json).mtimeMs >= since;
  } catch {
    fresh = false;
  }
  if (r.code !== 0 || !fresh)
    return {
      ...section,
      status: 'failed',
      message: r.code !== 0 ? failureOf(r) : `${script} exited 0 but did not write ${json}`,
    };
  return { ...section, data: JSON.parse(readFileSync(json, 'utf8')) };
}

function janusgraphSection() {
  return backendSection('janusgraph', 'janusgraph.mjs', plan.janusgraphArgs, {
    JANUSGRAPH_URL: urls.janusgraph,
  });
}

function opensearchSection() {
  return backendSection('opensearch', 'opensearch.mjs', [
    '--url',
    urls.opensearch,
    ...plan.opensearchArgs,
  ]);
}

// --- output -------------------------------------------------------------------------------------

function save() {
  mkdirSync('.bench', { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(results, null, 2));
}

async function writeReport(r) {
  mkdirSync(args.out, { recursive: true });
  // Formatted like the rest of the repository, so `prettier --check` passes on the output.
  const markdown = await format(renderMarkdown(r), {
    ...(await resolveConfig(join(args.out, 'REPORT.md'))),
    parser: 'markdown',
  });
  writeFileSync(join(args.out, 'REPORT.md'), markdown);
  writeFileSync(join(args.out, 'bench.svg'), await renderChart(r));
  log(`wrote ${join(args.out, 'REPORT.md')} and ${join(args.out, 'bench.svg')}`);
  const lines = targetsOf(r).map((t) => `${t.status.padEnd(12)} ${t.what}: ${t.measured}`);
  console.log(lines.join('\n'));
}

function describeRun(run) {
  if (run.status !== 'ok') return `failed: ${run.message}`;
  return `${run.records} records in ${(run.timeMs / 1000).toFixed(2)} s, peak RSS ${Math.round(run.maxRssBytes / 2 ** 20)} MiB`;
}

function commandLine() {
  const argv = process.argv.slice(2);
  const quoted = argv.map((a) => (/^[\w.,/=:-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`));
  const env = [
    'JANUSGRAPH_URL',
    'OPENSEARCH_URL',
    'JANUSGRAPH_PORT',
    'OPENSEARCH_PORT',
    'FINGRAPH_BACKENDS_HOME',
    'FINGRAPH_BACKENDS_MODE',
  ]
    .filter((name) => process.env[name] !== undefined)
    .map((name) => `${name}=${process.env[name]} `)
    .join('');
  return process.env.npm_lifecycle_event === 'bench'
    ? `${env}npm run bench${quoted.length > 0 ? ` -- ${quoted.join(' ')}` : ''}`
    : `${env}node scripts/bench/report.mjs ${quoted.join(' ')}`.trimEnd();
}

function gitState() {
  try {
    const git = (...a) => execFileSync('git', a, { encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
    };
  } catch {
    return null;
  }
}

function machine() {
  return {
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    model: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${osType()} ${osRelease()}`,
    loadAverageStart: loadavg().map((l) => Number(l.toFixed(2))),
    loadAverageEnd: null,
  };
}
