import type { Backend } from '../backend.js';
import { applyJanusGraphSchema } from './apply-schema.js';
import { clearGraph } from './clear-graph.js';
import {
  connectJanusGraph,
  type JanusGraphConnection,
  type JanusGraphOptions,
} from './connection.js';
import { JanusGraphSink, type JanusGraphSinkOptions } from './janusgraph-sink.js';

/** JanusGraph-only load settings (batch size, connections, checkpoint, lease holder…). */
export type JanusGraphTuning = Omit<
  JanusGraphSinkOptions,
  'connection' | 'dataset' | 'clear' | 'withLabels' | 'onDrop' | 'failFast' | 'clock' | 'signal'
>;

/**
 * JanusGraph over Gremlin: the schema through the management API, the dataset as a marker vertex
 * with the loaders' lease, and detection queries on the connection itself.
 */
export const JANUSGRAPH_BACKEND: Backend<JanusGraphOptions, JanusGraphTuning, JanusGraphConnection> =
  {
    title: 'JanusGraph',
    protocols: ['ws:', 'wss:'],
    example: 'ws://127.0.0.1:8182/gremlin',
    async connect(options) {
      const connection = await connectJanusGraph(options);
      return {
        url: connection.url,
        async applySchema() {
          const { created } = await applyJanusGraphSchema(connection);
          return {
            created,
            summary:
              created.length === 0
                ? 'schema already in place, nothing changed'
                : `created ${created.length} schema elements`,
            report: { url: connection.url, created },
          };
        },
        clear: () => clearGraph(connection),
        // The sink keeps its own connections (one per request in flight), opened from the options.
        openSink: (settings, tuning = {}) =>
          JanusGraphSink.open({ ...tuning, ...settings, connection: options }),
        detection: connection,
        close: () => connection.close(),
      };
    },
  };
