import { isDeepStrictEqual } from 'node:util';
import { SchemaError } from '../../errors.js';
import { openSearchIndexes } from '../../schema/index.js';
import type { OpenSearchConnection } from './connection.js';

export interface IndexApplyResult {
  readonly created: readonly string[];
  readonly unchanged: readonly string[];
}

/** OpenSearch omits `type: object` for objects with sub-properties; compare like with like. */
function normalise(mapping: unknown): unknown {
  if (Array.isArray(mapping) || typeof mapping !== 'object' || mapping === null) return mapping;
  const entries = Object.entries(mapping as Record<string, unknown>).filter(
    ([key, value]) => !(key === 'type' && value === 'object' && 'properties' in mapping),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, normalise(value)]));
}

/** Creates the index; false if it already existed (created meanwhile by another loader). */
async function createUnlessExists(
  connection: OpenSearchConnection,
  index: string,
  definition: object,
): Promise<boolean> {
  try {
    await connection.client.indices.create({ index, body: definition });
    return true;
  } catch (error) {
    const type = (error as { body?: { error?: { type?: string } } }).body?.error?.type;
    if (type === 'resource_already_exists_exception') return false;
    throw error;
  }
}

/**
 * Creates every fingraph index (name = prefix + kind) with its strict mapping, or checks that an
 * existing one has exactly that mapping. Idempotent; a conflicting mapping is reported, never
 * overwritten.
 */
export async function applyOpenSearchSchema(
  connection: OpenSearchConnection,
  prefix: string,
): Promise<IndexApplyResult> {
  const { client } = connection;
  const created: string[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  for (const [kind, definition] of Object.entries(openSearchIndexes())) {
    const index = prefix + kind;
    const exists = (await client.indices.exists({ index })).body;
    // Another loader (a parallel shard) may create it between the check and the create: then
    // its mapping is checked like any existing index's.
    if (!exists && (await createUnlessExists(connection, index, definition))) {
      created.push(index);
      continue;
    }
    const current = (await client.indices.getMapping({ index })).body as Record<
      string,
      { mappings: Record<string, unknown> }
    >;
    const mappings = Object.values(current)[0]?.mappings ?? {};
    const expected = definition.mappings;
    const same =
      isDeepStrictEqual(normalise(mappings['properties']), normalise(expected['properties'])) &&
      String(mappings['dynamic']) === String(expected['dynamic']);
    if (same) unchanged.push(index);
    else conflicts.push(index);
  }
  if (conflicts.length > 0) {
    throw new SchemaError(
      `opensearch: ${connection.url}: existing indexes have other mappings than fingraph's, left untouched: ${conflicts.join(', ')}`,
      { conflicts },
    );
  }
  return { created, unchanged };
}
