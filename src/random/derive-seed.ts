import { createHash } from 'node:crypto';

/**
 * Derives the seed of one stream chunk from the root seed. Every stream (persons, transfers, a
 * typology…) and every chunk of it gets its own independent seed, so a record's values depend only
 * on (root seed, stream, chunk) and never on batch size, worker count or shard split.
 */
export function deriveSeed(rootSeed: number, stream: string, chunk = 0): string {
  return createHash('sha256').update(`${rootSeed}\u0000${stream}\u0000${chunk}`).digest('hex');
}
