import { matches } from '../orchestration/verify-sinks.js';
import type { VerificationRow } from '../sinks/sink.js';

/** The post-load table on stderr: per backend and label, expected and actual counts. */
export function printVerification(
  verification: Readonly<Record<string, readonly VerificationRow[]>>,
  partial = false,
): void {
  for (const [sink, rows] of Object.entries(verification)) {
    const lines = [
      `${sink}: verified ${rows.length} labels${partial ? " (a shard's part: at least the expected count)" : ''}`,
    ];
    for (const row of rows) {
      const mark = matches(row, partial) ? 'ok' : 'MISMATCH';
      lines.push(
        `  ${row.target.padEnd(28)} ${String(row.actual).padStart(10)} / ${String(row.expected).padEnd(10)} ${mark}`,
      );
    }
    process.stderr.write(lines.join('\n') + '\n');
  }
}
