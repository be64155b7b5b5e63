import { EDGE_LABELS, TRUTH_GRAPH, VERTEX_LABELS, VOCABULARY, type EdgeLabel, type Label } from '../model/index.js';
import { graphPropertyKinds, JANUS_CLASS } from './property-types.js';

const VERTEX = 'org.apache.tinkerpop.gremlin.structure.Vertex';
const EDGE = 'org.apache.tinkerpop.gremlin.structure.Edge';

export interface JanusGraphSchema {
  readonly vertexLabels: readonly { label: string }[];
  readonly edgeLabels: readonly { label: string; multiplicity: string }[];
  readonly propertyKeys: readonly { key: string; className: string; cardinality: 'SINGLE' }[];
  readonly compositeIndexes: readonly {
    name: string;
    typeClass: string;
    indexOnly: string;
    unique: boolean;
    keys: readonly { propertyKey: string }[];
  }[];
  readonly vertexCentricEdgeIndexes: readonly {
    name: string;
    indexedEdgeLabel: string;
    direction: 'BOTH' | 'OUT' | 'IN';
    propertyKeys: readonly string[];
    order: 'asc' | 'desc';
  }[];
}

const capitalise = (s: string) => s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** `transferByTransactionId`: index names derive from label and key. */
export function indexName(label: string, key: string): string {
  return `${label.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}By${capitalise(key)}`;
}

/**
 * Lookups the detection queries start from, beyond the business keys: listed issuers, PEPs and
 * sanctioned persons, shells, document kinds, flagged transfers. Composite indexes answer equality
 * only, which is what these need.
 */
const LOOKUP_INDEXES: readonly { label: Label; key: string }[] = [
  { label: 'company', key: 'is_public' },
  { label: 'company', key: 'is_shell_company' },
  { label: 'person', key: 'is_pep' },
  { label: 'person', key: 'is_sanctioned' },
  { label: 'document', key: 'document_type' },
  { label: 'document', key: 'shipment_id' },
  { label: 'account', key: 'account_type' },
];

/**
 * Vertex-centric indexes: transfers of one account by time and by amount in the base currency
 * (what the detectors compare across accounts in different currencies), both directions.
 */
const VERTEX_CENTRIC: readonly { label: EdgeLabel; key: string; order: 'asc' | 'desc' }[] = [
  { label: 'transfer', key: 'timestamp', order: 'asc' },
  { label: 'transfer', key: 'amount_base', order: 'desc' },
  { label: 'logged_in', key: 'timestamp', order: 'asc' },
  { label: 'communicated', key: 'timestamp', order: 'asc' },
  { label: 'trade', key: 'timestamp', order: 'asc' },
];

/** The JanusGraph schema (JanusGraph 1.1 JSON schema format) generated from the vocabulary. */
export function janusGraphSchema(): JanusGraphSchema {
  const kinds = graphPropertyKinds();
  const keyIndexes = [...VERTEX_LABELS, ...EDGE_LABELS].map((label) => {
    const definition = VOCABULARY[label];
    return {
      name: indexName(label, definition.key),
      typeClass: definition.kind === 'vertex' ? VERTEX : EDGE,
      indexOnly: label,
      // Vertex keys are unique; edge keys are unique by construction but JanusGraph only enforces
      // uniqueness on vertex indexes.
      unique: definition.kind === 'vertex',
      keys: [{ propertyKey: definition.key }],
    };
  });
  // The truth graph of --with-labels: pattern vertices by id, involves edges by key.
  const truthIndexes = Object.entries(TRUTH_GRAPH).map(([label, definition]) => ({
    name: indexName(label, definition.key),
    typeClass: definition.kind === 'vertex' ? VERTEX : EDGE,
    indexOnly: label,
    unique: definition.kind === 'vertex',
    keys: [{ propertyKey: definition.key }],
  }));
  const lookups = LOOKUP_INDEXES.map(({ label, key }) => ({
    name: indexName(label, key),
    typeClass: VOCABULARY[label].kind === 'vertex' ? VERTEX : EDGE,
    indexOnly: label,
    unique: false,
    keys: [{ propertyKey: key }],
  }));
  return {
    vertexLabels: [...VERTEX_LABELS.map((label) => ({ label })), { label: 'pattern' }],
    edgeLabels: [
      ...EDGE_LABELS.map((label) => ({ label, multiplicity: VOCABULARY[label].multiplicity })),
      { label: 'involves', multiplicity: 'MULTI' },
    ],
    propertyKeys: [...kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, kind]) => ({ key, className: JANUS_CLASS[kind], cardinality: 'SINGLE' as const })),
    compositeIndexes: [...keyIndexes, ...truthIndexes, ...lookups],
    vertexCentricEdgeIndexes: VERTEX_CENTRIC.map(({ label, key, order }) => ({
      name: indexName(label, key),
      indexedEdgeLabel: label,
      direction: 'BOTH' as const,
      propertyKeys: [key],
      order,
    })),
  };
}
