import type { TruthPattern } from './score.js';

/** Where an edge event goes. */
export interface EventEndpoints {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** An owner of an account (an `owns` edge): a person or company and its role (primary, joint…). */
export interface AccountOwner {
  readonly id: string;
  readonly role: string;
}

/**
 * What the drawings need beyond the ground truth, read from the files or from OpenSearch: where
 * each event goes, who owns each account, and what each document is.
 */
export interface DrawingFacts {
  /** Endpoints of edge events, by `eventKey(label, id)`: `issued` and `billed_to` share ids. */
  readonly endpoints: ReadonlyMap<string, EventEndpoints>;
  /** Owners of the patterns' accounts, by account id. */
  readonly owners: ReadonlyMap<string, readonly AccountOwner[]>;
  /** Type of each of the patterns' documents (invoice, bill_of_lading, announcement…), by id. */
  readonly documentTypes: ReadonlyMap<string, string>;
}

/** The key of an event in `DrawingFacts.endpoints`. */
export function eventKey(label: string, id: string): string {
  return `${label}:${id}`;
}

/** What to look up for a set of patterns. */
export interface DrawingWants {
  /** Event ids by label. */
  readonly events: ReadonlyMap<string, ReadonlySet<string>>;
  readonly accounts: ReadonlySet<string>;
  readonly documents: ReadonlySet<string>;
}

/** The events, accounts and documents of the given patterns. */
export function drawingWants(patterns: readonly TruthPattern[]): DrawingWants {
  const events = new Map<string, Set<string>>();
  const accounts = new Set<string>();
  const documents = new Set<string>();
  for (const p of patterns) {
    for (const [label, ids] of Object.entries(p.eventIds)) {
      const set = events.get(label) ?? new Set<string>();
      for (const id of ids) set.add(id);
      events.set(label, set);
      if (label === 'document') for (const id of ids) documents.add(id);
    }
    for (const participant of p.participants)
      if (participant.label === 'account') accounts.add(participant.id);
  }
  return { events, accounts, documents };
}

export const NO_DRAWING_FACTS: DrawingFacts = {
  endpoints: new Map(),
  owners: new Map(),
  documentTypes: new Map(),
};
