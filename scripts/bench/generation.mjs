// npm run bench:generation — generation throughput, memory by size, and generation overhead.
// Each measured run is its own process; results go to stdout as a markdown table and to
// .bench/generation.json. Nothing here is a pass/fail test: it reports what it measured.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'fingraph-bench-'));
const quick = process.argv.includes('--quick');

function run(overrides, preset) {
  const out = join(scratch, 'out');
  const line = execFileSync(
    process.execPath,
    [join(here, 'run-generate.mjs'), JSON.stringify(overrides), preset, out],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  rmSync(out, { recursive: true, force: true });
  return JSON.parse(line);
}

function best(overrides, preset, repeats) {
  const runs = Array.from({ length: repeats }, () => run(overrides, preset));
  return runs.sort((a, b) => a.timeMs - b.timeMs)[0];
}

const results = {
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  throughput: [],
  memory: [],
  overhead: null,
};

for (const preset of quick ? ['complete'] : ['complete', 'large']) {
  const r = best({}, preset, preset === 'large' ? 1 : 3);
  results.throughput.push({ preset, ...r });
  console.error(
    `${preset}: ${r.records} records in ${(r.timeMs / 1000).toFixed(2)} s = ${r.recordsPerSecond} records/s`,
  );
}
for (const transactions of quick ? [1e5, 1e6] : [1e5, 1e6, 1e7]) {
  const r = run({ transactionCount: transactions }, 'small');
  results.memory.push({ transactions, ...r });
  console.error(
    `${transactions} transactions: peak RSS ${Math.round(r.maxRssBytes / 2 ** 20)} MiB, ${r.recordsPerSecond} records/s`,
  );
}
results.overhead = JSON.parse(
  execFileSync(process.execPath, [join(here, 'write-prebuilt.mjs'), 'complete', '3'], {
    encoding: 'utf8',
  }),
);
rmSync(scratch, { recursive: true, force: true });

const mib = (b) => Math.round(b / 2 ** 20);
const lines = [
  `Machine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}`,
  '',
  '| run | records | time (s) | records/s | peak RSS (MiB) | output (MiB) |',
  '|---|---:|---:|---:|---:|---:|',
  ...results.throughput.map(
    (r) =>
      `| preset \`${r.preset}\` → JSONL | ${r.records.toLocaleString('en-US')} | ${(r.timeMs / 1000).toFixed(2)} | ${r.recordsPerSecond.toLocaleString('en-US')} | ${mib(r.maxRssBytes)} | ${mib(r.bytes)} |`,
  ),
  ...results.memory.map(
    (r) =>
      `| \`small\` + ${r.transactions.toExponential(0).replace('e+', 'e')} transactions | ${r.records.toLocaleString('en-US')} | ${(r.timeMs / 1000).toFixed(2)} | ${r.recordsPerSecond.toLocaleString('en-US')} | ${mib(r.maxRssBytes)} | ${mib(r.bytes)} |`,
  ),
  '',
  `Generation overhead (\`complete\`, best of 3): generate + write ${(results.overhead.generateAndWriteMs / 1000).toFixed(2)} s vs writing the same records pre-built ${(results.overhead.writeOnlyMs / 1000).toFixed(2)} s = ${results.overhead.ratio.toFixed(2)}×`,
];
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/generation.json', JSON.stringify(results, null, 2));
console.log(lines.join('\n'));
