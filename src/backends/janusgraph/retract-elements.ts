import { VOCABULARY, type Label } from '../../model/index.js';
import type { RecordRef } from '../../sinks/sink.js';
import type { JanusGraphConnection } from './connection.js';

/**
 * Drops the named edges (by label and business key) and vertices (by id) in one transaction,
 * and returns the edges that went with those vertices, each as [label, business id].
 */
const RETRACT_SCRIPT = `
for (entry in retractEdges.entrySet()) g.E().hasLabel(entry.key).has(keyOfLabel[entry.key], P.within(entry.value)).drop().iterate()
List along = []
if (!retractVertices.isEmpty()) {
  for (e in g.V(retractVertices.toArray()).bothE().toList()) { String k = keyOfLabel[e.label()]; if (k != null) along.add([e.label(), e.value(k)]) }
  g.V(retractVertices.toArray()).drop().iterate()
}
graph.tx().commit()
along`;

/** Records per request: bounded transactions, as when clearing the graph. */
const CHUNK = 1_000;

/**
 * Removes records another backend refused from the graph (orchestration/reconcile-refusals.ts).
 * Labels the graph does not hold (ground-truth tables) are skipped. Resolves with how many records
 * it was asked to remove from the graph, and the edges that went along with a removed vertex,
 * which the other backends must remove too.
 */
export async function retractElements(
  connection: JanusGraphConnection,
  records: readonly RecordRef[],
): Promise<{ readonly removed: number; readonly along: readonly RecordRef[] }> {
  const keys = Object.fromEntries(
    Object.entries(VOCABULARY).map(([label, definition]) => [label, definition.key]),
  );
  const graphRecords = records.filter((record) => record.label in VOCABULARY);
  const along = new Map<string, RecordRef>();
  for (let start = 0; start < graphRecords.length; start += CHUNK) {
    const vertexIds: string[] = [];
    const edgeIds: Record<string, string[]> = {};
    for (const record of graphRecords.slice(start, start + CHUNK)) {
      if (VOCABULARY[record.label as Label].kind === 'vertex') vertexIds.push(record.id);
      else (edgeIds[record.label] ??= []).push(record.id);
    }
    // Binding names of their own: `keys` and the like are Gremlin steps, reserved by the server.
    const result = await connection.client.submit(RETRACT_SCRIPT, {
      retractVertices: vertexIds,
      retractEdges: edgeIds,
      keyOfLabel: keys,
    });
    for (const entry of result.toArray() as [string, unknown][]) {
      const ref = { label: entry[0], id: String(entry[1]) };
      along.set(`${ref.label}\u0000${ref.id}`, ref);
    }
  }
  return { removed: graphRecords.length, along: [...along.values()] };
}
