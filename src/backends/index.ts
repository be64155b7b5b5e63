/**
 * The backends' public face: the table of backends, their connection and detection types, and
 * the few helpers detection queries share. Everything outside src/backends imports from here,
 * never from a backend's folder (lint keeps it so).
 */
export {
  BACKEND_KINDS,
  BACKENDS,
  type BackendEndpoints,
  type BackendKind,
  type BackendTypes,
  type DetectionTargets,
  type OptionsOf,
  type TargetOf,
  type TuningOf,
} from './table.js';
export {
  connectBackends,
  openSink,
  type BackendSessions,
  type ConnectedBackends,
} from './connect.js';
export type {
  Backend,
  BackendScope,
  BackendSession,
  EndpointOptions,
  SchemaOutcome,
  SinkSettings,
} from './backend.js';
export type { Credentials } from './credentials.js';
export { redactUrl, invalidUrlReason } from './credentials.js';
export type { DatasetIdentity } from './dataset.js';
export {
  connectJanusGraph,
  type GremlinClient,
  type JanusGraphConnection,
  type JanusGraphOptions,
} from './janusgraph/connection.js';
export { applyJanusGraphSchema } from './janusgraph/apply-schema.js';
export { JanusGraphSink, type JanusGraphSinkOptions } from './janusgraph/janusgraph-sink.js';
export type { JanusGraphTuning } from './janusgraph/janusgraph-backend.js';
export { toPlain } from './janusgraph/script-result.js';
export {
  connectOpenSearch,
  type OpenSearchConnection,
  type OpenSearchOptions,
} from './opensearch/connection.js';
export { applyOpenSearchSchema } from './opensearch/apply-schema.js';
export { OpenSearchSink, type OpenSearchSinkOptions } from './opensearch/opensearch-sink.js';
export type { OpenSearchTarget, OpenSearchTuning } from './opensearch/opensearch-backend.js';
export { Checkpoint } from './janusgraph/checkpoint.js';
export { JANUSGRAPH_DEFAULTS } from './janusgraph/janusgraph-sink.js';
export { OPENSEARCH_DEFAULTS } from './opensearch/opensearch-sink.js';
