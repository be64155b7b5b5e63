import { purposesToShow, type AuditReport } from './audit-report.js';
import type { Distribution } from './distribution.js';
import { decimal, figureName, figureValue, percent, verdict } from './format-figures.js';
import { WEEKDAYS } from './activity.js';

/** Columns padded to a common width: the first left-aligned, the others right-aligned. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  indent = '  ',
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function distributionRow(name: string, kind: string, d: Distribution): string[] {
  return [
    name,
    kind,
    decimal(d.count, 0),
    ...[d.p5, d.p25, d.median, d.p75, d.p95, d.p99, d.max].map((v) => decimal(v, 2)),
  ];
}

/** A row of block characters, one per value, scaled to the largest: a quick shape at a glance. */
export function sparkline(values: readonly number[]): string {
  const blocks = '▁▂▃▄▅▆▇█';
  const max = Math.max(...values, 0);
  return values
    .map((v) => (max === 0 ? blocks[0] : blocks[Math.min(7, Math.floor((v / max) * 7.999))]))
    .join('');
}

/** Fields listed per leak table in the text summary (the JSON has them all). */
const LEAK_ROWS = 6;

/** The text summary `fingraph audit` prints. */
export function renderAuditText(report: AuditReport): string {
  const out: string[] = [];
  const { laundering, amounts, inDegree, activity, salary } = report;
  out.push(
    `fingraph audit ${report.directory}`,
    `  ${report.format}, seed ${JSON.stringify(report.seed)}, fingraph ${report.generatorVersion}; transfers from ${report.window.start ?? '—'} to ${report.window.end ?? '—'}`,
    '',
    'Records and crime labels',
    table(
      ['label', 'records', 'labelled', 'share'],
      report.labels.map((l) => [
        l.label,
        decimal(l.records, 0),
        decimal(l.labelled, 0),
        l.labelled === 0 ? '' : percent(l.labelled / l.records),
      ]),
    ),
    '',
    `Laundering rate: ${percent(laundering.rate)} of transfers (${decimal(laundering.labelled, 0)} of ${decimal(laundering.transfers, 0)})`,
    table(
      ['typology', 'transfers', 'rate'],
      laundering.byTypology.map((t) => [t.typology, decimal(t.transfers, 0), percent(t.rate)]),
    ),
    '',
    `Amounts per purpose, in ${amounts.field === 'amount_base' ? `base currency (amount_base${amounts.baseCurrencies.length > 0 ? `, ${amounts.baseCurrencies.join('/')}` : ''})` : amounts.field === 'mixed' ? 'amount_base where present, else amount' : "each transfer's own currency (amount; no amount_base in this output)"}`,
    table(
      ['purpose', 'class', 'count', 'p5', 'p25', 'median', 'p75', 'p95', 'p99', 'max'],
      [
        distributionRow('all', 'background', amounts.background),
        distributionRow('all', 'crime', amounts.crime),
        ...purposesToShow(amounts).flatMap((p) =>
          [
            p.background.count > 0 ? distributionRow(p.purpose, 'background', p.background) : [],
            p.crime.count > 0 ? distributionRow(p.purpose, 'crime', p.crime) : [],
          ].filter((r) => r.length > 0),
        ),
      ],
    ),
    '',
    `Receivers: ${decimal(inDegree.receivers, 0)} accounts received transfers; in-degree median ${decimal(inDegree.medianDegree, 1)}, max ${decimal(inDegree.maxDegree, 0)}; top 1 % receive ${percent(inDegree.top1PercentShare)}; busiest ÷ median ${decimal(inDegree.busiestToMedian, 1)}`,
    '',
    "Activity on the sender's local clock (standard offset of the account's bank country)",
    `  hour 0–23      ${sparkline(activity.hour)}  peak ${activity.hour.indexOf(Math.max(...activity.hour))}h`,
    `  weekday M–Su   ${sparkline(activity.weekday.map((n, i) => n / Math.max(1, activity.weekdayDates[i] ?? 1)))}  ${WEEKDAYS.map((d, i) => `${d.slice(0, 2)} ${decimal((activity.weekday[i] ?? 0) / Math.max(1, activity.weekdayDates[i] ?? 1), 0)}`).join(', ')} per date`,
    `  day of month   ${sparkline(activity.dayOfMonth.map((d) => d.perDate))}  (per date, day 1 to ${activity.dayOfMonth.length})`,
    '',
    `Salary: ${decimal(salary.eligiblePersons, 0)} employed persons with an account and a paying employer; whole months ${salary.months.length === 0 ? 'none' : salary.months.join(', ')}; ${decimal(salary.coveredPersons, 0)} paid every month`,
    '',
    'Realism figures and the targets of issue #13',
    table(
      ['figure', 'value', 'target', ''],
      report.checks.map((c) => [figureName(c.figure), figureValue(c), c.target, verdict(c.met)]),
    ),
    '',
    'Leaks: how well one field alone separates labelled events (AUC, max(AUC, 1 − AUC); categories',
    'target-encoded out of fold; flagged above 0.70, the amount family above 0.85)',
    table(
      ['check', 'AUC', 'target', ''],
      report.leakChecks.map((c) => [c.figure, decimal(c.value, 3), c.target, verdict(c.met)]),
    ),
  );
  for (const leak of report.leaks) {
    const sampled =
      leak.unlabelledSampleRate < 1
        ? `; unlabelled sampled at ${percent(leak.unlabelledSampleRate)}, ${decimal(leak.ranked, 0)} ranked`
        : '';
    out.push(
      '',
      `  ${leak.label}: ${decimal(leak.events, 0)} events, ${decimal(leak.labelled, 0)} labelled${sampled}`,
    );
    if (leak.labelled === 0 || leak.labelled === leak.ranked) {
      out.push('    no AUC: it needs labelled and unlabelled events');
      continue;
    }
    const shown = leak.fields.filter((f, i) => i < LEAK_ROWS || f.flagged);
    out.push(
      table(
        ['field', 'AUC', 'ranked as', ''],
        shown.map((f) => [
          f.field + (f.role === 'property' ? '' : ` (${f.role})`),
          decimal(f.auc, 3),
          f.kind === 'numeric' ? 'value' : `${decimal(f.distinctValues, 0)} categories`,
          f.flagged ? `LEAK > ${f.threshold.toFixed(2)}` : '',
        ]),
        '    ',
      ),
    );
    if (shown.length < leak.fields.length)
      out.push(
        `    … ${leak.fields.length - shown.length} more fields below ${decimal(shown.at(-1)?.auc ?? null, 3)} (--json lists them all)`,
      );
  }
  return out.join('\n') + '\n';
}
