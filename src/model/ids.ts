import { VERTEX_LABELS, VOCABULARY, type VertexLabel } from './vocabulary.js';

/**
 * Ids derive from (prefix, index) alone, so any generator can name an entity it never held in
 * memory, shards never collide, and the label of a vertex id is readable from its prefix. Digits
 * are zero-padded to 8 so ids sort in generation order; larger indexes simply get more digits.
 * No "-": JanusGraph custom string vertex ids may not contain its relation delimiter.
 */
export function formatId(prefix: string, index: number): string {
  return prefix + String(index).padStart(8, '0');
}

/** The id of the vertex of `label` with generation index `index`. */
export function vertexId(label: VertexLabel, index: number): string {
  return formatId(VOCABULARY[label].idPrefix, index);
}

/** Edge-only id prefixes (vertices use their label's idPrefix). */
export const EDGE_ID_PREFIX = {
  owns: 'OWN',
  employed_by: 'EMP',
  officer_of: 'OFC',
  holds_share: 'SHR',
  related_to: 'REL',
  transfer: 'TXN',
  communicated: 'MSG',
  trade: 'TRD',
  logged_in: 'LGN',
  pattern: 'PTN',
} as const;

const LABEL_BY_PREFIX = new Map<string, VertexLabel>(
  VERTEX_LABELS.map((label) => [VOCABULARY[label].idPrefix, label]),
);

/** The vertex label of an id, or undefined when the prefix is not a vertex prefix. */
export function labelOfVertexId(id: string): VertexLabel | undefined {
  return LABEL_BY_PREFIX.get(id.slice(0, 3));
}
