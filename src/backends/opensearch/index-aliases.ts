import { SinkError } from '../../errors.js';
import { openSearchIndexes } from '../../schema/index.js';
import type { OpenSearchConnection } from './connection.js';

/**
 * Alias mode: each load writes a fresh set of versioned indexes (`<prefix><kind>-v<n>`) while
 * readers keep using the aliases (`<prefix><kind>`), which move to the new set in one atomic
 * request once the load is complete and verified. A failed load leaves the aliases where they were.
 */
export interface VersionedIndexes {
  readonly version: number;
  /** Concrete index by kind (index name without prefix, e.g. transfers). */
  readonly concrete: ReadonlyMap<string, string>;
  /** Alias by kind. */
  readonly aliases: ReadonlyMap<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Picks the next version (one number for the whole set, so versions of different kinds never get
 * mixed) and creates its indexes with fingraph's strict mappings. Fails before creating anything if
 * an alias name is taken by a concrete index, e.g. one loaded earlier without alias mode.
 */
export async function createVersionedIndexes(
  connection: OpenSearchConnection,
  prefix: string,
): Promise<VersionedIndexes> {
  const { client } = connection;
  const definitions = openSearchIndexes();
  const kinds = Object.keys(definitions);
  const listed = (
    await client.cat.indices({
      index: `${prefix}*`,
      format: 'json',
      h: ['index'],
      expand_wildcards: 'all',
    })
  ).body as unknown as readonly { index: string }[];
  const existing = new Set(listed.map((row) => row.index));
  const taken = kinds.map((kind) => prefix + kind).filter((alias) => existing.has(alias));
  if (taken.length > 0)
    throw new SinkError(
      `opensearch sink: alias mode needs ${taken.join(', ')} free for aliases, but ${taken.length === 1 ? 'it is an index' : 'they are indexes'} (loaded without alias mode?); delete or reindex ${taken.length === 1 ? 'it' : 'them'} first`,
      { indexes: taken },
    );
  const pattern = new RegExp(
    `^${escapeRegExp(prefix)}(${kinds.map(escapeRegExp).join('|')})-v(\\d+)$`,
  );
  let latest = 0;
  for (const name of existing) {
    const match = pattern.exec(name);
    if (match?.[2] !== undefined) latest = Math.max(latest, Number(match[2]));
  }
  const version = latest + 1;
  const concrete = new Map(kinds.map((kind) => [kind, `${prefix}${kind}-v${version}`]));
  for (const [kind, definition] of Object.entries(definitions)) {
    await client.indices.create({ index: concrete.get(kind) as string, body: definition });
  }
  return { version, concrete, aliases: new Map(kinds.map((kind) => [kind, prefix + kind])) };
}

/**
 * Points every alias at its index of `versioned`, removing it from whatever index held it, in one
 * `_aliases` request: readers see the old set or the new one, never a mix.
 */
export async function switchAliases(
  connection: OpenSearchConnection,
  versioned: VersionedIndexes,
): Promise<void> {
  const { client } = connection;
  const names = [...versioned.aliases.values()];
  const holders = (await client.indices.getAlias({ name: names.join(',') }, { ignore: [404] }))
    .body as unknown as Record<string, { aliases?: Record<string, unknown> } | undefined>;
  const actions: Record<string, { index: string; alias: string }>[] = [];
  for (const [index, entry] of Object.entries(holders)) {
    for (const alias of Object.keys(entry?.aliases ?? {})) {
      if (names.includes(alias)) actions.push({ remove: { index, alias } });
    }
  }
  for (const [kind, alias] of versioned.aliases) {
    actions.push({ add: { index: versioned.concrete.get(kind) as string, alias } });
  }
  await client.indices.updateAliases({ body: { actions } });
}
