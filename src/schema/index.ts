export { schemaArtifacts, configJsonSchema } from './artifacts.js';
export { janusGraphSchema, indexName, type JanusGraphSchema } from './janusgraph-schema.js';
export { janusGraphManagementScript } from './janusgraph-script.js';
export { openSearchIndexes, INDEXED_LABELS, indexNameOf, type IndexDefinition } from './opensearch-mappings.js';
export { graphPropertyKinds } from './property-types.js';
