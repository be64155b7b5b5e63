import { SchemaError } from '../errors.js';
import { VOCABULARY, type VertexLabel } from '../model/index.js';
import type { OutputSource } from '../sources/index.js';

/** What JanusGraph takes as a custom vertex id, and what fingraph's ids are: no '-', no spaces. */
const ID = /^[A-Za-z0-9_]+$/;

/**
 * Reads the whole directory once before anything is sent, so a bad input writes nothing to
 * either backend: every row is decoded (a row that breaks its label's schema fails naming file,
 * line, field and value), every id has the id format, and — for a whole dataset, not a shard's
 * part — every edge joins vertices of the labels it may join. Both backends would otherwise
 * disagree: JanusGraph refuses an edge with a missing endpoint, OpenSearch stores it.
 */
export async function checkSource(source: OutputSource, signal?: AbortSignal): Promise<void> {
  const vertices = new Map<string, VertexLabel>();
  const whole = (source.manifest.shard?.count ?? 1) === 1;
  const stream = source.batches();
  let step = await stream.next();
  while (step.done !== true) {
    signal?.throwIfAborted();
    for (const vertex of step.value.vertices) {
      if (!ID.test(vertex.id)) throw badId(source, vertex.label, vertex.id);
      vertices.set(vertex.id, vertex.label);
    }
    for (const edge of step.value.edges) {
      if (!ID.test(edge.id)) throw badId(source, edge.label, edge.id);
      if (!whole) continue;
      const entry = VOCABULARY[edge.label];
      for (const [end, id, allowed] of [
        ['from', edge.outV, entry.from],
        ['to', edge.inV, entry.to],
      ] as const) {
        const label = vertices.get(id);
        if (label !== undefined && allowed.includes(label)) continue;
        throw new SchemaError(
          `${source.directory}: ${edge.label} ${edge.id}: its ${end} endpoint ${JSON.stringify(id)} ${label === undefined ? 'is not a vertex in this directory' : `is a ${label}, not a ${allowed.join(' or ')}`}; nothing was loaded`,
          { label: edge.label, id: edge.id, endpoint: id },
        );
      }
    }
    step = await stream.next();
  }
}

function badId(source: OutputSource, label: string, id: string): SchemaError {
  return new SchemaError(
    `${source.directory}: ${label} id ${JSON.stringify(id)} must be letters, digits and '_' only (no '-': JanusGraph's relation delimiter); nothing was loaded`,
    { label, id },
  );
}
