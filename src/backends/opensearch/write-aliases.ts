import type { OpenSearchConnection } from './connection.js';

/**
 * Every load writes through an alias of each index (`<index>-write`), and its bulk requests carry
 * `require_alias=true`. A document sent to an index that is gone — the server restarted empty, or
 * someone deleted the index between two requests — is then refused with a 404 instead of making
 * OpenSearch auto-create an index of that name with dynamic mappings (issue #16). The cluster's
 * `action.auto_create_index` could not do this: it is cluster-wide, needs admin rights, and a
 * server that restarts empty has forgotten it too, like the alias; a missing alias is what tells.
 */
export function writeAliasOf(index: string): string {
  return `${index}-write`;
}

/**
 * Points each index's write alias at it, in one request. Idempotent: an alias that is there
 * already stays, so a rerun or `--resume` of an earlier load simply finds it.
 */
export async function addWriteAliases(
  connection: OpenSearchConnection,
  indexes: readonly string[],
): Promise<void> {
  await connection.client.indices.updateAliases({
    body: { actions: indexes.map((index) => ({ add: { index, alias: writeAliasOf(index) } })) },
  });
}

/**
 * A bulk item refused because its write alias does not exist: the index behind it is gone (or
 * the alias was removed). What was loaded into it may be lost, so the sender checks the indexes
 * rather than reporting the document as refused.
 */
export function isMissingIndex(error: { readonly type?: string } | undefined): boolean {
  return error?.type === 'index_not_found_exception';
}
