import type { Hit } from '../detector.js';
import { eventKey, type DrawingFacts } from '../drawing-facts.js';
import type { TruthPattern } from '../score.js';

/** An entity in a drawing. */
export interface GraphNode {
  readonly id: string;
  /** Vertex label: account, person, company, device, document, travel. */
  readonly kind: string;
  /** Its role in the pattern ('' for entities only the events name). */
  readonly role: string;
  /** A detector named it in a hit matching the pattern. */
  readonly flagged: boolean;
  /**
   * The account this owner is drawn next to: set for persons and companies that take part only
   * by owning accounts of the pattern, so they sit by what they own instead of in the flow.
   */
  readonly besideAccount?: string;
}

/** One arrow: every event of one kind between the same two entities. */
export interface GraphArrow {
  /** transfer, logged_in, trade, communicated, holds_share, owns, or a document type (invoice…). */
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  /** The events it stands for (empty for `owns`, which is context, not an event of the pattern). */
  readonly eventIds: readonly string[];
  readonly flagged: boolean;
}

/** One event of a pattern with its endpoints, for the table under a drawing. */
export interface EventRow {
  readonly label: string;
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface PatternGraph {
  readonly nodes: readonly GraphNode[];
  readonly arrows: readonly GraphArrow[];
  readonly events: readonly EventRow[];
  /** Events with no endpoints in the facts (or that are not edges), counted by label. */
  readonly unplaced: Readonly<Record<string, number>>;
}

const KIND_OF_PREFIX: Readonly<Record<string, string>> = {
  ACC: 'account',
  PER: 'person',
  COM: 'company',
  DEV: 'device',
  DOC: 'document',
  TRV: 'travel',
};

function kindOf(id: string): string {
  return KIND_OF_PREFIX[id.slice(0, 3)] ?? 'entity';
}

/**
 * The graph to draw for one pattern: its participants, its events as arrows (a document issued by
 * one company and billed to another becomes one arrow between them, named by its type), and the
 * `owns` links from participating owners to participating accounts.
 */
export function patternGraph(
  pattern: TruthPattern,
  hits: readonly Hit[],
  facts: DrawingFacts,
): PatternGraph {
  const flaggedEntities = new Set(hits.flatMap((h) => h.entities));
  const flaggedEvents = new Set(hits.flatMap((h) => h.events));
  const nodes = new Map<string, { id: string; kind: string; role: string }>();
  for (const p of pattern.participants)
    if (!nodes.has(p.id))
      nodes.set(p.id, { id: p.id, kind: p.label || kindOf(p.id), role: p.role });
  const raw: { kind: string; from: string; to: string; id: string }[] = [];
  const events: EventRow[] = [];
  const unplaced: Record<string, number> = {};
  const documents = new Map<string, { issuer?: string; recipient?: string }>();
  const documentLabels = new Set(['document', 'issued', 'billed_to']);
  for (const [label, ids] of Object.entries(pattern.eventIds)) {
    for (const id of ids) {
      if (documentLabels.has(label)) {
        const doc = documents.get(id) ?? {};
        const e = label === 'document' ? undefined : facts.endpoints.get(eventKey(label, id));
        if (label === 'issued' && e) doc.issuer = e.from;
        if (label === 'billed_to' && e) doc.recipient = e.to;
        documents.set(id, doc);
        if (e) events.push({ label, id, from: e.from, to: e.to });
        continue;
      }
      const e = facts.endpoints.get(eventKey(label, id));
      if (e === undefined) {
        unplaced[label] = (unplaced[label] ?? 0) + 1;
        continue;
      }
      events.push({ label, id, from: e.from, to: e.to });
      raw.push({ kind: label, from: e.from, to: e.to, id });
    }
  }
  for (const [id, { issuer, recipient }] of documents) {
    const type = facts.documentTypes.get(id) ?? 'document';
    if (issuer !== undefined && recipient !== undefined) {
      raw.push({ kind: type, from: issuer, to: recipient, id });
    } else if (issuer !== undefined || recipient !== undefined) {
      nodes.set(id, { id, kind: 'document', role: type });
      if (issuer !== undefined) raw.push({ kind: 'issued', from: issuer, to: id, id });
      if (recipient !== undefined) raw.push({ kind: 'billed_to', from: id, to: recipient, id });
    } else {
      unplaced['document'] = (unplaced['document'] ?? 0) + 1;
    }
  }
  for (const a of raw)
    for (const end of [a.from, a.to])
      if (!nodes.has(end)) nodes.set(end, { id: end, kind: kindOf(end), role: '' });

  const inFlow = new Set(raw.flatMap((a) => [a.from, a.to]));
  const owns: { from: string; to: string }[] = [];
  const besideAccount = new Map<string, string>();
  for (const node of nodes.values()) {
    if (node.kind !== 'account') continue;
    for (const owner of facts.owners.get(node.id) ?? []) {
      if (!nodes.has(owner.id)) continue;
      owns.push({ from: owner.id, to: node.id });
      if (!inFlow.has(owner.id) && !besideAccount.has(owner.id))
        besideAccount.set(owner.id, node.id);
    }
  }

  const bundles = new Map<string, { kind: string; from: string; to: string; eventIds: string[] }>();
  for (const a of raw) {
    const key = `${a.from}|${a.to}|${a.kind}`;
    const bundle = bundles.get(key) ?? { kind: a.kind, from: a.from, to: a.to, eventIds: [] };
    bundle.eventIds.push(a.id);
    bundles.set(key, bundle);
  }
  const arrows: GraphArrow[] = [
    ...[...bundles.values()].map((b) => ({
      ...b,
      flagged: b.eventIds.some((id) => flaggedEvents.has(id)),
    })),
    ...owns.map((o) => ({ kind: 'owns', from: o.from, to: o.to, eventIds: [], flagged: false })),
  ];
  return {
    nodes: [...nodes.values()].map((n) => {
      const beside = besideAccount.get(n.id);
      return {
        ...n,
        flagged: flaggedEntities.has(n.id),
        ...(beside === undefined ? {} : { besideAccount: beside }),
      };
    }),
    arrows,
    events,
    unplaced,
  };
}
