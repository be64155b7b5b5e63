import type { RecordRef, Sink } from '../sinks/sink.js';

const keyOf = (ref: RecordRef): string => `${ref.label}\u0000${ref.id}`;

/**
 * After every sink closed: a record one backend refused is removed from the others, so the
 * backends never disagree on what was loaded (issue #16). Validation before the first write
 * keeps refusals rare, but a backend can still refuse at write time what another accepted: a
 * vertex id JanusGraph already holds under another label, a value OpenSearch's mapping refuses.
 * What a removal takes along (a graph drops a vertex's edges with it) joins that sink's refusals
 * and is removed from the others in the next round, until nothing is left to remove.
 */
export async function reconcileRefusals(sinks: readonly Sink[]): Promise<void> {
  const able = sinks.filter(
    (sink) => sink.refusedRecords !== undefined && sink.retract !== undefined,
  );
  if (able.length < 2) return;
  const retracted = new Map<Sink, Set<string>>(able.map((sink) => [sink, new Set()]));
  for (let changed = true; changed;) {
    changed = false;
    for (const sink of able) {
      const gone = retracted.get(sink) as Set<string>;
      for (const ref of sink.refusedRecords?.() ?? []) gone.add(keyOf(ref));
      const missing = new Map<string, RecordRef>();
      for (const other of able) {
        if (other === sink) continue;
        for (const ref of other.refusedRecords?.() ?? []) {
          const key = keyOf(ref);
          if (!gone.has(key)) missing.set(key, ref);
        }
      }
      if (missing.size === 0) continue;
      await sink.retract?.([...missing.values()]);
      for (const key of missing.keys()) gone.add(key);
      changed = true;
    }
  }
}
