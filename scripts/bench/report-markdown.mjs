// REPORT.md from the results scripts/bench/report.mjs collected (.bench/report.json). Every target
// gets a row, met / not met / not measured with the reason: nothing is left out silently.

const mib = (bytes) => Math.round(bytes / 2 ** 20);
const int = (n) => Math.round(n).toLocaleString('en-US');
const secs = (ms) => (ms / 1000).toFixed(2);
const pct = (x) => `${(x * 100).toFixed(0)} %`;
const sci = (n) => n.toExponential(0).replace('e+', 'e');
const verdict = (ok) => (ok ? 'met' : 'not met');

/** Generation cells that measured, keyed `${preset}/${workers}`. */
function cellsOf(generation) {
  return new Map(
    (generation?.cells ?? []).filter((c) => c.best).map((c) => [`${c.preset}/${c.workers}`, c]),
  );
}

/** Peak RSS of the largest size against the smallest, when both measured. */
export function memoryRatio(runs) {
  const ok = (runs ?? []).filter((r) => r.status === 'ok');
  if (ok.length < 2) return null;
  const [small, large] = [ok[0], ok.at(-1)];
  return { small, large, ratio: large.maxRssBytes / small.maxRssBytes };
}

/** One row per target: { what, goal, measured, status }. */
export function targetsOf(r) {
  const rows = [];
  const notMeasured = (what, goal, why) =>
    rows.push({ what, goal, measured: why, status: 'not measured' });

  const skipped = 'section not run (not in --only)';
  if (!r.generation) {
    notMeasured('generation speed-up, 2 workers vs 1', '≥ 1.7×', skipped);
    notMeasured('generation overhead', '≤ 2×', skipped);
  } else {
    const cells = cellsOf(r.generation);
    for (const preset of r.generation.presets) {
      const what = `generation speed-up, 2 workers vs 1, \`${preset}\``;
      const goal = '≥ 1.7×';
      const one = cells.get(`${preset}/1`);
      const two = (r.generation.cells ?? []).find((c) => c.preset === preset && c.workers === 2);
      if (!two) notMeasured(what, goal, 'worker count 2 not in --workers');
      else if (!one) notMeasured(what, goal, 'the 1-worker runs failed');
      else if (two.status === 'unsupported')
        notMeasured(what, goal, `this build refuses numWorkers 2: ${two.message}`);
      else if (!two.best) notMeasured(what, goal, `the 2-worker runs failed: ${two.message}`);
      else {
        const x = two.best.recordsPerSecond / one.best.recordsPerSecond;
        rows.push({ what, goal, measured: `${x.toFixed(2)}×`, status: verdict(x >= 1.7) });
      }
    }
    const o = r.generation.overhead;
    const what = 'generation overhead (`complete`: generate + write vs write pre-built)';
    if (o?.status === 'ok')
      rows.push({
        what,
        goal: '≤ 2×',
        measured: `${o.ratio.toFixed(2)}×`,
        status: verdict(o.ratio <= 2),
      });
    else notMeasured(what, '≤ 2×', o?.message ?? 'not run');
  }

  if (!r.memory)
    notMeasured('peak RSS flat by size, 1e5 → 1e7 transactions', 'within ±20 %', skipped);
  else {
    const range = `${sci(r.memory.sizes[0])} → ${sci(r.memory.sizes.at(-1))}`;
    const full = r.memory.sizes[0] === 1e5 && r.memory.sizes.at(-1) === 1e7;
    const scope = full ? '' : ` (measured ${range}; the target's range is 1e5 → 1e7)`;
    for (const [label, runs, missing] of [
      ['to JSONL files', r.memory.files, 'runs failed'],
      [
        'generating into OpenSearch',
        r.memory.opensearch.runs,
        r.memory.opensearch.status === 'unreachable'
          ? `OpenSearch not reachable at ${r.memory.opensearch.url}`
          : 'runs failed',
      ],
    ]) {
      const what = `peak RSS flat by size, \`small\` ${label}${scope}`;
      const m = memoryRatio(runs);
      if (!m) notMeasured(what, 'within ±20 %', missing);
      else
        rows.push({
          what,
          goal: 'within ±20 %',
          measured: `${mib(m.small.maxRssBytes)} → ${mib(m.large.maxRssBytes)} MiB = ${m.ratio.toFixed(2)}×`,
          status: verdict(Math.abs(m.ratio - 1) <= 0.2),
        });
    }
  }

  const janusgraph = 'JanusGraph writer vs one request per element (+ lookup)';
  if (!r.janusgraph) notMeasured(janusgraph, '≥ 50×', skipped);
  else {
    const what = janusgraph;
    const d = r.janusgraph.data;
    if (!d) notMeasured(what, '≥ 50×', sectionWhy(r.janusgraph, 'JanusGraph'));
    else {
      const x = d.writer.perSecond / d.baseline.perSecond;
      rows.push({ what, goal: '≥ 50×', measured: `${x.toFixed(1)}×`, status: verdict(x >= 50) });
    }
  }

  const firehose = 'OpenSearch sink vs raw `_bulk` firehose (median of same-round ratios)';
  const single = 'OpenSearch sink vs one request per document (best vs best)';
  if (!r.opensearch) {
    notMeasured(firehose, '≥ 70 %', skipped);
    notMeasured(single, '≥ 20×', skipped);
  } else {
    const d = r.opensearch.data;
    if (!d) {
      notMeasured(firehose, '≥ 70 %', sectionWhy(r.opensearch, 'OpenSearch'));
      notMeasured(single, '≥ 20×', sectionWhy(r.opensearch, 'OpenSearch'));
    } else {
      const v = d.variants;
      const paired = v.sink.medianPairedVsFirehose;
      rows.push({
        what: firehose,
        goal: '≥ 70 %',
        measured: `${pct(paired)} (best vs best ${pct(v.sink.bestVsFirehoseBest)})`,
        status: verdict(paired >= 0.7),
      });
      const x = v.sink.best / v['one per document'].best;
      rows.push({
        what: single,
        goal: '≥ 20×',
        measured: `${x.toFixed(1)}×`,
        status: verdict(x >= 20),
      });
    }
  }
  return rows;
}

function sectionWhy(section, name) {
  if (section.status === 'unreachable')
    return `${name} not reachable at ${section.url} (${section.message})`;
  return `benchmark failed: ${section.message}`;
}

/** A table cell: one line, and a `|` in a message must not split the cell. */
const cell = (value) => String(value).replaceAll('\n', ' ').replaceAll('|', '\\|');

function table(header, align, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** Cores a run kept busy: CPU time of all its threads over wall time (older results lack it). */
const coresBusy = (run) => (run.cpuMs === undefined ? null : run.cpuMs / run.timeMs);

/**
 * Why a worker count cannot scale further here: a 1-worker run already keeps more than one core
 * busy (V8's GC helper threads, libuv's writes), so the rest of the machine is all workers can add.
 */
function ceilingNotes(cells, presets, cores) {
  return presets.flatMap((preset) => {
    const one = cells.get(`${preset}/1`);
    const busy = one && coresBusy(one.best);
    if (!busy) return [];
    return [
      `- \`${preset}\`: 1 worker keeps ${busy.toFixed(2)} cores busy, so on ${cores} cores workers can be at most ${(cores / busy).toFixed(2)}× faster unless they spend less CPU per record.`,
    ];
  });
}

function generationMarkdown(g, cores) {
  if (!g) return ['Not run (not in `--only`).'];
  const cells = cellsOf(g);
  const rows = g.cells.map((c) => {
    if (!c.best)
      return [
        `\`${c.preset}\``,
        c.workers,
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        `${c.status}: ${c.message}`,
      ];
    const one = cells.get(`${c.preset}/1`);
    const speedup = one
      ? `${(c.best.recordsPerSecond / one.best.recordsPerSecond).toFixed(2)}×`
      : '—';
    const counts = new Set(c.runs.map((x) => x.records));
    const same =
      one && one.best.records !== c.best.records ? ' (record count differs from 1 worker!)' : '';
    return [
      `\`${c.preset}\``,
      c.workers,
      int(c.best.records) + (counts.size > 1 ? ' (varies!)' : ''),
      secs(c.best.timeMs),
      int(c.best.recordsPerSecond),
      speedup,
      coresBusy(c.best)?.toFixed(2) ?? '—',
      mib(c.best.maxRssBytes),
      `best of ${c.runs.length}: ${c.runs.map((x) => secs(x.timeMs)).join(', ')} s${same}`,
    ];
  });
  const o = g.overhead;
  return [
    `Preset → JSONL files, \`numWorkers\` = ${g.workers.join(', ')}. Each run is its own process (\`run-generate.mjs\`; peak RSS is that run's); rounds alternate presets and worker counts, so the 1-worker baseline meets the same machine load; each row is its best of ${g.repeats}.`,
    '',
    ...table(
      [
        'preset',
        'workers',
        'records',
        'best time (s)',
        'records/s',
        'vs 1 worker',
        'cores busy',
        'peak RSS (MiB)',
        'runs',
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      rows,
    ),
    '',
    '"Cores busy" is the CPU time of all the run\'s threads over its wall time.',
    ...ceilingNotes(cells, g.presets, cores),
    '',
    o?.status === 'ok'
      ? `Generation overhead (\`write-prebuilt.mjs\`, \`complete\`, best of ${o.rounds}): generate + write ${secs(o.generateAndWriteMs)} s against writing the same records pre-built ${secs(o.writeOnlyMs)} s = ${o.ratio.toFixed(2)}×.`
      : `Generation overhead: failed: ${o?.message}`,
  ];
}

function memoryMarkdown(m) {
  if (!m) return ['Not run (not in `--only`).'];
  const rowOf = (where) => (run) =>
    run.status === 'ok'
      ? [
          `\`small\` + ${sci(run.transactions)} transactions`,
          where,
          int(run.records),
          secs(run.timeMs),
          int(run.recordsPerSecond),
          `**${mib(run.maxRssBytes)}**`,
        ]
      : [
          `\`small\` + ${sci(run.transactions)} transactions`,
          where,
          '—',
          '—',
          '—',
          `failed: ${run.message}`,
        ];
  const os = m.opensearch;
  const lines = [
    'One process per run; peak RSS is the process maximum (`resourceUsage().maxRSS`), client side only.',
    '',
    ...table(
      ['run', 'into', 'records', 'time (s)', 'records/s', 'peak RSS (MiB)'],
      ['l', 'l', 'r', 'r', 'r', 'r'],
      [
        ...m.files.map(rowOf('JSONL files')),
        ...os.runs.map(rowOf('OpenSearch (one stream, no files)')),
      ],
    ),
    '',
  ];
  for (const [label, runs] of [
    ['JSONL files', m.files],
    ['OpenSearch', os.runs],
  ]) {
    const r = memoryRatio(runs);
    if (r)
      lines.push(
        `- ${label}: peak RSS ${sci(r.large.transactions)} vs ${sci(r.small.transactions)} transactions = ${r.ratio.toFixed(2)}× (${mib(r.small.maxRssBytes)} → ${mib(r.large.maxRssBytes)} MiB).`,
      );
  }
  if (os.status === 'unreachable')
    lines.push(
      `- **Generating into OpenSearch: not measured — OpenSearch is not reachable at ${os.url}** (${os.message}). Start one with \`scripts/backends up opensearch\` or set \`OPENSEARCH_URL\`, or pass \`--start-backends\`.`,
    );
  return lines;
}

function janusgraphMarkdown(s) {
  if (!s) return ['Not run (not in `--only`).'];
  if (!s.data) return [notReachedLine(s, 'JanusGraph', 'janusgraph')];
  const d = s.data;
  const writerPreset = s.args.includes('--quick') ? 'small' : 'complete';
  const concurrencies = [...new Set(d.curve.map((c) => c.concurrency))];
  return [
    `\`${['node scripts/bench/janusgraph.mjs', ...s.args].join(' ')}\` against ${d.url}; its results are read from \`.bench/janusgraph.json\`. After a discarded warm-up load; the baseline is the original's approach (an existence lookup, then one request per element) on a subset.`,
    '',
    ...table(
      ['loader', 'elements', 'time (s)', 'elements/s'],
      ['l', 'r', 'r', 'r'],
      [
        [
          `fingraph writer (batch 1000 × 4 connections), \`${writerPreset}\``,
          int(d.writer.elements),
          secs(d.writer.ms),
          int(d.writer.perSecond),
        ],
        [
          'one request per element + lookup, `small` subset',
          int(d.baseline.elements),
          secs(d.baseline.ms),
          int(d.baseline.perSecond),
        ],
      ],
    ),
    '',
    `Speed-up: ${(d.writer.perSecond / d.baseline.perSecond).toFixed(1)}× (best point of the curve: ${(Math.max(...d.curve.map((c) => c.perSecond)) / d.baseline.perSecond).toFixed(1)}×).`,
    '',
    'Writer elements/s by batch size × connections (`small`):',
    '',
    ...table(
      ['batch size \\ connections', ...concurrencies],
      ['l', ...concurrencies.map(() => 'r')],
      [...new Set(d.curve.map((c) => c.batchSize))].map((b) => [
        b,
        ...concurrencies.map((k) => {
          const point = d.curve.find((c) => c.batchSize === b && c.concurrency === k);
          return point ? int(point.perSecond) : '—';
        }),
      ]),
    ),
  ];
}

function opensearchMarkdown(s) {
  if (!s) return ['Not run (not in `--only`).'];
  if (!s.data) return [notReachedLine(s, 'OpenSearch', 'opensearch')];
  const d = s.data;
  return [
    `\`node scripts/bench/opensearch.mjs ${s.args.join(' ')}\`: OpenSearch ${d.version} at ${d.url}; results read from \`.bench/opensearch.json\`. Preset \`${d.preset}\`, ${int(d.documents)} documents; one request per document on the first ${int(d.onePerDocument)}; bulk bodies ${d.flushBytes / 1e6} MB, concurrency ${d.concurrency}; ${d.rounds} round(s), variants alternating.`,
    '',
    ...table(
      [
        'variant',
        'best docs/s',
        'median docs/s',
        'best / firehose best',
        'median same-round ratio to firehose',
        'client CPU ms per 1k docs',
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
      Object.entries(d.variants).map(([name, v]) => [
        name,
        int(v.best),
        int(v.median),
        pct(v.bestVsFirehoseBest),
        pct(v.medianPairedVsFirehose),
        v.cpuMsPerThousand.toFixed(1),
      ]),
    ),
  ];
}

function notReachedLine(s, name, backend) {
  if (s.status === 'unreachable')
    return `**Not measured: ${name} is not reachable at ${s.url}** (${s.message}). Start one with \`scripts/backends up ${backend}\` (or set \`${backend.toUpperCase()}_URL\`), or pass \`--start-backends\`.`;
  return `**Not measured: the benchmark failed** — ${s.message}`;
}

/** The whole REPORT.md. */
export function renderMarkdown(r) {
  const m = r.machine;
  const targets = targetsOf(r);
  const git = r.git
    ? `${r.git.commit}${r.git.uncommittedChanges ? ' with uncommitted changes in the working tree' : ''}`
    : 'unknown';
  return [
    '# fingraph benchmark report',
    '',
    '<!-- generated by scripts/bench/report.mjs (npm run bench); do not edit -->',
    '',
    ...(r.quick
      ? [
          '> **`--quick` smoke run**: smaller sizes and fewer repeats than the targets ask for. It shows the',
          '> report works end to end; its numbers are not the benchmark. Run `npm run bench` on a quiet machine.',
          '',
        ]
      : []),
    '![benchmark chart](bench.svg)',
    '',
    `- **Date:** ${r.startedAt} → ${r.finishedAt ?? '(unfinished)'}`,
    `- **Command:** \`${r.command}\``,
    `- **Machine:** ${m.cores} cores (available parallelism ${m.availableParallelism}), ${m.model}, ${m.memoryGiB} GiB memory, ${m.os}`,
    `- **Node:** ${m.node}`,
    `- **Load average (1, 5, 15 min):** start ${m.loadAverageStart.join(', ')}; end ${m.loadAverageEnd?.join(', ') ?? '—'}`,
    `- **Code:** ${git}`,
    `- **Sections:** ${r.sections.join(', ')}`,
    '',
    '## Targets',
    '',
    ...(targets.length > 0
      ? table(
          ['target', 'goal', 'measured', 'status'],
          ['l', 'l', 'l', 'l'],
          targets.map((t) => [
            t.what,
            t.goal,
            t.measured,
            t.status === 'met' ? 'met' : `**${t.status}**`,
          ]),
        )
      : ['No section with a target was run.']),
    '',
    '## 1. Generation throughput by preset and worker count',
    '',
    ...generationMarkdown(r.generation, r.machine.availableParallelism),
    '',
    '## 2. Peak RSS by size',
    '',
    ...memoryMarkdown(r.memory),
    '',
    '## 3. JanusGraph loading',
    '',
    ...janusgraphMarkdown(r.janusgraph),
    '',
    '## 4. OpenSearch loading',
    '',
    ...opensearchMarkdown(r.opensearch),
    '',
  ].join('\n');
}
