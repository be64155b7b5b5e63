import type { EventLabel, PatternTruth, GroundTruth } from '../model/index.js';
import type { OpenSearchConnection } from '../backends/index.js';
import { isIndexMissing, scrollAll } from './opensearch-scroll.js';

/** Ground truth read back from a loaded OpenSearch, and where it came from. */
export interface OpenSearchTruth {
  readonly truth: GroundTruth;
  /** The indexes read, e.g. `fingraph-patterns`, `fingraph-event_labels`. */
  readonly indexes: readonly string[];
}

async function readIndex(connection: OpenSearchConnection, index: string): Promise<unknown[]> {
  try {
    return await scrollAll(connection, index);
  } catch (error) {
    if (isIndexMissing(error)) return [];
    throw error;
  }
}

/**
 * The ground truth that `generate`/`load` indexed into OpenSearch (`<prefix>patterns`, one document
 * per injected pattern, and `<prefix>event_labels`), so `detect` can score a load made without
 * files. Null when there is none: no patterns index, or an empty one (generated with
 * include_ground_truth off), because scoring against nothing would report recall as missing.
 */
export async function readOpenSearchTruth(
  connection: OpenSearchConnection,
  indexPrefix: string,
): Promise<OpenSearchTruth | null> {
  const indexes = [`${indexPrefix}patterns`, `${indexPrefix}event_labels`] as const;
  const patterns = (await readIndex(connection, indexes[0])) as PatternTruth[];
  if (patterns.length === 0) return null;
  const eventLabels = (await readIndex(connection, indexes[1])) as EventLabel[];
  // Index order is load order; the files list patterns by id, and so does this.
  patterns.sort((a, b) => (a.pattern_id < b.pattern_id ? -1 : a.pattern_id > b.pattern_id ? 1 : 0));
  return { truth: { patterns, eventLabels }, indexes };
}
