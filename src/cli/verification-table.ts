import type { VerificationRow } from '../sinks/sink.js';

/** The post-load table on stderr: per backend and label, expected and actual counts. */
export function printVerification(
  verification: Readonly<Record<string, readonly VerificationRow[]>>,
): void {
  for (const [sink, rows] of Object.entries(verification)) {
    const lines = [`${sink}: verified ${rows.length} labels`];
    for (const row of rows) {
      const mark = row.actual === row.expected ? 'ok' : 'MISMATCH';
      lines.push(
        `  ${row.target.padEnd(28)} ${String(row.actual).padStart(10)} / ${String(row.expected).padEnd(10)} ${mark}`,
      );
    }
    process.stderr.write(lines.join('\n') + '\n');
  }
}
