import { FingraphError } from '../errors.js';
import { VerificationError } from '../orchestration/verify-sinks.js';
import type { DroppedRecord } from '../sinks/sink.js';

/**
 * The --json report of a run that failed: what went wrong, the post-load counts when there were
 * any, and every element a backend refused, so none is reachable only through stderr.
 */
export function failureReport(error: unknown, dropped: readonly DroppedRecord[]): string {
  const message =
    error instanceof Error && error.message === 'interrupted'
      ? 'interrupted'
      : error instanceof FingraphError || error instanceof Error
        ? error.message
        : String(error);
  return (
    JSON.stringify(
      {
        ok: false,
        error: message,
        ...(error instanceof VerificationError ? { verification: error.rows } : {}),
        dropped,
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * What stays in the backends when a load is interrupted, said before the command's own line ("no
 * output was kept" is about files): documents and elements that landed are not rolled back.
 */
export function backendsLeftNote(
  flags: { readonly janusgraph?: string; readonly opensearch?: string },
  error: unknown,
): string | undefined {
  if (flags.janusgraph === undefined && flags.opensearch === undefined) return undefined;
  if (!(error instanceof Error) || error.message !== 'interrupted') return undefined;
  const settings = flags.opensearch === undefined ? '' : ' (index settings are put back)';
  return `interrupted: what already landed in the backends stays there${settings}: rerun with --resume to go on, or with --clear to start afresh\n`;
}
