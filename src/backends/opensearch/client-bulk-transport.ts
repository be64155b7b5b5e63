import type { OpenSearchConnection } from './connection.js';
import type { BulkResponse, BulkTransport } from './bulk-sender.js';

/**
 * Only what the sender reads: whether anything failed, and each item's status and error. A
 * successful item shrinks from ~150 bytes (`_index`, `_id`, `_version`, `_shards`, …) to
 * `{"index":{"status":201}}`, which is less to send and to parse on a 2-core machine.
 */
const FILTER_PATH = 'errors,items.*.status,items.*.error';

/**
 * A `BulkTransport` over the opensearch-js client: posts the NDJSON body as it is (the client does
 * not re-serialise a string) and cancels the request when the signal aborts. The client's own
 * retries are off (connectOpenSearch sets maxRetries 0): the sender retries, with backoff.
 */
export function clientBulkTransport(client: OpenSearchConnection['client']): BulkTransport {
  return async (body, signal) => {
    // require_alias: every document goes to a write alias, never to an index OpenSearch would
    // auto-create (write-aliases.ts).
    const request = client.bulk({
      body: body as never,
      filter_path: FILTER_PATH,
      require_alias: true,
    });
    const cancel = () => {
      request.abort();
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      const answer: BulkResponse = (await request).body;
      return answer;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}
