import { openSearchIndexes } from '../../schema/index.js';
import type { OpenSearchConnection } from './connection.js';

/**
 * Deletes fingraph's indexes under a prefix — exactly the names it writes (and their versioned
 * alias targets), never a wildcard over other people's indexes. Destructive: only on request.
 */
export async function deleteFingraphIndexes(
  connection: OpenSearchConnection,
  prefix: string,
): Promise<void> {
  const names = Object.keys(openSearchIndexes()).flatMap((kind) => [
    prefix + kind,
    `${prefix}${kind}-v*`,
  ]);
  await connection.client.indices.delete({
    index: names.join(','),
    expand_wildcards: 'all',
    ignore_unavailable: true,
  } as never);
}
