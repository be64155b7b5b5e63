/**
 * Hand-drawn SVG charts for the audit page: no library, no script, no network. Each function
 * returns one `<svg>` with a viewBox, so the page scales it to the width it has.
 */

export const COLORS = {
  background: '#3b6fd8',
  crime: '#d9534f',
  bar: '#2f9e6e',
  grid: '#e4e7ee',
  muted: '#7a8194',
  ink: '#1d2233',
};

export function esc(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** 1, 10, 100, 1k, 10k, 1M … for log-axis ticks. */
export function powerLabel(value: number): string {
  if (value >= 1e9) return `${value / 1e9}G`;
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(value);
}

function svg(width: number, height: number, label: string, parts: readonly string[]): string {
  // Never drawn larger than its own size, so text keeps one size from chart to chart.
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" style="max-width:${width}px" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${esc(label)}">${parts.join('')}</svg>`;
}

/** A log10 scale from [lo, hi] (widened to whole powers of ten) onto [x0, x1]. */
function logScale(lo: number, hi: number, x0: number, x1: number) {
  const a = Math.floor(Math.log10(Math.max(lo, 1e-9)));
  const b = Math.max(a + 1, Math.ceil(Math.log10(Math.max(hi, 1e-9))));
  const at = (v: number) => x0 + ((Math.log10(Math.max(v, 10 ** a)) - a) / (b - a)) * (x1 - x0);
  const ticks: number[] = [];
  for (let p = a; p <= b; p++) ticks.push(10 ** p);
  return { at, ticks };
}

/** One row of the box chart: a labelled box (p25–p75), whiskers (p5–p95), median and max. */
export interface BoxRow {
  readonly name: string;
  readonly kind: 'background' | 'crime';
  readonly count: number;
  readonly p5: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p95: number;
  readonly max: number;
}

/** Amount distributions as boxes on a shared log axis, one row per purpose and class. */
export function boxChartSvg(rows: readonly BoxRow[]): string {
  const labelWidth = 200;
  const plot = 640;
  const row = 22;
  const top = 34;
  const height = top + rows.length * row + 30;
  const width = labelWidth + plot + 30;
  const values = rows.flatMap((r) => [r.p5, r.max]).filter((v) => v > 0);
  const { at, ticks } = logScale(
    Math.min(...values, 1),
    Math.max(...values, 10),
    labelWidth,
    labelWidth + plot,
  );
  const parts: string[] = [];
  for (const t of ticks)
    parts.push(
      `<line x1="${at(t)}" y1="${top - 6}" x2="${at(t)}" y2="${height - 22}" stroke="${COLORS.grid}"/>`,
      `<text x="${at(t)}" y="${height - 8}" text-anchor="middle" class="tick">${powerLabel(t)}</text>`,
    );
  parts.push(
    `<rect x="${labelWidth}" y="6" width="12" height="12" rx="3" fill="${COLORS.background}"/>`,
    `<text x="${labelWidth + 18}" y="16" class="legend">background</text>`,
    `<rect x="${labelWidth + 110}" y="6" width="12" height="12" rx="3" fill="${COLORS.crime}"/>`,
    `<text x="${labelWidth + 128}" y="16" class="legend">crime (labelled)</text>`,
    `<text x="${labelWidth + plot}" y="16" text-anchor="end" class="tick">box p25–p75 · whiskers p5–p95 · ◆ max</text>`,
  );
  rows.forEach((r, i) => {
    const y = top + i * row;
    const mid = y + row / 2;
    const color = r.kind === 'crime' ? COLORS.crime : COLORS.background;
    parts.push(
      `<text x="${labelWidth - 10}" y="${mid + 4}" text-anchor="end" class="name">${esc(r.name)} <tspan class="tick">${esc(r.kind === 'crime' ? 'crime' : '')} ${r.count.toLocaleString('en-US')}</tspan></text>`,
      `<line x1="${at(r.p5).toFixed(1)}" y1="${mid}" x2="${at(r.p95).toFixed(1)}" y2="${mid}" stroke="${color}" stroke-width="1.5"/>`,
      `<rect x="${at(r.p25).toFixed(1)}" y="${y + 4}" width="${Math.max(1.5, at(r.p75) - at(r.p25)).toFixed(1)}" height="${row - 8}" rx="2" fill="${color}" fill-opacity=".35" stroke="${color}"/>`,
      `<line x1="${at(r.median).toFixed(1)}" y1="${y + 3}" x2="${at(r.median).toFixed(1)}" y2="${y + row - 3}" stroke="${COLORS.ink}" stroke-width="2"/>`,
      `<path d="M${at(r.max).toFixed(1)} ${mid - 4} l4 4 l-4 4 l-4 -4 z" fill="${color}"/>`,
    );
  });
  return svg(width, height, 'amount distributions per purpose on a log axis', parts);
}

/** Two histograms (shares of their class per log bin) overlaid as step lines. */
export function histogramSvg(
  series: readonly {
    name: string;
    color: string;
    bins: readonly { lo: number; hi: number; count: number }[];
  }[],
): string {
  const left = 56;
  const plot = 640;
  const top = 28;
  const plotHeight = 170;
  const width = left + plot + 30;
  const height = top + plotHeight + 34;
  const all = series.flatMap((s) => s.bins);
  const { at, ticks } = logScale(
    Math.min(...all.map((b) => b.lo), 1),
    Math.max(...all.map((b) => b.hi), 10),
    left,
    left + plot,
  );
  const shares = series.map((s) => {
    const total = s.bins.reduce((a, b) => a + b.count, 0) || 1;
    return s.bins.map((b) => ({ ...b, share: b.count / total }));
  });
  const maxShare = Math.max(0.01, ...shares.flat().map((b) => b.share));
  const y = (share: number) => top + plotHeight - (share / maxShare) * plotHeight;
  const parts: string[] = [];
  for (const t of ticks)
    parts.push(
      `<line x1="${at(t)}" y1="${top}" x2="${at(t)}" y2="${top + plotHeight}" stroke="${COLORS.grid}"/>`,
      `<text x="${at(t)}" y="${height - 12}" text-anchor="middle" class="tick">${powerLabel(t)}</text>`,
    );
  for (const f of [0, 0.5, 1])
    parts.push(
      `<text x="${left - 6}" y="${y(f * maxShare) + 4}" text-anchor="end" class="tick">${Math.round(f * maxShare * 100)}%</text>`,
    );
  parts.push(
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plot}" y2="${top + plotHeight}" stroke="${COLORS.muted}"/>`,
  );
  series.forEach((s, i) => {
    const bins = shares[i] ?? [];
    const path = bins
      .map(
        (b, j) =>
          `${j === 0 ? `M${at(b.lo).toFixed(1)} ${y(0)} ` : ''}L${at(b.lo).toFixed(1)} ${y(b.share).toFixed(1)} L${at(b.hi).toFixed(1)} ${y(b.share).toFixed(1)}`,
      )
      .join(' ');
    const last = bins.at(-1);
    parts.push(
      `<path d="${path}${last ? ` L${at(last.hi).toFixed(1)} ${y(0)}` : ''}" fill="${s.color}" fill-opacity=".12" stroke="${s.color}" stroke-width="1.8"/>`,
      `<rect x="${left + 10 + i * 130}" y="6" width="12" height="12" rx="3" fill="${s.color}"/>`,
      `<text x="${left + 28 + i * 130}" y="16" class="legend">${esc(s.name)}</text>`,
    );
  });
  return svg(width, height, 'histogram of amounts on a log axis', parts);
}

/** The in-degree distribution: accounts per in-degree, both axes log. */
export function logLogSvg(points: readonly { degree: number; accounts: number }[]): string {
  const left = 56;
  const plot = 420;
  const top = 16;
  const plotHeight = 240;
  const width = left + plot + 30;
  const height = top + plotHeight + 44;
  const xs = logScale(
    Math.min(...points.map((p) => p.degree), 1),
    Math.max(...points.map((p) => p.degree), 10),
    left,
    left + plot,
  );
  const ys = logScale(1, Math.max(...points.map((p) => p.accounts), 10), top + plotHeight, top);
  const parts: string[] = [];
  for (const t of xs.ticks)
    parts.push(
      `<line x1="${xs.at(t)}" y1="${top}" x2="${xs.at(t)}" y2="${top + plotHeight}" stroke="${COLORS.grid}"/>`,
      `<text x="${xs.at(t)}" y="${top + plotHeight + 16}" text-anchor="middle" class="tick">${powerLabel(t)}</text>`,
    );
  for (const t of ys.ticks)
    parts.push(
      `<line x1="${left}" y1="${ys.at(t)}" x2="${left + plot}" y2="${ys.at(t)}" stroke="${COLORS.grid}"/>`,
      `<text x="${left - 6}" y="${ys.at(t) + 4}" text-anchor="end" class="tick">${powerLabel(t)}</text>`,
    );
  for (const p of points)
    parts.push(
      `<circle cx="${xs.at(p.degree).toFixed(1)}" cy="${ys.at(p.accounts).toFixed(1)}" r="3.2" fill="${COLORS.background}" fill-opacity=".75"/>`,
    );
  parts.push(
    `<text x="${left + plot / 2}" y="${height - 6}" text-anchor="middle" class="tick">transfers received (in-degree)</text>`,
    `<text x="12" y="${top + plotHeight / 2}" text-anchor="middle" class="tick" transform="rotate(-90 12 ${top + plotHeight / 2})">accounts</text>`,
  );
  return svg(width, height, 'in-degree distribution on log-log axes', parts);
}

/** Vertical bars with a label under each. */
export function barsSvg(
  values: readonly number[],
  labels: readonly string[],
  caption: string,
  width = 640,
): string {
  const left = 44;
  const top = 10;
  const plotHeight = 130;
  const slot = (width - left - 12) / Math.max(1, values.length);
  const height = top + plotHeight + 40;
  const max = Math.max(...values, 0) || 1;
  const parts: string[] = [];
  for (const f of [0, 0.5, 1]) {
    const y = top + plotHeight - f * plotHeight;
    parts.push(
      `<line x1="${left}" y1="${y}" x2="${width - 8}" y2="${y}" stroke="${COLORS.grid}"/>`,
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end" class="tick">${(f * max).toLocaleString('en-US', { maximumFractionDigits: max < 10 ? 1 : 0 })}</text>`,
    );
  }
  values.forEach((v, i) => {
    const h = (v / max) * plotHeight;
    const x = left + i * slot;
    parts.push(
      `<rect x="${(x + slot * 0.1).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${h.toFixed(1)}" rx="2" fill="${COLORS.bar}"/>`,
      `<text x="${(x + slot / 2).toFixed(1)}" y="${top + plotHeight + 14}" text-anchor="middle" class="tick">${esc(labels[i] ?? '')}</text>`,
    );
  });
  parts.push(`<text x="${left}" y="${height - 6}" class="tick">${esc(caption)}</text>`);
  return svg(width, height, caption, parts);
}
