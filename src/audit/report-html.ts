import { WEEKDAYS } from './activity.js';
import { purposesToShow, type AuditReport } from './audit-report.js';
import {
  barsSvg,
  boxChartSvg,
  COLORS,
  esc,
  histogramSvg,
  logLogSvg,
  type BoxRow,
} from './charts-svg.js';
import type { Distribution } from './distribution.js';
import { decimal, figureName, figureValue, percent, verdict } from './format-figures.js';
import type { LeakTable } from './leak-table.js';
import type { TargetCheck } from './realism-targets.js';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:${COLORS.ink};background:#f5f6fa}
header{background:linear-gradient(120deg,#1d2b53,#2f4a8a);color:#fff;padding:26px 40px 60px}
header h1{margin:0 0 4px;font-size:24px;font-weight:650}
header p{margin:0;opacity:.8;overflow-wrap:anywhere}
main{padding:24px 40px 40px;max-width:1280px}
.cards{display:flex;gap:14px;flex-wrap:wrap;margin:-44px 0 22px}
.card{background:#fff;border-radius:12px;padding:14px 18px;min-width:150px;box-shadow:0 2px 10px rgba(20,30,60,.08)}
.card b{display:block;font-size:26px;font-weight:700}
.card span{color:${COLORS.muted};font-size:12px;text-transform:uppercase;letter-spacing:.6px}
section{background:#fff;border-radius:12px;padding:18px 22px;margin-bottom:20px;box-shadow:0 2px 10px rgba(20,30,60,.06)}
h2{font-size:16px;margin:0 0 12px} h3{font-size:14px;margin:14px 0 6px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 10px;text-align:right;border-bottom:1px solid ${COLORS.grid};white-space:nowrap}
th{font-size:11px;text-transform:uppercase;letter-spacing:.6px;color:${COLORS.muted};font-weight:600}
th:first-child,td:first-child{text-align:left}
td.left{text-align:left}
.pill{display:inline-block;min-width:62px;text-align:center;padding:2px 8px;border-radius:999px;font-weight:600;font-size:12px}
.pill.good{background:#dcf3e7;color:#1c6e48}.pill.bad{background:#fde2e1;color:#a3221e}.pill.none{background:#eef0f4;color:${COLORS.muted}}
.chart{width:100%;height:auto;display:block}
.chart text{font-size:12px;fill:${COLORS.ink}} .chart .tick{fill:${COLORS.muted};font-size:11px} .chart .name{font-size:12px}
.grid{display:flex;flex-wrap:wrap;gap:18px}
.grid > div{flex:1 1 360px;min-width:0}
.caption{color:${COLORS.muted};font-size:12px;margin:4px 0 0}
.aucbar{display:inline-block;height:8px;border-radius:4px;background:${COLORS.background};vertical-align:middle;margin-right:6px}
.aucbar.flag{background:${COLORS.crime}}
.role{color:${COLORS.muted};font-size:12px}
td:first-child{white-space:normal}
@media (max-width:720px){header{padding:20px 16px 56px}main{padding:16px 12px 24px}section{padding:14px 12px}th,td{padding:5px 6px}}
`;

function pill(met: boolean | null): string {
  const tone = met === null ? 'none' : met ? 'good' : 'bad';
  return `<span class="pill ${tone}">${esc(verdict(met))}</span>`;
}

function checkRows(checks: readonly TargetCheck[], name: (figure: string) => string): string {
  return checks
    .map(
      (c) =>
        `<tr><td>${esc(name(c.figure))}</td><td>${esc(figureValue(c))}</td><td>${esc(c.target)}</td><td>${pill(c.met)}</td></tr>`,
    )
    .join('');
}

function boxRow(name: string, kind: BoxRow['kind'], d: Distribution): BoxRow[] {
  if (d.count === 0 || d.median === null) return [];
  return [
    {
      name,
      kind,
      count: d.count,
      p5: d.p5 ?? 0,
      p25: d.p25 ?? 0,
      median: d.median,
      p75: d.p75 ?? 0,
      p95: d.p95 ?? 0,
      max: d.max ?? 0,
    },
  ];
}

function quantileRows(report: AuditReport): string {
  const row = (purpose: string, kind: string, d: Distribution) =>
    d.count === 0
      ? ''
      : `<tr><td>${esc(purpose)}</td><td class="left">${kind}</td>${[d.count, d.p5, d.p25, d.median, d.p75, d.p95, d.p99, d.max].map((v, i) => `<td>${decimal(v, i === 0 ? 0 : 2)}</td>`).join('')}</tr>`;
  return [
    row('all', 'background', report.amounts.background),
    row('all', 'crime', report.amounts.crime),
    ...purposesToShow(report.amounts).flatMap((p) => [
      row(p.purpose, 'background', p.background),
      row(p.purpose, 'crime', p.crime),
    ]),
  ].join('');
}

/** Fields shown per leak table: all flagged ones, and the strongest up to this many. */
const LEAK_ROWS = 12;

function leakSection(leak: LeakTable): string {
  const sampled =
    leak.unlabelledSampleRate < 1
      ? ` · unlabelled events sampled at ${percent(leak.unlabelledSampleRate)} (${leak.ranked.toLocaleString('en-US')} ranked)`
      : '';
  const head = `<h3>${esc(leak.label)} <span class="role">${leak.events.toLocaleString('en-US')} events · ${leak.labelled.toLocaleString('en-US')} labelled${sampled}</span></h3>`;
  if (leak.labelled === 0 || leak.labelled === leak.ranked)
    return `${head}<p class="caption">No AUC: it needs both labelled and unlabelled events.</p>`;
  const shown = leak.fields.filter((f, i) => i < LEAK_ROWS || f.flagged);
  const rows = shown
    .map((f) => {
      const auc = f.auc ?? 0.5;
      const bar = `<span class="aucbar${f.flagged ? ' flag' : ''}" style="width:${Math.round((auc - 0.5) * 2 * 120)}px"></span>`;
      return `<tr><td>${esc(f.field)}${f.role === 'property' ? '' : ` <span class="role">${f.role}</span>`}</td><td class="left">${bar}${decimal(f.auc, 3)}</td><td>${f.kind === 'numeric' ? 'value' : `${f.distinctValues.toLocaleString('en-US')} categories`}</td><td>${f.threshold.toFixed(2)}</td><td>${f.flagged ? '<span class="pill bad">leak</span>' : ''}</td></tr>`;
    })
    .join('');
  const more =
    shown.length < leak.fields.length
      ? `<p class="caption">${leak.fields.length - shown.length} more fields, all at or below ${decimal(shown.at(-1)?.auc ?? null, 3)}.</p>`
      : '';
  return `${head}<div class="scroll"><table><thead><tr><th>field</th><th style="text-align:left">AUC</th><th>ranked as</th><th>limit</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>${more}`;
}

/** A self-contained HTML page (inline CSS and SVG, no scripts, no network): the dataset card. */
export function renderAuditHtml(report: AuditReport): string {
  const { amounts, inDegree, activity, laundering, salary } = report;
  const met = report.checks.filter((c) => c.met === true).length;
  const leaksFlagged = report.leaks.reduce(
    (n, l) => n + l.fields.filter((f) => f.flagged).length,
    0,
  );
  const cards: [string, string][] = [
    [laundering.transfers.toLocaleString('en-US'), 'transfers'],
    [percent(laundering.rate), 'laundering rate'],
    [`${met}/${report.checks.length}`, 'realism targets met'],
    [String(leaksFlagged), 'leaking fields'],
  ];
  const boxes = [
    ...boxRow('all', 'background', amounts.background),
    ...boxRow('all', 'crime', amounts.crime),
    ...purposesToShow(amounts).flatMap((p) => [
      ...boxRow(p.purpose, 'background', p.background),
      ...boxRow(p.purpose, 'crime', p.crime),
    ]),
  ];
  const unit =
    amounts.field === 'amount_base'
      ? `base currency (amount_base${amounts.baseCurrencies.length > 0 ? `, ${amounts.baseCurrencies.join('/')}` : ''})`
      : amounts.field === 'mixed'
        ? 'amount_base where present, else amount'
        : "each transfer's own currency (this output has no amount_base)";
  const perDate = activity.weekday.map((n, i) => n / Math.max(1, activity.weekdayDates[i] ?? 1));
  const body = [
    `<section><h2>Realism figures against the targets of issue #13</h2><div class="scroll"><table><thead><tr><th>figure</th><th>value</th><th>target</th><th></th></tr></thead><tbody>${checkRows(report.checks, figureName)}</tbody></table></div>
<p class="caption">Salary: ${salary.eligiblePersons} employed persons with an account and an employer with an account; whole months ${esc(salary.months.join(', ') || 'none')}; ${salary.coveredPersons} paid by their employer every month.</p></section>`,
    `<section><h2>Amounts per purpose</h2><p class="caption">In ${esc(unit)}; log axis.</p>${boxChartSvg(boxes)}
<h3>All transfers, share per bin</h3>${histogramSvg([
      { name: 'background', color: COLORS.background, bins: amounts.background.histogram.bins },
      { name: 'crime', color: COLORS.crime, bins: amounts.crime.histogram.bins },
    ])}
<div class="scroll"><table><thead><tr><th>purpose</th><th style="text-align:left">class</th><th>count</th><th>p5</th><th>p25</th><th>median</th><th>p75</th><th>p95</th><th>p99</th><th>max</th></tr></thead><tbody>${quantileRows(report)}</tbody></table></div></section>`,
    `<section><h2>Who receives: in-degree</h2><div class="grid"><div>${logLogSvg(inDegree.points)}</div><div><table><tbody>
<tr><td>accounts that received transfers</td><td>${inDegree.receivers.toLocaleString('en-US')}</td></tr>
<tr><td>median in-degree</td><td>${decimal(inDegree.medianDegree, 1)}</td></tr>
<tr><td>largest in-degree</td><td>${inDegree.maxDegree.toLocaleString('en-US')}</td></tr>
<tr><td>share received by the top 1 %</td><td>${percent(inDegree.top1PercentShare)}</td></tr>
<tr><td>busiest ÷ median receiver</td><td>${decimal(inDegree.busiestToMedian, 1)}</td></tr>
</tbody></table></div></div></section>`,
    `<section><h2>Activity on the local clock</h2><p class="caption">UTC timestamp shifted by the standard offset of the sending account's bank country. Weekday and day-of-month bars are transfers per local calendar date, so a month's 31st or a weekday the window covers less often is not undercounted.</p>
<div class="grid"><div>${barsSvg(
      activity.hour,
      activity.hour.map((_, h) => (h % 3 === 0 ? String(h) : '')),
      'transfers by local hour',
    )}</div>
<div>${barsSvg(
      perDate,
      WEEKDAYS.map((d) => d.slice(0, 3)),
      `per date by weekday · weekend ÷ weekday ${decimal(activity.weekendToWeekdayRatio, 3)}`,
    )}</div></div>
${barsSvg(
  activity.dayOfMonth.map((d) => d.perDate),
  activity.dayOfMonth.map((d) => (d.day === 1 || d.day % 5 === 0 ? String(d.day) : '')),
  `per date by day of month · busiest ÷ median ${decimal(activity.busiestDayOfMonthToMedian, 3)}`,
)}</section>`,
    `<section><h2>Leak table</h2><p class="caption">How well each field alone separates events of a crime from the rest: rank AUC, shown as max(AUC, 1 − AUC); 0.5 is no better than chance. Numbers, booleans and instants rank by value (a missing value lowest); other fields are target-encoded out of fold (5 folds by a hash of the event id, all events of one crime instance in one fold), so an id comes out at 0.5. Limit 0.70, or 0.85 for the amount and its derivatives.</p>
<div class="scroll"><table><thead><tr><th>check</th><th>AUC</th><th>target</th><th></th></tr></thead><tbody>${checkRows(report.leakChecks, (f) => f)}</tbody></table></div>
${report.leaks.map(leakSection).join('')}</section>`,
    `<section><h2>Records and crime labels</h2><div class="grid"><div class="scroll"><table><thead><tr><th>label</th><th>records</th><th>labelled</th><th>share</th></tr></thead><tbody>${report.labels.map((l) => `<tr><td>${esc(l.label)}</td><td>${l.records.toLocaleString('en-US')}</td><td>${l.labelled.toLocaleString('en-US')}</td><td>${l.labelled === 0 ? '' : percent(l.labelled / l.records)}</td></tr>`).join('')}</tbody></table></div>
<div class="scroll"><table><thead><tr><th>typology</th><th>transfers</th><th>share of all transfers</th></tr></thead><tbody>${laundering.byTypology.map((t) => `<tr><td>${esc(t.typology)}</td><td>${t.transfers.toLocaleString('en-US')}</td><td>${percent(t.rate)}</td></tr>`).join('')}</tbody></table></div></div></section>`,
  ].join('\n');
  const subtitle = `${report.directory} · ${report.format} · seed ${JSON.stringify(report.seed)} · transfers ${report.window.start ?? '—'} → ${report.window.end ?? '—'}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>fingraph dataset card</title><style>${STYLE}</style></head>
<body><header><h1>fingraph dataset card</h1><p>${esc(subtitle)}</p></header>
<main><div class="cards">${cards.map(([v, l]) => `<div class="card"><b>${esc(v)}</b><span>${esc(l)}</span></div>`).join('')}</div>
${body}</main></body></html>
`;
}
