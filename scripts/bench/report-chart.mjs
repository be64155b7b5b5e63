// bench.svg: the report's four sections as one vega-lite figure, compiled and rendered to SVG
// headless (vega's SVG renderer needs no browser and no canvas). A section that measured nothing
// gets a panel that says why, so the figure never drops a section silently.
import { parse, View } from 'vega';
import { compile } from 'vega-lite';

const WIDTH = 330;
const HEIGHT = 200;

function placeholder(title, text) {
  return {
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: [{ text }] },
    mark: { type: 'text', fontSize: 12, color: '#888', limit: WIDTH - 10, lineBreak: '\n' },
    encoding: { text: { field: 'text' } },
  };
}

const missing = (section, name) =>
  !section
    ? 'not run (not in --only)'
    : section.status === 'unreachable'
      ? `not measured:\n${name} not reachable\nat ${section.url}`
      : `not measured:\nbenchmark failed`;

function generationPanel(g) {
  const title = 'Generation, records/s (best run)';
  const values = (g?.cells ?? [])
    .filter((c) => c.best)
    .map((c) => ({
      preset: c.preset,
      workers: `${c.workers} worker${c.workers > 1 ? 's' : ''}`,
      recordsPerSecond: c.best.recordsPerSecond,
    }));
  if (values.length === 0) return placeholder(title, g ? 'no run succeeded' : missing(g));
  return {
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'preset', type: 'nominal', axis: { labelAngle: 0 } },
      xOffset: { field: 'workers', type: 'nominal' },
      y: { field: 'recordsPerSecond', type: 'quantitative', title: 'records/s' },
      color: { field: 'workers', type: 'nominal', title: null, legend: { orient: 'top' } },
    },
  };
}

function memoryPanel(m) {
  const title = 'Peak RSS by size, preset small (MiB)';
  const values = m
    ? [
        ...m.files.map((r) => ({ ...r, into: 'JSONL files' })),
        ...m.opensearch.runs.map((r) => ({ ...r, into: 'OpenSearch' })),
      ]
        .filter((r) => r.status === 'ok')
        .map((r) => ({
          transactions: r.transactions,
          into: r.into,
          rssMiB: Math.round(r.maxRssBytes / 2 ** 20),
        }))
    : [];
  if (values.length === 0) return placeholder(title, m ? 'no run succeeded' : missing(m));
  return {
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: {
        field: 'transactions',
        type: 'quantitative',
        scale: { type: 'log' },
        axis: { values: m.sizes, format: '.0e' },
      },
      y: {
        field: 'rssMiB',
        type: 'quantitative',
        title: 'peak RSS (MiB)',
        scale: { zero: true },
      },
      color: { field: 'into', type: 'nominal', title: null, legend: { orient: 'top' } },
    },
  };
}

/**
 * Horizontal bars on a log axis (the baselines are one to two orders of magnitude slower), drawn
 * from 10/s: a log scale has no zero for a bar to start at.
 */
function rateBars(title, values, unit) {
  const floor = 10;
  return {
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } },
      x: {
        field: 'rate',
        type: 'quantitative',
        scale: { type: 'log', domainMin: floor, clamp: true, nice: true },
        title: `${unit}/s (log scale)`,
      },
    },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x2: { datum: floor },
          color: { field: 'name', type: 'nominal', legend: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { text: { field: 'rate', type: 'quantitative', format: ',.0f' } },
      },
    ],
  };
}

function janusgraphPanel(s) {
  const title = 'JanusGraph load, elements/s';
  if (!s?.data) return placeholder(title, missing(s, 'JanusGraph'));
  const best = s.data.curve.reduce((a, b) => (b.perSecond > a.perSecond ? b : a), s.data.writer);
  return rateBars(
    title,
    [
      { name: 'writer (1000 × 4)', rate: s.data.writer.perSecond },
      ...(best === s.data.writer
        ? []
        : [
            { name: `writer best (${best.batchSize} × ${best.concurrency})`, rate: best.perSecond },
          ]),
      { name: 'one request per element', rate: s.data.baseline.perSecond },
    ],
    'elements',
  );
}

function opensearchPanel(s) {
  const title = 'OpenSearch load, best docs/s';
  if (!s?.data) return placeholder(title, missing(s, 'OpenSearch'));
  return rateBars(
    title,
    Object.entries(s.data.variants).map(([name, v]) => ({ name, rate: v.best })),
    'docs',
  );
}

/** Each panel keeps its own colours and legend. */
const independent = { scale: { color: 'independent' }, legend: { color: 'independent' } };

/** The SVG text of the report's figure. */
export async function renderChart(r) {
  const m = r.machine;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `fingraph benchmarks${r.quick ? ' (--quick smoke run)' : ''}`,
      subtitle: `${r.startedAt.slice(0, 10)} · ${m.cores} × ${m.model} · ${m.memoryGiB} GiB · Node ${m.node}`,
    },
    background: 'white',
    padding: 12,
    resolve: independent,
    vconcat: [
      { resolve: independent, hconcat: [generationPanel(r.generation), memoryPanel(r.memory)] },
      {
        resolve: independent,
        hconcat: [janusgraphPanel(r.janusgraph), opensearchPanel(r.opensearch)],
      },
    ],
    config: { concat: { spacing: 40 }, view: { stroke: null } },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
