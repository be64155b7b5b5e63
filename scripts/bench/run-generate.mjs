// One measured generation run in its own process, so peak RSS is this run's alone.
// Usage: node scripts/bench/run-generate.mjs '<json overrides>' <preset> <outDir>
import { performance } from 'node:perf_hooks';
import { generate } from '../../dist/index.js';
import { benchRunConfig } from './bench-run-config.mjs';

const [overridesJson = '{}', preset = 'small', outDir] = process.argv.slice(2);
const config = benchRunConfig(overridesJson, preset);
// CPU of every thread of the process (main, workers, V8's GC helpers, libuv), over the run only.
const cpuBefore = process.cpuUsage();
const report = await generate({
  config,
  outDir,
  overwrite: true,
  clock: () => performance.now(),
  memory: () => process.memoryUsage.rss(),
});
process.stdout.write(
  JSON.stringify({
    records: report.totalRecords,
    timeMs: report.timeMs,
    recordsPerSecond: report.recordsPerSecond,
    cpuMs: cpuMsSince(cpuBefore),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    bytes: report.files.reduce((sum, f) => sum + f.bytes, 0),
  }) + '\n',
);

function cpuMsSince(before) {
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}
