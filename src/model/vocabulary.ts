import type { PropertyShape, ShapeValues } from './property-kinds.js';
import { accountShape } from './vertices/account.js';
import { companyShape } from './vertices/company.js';
import { deviceShape } from './vertices/device.js';
import { documentShape } from './vertices/document.js';
import { personShape } from './vertices/person.js';
import { travelShape } from './vertices/travel.js';
import { communicatedShape } from './edges/communicated.js';
import { ownsShape } from './edges/owns.js';
import { tradeShape } from './edges/trade.js';
import { transferShape } from './edges/transfer.js';
import {
  employedByShape,
  holdsShareShape,
  officerOfShape,
  relatedToShape,
} from './edges/relationships.js';
import { billedToShape, issuedShape, loggedInShape, traveledShape } from './edges/activity.js';

/** The vertex labels of the graph, in output order. */
export const VERTEX_LABELS = [
  'person',
  'company',
  'account',
  'device',
  'document',
  'travel',
] as const;
/** One of {@link VERTEX_LABELS}. */
export type VertexLabel = (typeof VERTEX_LABELS)[number];

/** The edge labels of the graph, in output order. */
export const EDGE_LABELS = [
  'owns',
  'employed_by',
  'officer_of',
  'holds_share',
  'related_to',
  'transfer',
  'communicated',
  'trade',
  'traveled',
  'logged_in',
  'issued',
  'billed_to',
] as const;
/** One of {@link EDGE_LABELS}. */
export type EdgeLabel = (typeof EDGE_LABELS)[number];

/** Any vertex or edge label. */
export type Label = VertexLabel | EdgeLabel;
/** Every label: the vertex labels, then the edge labels. */
export const LABELS: readonly Label[] = [...VERTEX_LABELS, ...EDGE_LABELS];

interface ElementDefinition {
  /** The property holding the business id; unique within the label. */
  readonly key: string;
  readonly shape: PropertyShape;
  /** File name (without extension) of this label's records. */
  readonly fileStem: string;
  /** OpenSearch index (without prefix) holding this label's documents. */
  readonly index: string;
}

export interface VertexDefinition extends ElementDefinition {
  readonly kind: 'vertex';
  /** Three-letter prefix of this label's ids: the label of any vertex id can be read from it. */
  readonly idPrefix: string;
  /**
   * An event vertex (a document, a trip) rather than an entity (a person, company, account or
   * device): it can be an event of an injected crime, so `--with-labels` labels it like an edge.
   */
  readonly event: boolean;
}

export interface EdgeDefinition extends ElementDefinition {
  readonly kind: 'edge';
  readonly from: readonly VertexLabel[];
  readonly to: readonly VertexLabel[];
  /**
   * JanusGraph multiplicity. Every label is MULTI: JanusGraph does not enforce multiplicity under
   * storage.batch-loading, and a violated ONE2MANY left graphs whose edges could not be dropped.
   * The generator keeps shapes such as "one issuer per document" itself (tested).
   */
  readonly multiplicity: 'MULTI' | 'SIMPLE' | 'MANY2ONE' | 'ONE2MANY' | 'ONE2ONE';
}

function vertex<S extends PropertyShape>(
  key: keyof S & string,
  shape: S,
  idPrefix: string,
  fileStem: string,
  role: 'entity' | 'event' = 'entity',
) {
  return {
    kind: 'vertex' as const,
    key,
    shape,
    idPrefix,
    fileStem,
    index: fileStem,
    event: role === 'event',
  };
}

function edge<S extends PropertyShape>(
  key: keyof S & string,
  shape: S,
  from: readonly VertexLabel[],
  to: readonly VertexLabel[],
  fileStem: string,
  multiplicity: EdgeDefinition['multiplicity'] = 'MULTI',
) {
  return { kind: 'edge' as const, key, shape, from, to, fileStem, index: fileStem, multiplicity };
}

/**
 * The one graph vocabulary: every label, its business key, its properties and where it is stored.
 * Generators, files, schemas, loaders, detection and ground truth all read this table.
 */
export const VOCABULARY = {
  person: vertex('person_id', personShape, 'PER', 'persons'),
  company: vertex('company_id', companyShape, 'COM', 'companies'),
  account: vertex('account_id', accountShape, 'ACC', 'accounts'),
  device: vertex('device_id', deviceShape, 'DEV', 'devices'),
  document: vertex('document_id', documentShape, 'DOC', 'documents', 'event'),
  travel: vertex('travel_id', travelShape, 'TRV', 'travels', 'event'),
  owns: edge('ownership_id', ownsShape, ['person', 'company'], ['account'], 'owns'),
  employed_by: edge('relationship_id', employedByShape, ['person'], ['company'], 'employed_by'),
  officer_of: edge('relationship_id', officerOfShape, ['person'], ['company'], 'officer_of'),
  holds_share: edge(
    'relationship_id',
    holdsShareShape,
    ['person', 'company'],
    ['company'],
    'holds_share',
  ),
  related_to: edge('relationship_id', relatedToShape, ['person'], ['person'], 'related_to'),
  transfer: edge('transaction_id', transferShape, ['account'], ['account'], 'transfers'),
  communicated: edge(
    'communication_id',
    communicatedShape,
    ['person'],
    ['person'],
    'communications',
  ),
  trade: edge('trade_id', tradeShape, ['account'], ['company'], 'trades'),
  traveled: edge('travel_id', traveledShape, ['person'], ['travel'], 'traveled'),
  logged_in: edge('login_id', loggedInShape, ['account'], ['device'], 'logins'),
  issued: edge('document_id', issuedShape, ['company'], ['document'], 'issued'),
  billed_to: edge('document_id', billedToShape, ['document'], ['company'], 'billed_to'),
} as const satisfies { [L in VertexLabel]: VertexDefinition } & {
  [L in EdgeLabel]: EdgeDefinition;
};

export type Vocabulary = typeof VOCABULARY;

/** The property values of a label, as generators produce them. */
export type PropertiesOf<L extends Label> = ShapeValues<Vocabulary[L]['shape']>;

export function isVertexLabel(label: string): label is VertexLabel {
  return (VERTEX_LABELS as readonly string[]).includes(label);
}

export function isEdgeLabel(label: string): label is EdgeLabel {
  return (EDGE_LABELS as readonly string[]).includes(label);
}

/**
 * Whether records of `label` are events (every edge, and the event vertices document and travel)
 * rather than entities: only events can belong to an injected crime's `event_ids`, so only they
 * get the ground-truth columns of `--with-labels`.
 */
export function isEventLabel(label: Label): boolean {
  const definition = VOCABULARY[label];
  return definition.kind === 'edge' || definition.event;
}
