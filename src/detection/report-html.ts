import type { Hit } from './detector.js';
import { NO_DRAWING_FACTS, type DrawingFacts } from './drawing-facts.js';
import { esc } from './drawing/html.js';
import { layoutGraph, shapeOf } from './drawing/layout.js';
import { patternGraph, type PatternGraph } from './drawing/pattern-graph.js';
import { FLAGGED, LEGEND_STYLES, NODE_FILL, patternSvg } from './drawing/pattern-svg.js';
import { matchingLookAlikes, type LookAlike } from './look-alikes.js';
import type { DetectorOutcome } from './run-detection.js';
import {
  hitMatchesPattern,
  matchingPatterns,
  patternEventIds,
  type DetectionScore,
  type TruthPattern,
  type TypologyScore,
} from './score.js';

export type { EventEndpoints } from './drawing-facts.js';

/**
 * What {@link renderDetectionReport} draws: the scores, the detector outcomes and the pattern
 * drawings.
 */
export interface ReportInput {
  readonly title?: string;
  /** Per-typology score; null without ground truth (the report then lists hits only). */
  readonly score: DetectionScore | null;
  readonly outcomes: readonly DetectorOutcome[];
  readonly hits: readonly Hit[];
  /** The injected patterns (for the drawings and the false positives). */
  readonly patterns?: readonly TruthPattern[];
  /** Endpoints of events, owners of accounts, document types (for the drawings). */
  readonly facts?: DrawingFacts;
  /** Known look-alikes, to say which one a false positive hit. */
  readonly lookAlikes?: readonly LookAlike[];
  /** Shown in the header, e.g. the data's reference date or the run time. */
  readonly subtitle?: string;
  /** Patterns drawn per typology (found ones first). Default 1. */
  readonly drawingsPerTypology?: number;
}

const COLORS = {
  recall: '#2f9e6e',
  precision: '#3b6fd8',
  miss: '#d9534f',
  grid: '#e4e7ee',
  muted: '#7a8194',
  ink: '#1d2233',
};

function pct(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

function ms(value: number | null): string {
  if (value === null) return '—';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

function pretty(name: string): string {
  return name.replaceAll('_', ' ');
}

function tone(value: number | null): string {
  if (value === null) return 'none';
  if (value >= 0.999) return 'good';
  if (value >= 0.5) return 'fair';
  return 'bad';
}

/** Horizontal grouped bars: recall and precision per typology, 0–100 %. */
export function barChartSvg(typologies: readonly TypologyScore[]): string {
  const labelWidth = 190;
  const chartWidth = 560;
  const row = 34;
  const top = 30;
  const height = top + typologies.length * row + 24;
  const width = labelWidth + chartWidth + 60;
  const x = (v: number) => labelWidth + v * chartWidth;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${x(tick)}" y1="${top - 6}" x2="${x(tick)}" y2="${height - 20}" stroke="${COLORS.grid}"/>`,
      `<text x="${x(tick)}" y="${height - 6}" text-anchor="middle" class="tick">${tick * 100}%</text>`,
    );
  }
  parts.push(
    `<rect x="${labelWidth}" y="6" width="12" height="12" rx="3" fill="${COLORS.recall}"/>`,
    `<text x="${labelWidth + 18}" y="16" class="legend">recall</text>`,
    `<rect x="${labelWidth + 80}" y="6" width="12" height="12" rx="3" fill="${COLORS.precision}"/>`,
    `<text x="${labelWidth + 98}" y="16" class="legend">precision</text>`,
  );
  typologies.forEach((t, i) => {
    const y = top + i * row;
    parts.push(
      `<text x="${labelWidth - 10}" y="${y + 17}" text-anchor="end" class="name">${esc(pretty(t.typology))}</text>`,
    );
    const bar = (value: number | null, dy: number, color: string) => {
      if (value === null) return `<text x="${x(0) + 4}" y="${y + dy + 10}" class="na">n/a</text>`;
      const w = Math.max(2, value * chartWidth);
      return (
        `<rect x="${x(0)}" y="${y + dy}" width="${w.toFixed(1)}" height="12" rx="3" fill="${color}"/>` +
        `<text x="${(x(0) + w + 6).toFixed(1)}" y="${y + dy + 10}" class="value">${pct(value)}</text>`
      );
    };
    parts.push(bar(t.recall, 3, COLORS.recall), bar(t.precision, 17, COLORS.precision));
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="recall and precision per typology">${parts.join('')}</svg>`;
}

/** A found or missed pattern chosen for drawing, with the hits that match it. */
interface Drawn {
  readonly pattern: TruthPattern;
  readonly hits: readonly Hit[];
}

/**
 * The patterns to draw: for every typology with injected patterns, up to `perTypology` of them,
 * found ones first (a missed one is drawn when none was found: what was missed matters most).
 */
export function chooseDrawings(
  patterns: readonly TruthPattern[],
  hits: readonly Hit[],
  perTypology: number,
): Drawn[] {
  const byTypology = new Map<string, Drawn[]>();
  for (const pattern of patterns) {
    const matched = hits.filter(
      (h) => h.typology === pattern.typology && hitMatchesPattern(h, pattern),
    );
    const list = byTypology.get(pattern.typology) ?? [];
    list.push({ pattern, hits: matched });
    byTypology.set(pattern.typology, list);
  }
  return [...byTypology.keys()].sort().flatMap((typology) => {
    const list = byTypology.get(typology) ?? [];
    const found = list.filter((d) => d.hits.length > 0);
    const missed = list.filter((d) => d.hits.length === 0);
    return [...found, ...missed].slice(0, perTypology);
  });
}

function plural(n: number, word: string): string {
  // Labels that are verbs (issued, billed to) stay as they are.
  if (n === 1 || /(ed| to)$/.test(word)) return `${n} ${word}`;
  return /[^aeiou]y$/.test(word) ? `${n} ${word.slice(0, -1)}ies` : `${n} ${word}s`;
}

/** Hit lines shown under a drawing; the rest are folded away. */
const SHOWN_HITS = 3;

function countsOf(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([k, n]) => plural(n, pretty(k))).join(', ');
}

/** The detector that produced each hit (hits are the objects of the outcomes). */
function detectorsOfHits(outcomes: readonly DetectorOutcome[]): Map<Hit, string> {
  const map = new Map<Hit, string>();
  for (const o of outcomes) if (o.status === 'ok') for (const h of o.hits) map.set(h, o.detector);
  return map;
}

function hitLine(hit: Hit, pattern: TruthPattern, detector: string | undefined): string {
  const own = new Set(patternEventIds(pattern));
  const inPattern = hit.events.filter((id) => own.has(id)).length;
  // The hit is the detector's finding, which may reach beyond the pattern (other trades of the
  // same account, say): say how much of it is this pattern's, so its numbers are not misread.
  const share =
    hit.events.length === 0
      ? `names ${plural(hit.entities.length, 'entity')}, no events`
      : inPattern === hit.events.length
        ? `${plural(hit.events.length, 'event')}, all of this pattern`
        : `${plural(hit.events.length, 'event')}, ${inPattern} of them this pattern’s`;
  return `<p class="why"><b>${esc(detector ?? 'hit')}</b> (${esc(share)}): ${esc(hit.explanation)}</p>`;
}

function entityTable(graph: PatternGraph): string {
  const owns = new Map<string, string[]>();
  for (const a of graph.arrows)
    if (a.kind === 'owns') owns.set(a.from, [...(owns.get(a.from) ?? []), a.to]);
  const rows = graph.nodes
    .map(
      (n) =>
        `<tr><td class="id">${esc(n.id)}</td><td>${esc(n.kind)}</td><td>${esc(pretty(n.role))}</td><td class="id">${esc((owns.get(n.id) ?? []).join(' '))}</td></tr>`,
    )
    .join('');
  return `<table class="ids"><thead><tr><th>entity</th><th>kind</th><th>role</th><th>owns</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function eventTable(graph: PatternGraph): string {
  const rows = graph.events
    .map(
      (e) =>
        `<tr><td>${esc(e.label)}</td><td class="id">${esc(e.id)}</td><td class="id">${esc(e.from)}</td><td class="id">${esc(e.to)}</td></tr>`,
    )
    .join('');
  return `<table class="ids"><thead><tr><th>event</th><th>id</th><th>from</th><th>to</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function figure(
  drawn: Drawn,
  index: number,
  facts: DrawingFacts,
  detectors: ReadonlyMap<Hit, string>,
): string {
  const { pattern, hits } = drawn;
  const graph = patternGraph(pattern, hits, facts);
  const layout = layoutGraph(graph, shapeOf(pattern.typology, pattern.subtype));
  const events = Object.entries(pattern.eventIds).flatMap(([label, ids]) => ids.map(() => label));
  const status =
    hits.length > 0
      ? `<span class="status ok">found</span>`
      : `<span class="status failed">missed</span>`;
  const unplaced = Object.entries(graph.unplaced)
    .map(([label, n]) => plural(n, pretty(label)))
    .join(', ');
  return (
    `<figure id="${esc(pattern.patternId)}" style="width:${Math.max(layout.width + 26, 380)}px"><h3>${esc(pretty(pattern.typology))} <span class="meta">· ${esc(pretty(pattern.subtype))}</span> ${status}</h3>` +
    `<div class="meta"><span class="id">${esc(pattern.patternId)}</span> · ${esc(countsOf(pattern.participants.map((p) => p.label)))} · ${esc(countsOf(events))}</div>` +
    `<div class="drawing">${patternSvg(graph, layout, `d${index}`, `pattern ${pattern.patternId}`)}</div>` +
    (unplaced ? `<p class="caption">Not drawn (no endpoints known): ${esc(unplaced)}.</p>` : '') +
    hits
      .slice(0, SHOWN_HITS)
      .map((h) => hitLine(h, pattern, detectors.get(h)))
      .join('') +
    (hits.length > SHOWN_HITS
      ? `<details><summary>${plural(hits.length - SHOWN_HITS, 'more matching hit')}</summary>${hits
          .slice(SHOWN_HITS)
          .map((h) => hitLine(h, pattern, detectors.get(h)))
          .join('')}</details>`
      : '') +
    `<details><summary>ids: ${plural(graph.nodes.length, 'entity')}, ${plural(graph.events.length, 'event')}</summary>${entityTable(graph)}${eventTable(graph)}</details>` +
    `</figure>`
  );
}

function legend(): string {
  const boxes = Object.entries(NODE_FILL)
    .map(
      ([kind, fill]) =>
        `<span class="key"><svg width="22" height="12"><rect x="1" y="1" width="20" height="10" rx="3" fill="${fill}" stroke="#8b93a7"/></svg>${esc(kind)}</span>`,
    )
    .join('');
  const lines = [...LEGEND_STYLES, { color: FLAGGED, dash: '', name: 'flagged by a detector' }]
    .map(
      (s) =>
        `<span class="key"><svg width="30" height="12"><line x1="1" y1="6" x2="29" y2="6" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/></svg>${esc(s.name)}</span>`,
    )
    .join('');
  return `<p class="legend-row">${boxes}</p><p class="legend-row">${lines} <span class="key">×n: n events of one kind between the same two entities · hover for ids</span></p>`;
}

/** A false positive: a hit that matches no injected pattern of its typology. */
interface FalsePositive {
  readonly hit: Hit;
  readonly lookAlikes: readonly LookAlike[];
  /** Injected patterns of other typologies it touches (a real crime, of another kind). */
  readonly otherPatterns: readonly TruthPattern[];
}

/** False positives listed per detector before the rest are folded away. */
const SHOWN_FALSE_POSITIVES = 10;

function falsePositivesOf(
  hits: readonly Hit[],
  patterns: readonly TruthPattern[],
  lookAlikes: readonly LookAlike[],
): FalsePositive[] {
  return hits
    .filter((h) => matchingPatterns(h, patterns).length === 0)
    .map((hit) => ({
      hit,
      lookAlikes: matchingLookAlikes(hit, lookAlikes),
      otherPatterns: patterns.filter(
        (p) => p.typology !== hit.typology && hitMatchesPattern(hit, p),
      ),
    }));
}

function falsePositiveSection(
  outcomes: readonly DetectorOutcome[],
  patterns: readonly TruthPattern[],
  lookAlikes: readonly LookAlike[],
): string {
  const groups = outcomes.flatMap((o) => {
    if (o.status !== 'ok') return [];
    const fps = falsePositivesOf(o.hits, patterns, lookAlikes);
    if (fps.length === 0) return [];
    const row = ({ hit, lookAlikes: las, otherPatterns }: FalsePositive) => {
      const what = [
        ...las.map(
          (l) =>
            `look-alike <span class="id">${esc(l.lookAlikeId)}</span> (${esc(pretty(l.typology))} · ${esc(pretty(l.subtype))})`,
        ),
        ...otherPatterns.map(
          (p) =>
            `injected <span class="id">${esc(p.patternId)}</span> of another typology (${esc(pretty(p.typology))})`,
        ),
      ];
      return (
        `<tr><td class="left">${what.length > 0 ? what.join('<br>') : '<span class="muted">not a known look-alike</span>'}</td>` +
        `<td class="left id wrap">${esc(hit.entities.join(' '))}</td><td>${hit.events.length}</td>` +
        `<td class="left wrap">${esc(hit.explanation)}</td></tr>`
      );
    };
    const head =
      '<thead><tr><th>what it hit</th><th>entities</th><th>events</th><th>explanation</th></tr></thead>';
    // A loose rule can return hundreds of false positives: the first few show what it catches,
    // the rest stay one click away so the page remains readable.
    const rest = fps.slice(SHOWN_FALSE_POSITIVES);
    const more =
      rest.length > 0
        ? `<details><summary>${plural(rest.length, 'more false positive')}</summary><div class="scroll"><table class="fp">${head}<tbody>${rest.map(row).join('')}</tbody></table></div></details>`
        : '';
    return [
      `<h3>${esc(o.detector)} <span class="meta">· ${esc(pretty(o.typology))} · ${fps.length} of ${plural(o.hits.length, 'hit')}</span></h3>` +
        `<div class="scroll"><table class="fp">${head}<tbody>${fps.slice(0, SHOWN_FALSE_POSITIVES).map(row).join('')}</tbody></table></div>${more}`,
    ];
  });
  const total = outcomes.reduce(
    (n, o) => n + (o.status === 'ok' ? falsePositivesOf(o.hits, patterns, []).length : 0),
    0,
  );
  const source =
    lookAlikes.length > 0
      ? `${plural(lookAlikes.length, 'look-alike')} known`
      : 'no look-alike list was given (ground_truth/look_alikes.jsonl), so none can be named';
  return (
    `<section id="false-positives"><h2>False positives: ${total}</h2>` +
    `<p class="legend-row">Hits that match no injected pattern of their typology, per detector; ${esc(source)}.</p>` +
    (groups.length > 0 ? groups.join('') : '<p>None.</p>') +
    `</section>`
  );
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:${COLORS.ink};background:#f5f6fa}
header{background:linear-gradient(120deg,#1d2b53,#2f4a8a);color:#fff;padding:26px 40px 60px}
header h1{margin:0 0 4px;font-size:24px;font-weight:650;letter-spacing:.2px}
header p{margin:0;opacity:.8}
main{padding:24px 40px 40px;max-width:1280px}
.cards{display:flex;gap:14px;flex-wrap:wrap;margin:-44px 0 22px}
.card{background:#fff;border-radius:12px;padding:14px 18px;min-width:150px;box-shadow:0 2px 10px rgba(20,30,60,.08)}
.card b{display:block;font-size:26px;font-weight:700}
.card span{color:${COLORS.muted};font-size:12px;text-transform:uppercase;letter-spacing:.6px}
section{background:#fff;border-radius:12px;padding:18px 22px;margin-bottom:20px;box-shadow:0 2px 10px rgba(20,30,60,.06)}
h2{font-size:16px;margin:0 0 12px}
table{border-collapse:collapse;width:100%}
th,td{padding:7px 10px;text-align:right;border-bottom:1px solid ${COLORS.grid};white-space:nowrap}
th{font-size:11px;text-transform:uppercase;letter-spacing:.6px;color:${COLORS.muted};font-weight:600}
th:first-child,td:first-child{text-align:left}
td.sub{color:${COLORS.muted};padding-left:26px;font-size:13px}
.pill{display:inline-block;min-width:50px;text-align:center;padding:2px 8px;border-radius:999px;font-weight:600;font-size:12px}
.pill.good{background:#dcf3e7;color:#1c6e48}.pill.fair{background:#fff0cc;color:#8a5a00}.pill.bad{background:#fde2e1;color:#a3221e}.pill.none{background:#eef0f4;color:${COLORS.muted}}
.chart{max-width:100%;height:auto} .chart text{font-size:12px;fill:${COLORS.ink}} .chart .tick{fill:${COLORS.muted};font-size:11px} .chart .na{fill:${COLORS.muted};font-style:italic} .chart .value{font-weight:600}
.grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
figure{margin:0;border:1px solid ${COLORS.grid};border-radius:10px;padding:10px 12px;flex:0 1 auto;max-width:100%;min-width:0}
.drawing{overflow-x:auto}
.drawing > svg{display:block;max-width:100%;height:auto}
figure h3{margin:0;font-size:14px} .meta{color:${COLORS.muted};font-size:12px;margin-bottom:4px;font-weight:400}
.drawing text.nid{font:600 9.5px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;fill:${COLORS.ink}}
.drawing text.role{font-size:9.5px;fill:${COLORS.muted};paint-order:stroke;stroke:#fff;stroke-width:3px}
.drawing text.count{font-size:10px;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}
.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
td.wrap{white-space:normal;word-break:break-word;min-width:180px}
.muted{color:${COLORS.muted}}
.scroll{overflow-x:auto}
details{margin-top:6px;font-size:12px} summary{cursor:pointer;color:#3b6fd8}
table.ids{width:auto;margin-top:6px} table.ids td,table.ids th{text-align:left;padding:3px 10px 3px 0}
table.fp{margin-bottom:14px} table.fp td{vertical-align:top} table.fp th{text-align:left}
section h3{font-size:14px;margin:14px 0 6px}
.key{display:inline-flex;align-items:center;gap:4px;margin-right:12px;white-space:nowrap}
.caption{color:${COLORS.muted};font-size:12px;margin:2px 0 0}
.why{color:#394055;font-size:12.5px;margin:6px 0 0}
.status{font-size:12px;font-weight:600} .status.ok{color:#1c6e48} .status.skipped{color:#8a5a00} .status.failed{color:#a3221e}
td.left{text-align:left;white-space:normal}
.legend-row{color:${COLORS.muted};font-size:12px;margin:-4px 0 10px;line-height:1.9}
@media (max-width:700px){header{padding:20px 16px 56px} main{padding:16px} section{padding:14px}}
`;

function typologyRows(score: DetectionScore): string {
  return score.typologies
    .map((t) => {
      const main =
        `<tr><td><b>${esc(pretty(t.typology))}</b></td><td>${t.injected}</td><td>${t.found}</td>` +
        `<td><span class="pill ${tone(t.recall)}">${pct(t.recall)}</span></td><td>${t.hits}</td><td>${t.trueHits}</td>` +
        `<td><span class="pill ${tone(t.precision)}">${pct(t.precision)}</span></td><td>${ms(t.queryTimeMs)}</td></tr>`;
      const subs =
        t.subtypes.length > 1
          ? t.subtypes
              .map(
                (s) =>
                  `<tr><td class="sub">${esc(pretty(s.subtype))}</td><td>${s.injected}</td><td>${s.found}</td><td>${pct(s.recall)}</td><td></td><td></td><td></td><td></td></tr>`,
              )
              .join('')
          : '';
      return main + subs;
    })
    .join('');
}

function outcomeRows(outcomes: readonly DetectorOutcome[]): string {
  return outcomes
    .map((o) => {
      const detail =
        o.status === 'ok'
          ? plural(o.hits.length, 'hit')
          : o.status === 'skipped'
            ? `skipped: ${o.reason}`
            : `failed: ${o.error}`;
      const time = o.status === 'skipped' ? '—' : ms(o.timeMs);
      return `<tr><td>${esc(o.detector)}</td><td class="left">${esc(pretty(o.typology))}</td><td class="left">${esc(o.backend)}</td><td class="left"><span class="status ${o.status}">${esc(detail)}</span><div class="caption">${esc(o.description)}</div></td><td>${time}</td></tr>`;
    })
    .join('');
}

function hitRows(hits: readonly Hit[], max: number): string {
  return hits
    .slice(0, max)
    .map(
      (h) =>
        `<tr><td>${esc(pretty(h.typology))}</td><td class="left id wrap">${esc(h.entities.join(' '))}</td><td>${h.events.length}</td><td class="left wrap">${esc(h.explanation)}</td></tr>`,
    )
    .join('');
}

/** A self-contained HTML page (inline CSS and SVG, no scripts, no network) for a detection run. */
export function renderDetectionReport(input: ReportInput): string {
  const { score, outcomes, hits } = input;
  const title = input.title ?? 'fingraph detection report';
  const ok = outcomes.filter((o) => o.status === 'ok').length;
  const cards = score
    ? [
        [pct(score.recall), 'recall'],
        [pct(score.precision), 'precision'],
        [`${score.found}/${score.injected}`, 'patterns found'],
        [String(score.hits), 'hits'],
        [`${ok}/${outcomes.length}`, 'detectors ran'],
      ]
    : [
        [String(hits.length), 'hits'],
        [`${ok}/${outcomes.length}`, 'detectors ran'],
      ];
  const detectors = detectorsOfHits(outcomes);
  const drawings =
    score && input.patterns
      ? chooseDrawings(input.patterns, hits, input.drawingsPerTypology ?? 1)
          .map((d, i) => figure(d, i, input.facts ?? NO_DRAWING_FACTS, detectors))
          .join('')
      : '';
  const body = [
    score
      ? `<section><h2>Recall and precision per typology</h2>${barChartSvg(score.typologies)}</section>` +
        `<section><h2>Per typology</h2><div class="scroll"><table><thead><tr><th>typology / subtype</th><th>injected</th><th>found</th><th>recall</th><th>hits</th><th>true hits</th><th>precision</th><th>query time</th></tr></thead><tbody>${typologyRows(score)}</tbody></table></div></section>`
      : '',
    drawings
      ? `<section id="patterns"><h2>One pattern of every typology</h2>${legend()}<div class="grid">${drawings}</div></section>`
      : '',
    score && input.patterns
      ? falsePositiveSection(outcomes, input.patterns, input.lookAlikes ?? [])
      : '',
    `<section><h2>Detectors</h2><div class="scroll"><table><thead><tr><th>detector</th><th style="text-align:left">typology</th><th style="text-align:left">backend</th><th style="text-align:left">result</th><th>time</th></tr></thead><tbody>${outcomeRows(outcomes)}</tbody></table></div></section>`,
    score
      ? ''
      : `<section><h2>Hits</h2><div class="scroll"><table><thead><tr><th>typology</th><th style="text-align:left">entities</th><th>events</th><th style="text-align:left">explanation</th></tr></thead><tbody>${hitRows(hits, 500)}</tbody></table></div>${hits.length > 500 ? `<p class="caption">${hits.length - 500} more hits not listed.</p>` : ''}</section>`,
  ].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(input.subtitle ?? '')}</p></header>
<main><div class="cards">${cards.map(([v, l]) => `<div class="card"><b>${esc(v)}</b><span>${esc(l)}</span></div>`).join('')}</div>
${body}</main></body></html>
`;
}
