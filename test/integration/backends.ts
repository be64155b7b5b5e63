import { inject } from 'vitest';
import {
  connectJanusGraph,
  type JanusGraphConnection,
} from '../../src/backends/janusgraph/connection.js';
import {
  connectOpenSearch,
  type OpenSearchConnection,
} from '../../src/backends/opensearch/connection.js';

/** The backends the global setup found or started. */
export const JANUSGRAPH_URL = inject('janusgraphUrl');
export const OPENSEARCH_URL = inject('opensearchUrl');

export function janusgraph(): Promise<JanusGraphConnection> {
  return connectJanusGraph({ url: JANUSGRAPH_URL });
}

export function opensearch(): Promise<OpenSearchConnection> {
  return connectOpenSearch({ url: OPENSEARCH_URL });
}

/** An index prefix of this test file's own, so files never see each other's indexes. */
export function indexPrefix(file: string): string {
  const name =
    file
      .split('/')
      .pop()
      ?.replace(/\.test\.ts$/, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase() ?? 'test';
  return `it-${name}-`;
}

/** Deletes every index of a prefix. */
export async function dropIndexes(connection: OpenSearchConnection, prefix: string): Promise<void> {
  await connection.client.indices.delete({
    index: `${prefix}*`,
    expand_wildcards: 'all',
    ignore_unavailable: true,
  } as never);
}

/**
 * Empties the graph. JanusGraph Server hosts one graph here, so integration files run one after
 * another and each starts from an empty graph (the schema stays: it is the same for all).
 */
export async function clearGraph(connection: JanusGraphConnection): Promise<void> {
  await connection.client.submit('g.E().drop().iterate(); graph.tx().commit(); 0');
  await connection.client.submit('g.V().drop().iterate(); graph.tx().commit(); 0');
}
