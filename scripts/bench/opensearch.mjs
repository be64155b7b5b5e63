// npm run build && node scripts/bench/opensearch.mjs [--url URL] [--preset complete] [--rounds 5]
//   [--concurrency 2] [--flush-bytes 5000000] [--one-per-doc 5000] [--sweep]
//
// OpenSearch load throughput on one server and one data set (a preset's records, generated once,
// held in memory): (a) OpenSearchSink, (b) a raw `_bulk` firehose of the same NDJSON, pre-built,
// posted with the same body size and concurrency over plain keep-alive HTTP, (c) one request per
// document (the original's approach) on a subset, and (d) the client's helpers.bulk, fed straight
// from an async generator (its best case), as the alternative design. Variants alternate round by
// round (the machine is noisy); best and median docs/s are reported. Every timed run starts from
// freshly created indexes with refresh off and no replicas, and ends with those settings put back
// and a refresh, so all variants do the same server-side work. --sweep instead times the sink
// over concurrency × flush size, to pick the defaults. Nothing here is pass/fail. The comparison
// also goes to .bench/opensearch.json (read by scripts/bench/report.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const dist = new URL('../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { resolveConfig } = await load('config/index.js');
const { generateBatches } = await load('orchestration/generate-batches.js');
const { planRun } = await load('orchestration/plan.js');
const { rowJson } = await load('model/index.js');
const { INDEXED_LABELS, indexNameOf, openSearchIndexes } = await load('schema/index.js');
const { connectOpenSearch } = await load('backends/opensearch/connection.js');
const { OpenSearchSink } = await load('backends/opensearch/opensearch-sink.js');

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.OPENSEARCH_URL ?? 'http://127.0.0.1:9200' },
    preset: { type: 'string', default: 'complete' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '3' },
    'flush-bytes': { type: 'string', default: '5000000' },
    'one-per-doc': { type: 'string', default: '5000' },
    sweep: { type: 'boolean', default: false },
  },
});
const rounds = Number(args.rounds);
const concurrency = Number(args.concurrency);
const flushBytes = Number(args['flush-bytes']);
const onePerDocCount = Number(args['one-per-doc']);
const prefix = 'bench-opensearch-';
const log = (line) => process.stderr.write(`${line}\n`);

// --- data: the preset's batches, generated once ---------------------------------------------
const stream = generateBatches(planRun(resolveConfig({ preset: args.preset, layers: [] })), {
  batchSize: 1000,
});
const batches = [];
let step = await stream.next();
while (!step.done) {
  batches.push(step.value);
  step = await stream.next();
}
const truth = step.value;
const indexed = new Set(INDEXED_LABELS);
const records = batches
  .flatMap((b) => [...b.vertices, ...b.edges])
  .filter((r) => indexed.has(r.label));
const documents = records.length + truth.patterns.length + truth.eventLabels.length;
log(
  `${args.preset}: ${records.length} indexed records, ${truth.patterns.length + truth.eventLabels.length} ground-truth docs`,
);

const os = await connectOpenSearch({ url: args.url });
const { client } = os;
const kinds = Object.keys(openSearchIndexes());
const names = kinds.map((kind) => prefix + kind);
const actionOf = (label) =>
  `{"index":{"_index":${JSON.stringify(prefix + indexNameOf(label))},"_id":`;

/** Fresh indexes, refresh off and no replicas (what the sink does before its first document). */
async function freshIndexes() {
  await client.indices.delete({ index: `${prefix}*`, ignore_unavailable: true });
  for (const [kind, definition] of Object.entries(openSearchIndexes()))
    await client.indices.create({ index: prefix + kind, body: definition });
}
async function relax() {
  await client.indices.putSettings({
    index: names.join(','),
    body: { index: { refresh_interval: '-1', number_of_replicas: 0 } },
  });
}
async function restoreAndRefresh() {
  await client.indices.putSettings({
    index: names.join(','),
    body: { index: { refresh_interval: null, number_of_replicas: '0' } },
  });
  await client.indices.refresh({ index: names.join(',') });
}
async function countAll() {
  let total = 0;
  for (const index of names) total += (await client.count({ index })).body.count;
  return total;
}

// --- (b) firehose: NDJSON bodies built before the clock starts ---------------------------------
function buildBodies(limit) {
  const bodies = [];
  let body = '';
  const push = (line) => {
    body += line;
    if (body.length >= limit) {
      bodies.push(Buffer.from(body));
      body = '';
    }
  };
  for (const r of records) push(`${actionOf(r.label)}${JSON.stringify(r.id)}}}\n${rowJson(r)}\n`);
  for (const p of truth.patterns)
    push(
      `{"index":{"_index":"${prefix}patterns","_id":${JSON.stringify(p.pattern_id)}}}\n${JSON.stringify(p)}\n`,
    );
  for (const e of truth.eventLabels)
    push(
      `{"index":{"_index":"${prefix}event_labels","_id":${JSON.stringify(`${e.label}:${e.event_id}`)}}}\n${JSON.stringify(e)}\n`,
    );
  if (body.length > 0) bodies.push(Buffer.from(body));
  return bodies;
}
const url = new URL(args.url);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(body) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/_bulk?filter_path=errors',
        agent,
        headers: { 'content-type': 'application/x-ndjson', 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200 && text.includes('"errors":false')
            ? resolve()
            : reject(new Error(`firehose: HTTP ${res.statusCode} ${text.slice(0, 200)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
async function firehose() {
  const bodies = buildBodies(flushBytes);
  await relax();
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) await post(bodies[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await restoreAndRefresh();
  return { docs: documents, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

// --- (a) the sink ------------------------------------------------------------------------------
async function sink(options = {}) {
  // Opening checks the schema and relaxes the settings: untimed, like the firehose's setup.
  const s = await OpenSearchSink.open(os, prefix, {
    concurrency,
    flushBytes,
    onDrop: (d) => {
      throw new Error(`sink dropped ${JSON.stringify(d)}`);
    },
    ...options,
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const batch of batches) await s.write(batch);
  await s.writeGroundTruth(truth);
  const stats = await s.close(); // restores settings and refreshes
  if (stats.successful !== documents) throw new Error(`sink: ${stats.successful}/${documents}`);
  return { docs: documents, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

// --- (d) helpers.bulk, fed from an async generator ---------------------------------------------
async function helper() {
  await relax();
  const started = performance.now();
  const cpu = process.cpuUsage();
  async function* source() {
    for (const batch of batches) {
      for (const r of batch.vertices) if (indexed.has(r.label)) yield r;
      for (const r of batch.edges) if (indexed.has(r.label)) yield r;
    }
    for (const p of truth.patterns) yield { pattern: p };
    for (const e of truth.eventLabels) yield { eventLabel: e };
  }
  let dropped = 0;
  const result = await client.helpers.bulk({
    datasource: source(),
    flushBytes,
    concurrency,
    onDocument: (doc) => {
      if (doc.pattern)
        return [
          { index: { _index: `${prefix}patterns`, _id: doc.pattern.pattern_id } },
          JSON.stringify(doc.pattern),
        ];
      if (doc.eventLabel)
        return [
          {
            index: {
              _index: `${prefix}event_labels`,
              _id: `${doc.eventLabel.label}:${doc.eventLabel.event_id}`,
            },
          },
          JSON.stringify(doc.eventLabel),
        ];
      return [{ index: { _index: prefix + indexNameOf(doc.label), _id: doc.id } }, rowJson(doc)];
    },
    onDrop: () => dropped++,
  });
  if (dropped > 0 || result.successful !== documents)
    throw new Error(`helper: ${result.successful}/${documents}, ${dropped} dropped`);
  await restoreAndRefresh();
  return { docs: documents, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

// --- (c) one request per document --------------------------------------------------------------
async function onePerDoc() {
  const subset = records.slice(0, onePerDocCount);
  await relax();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const r of subset)
    await client.index({ index: prefix + indexNameOf(r.label), id: r.id, body: rowJson(r) });
  await restoreAndRefresh();
  return { docs: subset.length, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

/** Client CPU (user + system) since `start`: what a variant costs this process, whatever the load. */
function cpuSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

async function timed(name, run) {
  await freshIndexes();
  const result = await run();
  const landed = await countAll();
  if (landed !== result.docs)
    throw new Error(`${name}: ${landed} documents landed, expected ${result.docs}`);
  const rate = (result.docs / result.ms) * 1000;
  log(
    `  ${name}: ${result.docs} docs in ${(result.ms / 1000).toFixed(2)} s = ${Math.round(rate)} docs/s, client CPU ${Math.round(result.cpuMs)} ms (load ${loadavg()[0].toFixed(1)})`,
  );
  return { rate, cpuPerThousand: (result.cpuMs / result.docs) * 1000 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

try {
  if (args.sweep) {
    const grid = [];
    for (const c of [1, 2, 3, 4]) for (const f of [2.5e6, 5e6, 10e6]) grid.push({ c, f });
    const rates = new Map(grid.map((g) => [`${g.c}/${g.f}`, []]));
    for (let round = 0; round < rounds; round++) {
      log(`sweep round ${round + 1}/${rounds}`);
      // Every other round runs the grid backwards, so a load trend on the machine does not
      // favour whichever setting comes last.
      for (const { c, f } of round % 2 === 0 ? grid : [...grid].reverse())
        rates
          .get(`${c}/${f}`)
          .push(
            await timed(`sink c=${c} flush=${f / 1e6} MB`, () =>
              sink({ concurrency: c, flushBytes: f }),
            ),
          );
    }
    const lines = [
      '| concurrency | flush (MB) | best docs/s | median docs/s |',
      '|---:|---:|---:|---:|',
    ];
    for (const { c, f } of grid) {
      const r = rates.get(`${c}/${f}`).map((x) => x.rate);
      lines.push(`| ${c} | ${f / 1e6} | ${fmt(Math.max(...r))} | ${fmt(median(r))} |`);
    }
    console.log(lines.join('\n'));
  } else {
    const variants = {
      sink: () => sink(),
      firehose,
      'helpers.bulk': helper,
      'one per document': onePerDoc,
    };
    const rates = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let round = 0; round < rounds; round++) {
      log(`round ${round + 1}/${rounds}`);
      for (const [name, run] of Object.entries(variants)) rates[name].push(await timed(name, run));
    }
    const rate = (k) => rates[k].map((x) => x.rate);
    const best = (k) => Math.max(...rate(k));
    const mid = (k) => median(rate(k));
    // Same-round ratios: both runs met about the same machine load, so this is the steadiest
    // comparison on a noisy machine.
    const paired = (k) => median(rates[k].map((x, i) => x.rate / rates.firehose[i].rate));
    const cpu = (k) => median(rates[k].map((x) => x.cpuPerThousand));
    const pct = (x) => `${(x * 100).toFixed(0)} %`;
    const lines = [
      `Machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; OpenSearch ${os.version} at ${os.url}; load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
      `Data: preset \`${args.preset}\`, ${fmt(documents)} documents (${fmt(records.length)} records + ground truth); one-per-document on the first ${fmt(Math.min(onePerDocCount, records.length))}; bulk bodies ${flushBytes / 1e6} MB, concurrency ${concurrency}; ${rounds} rounds, alternating.`,
      '',
      '| variant | best docs/s | median docs/s | best / firehose best | median of same-round ratios to firehose | client CPU ms per 1k docs (median) |',
      '|---|---:|---:|---:|---:|---:|',
      ...Object.keys(variants).map(
        (k) =>
          `| ${k} | ${fmt(best(k))} | ${fmt(mid(k))} | ${pct(best(k) / best('firehose'))} | ${pct(paired(k))} | ${cpu(k).toFixed(1)} |`,
      ),
      '',
      `Sink vs one request per document: ${(best('sink') / best('one per document')).toFixed(1)}× (best), ${(mid('sink') / mid('one per document')).toFixed(1)}× (median).`,
    ];
    mkdirSync('.bench', { recursive: true });
    writeFileSync(
      '.bench/opensearch.json',
      JSON.stringify(
        {
          url: os.url,
          version: os.version,
          preset: args.preset,
          documents,
          records: records.length,
          onePerDocument: Math.min(onePerDocCount, records.length),
          flushBytes,
          concurrency,
          rounds,
          variants: Object.fromEntries(
            Object.keys(variants).map((k) => [
              k,
              {
                rates: rate(k),
                best: best(k),
                median: mid(k),
                bestVsFirehoseBest: best(k) / best('firehose'),
                medianPairedVsFirehose: paired(k),
                cpuMsPerThousand: cpu(k),
              },
            ]),
          ),
        },
        null,
        2,
      ),
    );
    console.log(lines.join('\n'));
  }
} finally {
  await client.indices.delete({ index: `${prefix}*`, ignore_unavailable: true });
  agent.destroy();
  await os.close();
}
