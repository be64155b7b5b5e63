import { SinkError } from '../../errors.js';
import type { RecordRef } from '../../sinks/sink.js';
import type { BulkResponse } from './bulk-sender.js';
import { itemReason } from './bulk-sender.js';
import type { OpenSearchConnection } from './connection.js';
import { writeAliasOf } from './write-aliases.js';

/** Deletes per request: small, like the records another backend refuses. */
const CHUNK = 1_000;

/**
 * Deletes the documents of records another backend refused (orchestration/reconcile-refusals.ts),
 * by `_id` from the index of their label (`indexOf`; labels without one are skipped), through the
 * write aliases. A document that is not there is fine; any other failure stops with the reason.
 * Resolves with how many documents it was asked to delete.
 */
export async function retractDocuments(
  connection: OpenSearchConnection,
  records: readonly RecordRef[],
  indexOf: (label: string) => string | undefined,
): Promise<number> {
  const lines: string[] = [];
  for (const record of records) {
    const index = indexOf(record.label);
    if (index !== undefined)
      lines.push(JSON.stringify({ delete: { _index: writeAliasOf(index), _id: record.id } }));
  }
  for (let start = 0; start < lines.length; start += CHUNK) {
    const answer = await connection.client.bulk({
      body: lines.slice(start, start + CHUNK).join('\n') + '\n',
      require_alias: true,
      refresh: true,
    } as never);
    const body = answer.body as BulkResponse;
    if (!body.errors) continue;
    for (const item of body.items ?? []) {
      const status = item['delete'];
      const gone = status?.status === 404 && status.error === undefined; // was never there
      if (status === undefined || status.status < 300 || gone) continue;
      throw new SinkError(
        `opensearch: ${connection.url}: could not remove a document another backend refused: ${itemReason(status)}`,
      );
    }
  }
  return lines.length;
}
