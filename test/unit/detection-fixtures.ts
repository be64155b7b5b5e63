import type { Hit } from '../../src/detection/detector.js';
import {
  eventKey,
  type DrawingFacts,
  type EventEndpoints,
} from '../../src/detection/drawing-facts.js';
import type { TruthPattern } from '../../src/detection/score.js';

/** Hand-made patterns, hits and endpoints for the scoring and report tests. */
export function pattern(
  id: string,
  typology: string,
  subtype: string,
  entities: readonly string[],
  events: Readonly<Record<string, readonly string[]>>,
): TruthPattern {
  return {
    patternId: id,
    typology,
    subtype,
    participants: entities.map((e, i) => ({
      id: e,
      label: e.startsWith('PER') ? 'person' : e.startsWith('COM') ? 'company' : 'account',
      role: i === 0 ? 'source' : i === entities.length - 1 ? 'sink' : 'mule',
    })),
    eventIds: events,
  };
}

export function hit(
  typology: string,
  entities: readonly string[],
  events: readonly string[],
  explanation = 'test',
): Hit {
  return { typology, entities, events, explanation };
}

/** A cycle A→B→C→D→A, a fan-in of five into one, and an insider with no edge events drawn. */
export const PATTERNS: TruthPattern[] = [
  pattern('PTN1', 'cycle', 'round_trip', ['ACC1', 'ACC2', 'ACC3', 'ACC4'], {
    transfer: ['TXN1', 'TXN2', 'TXN3', 'TXN4'],
  }),
  pattern('PTN2', 'cycle', 'round_trip', ['ACC5', 'ACC6', 'ACC7'], {
    transfer: ['TXN5', 'TXN6', 'TXN7'],
  }),
  pattern('PTN3', 'fan_in', 'collection', ['ACC10', 'ACC11', 'ACC12', 'ACC13', 'ACC14', 'ACC20'], {
    transfer: ['TXN10', 'TXN11', 'TXN12', 'TXN13', 'TXN14', 'TXN15'],
  }),
  pattern('PTN4', 'insider_trading', 'pre_announcement_trading', ['COM1', 'PER1', 'ACC30'], {
    document: ['DOC1'],
    trade: ['TRD1', 'TRD2'],
  }),
];

export const HITS: Hit[] = [
  hit(
    'cycle',
    ['ACC1', 'ACC2', 'ACC3', 'ACC4'],
    ['TXN1', 'TXN2', 'TXN3', 'TXN4'],
    'money returned to ACC1 after 4 hops in 31 h',
  ),
  hit('cycle', ['ACC8', 'ACC9'], ['TXN90', 'TXN91'], 'loan repaid (look-alike)'),
  hit(
    'fan_in',
    ['ACC10', 'ACC11', 'ACC12', 'ACC13', 'ACC14', 'ACC20'],
    ['TXN10', 'TXN11', 'TXN12', 'TXN13', 'TXN14'],
    '5 senders paid ACC20 within 12 h',
  ),
  hit(
    'insider_trading',
    ['PER1', 'ACC30'],
    ['TRD1', 'TRD2'],
    'insider sold 2 days before bad news',
  ),
];

const ENDPOINTS: [string, EventEndpoints][] = [
  ['TXN1', { label: 'transfer', from: 'ACC1', to: 'ACC2' }],
  ['TXN2', { label: 'transfer', from: 'ACC2', to: 'ACC3' }],
  ['TXN3', { label: 'transfer', from: 'ACC3', to: 'ACC4' }],
  ['TXN4', { label: 'transfer', from: 'ACC4', to: 'ACC1' }],
  ['TXN10', { label: 'transfer', from: 'ACC10', to: 'ACC20' }],
  ['TXN11', { label: 'transfer', from: 'ACC11', to: 'ACC20' }],
  ['TXN12', { label: 'transfer', from: 'ACC12', to: 'ACC20' }],
  ['TXN13', { label: 'transfer', from: 'ACC13', to: 'ACC20' }],
  ['TXN14', { label: 'transfer', from: 'ACC14', to: 'ACC20' }],
  ['TXN15', { label: 'transfer', from: 'ACC14', to: 'ACC20' }],
  ['TRD1', { label: 'trade', from: 'ACC30', to: 'COM1' }],
  ['TRD2', { label: 'trade', from: 'ACC30', to: 'COM1' }],
];

/** The endpoints above, keyed as the report looks them up; no owners, no document types. */
export const FACTS: DrawingFacts = {
  endpoints: new Map(ENDPOINTS.map(([id, e]) => [eventKey(e.label, id), e])),
  owners: new Map(),
  documentTypes: new Map(),
};
