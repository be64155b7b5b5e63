import { LABELS } from '../model/index.js';
import type { GenerateReport } from '../orchestration/generate.js';

/** The end-of-run summary on stderr: counts per label, time, rate, where the files are. */
export function printSummary(report: GenerateReport, seed: number): void {
  const { shard } = report;
  const part = shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : '';
  const lines = [
    `fingraph: generated ${report.totalRecords.toLocaleString('en-US')} records (seed ${seed}${part}) in ${(report.timeMs / 1000).toFixed(2)} s, ${report.recordsPerSecond.toLocaleString('en-US')} records/s`,
  ];
  for (const label of LABELS) {
    const count = report.counts[label];
    if (count > 0)
      lines.push(`  ${label.padEnd(14)} ${count.toLocaleString('en-US').padStart(12)}`);
  }
  if (report.peakRssBytes !== null)
    lines.push(`  peak RSS ${Math.round(report.peakRssBytes / 1048576)} MiB`);
  if (report.outDir !== null)
    lines.push(`  written to ${report.outDir} (${report.files.length} files)`);
  process.stderr.write(lines.join('\n') + '\n');
}
