// One measured generation run in its own process, so peak RSS is this run's alone.
// Usage: node scripts/bench/run-generate.mjs '<json overrides>' <preset> <outDir>
// A config this build refuses (e.g. numWorkers > 1 before worker threads land) prints
// {"configError": "<message>"} and exits 2, so a caller can tell "not supported" from a crash.
import { performance } from 'node:perf_hooks';
import { ConfigError, generate, resolveConfig, tuneHeapForStreaming } from '../../dist/index.js';

// Measure what the CLI runs: it tunes V8's heap growth the same way.
tuneHeapForStreaming();

const [overridesJson = '{}', preset = 'small', outDir] = process.argv.slice(2);
let config;
try {
  config = resolveConfig({
    preset,
    layers: [{ source: 'flag', values: JSON.parse(overridesJson) }],
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stdout.write(JSON.stringify({ configError: error.message }) + '\n');
  process.exit(2);
}
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
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    bytes: report.files.reduce((sum, f) => sum + f.bytes, 0),
  }) + '\n',
);
