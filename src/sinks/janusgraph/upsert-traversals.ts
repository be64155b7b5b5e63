import gremlin from 'gremlin';

const { GraphTraversalSource, TraversalStrategies, statics: __, merge } = gremlin.process;
const { Graph } = gremlin.structure;

/** A traversal source used only to build bytecode; it never executes anything itself. */
const g = new GraphTraversalSource(new Graph(), new TraversalStrategies());

/**
 * Upserts many vertices in one request: values travel as a bytecode argument (never spliced into
 * Gremlin text). Each row is matched by id and label; a new vertex gets the properties, an
 * existing one has them set again, so loading twice leaves the same graph. Returns the number of
 * rows processed, which the loader checks.
 */
export function upsertVertices(rows: readonly Map<string, unknown>[]): gremlin.process.Bytecode {
  return g
    .inject(rows)
    .unfold()
    .as('r')
    .mergeV(__.select('match'))
    .option(merge.onCreate, __.select('r').select('properties'))
    .option(merge.onMatch, __.select('r').select('properties'))
    .count()
    .getBytecode();
}

/** Upserts many edges in one request, matched by label, endpoints and business key. */
export function upsertEdges(rows: readonly Map<string, unknown>[]): gremlin.process.Bytecode {
  return g
    .inject(rows)
    .unfold()
    .as('r')
    .mergeE(__.select('match'))
    .option(merge.onCreate, __.select('r').select('properties'))
    .option(merge.onMatch, __.select('r').select('properties'))
    .count()
    .getBytecode();
}
