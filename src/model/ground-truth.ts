import { p, type ShapeValues } from './property-kinds.js';

/**
 * One injected crime: everything a detection test needs to score itself. Every id here is the
 * business id of an element in the output.
 */
export const patternShape = {
  pattern_id: p.keyword('business id of the pattern instance (PTN…)'),
  typology: p.keyword('typology, e.g. mule_chain'),
  subtype: p.keyword('subtype, e.g. app_mule_chain'),
  participants: p.json('[{id, label, role}] every entity involved, with its role'),
  added_entities: p.keywords('ids of entities the typology added to the population'),
  event_ids: p.json('{label: [ids]} every event of the pattern, by label'),
  event_count: p.long('number of events'),
  window_start: p.timestamp('first event'),
  window_end: p.timestamp('last event'),
  total_value: p.double('sum of the amounts moved, in currency'),
  currency: p.keyword('currency of total_value'),
  indicators: p.keywords('what an analyst would see'),
  red_flags: p.keywords('why it matters'),
  confidence: p.double('0..1'),
  severity: p.double('0..1'),
  risk_level: p.keyword('low | medium | high | critical'),
  parameters: p.json('the parameters the instance was drawn with'),
} as const;

export type PatternTruth = ShapeValues<typeof patternShape>;

/** One labelled event: which patterns it belongs to. Events in no pattern are not listed. */
export const eventLabelShape = {
  event_id: p.keyword('business id of the event element'),
  label: p.keyword('label of the event element'),
  pattern_ids: p.keywords('patterns the event belongs to'),
  typologies: p.keywords('typologies of those patterns'),
} as const;

export type EventLabel = ShapeValues<typeof eventLabelShape>;

/**
 * The answers of a run: one record per injected pattern, and the pattern ids of every labelled
 * event. Generation produces it, file and backend sinks write it, sources read it back,
 * detection scores against it.
 */
export interface GroundTruth {
  readonly patterns: readonly PatternTruth[];
  readonly eventLabels: readonly EventLabel[];
}

export interface Participant {
  readonly id: string;
  readonly label: string;
  readonly role: string;
}

/**
 * The ground-truth columns `--with-labels` appends to every event record (edges, documents,
 * trips), after its own properties. Detection queries never read them (lint rule and test).
 */
export const eventTruthShape = {
  is_laundering: p.boolean(
    'ground truth: the element is an event of an injected crime (any typology; look-alikes are false)',
  ),
  pattern_ids: p.keywords('ground truth: the patterns (ground_truth/patterns) it is an event of'),
} as const;

/** Names of the ground-truth columns, in the order they are appended. */
export const EVENT_TRUTH_COLUMNS = Object.keys(
  eventTruthShape,
) as readonly (keyof typeof eventTruthShape)[];

/** pattern → participant: the edge that ties a crime to an entity, with the entity's role. */
export const involvesShape = {
  involvement_id: p.keyword('pattern_id:participant id:role'),
  role: p.keyword("the participant's role in the pattern, e.g. mule, victim, issuer"),
} as const;

/**
 * The ground truth as a graph, for the stores that hold one (JanusGraph, GraphML, Neo4j) under
 * `--with-labels`: a `pattern` vertex per injected crime (id = pattern_id, properties = its
 * ground-truth record) and an `involves` edge to each participant.
 */
export const TRUTH_GRAPH = {
  pattern: { kind: 'vertex', key: 'pattern_id', shape: patternShape, idPrefix: 'PTN' },
  involves: { kind: 'edge', key: 'involvement_id', shape: involvesShape },
} as const;

export type TruthGraphLabel = keyof typeof TRUTH_GRAPH;

/** A pattern vertex of the truth graph. */
export interface PatternVertexRecord {
  readonly label: 'pattern';
  readonly id: string;
  readonly properties: PatternTruth;
}

/** An involves edge of the truth graph: pattern → participant. */
export interface InvolvesEdgeRecord {
  readonly label: 'involves';
  readonly id: string;
  readonly outV: string;
  readonly inV: string;
  readonly properties: ShapeValues<typeof involvesShape>;
}

/** The truth graph of some patterns: one vertex each, one edge per participant and role. */
export function truthGraph(patterns: readonly PatternTruth[]): {
  vertices: PatternVertexRecord[];
  edges: InvolvesEdgeRecord[];
} {
  const vertices: PatternVertexRecord[] = [];
  const edges: InvolvesEdgeRecord[] = [];
  for (const pattern of patterns) {
    vertices.push({ label: 'pattern', id: pattern.pattern_id, properties: pattern });
    for (const participant of pattern.participants as readonly Participant[]) {
      const id = `${pattern.pattern_id}:${participant.id}:${participant.role}`;
      edges.push({
        label: 'involves',
        id,
        outV: pattern.pattern_id,
        inV: participant.id,
        properties: { involvement_id: id, role: participant.role },
      });
    }
  }
  return { vertices, edges };
}
