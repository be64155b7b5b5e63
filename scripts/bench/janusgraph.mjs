// npm run bench:janusgraph — JanusGraph load rates on one server and the same data:
//   - fingraph's writer (batched upsert scripts over pooled connections, its defaults) on the
//     `complete` preset;
//   - the original's approach, reimplemented here only: one request per element, each vertex
//     preceded by an existence lookup (run on a subset: it is slow);
//   - the writer's batch-size × concurrency curve on the `small` preset.
// Writer and baseline alternate for --rounds rounds (default 3) so that both see the same machine
// load; the speed-up reported is the median of the per-round ratios.
// Prints a markdown table and writes .bench/janusgraph.json. Needs a JanusGraph server
// (JANUSGRAPH_URL, default ws://127.0.0.1:8182/gremlin; `scripts/backends up`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generateBatches, planRun, resolveConfig } from '../../dist/index.js';
import { connectJanusGraph } from '../../dist/backends/janusgraph/connection.js';
import { propertyMap } from '../../dist/backends/janusgraph/element-values.js';
import {
  JANUSGRAPH_DEFAULTS,
  JanusGraphSink,
} from '../../dist/backends/janusgraph/janusgraph-sink.js';
import { VOCABULARY } from '../../dist/model/index.js';

const URL = process.env.JANUSGRAPH_URL ?? 'ws://127.0.0.1:8182/gremlin';
// It empties the graph it is pointed at: refuse anything but its own flags rather than run.
const unknown = process.argv.slice(2).filter((arg, i, args) => {
  if (arg === '--quick' || arg === '--rounds') return false;
  return args[i - 1] !== '--rounds';
});
if (unknown.length > 0) {
  process.stderr.write(
    `usage: JANUSGRAPH_URL=ws://host:port/gremlin node scripts/bench/janusgraph.mjs [--quick] [--rounds N]\n` +
      `(it EMPTIES that graph); unknown: ${unknown.join(' ')}\n`,
  );
  process.exit(2);
}
const quick = process.argv.includes('--quick');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : quick ? 1 : 3;
const { batchSize: BATCH, concurrency: CONCURRENCY } = JANUSGRAPH_DEFAULTS;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function batchesOf(preset) {
  const batches = [];
  for await (const batch of generateBatches(planRun(resolveConfig({ preset, layers: [] })), {
    batchSize: 1_000,
  }))
    batches.push(batch);
  return batches;
}

async function clear() {
  const c = await connectJanusGraph({ url: URL });
  await c.client.submit('g.E().drop().iterate(); graph.tx().commit(); 0');
  await c.client.submit('g.V().drop().iterate(); graph.tx().commit(); 0');
  await c.close();
}

async function writer(batches, batchSize, concurrency) {
  await clear();
  const sink = await JanusGraphSink.open({ connection: { url: URL }, batchSize, concurrency });
  const started = performance.now();
  for (const batch of batches) await sink.write(batch);
  const stats = await sink.close();
  const ms = performance.now() - started;
  if (stats.failed > 0) throw new Error(`writer refused ${stats.failed} elements`);
  return { elements: stats.total, ms, perSecond: Math.round((stats.total / ms) * 1000) };
}

/**
 * `.property('name', v0)...` for a chunk of properties: names are our own schema's identifiers,
 * values travel as bindings (Gremlin Server allows 16 per request, hence 14 values per request).
 */
function propertySteps(entries, offset) {
  const steps = entries.map(([k], j) => `.property('${k}', v${offset + j})`).join('');
  const bindings = Object.fromEntries(entries.map(([, v], j) => [`v${offset + j}`, v]));
  return { steps, bindings };
}

/**
 * The original loader's way (seed-system.md §4.2): per vertex an existence lookup, then an addV
 * carrying up to 14 properties, then one more request per further 14; per edge one request.
 */
async function onePerElement(batches, limit) {
  await clear();
  const c = await connectJanusGraph({ url: URL });
  const records = batches.flatMap((b) => [...b.vertices, ...b.edges]);
  const vertices = records.filter((r) => !('outV' in r)).slice(0, Math.floor(limit / 2));
  const present = new Set(vertices.map((v) => v.id));
  const edges = records
    .filter((r) => 'outV' in r && present.has(r.outV) && present.has(r.inV))
    .slice(0, limit - vertices.length);
  const started = performance.now();
  for (const v of vertices) {
    const key = VOCABULARY[v.label].key;
    const found = await c.client.submit('g.V().has(l, k, i).count()', {
      l: v.label,
      k: key,
      i: v.id,
    });
    if (Number(found.toArray()[0]) > 0) continue;
    const entries = [...propertyMap(v)];
    for (let offset = 0; offset < entries.length; offset += 14) {
      const { steps, bindings } = propertySteps(entries.slice(offset, offset + 14), offset);
      const head = offset === 0 ? 'g.addV(l).property(T.id, i)' : 'g.V(i)';
      await c.client.submit(`${head}${steps}.count()`, { l: v.label, i: v.id, ...bindings });
    }
  }
  for (const e of edges) {
    const { steps, bindings } = propertySteps([...propertyMap(e)].slice(0, 13), 0);
    await c.client.submit(`g.V(a).as('x').V(b).addE(l).from('x')${steps}.count()`, {
      a: e.outV,
      b: e.inV,
      l: e.label,
      ...bindings,
    });
  }
  const ms = performance.now() - started;
  await c.close();
  const elements = vertices.length + edges.length;
  return { elements, ms, perSecond: Math.round((elements / ms) * 1000) };
}

const complete = await batchesOf(quick ? 'small' : 'complete');
const small = await batchesOf('small');
const results = { url: URL, rounds: [], writer: null, baseline: null, speedUp: null, curve: [] };

// Warm the server's JIT first (a cold first load runs at about half speed), then measure.
await writer(small, BATCH, CONCURRENCY);
for (let round = 0; round < rounds; round++) {
  const w = await writer(complete, BATCH, CONCURRENCY);
  const b = await onePerElement(small, quick ? 600 : 2_000);
  results.rounds.push({ writer: w, baseline: b, ratio: w.perSecond / b.perSecond });
  console.error(
    `round ${round + 1}: writer ${w.elements} elements at ${w.perSecond}/s, one request per element ${b.elements} at ${b.perSecond}/s: ${(w.perSecond / b.perSecond).toFixed(1)}×`,
  );
}
const middle = results.rounds.find((r) => r.ratio === median(results.rounds.map((x) => x.ratio)));
results.writer = middle.writer;
results.baseline = middle.baseline;
results.speedUp = middle.ratio;
for (const batchSize of quick ? [100, 500] : [100, 250, 500, 1_000, 2_000]) {
  for (const concurrency of quick ? [1, 2] : [1, 2, 4]) {
    const r = await writer(small, batchSize, concurrency);
    results.curve.push({ batchSize, concurrency, ...r });
    console.error(`  batch ${batchSize} × ${concurrency}: ${r.perSecond}/s`);
  }
}
await clear();

const lines = [
  `| loader | elements | time (s) | elements/s |`,
  `|---|---:|---:|---:|`,
  `| fingraph writer (batch ${BATCH} × ${CONCURRENCY} connections, the defaults), \`${quick ? 'small' : 'complete'}\` | ${results.writer.elements.toLocaleString('en-US')} | ${(results.writer.ms / 1000).toFixed(1)} | ${results.writer.perSecond.toLocaleString('en-US')} |`,
  `| one request per element + lookup (original's approach), subset | ${results.baseline.elements.toLocaleString('en-US')} | ${(results.baseline.ms / 1000).toFixed(1)} | ${results.baseline.perSecond.toLocaleString('en-US')} |`,
  '',
  `Speed-up: ${results.speedUp.toFixed(0)}× (median round of ${rounds}; rounds: ${results.rounds.map((r) => `${r.ratio.toFixed(0)}×`).join(', ')})`,
  '',
  `| batch size \\ connections | ${[...new Set(results.curve.map((r) => r.concurrency))].join(' | ')} |`,
  `|---|${[...new Set(results.curve.map((r) => r.concurrency))].map(() => '---:').join('|')}|`,
  ...[...new Set(results.curve.map((r) => r.batchSize))].map(
    (b) =>
      `| ${b} | ${results.curve
        .filter((r) => r.batchSize === b)
        .map((r) => r.perSecond.toLocaleString('en-US'))
        .join(' | ')} |`,
  ),
];
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/janusgraph.json', JSON.stringify(results, null, 2));
console.log(lines.join('\n'));
