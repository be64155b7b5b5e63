import { FingraphError } from '../errors.js';
import type { Sink, VerificationRow } from '../sinks/sink.js';

/** Counts in a backend differ from what was generated. */
export class VerificationError extends FingraphError {
  override readonly name = 'VerificationError';

  constructor(readonly rows: Readonly<Record<string, readonly VerificationRow[]>>) {
    const wrong = Object.entries(rows).flatMap(([sink, list]) =>
      list
        .filter((r) => r.actual !== r.expected)
        .map((r) => `${sink} ${r.target}: ${r.actual} of ${r.expected}`),
    );
    super(`verification failed: ${wrong.join('; ')}`, { rows });
  }
}

/**
 * Asks every sink that can count what landed to do so, against the generated counts (graph labels
 * plus the ground-truth tables). Throws a VerificationError listing every difference.
 */
export async function verifySinks(
  sinks: readonly Sink[],
  expected: Readonly<Record<string, number>>,
): Promise<Record<string, readonly VerificationRow[]>> {
  const rows: Record<string, readonly VerificationRow[]> = {};
  for (const sink of sinks) {
    if (sink.verify) rows[sink.name] = await sink.verify(expected);
  }
  const mismatch = Object.values(rows).some((list) => list.some((r) => r.actual !== r.expected));
  if (mismatch) throw new VerificationError(rows);
  return rows;
}
