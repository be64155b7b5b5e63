import type { Hit } from './detector.js';
import type { DetectorOutcome } from './run-detection.js';
import {
  patternEventIds,
  hitMatchesPattern,
  type DetectionScore,
  type TruthPattern,
  type TypologyScore,
} from './score.js';

/** Where an event goes: the endpoints of an edge event. */
export interface EventEndpoints {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

export interface ReportInput {
  readonly title?: string;
  /** Per-typology score; null without ground truth (the report then lists hits only). */
  readonly score: DetectionScore | null;
  readonly outcomes: readonly DetectorOutcome[];
  readonly hits: readonly Hit[];
  /** The injected patterns (for the drawings). */
  readonly patterns?: readonly TruthPattern[];
  /** Endpoints of edge events, by event id (for the arrows). */
  readonly endpoints?: ReadonlyMap<string, EventEndpoints>;
  /** Shown in the header, e.g. the data's reference date or the run time. */
  readonly subtitle?: string;
  /** How many pattern drawings at most. Default 6. */
  readonly maxDrawings?: number;
}

const COLORS = {
  recall: '#2f9e6e',
  precision: '#3b6fd8',
  miss: '#d9534f',
  grid: '#e4e7ee',
  muted: '#7a8194',
  ink: '#1d2233',
};

function esc(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

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

interface DrawNode {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly flagged: boolean;
}

interface DrawArrow {
  readonly id: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly flagged: boolean;
  /** Events of the same label between the same two entities, drawn as one arrow. */
  readonly count: number;
}

/** One arrow per (from, to, label): parallel events become one arrow labelled ×n. */
function bundled(arrows: readonly DrawArrow[]): DrawArrow[] {
  const byKey = new Map<string, DrawArrow>();
  for (const a of arrows) {
    const key = `${a.from}|${a.to}|${a.label}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen === undefined
        ? a
        : { ...seen, count: seen.count + a.count, flagged: seen.flagged || a.flagged },
    );
  }
  return [...byKey.values()];
}

const NODE_FILL: Record<string, string> = {
  account: '#e6f0ff',
  person: '#fff1dd',
  company: '#e9f7ef',
  device: '#f3e9ff',
};

/** One pattern as a circular node-link drawing: entities as nodes, events as labelled arrows. */
export function patternSvg(
  pattern: TruthPattern,
  hits: readonly Hit[],
  endpoints: ReadonlyMap<string, EventEndpoints>,
): string {
  const flaggedEntities = new Set(hits.flatMap((h) => h.entities));
  const flaggedEvents = new Set(hits.flatMap((h) => h.events));
  const nodes = new Map<string, DrawNode>();
  for (const p of pattern.participants)
    nodes.set(p.id, { ...p, flagged: flaggedEntities.has(p.id) });
  const arrows: DrawArrow[] = [];
  const unplaced: Record<string, number> = {};
  for (const [label, ids] of Object.entries(pattern.eventIds)) {
    for (const id of ids) {
      const e = endpoints.get(id);
      if (e === undefined) {
        unplaced[label] = (unplaced[label] ?? 0) + 1;
        continue;
      }
      for (const end of [e.from, e.to])
        if (!nodes.has(end))
          nodes.set(end, { id: end, label: '', role: '', flagged: flaggedEntities.has(end) });
      arrows.push({
        id,
        label: e.label,
        from: e.from,
        to: e.to,
        flagged: flaggedEvents.has(id),
        count: 1,
      });
    }
  }
  const all = bundled(arrows);
  const shown = all.slice(0, 40);
  // Entities that events touch first: an arrow to an entity left out would not be drawn.
  const touched = new Set(shown.flatMap((a) => [a.from, a.to]));
  const list = [
    ...[...nodes.values()].filter((n) => touched.has(n.id)),
    ...[...nodes.values()].filter((n) => !touched.has(n.id)),
  ].slice(0, 16);
  const size = 360;
  const cx = size / 2;
  const cy = size / 2;
  const radius = list.length <= 1 ? 0 : Math.min(130, 40 + list.length * 14);
  const at = new Map<string, { x: number; y: number }>();
  list.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / list.length;
    at.set(n.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  });
  const r = 22;
  const parts: string[] = [];
  const pairCount = new Map<string, number>();
  for (const a of shown) {
    const p = at.get(a.from);
    const q = at.get(a.to);
    if (p === undefined || q === undefined) continue;
    const key = [a.from, a.to].sort().join('|');
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    const color = a.flagged ? COLORS.miss : '#9aa3b5';
    if (a.from === a.to) {
      parts.push(
        `<path d="M${p.x - 8},${p.y - r} C${p.x - 40},${p.y - 70} ${p.x + 40},${p.y - 70} ${p.x + 8},${p.y - r}" fill="none" stroke="${color}" stroke-width="1.6" marker-end="url(#${a.flagged ? 'hot' : 'cold'})"><title>${esc(a.label)} ${esc(a.id)}</title></path>`,
      );
      continue;
    }
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    // Parallel events between the same pair bend apart; direction keeps A→B and B→A apart.
    const bend = (a.from < a.to ? 1 : -1) * (14 + k * 16);
    const mx = (p.x + q.x) / 2 - uy * bend;
    const my = (p.y + q.y) / 2 + ux * bend;
    const sx = p.x + ux * r;
    const sy = p.y + uy * r;
    const ex = q.x - ux * (r + 4);
    const ey = q.y - uy * (r + 4);
    parts.push(
      `<path d="M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}" fill="none" stroke="${color}" stroke-width="${(a.flagged ? 2 : 1.4) + Math.min(3, a.count - 1) * 0.6}" marker-end="url(#${a.flagged ? 'hot' : 'cold'})"><title>${esc(a.label)} ${esc(a.id)}</title></path>`,
    );
    if (shown.length <= 14 && k === 0)
      parts.push(
        `<text x="${(0.25 * (sx + ex) + 0.5 * mx).toFixed(1)}" y="${(0.25 * (sy + ey) + 0.5 * my).toFixed(1)}" class="edge">${esc(a.label)}${a.count > 1 ? ` ×${a.count}` : ''}</text>`,
      );
  }
  for (const n of list) {
    const p = at.get(n.id) ?? { x: cx, y: cy };
    const fill = NODE_FILL[n.label] ?? '#f1f2f6';
    const stroke = n.flagged ? COLORS.miss : '#8b93a7';
    parts.push(
      `<g><title>${esc(n.id)} ${esc(n.label)} ${esc(n.role)}</title>` +
        `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${n.flagged ? 2.5 : 1.2}"/>` +
        `<text x="${p.x.toFixed(1)}" y="${(p.y + 3).toFixed(1)}" text-anchor="middle" class="nid">${esc(n.id.slice(0, 3))}${esc(n.id.replace(/^\D+0*/, '') || '0')}</text>` +
        (n.role
          ? `<text x="${p.x.toFixed(1)}" y="${(p.y + r + 12).toFixed(1)}" text-anchor="middle" class="role">${esc(pretty(n.role))}</text>`
          : '') +
        `</g>`,
    );
  }
  const extra = Object.entries(unplaced)
    .map(([label, n]) => `${n} ${label}`)
    .join(', ');
  const caption =
    (all.length > shown.length ? `${all.length - shown.length} more arrows not drawn. ` : '') +
    (nodes.size > list.length ? `${nodes.size - list.length} more entities not drawn. ` : '') +
    (extra ? `Not arrows: ${extra}.` : '');
  return (
    `<svg viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="pattern ${esc(pattern.patternId)}">` +
    `<defs>` +
    `<marker id="hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS.miss}"/></marker>` +
    `<marker id="cold" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa3b5"/></marker>` +
    `</defs>${parts.join('')}</svg>` +
    (caption ? `<p class="caption">${esc(caption)}</p>` : '')
  );
}

/** Found patterns worth drawing: one per typology first, then more, up to `max`. */
function drawable(
  patterns: readonly TruthPattern[],
  hits: readonly Hit[],
  max: number,
): { pattern: TruthPattern; hits: Hit[] }[] {
  const found = patterns
    .map((pattern) => ({
      pattern,
      hits: hits.filter((h) => h.typology === pattern.typology && hitMatchesPattern(h, pattern)),
    }))
    .filter((f) => f.hits.length > 0);
  const seen = new Set<string>();
  const first = found.filter((f) => !seen.has(f.pattern.typology) && seen.add(f.pattern.typology));
  const rest = found.filter((f) => !first.includes(f));
  return [...first, ...rest].slice(0, max);
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
.chart text{font-size:12px;fill:${COLORS.ink}} .chart .tick{fill:${COLORS.muted};font-size:11px} .chart .na{fill:${COLORS.muted};font-style:italic} .chart .value{font-weight:600}
.grid{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;border:1px solid ${COLORS.grid};border-radius:10px;padding:10px 12px;flex:1 1 320px;max-width:400px}
figure > svg{width:100%;height:auto}
figure h3{margin:0;font-size:14px} figure .meta{color:${COLORS.muted};font-size:12px;margin-bottom:4px}
figure svg text.nid{font-size:9.5px;font-weight:600;fill:${COLORS.ink}} figure svg text.role{font-size:10px;fill:${COLORS.muted}} figure svg text.edge{font-size:9px;fill:#5a6275}
.caption{color:${COLORS.muted};font-size:12px;margin:2px 0 0}
.why{color:#394055;font-size:12.5px;margin:6px 0 0}
.status{font-size:12px;font-weight:600} .status.ok{color:#1c6e48} .status.skipped{color:#8a5a00} .status.failed{color:#a3221e}
td.left{text-align:left;white-space:normal}
.legend-row{color:${COLORS.muted};font-size:12px;margin:-4px 0 10px}
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
          ? `${o.hits.length} hits`
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
        `<tr><td>${esc(pretty(h.typology))}</td><td class="left">${esc(h.entities.slice(0, 6).join(', '))}${h.entities.length > 6 ? ` +${h.entities.length - 6}` : ''}</td><td>${h.events.length}</td><td class="left">${esc(h.explanation)}</td></tr>`,
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
  const drawings =
    score && input.patterns
      ? drawable(input.patterns, hits, input.maxDrawings ?? 6)
          .map(({ pattern, hits: matched }) => {
            const events = patternEventIds(pattern).length;
            return (
              `<figure><h3>${esc(pretty(pattern.typology))} <span class="meta">· ${esc(pretty(pattern.subtype))}</span></h3>` +
              `<div class="meta">${esc(pattern.patternId)} · ${pattern.participants.length} entities · ${events} events · ${matched.length} matching hit${matched.length === 1 ? '' : 's'}</div>` +
              patternSvg(pattern, matched, input.endpoints ?? new Map()) +
              `<p class="why">${esc(matched[0]?.explanation ?? '')}</p></figure>`
            );
          })
          .join('')
      : '';
  const body = [
    score
      ? `<section><h2>Recall and precision per typology</h2>${barChartSvg(score.typologies)}</section>` +
        `<section><h2>Per typology</h2><table><thead><tr><th>typology / subtype</th><th>injected</th><th>found</th><th>recall</th><th>hits</th><th>true hits</th><th>precision</th><th>query time</th></tr></thead><tbody>${typologyRows(score)}</tbody></table></section>`
      : '',
    drawings
      ? `<section id="found"><h2>Found patterns</h2><p class="legend-row">Circles are entities (blue account, orange person, green company, violet device), arrows are events; red marks what a detector flagged.</p><div class="grid">${drawings}</div></section>`
      : '',
    `<section><h2>Detectors</h2><table><thead><tr><th>detector</th><th style="text-align:left">typology</th><th style="text-align:left">backend</th><th style="text-align:left">result</th><th>time</th></tr></thead><tbody>${outcomeRows(outcomes)}</tbody></table></section>`,
    score
      ? ''
      : `<section><h2>Hits</h2><table><thead><tr><th>typology</th><th style="text-align:left">entities</th><th>events</th><th style="text-align:left">explanation</th></tr></thead><tbody>${hitRows(hits, 500)}</tbody></table>${hits.length > 500 ? `<p class="caption">${hits.length - 500} more hits not listed.</p>` : ''}</section>`,
  ].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(input.subtitle ?? '')}</p></header>
<main><div class="cards">${cards.map(([v, l]) => `<div class="card"><b>${esc(v)}</b><span>${esc(l)}</span></div>`).join('')}</div>
${body}</main></body></html>
`;
}
