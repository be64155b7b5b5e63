import { LABELS } from '../model/index.js';
import type { GenerateReport } from '../orchestration/generate.js';

export interface SummaryContext {
  readonly seed: number;
  /** Milliseconds since the process started: start-up, module loading and the run. */
  readonly wallMs: number;
  /** The OpenSearch index prefix, when the ground truth was loaded there too. */
  readonly openSearchPrefix?: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The end-of-run summary on stderr: counts per label, time (the run's and the wall clock's),
 * rate, the crimes hidden in the data by typology and where their ground truth is, and where the
 * files are.
 */
export function summaryLines(report: GenerateReport, context: SummaryContext): string[] {
  const { shard } = report;
  const part = shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : '';
  const lines = [
    `fingraph: generated ${count(report.totalRecords)} records (seed ${context.seed}${part}) in ${(report.timeMs / 1000).toFixed(2)} s, ${count(report.recordsPerSecond)} records/s; ${(context.wallMs / 1000).toFixed(2)} s wall time in all`,
  ];
  for (const label of LABELS) {
    const n = report.counts[label];
    if (n > 0) lines.push(`  ${label.padEnd(14)} ${count(n).padStart(12)}`);
  }
  if (report.peakRssBytes !== null)
    lines.push(`  peak RSS ${Math.round(report.peakRssBytes / 1048576)} MiB`);
  lines.push(...crimeLines(report, context));
  if (report.outDir !== null)
    lines.push(`  written to ${report.outDir} (${report.files.length} files)`);
  return lines;
}

function crimeLines(report: GenerateReport, context: SummaryContext): string[] {
  const typologies = Object.entries(report.patterns).sort(([a], [b]) => a.localeCompare(b));
  const total = typologies.reduce((sum, [, n]) => sum + n, 0);
  if (report.shard.index !== 0)
    return ['  hidden crimes: their ground truth is written by shard 0 of the run'];
  if (total === 0) return ['  hidden crimes: none (every *_patterns count is 0)'];
  const lines = [
    `  hidden crimes: ${count(total)} instances of ${typologies.length} typologies`,
    ...typologies.map(([typology, n]) => `    ${typology.padEnd(20)} ${count(n).padStart(6)}`),
  ];
  const truthFiles = report.files.filter((file) => file.path.startsWith('ground_truth/'));
  const patternsFile = truthFiles.find((file) => file.label === 'patterns');
  if (patternsFile !== undefined && report.outDir !== null)
    lines.push(
      `  ground truth: ${report.outDir}/${patternsFile.path} (one record per instance), event_labels beside it`,
    );
  if (context.openSearchPrefix !== undefined)
    lines.push(
      `  ground truth in OpenSearch: indexes ${context.openSearchPrefix}patterns and ${context.openSearchPrefix}event_labels`,
    );
  if (patternsFile === undefined && context.openSearchPrefix === undefined)
    lines.push(
      report.outDir === null
        ? '  ground truth: not written (give --out to write ground_truth/ files)'
        : '  ground truth: not written (--no-include-ground-truth)',
    );
  return lines;
}

export function printSummary(report: GenerateReport, context: SummaryContext): void {
  process.stderr.write(summaryLines(report, context).join('\n') + '\n');
}
