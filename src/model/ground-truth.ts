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

export interface Participant {
  readonly id: string;
  readonly label: string;
  readonly role: string;
}
