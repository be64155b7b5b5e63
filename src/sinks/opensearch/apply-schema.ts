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
    if (!exists) {
      await client.indices.create({ index, body: definition });
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
