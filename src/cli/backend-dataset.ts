import { createHash } from 'node:crypto';
import type { DatasetIdentity } from '../backends/index.js';

/**
 * Settings that change how fast the data is made, which part of it this run makes, or which
 * files hold it — never the data: two loads that differ only in these load the same dataset.
 */
const NOT_THE_DATA = new Set([
  'batchSize',
  'enableParallel',
  'numWorkers',
  'shard',
  'formats',
  'includeMetadata',
]);

/** Keys sorted at every level, so the digest does not depend on the order they were written in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/**
 * The dataset a generate config or an output directory's manifest describes: its seed and a
 * digest of the config. `generate --preset tiny --seed 7` and `load --from` its output give the
 * same identity, and so do all the shards of one sharded run.
 */
export function datasetIdentity(
  seed: unknown,
  config: Readonly<Record<string, unknown>>,
  shard: { readonly index: number; readonly count: number } = { index: 0, count: 1 },
): DatasetIdentity {
  const data = Object.fromEntries(Object.entries(config).filter(([k]) => !NOT_THE_DATA.has(k)));
  const digest = createHash('sha256')
    .update(JSON.stringify(canonical({ seed, config: data })))
    .digest('hex')
    .slice(0, 16);
  return { seed, digest, shard };
}

/** "I/N" as a shard, 0 of 1 when absent or unreadable (the config was validated before). */
export function shardOfSpec(spec: unknown): { index: number; count: number } {
  const match = typeof spec === 'string' ? /^(\d+)\/(\d+)$/.exec(spec) : null;
  return match ? { index: Number(match[1]), count: Number(match[2]) } : { index: 0, count: 1 };
}
