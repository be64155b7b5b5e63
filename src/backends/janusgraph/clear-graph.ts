import type { JanusGraphConnection } from './connection.js';
import { applyMetaSchema, META_LABEL } from './graph-meta.js';

/**
 * Empties the graph, edges first, in bounded transactions (a single drop of a large graph would
 * be one huge transaction). The schema stays, and so does fingraph's meta vertex (the loader
 * lease of the load that clears). Destructive: only on an explicit request.
 */
export async function clearGraph(connection: JanusGraphConnection): Promise<void> {
  await applyMetaSchema(connection);
  // Edges and vertices in separate loops: dropping both in one traversal batch trips a
  // JanusGraph batch-fetch error ("The vertex or type has been removed") on some graphs.
  await connection.client.submit(
    'while (g.E().limit(1).hasNext()) { g.E().limit(10000).drop().iterate(); graph.tx().commit() }; 0',
  );
  await connection.client.submit(
    `while (g.V().not(__.hasLabel('${META_LABEL}')).limit(1).hasNext()) { g.V().not(__.hasLabel('${META_LABEL}')).limit(10000).drop().iterate(); graph.tx().commit() }; 0`,
  );
}
