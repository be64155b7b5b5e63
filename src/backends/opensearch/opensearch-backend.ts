import type { Backend } from '../backend.js';
import { applyOpenSearchSchema } from './apply-schema.js';
import { withRequestRetry } from './bulk-retry.js';
import {
  connectOpenSearch,
  type OpenSearchConnection,
  type OpenSearchOptions,
} from './connection.js';
import { deleteFingraphIndexes } from './delete-indexes.js';
import { OpenSearchSink, type OpenSearchSinkOptions } from './opensearch-sink.js';

/** OpenSearch-only load settings (aliases, bulk concurrency, retry budget…). */
export type OpenSearchTuning = Omit<
  OpenSearchSinkOptions,
  'dataset' | 'withLabels' | 'onDrop' | 'failFast' | 'clock' | 'signal'
>;

/** What an OpenSearch detection query receives: the connection and where the indexes are. */
export interface OpenSearchTarget {
  readonly connection: OpenSearchConnection;
  readonly indexPrefix: string;
}

/**
 * OpenSearch over its REST API: one strict index per indexed label under a prefix, the dataset
 * in every index's `_meta`, documents through `_bulk`.
 */
export const OPENSEARCH_BACKEND: Backend<OpenSearchOptions, OpenSearchTuning, OpenSearchTarget> = {
  title: 'OpenSearch',
  protocols: ['http:', 'https:'],
  example: 'http://127.0.0.1:9200',
  async connect(options, { indexPrefix }) {
    const connection = await connectOpenSearch(options);
    const clear = (signal?: AbortSignal) =>
      withRequestRetry(() => deleteFingraphIndexes(connection, indexPrefix), {
        what: `opensearch: ${connection.url}: deleting the indexes under ${indexPrefix}`,
        ...(signal ? { signal } : {}),
      });
    return {
      url: connection.url,
      async applySchema() {
        const { created, unchanged } = await applyOpenSearchSchema(connection, indexPrefix);
        return {
          created,
          summary:
            created.length === 0
              ? `all ${unchanged.length} indexes already in place, nothing changed`
              : `created ${created.length} indexes, ${unchanged.length} already in place`,
          report: { url: connection.url, created, unchanged },
        };
      },
      clear,
      async openSink({ clear: clearFirst, ...settings }, tuning = {}) {
        if (clearFirst === true) await clear(settings.signal);
        return OpenSearchSink.open(connection, indexPrefix, { ...tuning, ...settings });
      },
      detection: { connection, indexPrefix },
      close: () => connection.close(),
    };
  },
};
