import { ConfigError, SinkError } from '../../errors.js';
import {
  describeDataset,
  markerOf,
  parseMarker,
  sameDataset,
  type DatasetIdentity,
} from '../dataset.js';
import { isRetryableRequestError } from './bulk-retry.js';
import type { OpenSearchConnection } from './connection.js';
import { addWriteAliases } from './write-aliases.js';

/** The `_meta` key under which every fingraph index records its dataset. */
const META_KEY = 'fingraph_dataset';

type Mappings = Record<
  string,
  { mappings?: { _meta?: Record<string, unknown>; dynamic?: unknown } }
>;

async function mappingsOf(
  connection: OpenSearchConnection,
  indexes: readonly string[],
): Promise<Mappings> {
  const answer = await connection.client.indices.getMapping({
    index: indexes.join(','),
    ignore_unavailable: true,
    allow_no_indices: true,
  } as never);
  return answer.body;
}

/**
 * Checks, before the first write, that the indexes hold this dataset or nothing: an index that
 * records another dataset, or holds documents no fingraph load recorded, is refused with a
 * ConfigError (exit 2) naming --clear. Then records this dataset in every index's `_meta`.
 */
export async function claimIndexes(
  connection: OpenSearchConnection,
  indexes: readonly string[],
  dataset: DatasetIdentity,
): Promise<void> {
  const wanted = markerOf(dataset);
  const mappings = await mappingsOf(connection, indexes);
  const suspects = indexes.filter((index) => {
    const held = parseMarker(mappings[index]?.mappings?._meta?.[META_KEY]);
    return mappings[index] !== undefined && (held === undefined || !sameDataset(held, wanted));
  });
  if (suspects.length > 0) {
    await connection.client.indices.refresh({ index: suspects.join(',') });
    for (const index of suspects) {
      const count = (await connection.client.count({ index })).body.count;
      if (count === 0) continue;
      const held = parseMarker(mappings[index]?.mappings?._meta?.[META_KEY]);
      throw new ConfigError(
        '--opensearch',
        connection.url,
        held === undefined
          ? `index ${index} holds ${count} documents that no fingraph load recorded; this dataset is ${describeDataset(wanted)}. Nothing was written: add --clear to replace them, or use another --index-prefix`
          : `index ${index} already holds another dataset (${describeDataset(held)}); this one is ${describeDataset(wanted)}. Nothing was written: add --clear to replace it, or use another --index-prefix`,
      );
    }
  }
  await connection.client.indices.putMapping({
    index: indexes.join(','),
    body: { _meta: { [META_KEY]: JSON.stringify(wanted) } },
  });
}

/**
 * After the server stopped answering for a while, or refused documents because their write alias
 * is gone (write-aliases.ts): are the indexes still fingraph's (strict mapping, and this dataset's
 * marker when there is one)? If not, the server restarted empty (or someone deleted them): what
 * was loaded is gone, and the load stops saying it must start over. Indexes auto-created under
 * our names (by someone else's write, or by a load of an older fingraph) are deleted.
 * Resolves when the server does not answer yet (the caller retries, and checks again).
 */
export async function checkIndexesAfterOutage(
  connection: OpenSearchConnection,
  indexes: readonly string[],
  dataset: DatasetIdentity | undefined,
): Promise<void> {
  let mappings: Mappings;
  try {
    mappings = await mappingsOf(connection, indexes);
  } catch (error) {
    if (isRetryableRequestError(error)) return;
    throw error;
  }
  const wanted = dataset === undefined ? undefined : markerOf(dataset);
  const lost = indexes.filter((index) => {
    const mapping = mappings[index]?.mappings;
    if (mapping === undefined || String(mapping.dynamic) !== 'strict') return true;
    const held = parseMarker(mapping._meta?.[META_KEY]);
    return wanted !== undefined && (held === undefined || !sameDataset(held, wanted));
  });
  if (lost.length === 0) {
    // The indexes are intact; a write alias someone removed is put back (write-aliases.ts).
    await addWriteAliases(connection, indexes);
    return;
  }
  const impostors = lost.filter((index) => mappings[index] !== undefined);
  if (impostors.length > 0)
    await connection.client.indices
      .delete({ index: impostors.join(','), ignore_unavailable: true })
      .catch(() => undefined);
  throw new SinkError(
    `opensearch: ${connection.url}: ${lost.length} of fingraph's ${indexes.length} indexes vanished or changed while loading (${lost.slice(0, 3).join(', ')}${lost.length > 3 ? ', …' : ''}) — the server restarted empty? What was loaded is gone, so the load must start over: run the same command again`,
    { lost, restartedEmpty: true },
  );
}
