import { FingraphError } from '../errors.js';
import type { Sink, VerificationRow } from '../sinks/sink.js';

/** Counts in a backend differ from what was generated. */
export class VerificationError extends FingraphError {
  override readonly name = 'VerificationError';

  constructor(
    readonly rows: Readonly<Record<string, readonly VerificationRow[]>>,
    readonly partial = false,
  ) {
    const wrong = Object.entries(rows).flatMap(([sink, list]) =>
      list
        .filter((r) => !matches(r, partial))
        .map((r) => `${sink} ${r.target}: ${r.actual} of ${r.expected}`),
    );
    super(`verification failed: ${wrong.join('; ')}`, { rows });
  }
}

/**
 * Whether a backend holds what was loaded: exactly the expected count, or — for one shard's part
 * of a dataset that other shards load into the same backend — at least it.
 */
export function matches(row: VerificationRow, partial: boolean): boolean {
  return partial ? row.actual >= row.expected : row.actual === row.expected;
}

/**
 * Asks every sink that can count what landed to do so, against the generated counts (graph labels
 * plus the ground-truth tables). Throws a VerificationError listing every difference. `partial`:
 * the counts are one shard's part, so the backend must hold at least them.
 */
export async function verifySinks(
  sinks: readonly Sink[],
  expected: Readonly<Record<string, number>>,
  partial = false,
): Promise<Record<string, readonly VerificationRow[]>> {
  const rows: Record<string, readonly VerificationRow[]> = {};
  for (const sink of sinks) {
    if (sink.verify) rows[sink.name] = await sink.verify(expected);
  }
  const mismatch = Object.values(rows).some((list) => list.some((r) => !matches(r, partial)));
  if (mismatch) throw new VerificationError(rows, partial);
  return rows;
}
