// One measured run that generates straight into OpenSearch (no files) in one stream, in its own
// process so peak RSS is this run's alone. Uses indexes under its own prefix, deleted before and
// after, and fails unless every generated document landed (generate() verifies the counts).
// Usage: node scripts/bench/run-generate-opensearch.mjs '<json overrides>' <preset> <url>
// Prints one JSON line like run-generate.mjs, plus `documents` (what the sink sent).
import { performance } from 'node:perf_hooks';
import { OpenSearchSink, connectOpenSearch, generate } from '../../dist/index.js';
import { deleteFingraphIndexes } from '../../dist/backends/opensearch/delete-indexes.js';
import { benchRunConfig } from './bench-run-config.mjs';

const PREFIX = 'bench-memory-';
const [overridesJson = '{}', preset = 'small', url = 'http://127.0.0.1:9200'] =
  process.argv.slice(2);
const config = benchRunConfig(overridesJson, preset);

const connection = await connectOpenSearch({ url });
try {
  await deleteFingraphIndexes(connection, PREFIX);
  const sink = await OpenSearchSink.open(connection, PREFIX, {
    onDrop: (drop) => {
      throw new Error(`opensearch refused ${drop.label} ${drop.id}: ${drop.reason}`);
    },
  });
  const report = await generate({
    config,
    extraSinks: [sink],
    clock: () => performance.now(),
    memory: () => process.memoryUsage.rss(),
  });
  const stats = Object.values(report.sinks)[0];
  if (!stats || stats.failed > 0)
    throw new Error(`opensearch sink: ${stats?.failed ?? '?'} documents failed`);
  process.stdout.write(
    JSON.stringify({
      records: report.totalRecords,
      documents: stats.successful,
      timeMs: report.timeMs,
      recordsPerSecond: report.recordsPerSecond,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      bytes: stats.bytes,
    }) + '\n',
  );
} finally {
  await deleteFingraphIndexes(connection, PREFIX);
  await connection.close();
}
