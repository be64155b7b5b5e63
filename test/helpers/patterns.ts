import type { GenerationConfig } from '../../src/config/index.js';
import type { GraphRecord, PatternTruth, GroundTruth } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';

export interface Run {
  readonly records: readonly GraphRecord[];
  readonly truth: GroundTruth;
  /** Every record by `${label}:${id}`. */
  readonly byKey: ReadonlyMap<string, GraphRecord>;
  /** Vertices by id. */
  readonly vertices: ReadonlyMap<string, GraphRecord>;
}

/** Runs generation in memory and returns the records and the ground truth. */
export async function runWithTruth(config: GenerationConfig): Promise<Run> {
  const records: GraphRecord[] = [];
  const stream = generateBatches(planRun(config), { batchSize: 500 });
  let step = await stream.next();
  while (step.done !== true) {
    records.push(...step.value.vertices, ...step.value.edges);
    step = await stream.next();
  }
  const byKey = new Map(records.map((r) => [`${r.label}:${r.id}`, r]));
  const vertices = new Map(records.filter((r) => !('outV' in r)).map((r) => [r.id, r]));
  return { records, truth: step.value, byKey, vertices };
}

/** The event records of a pattern, by label, resolved from the output. */
export function eventsOf(run: Run, pattern: PatternTruth): Record<string, GraphRecord[]> {
  const events: Record<string, GraphRecord[]> = {};
  for (const [label, ids] of Object.entries(pattern.event_ids as Record<string, string[]>)) {
    events[label] = ids.map((id) => {
      const record = run.byKey.get(`${label}:${id}`);
      if (record === undefined)
        throw new Error(`${pattern.pattern_id}: ${label} ${id} is not in the output`);
      return record;
    });
  }
  return events;
}

/** Participants of a pattern with a role. */
export function withRole(pattern: PatternTruth, role: string): string[] {
  return (pattern.participants as { id: string; role: string }[])
    .filter((p) => p.role === role)
    .map((p) => p.id);
}
