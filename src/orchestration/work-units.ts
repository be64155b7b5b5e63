import type { Plan } from './plan.js';
import type { SlotLayout } from './slot-layout.js';

/**
 * The smallest piece of generation that can run on its own: one seed chunk of one stage, with the
 * typology-reserved indexes that fall between its background records. The output is the units'
 * records concatenated in `seq` order, whoever generated them, which is what lets worker threads
 * and shards split the work without changing a byte.
 */
export interface WorkUnit {
  /** Position in the whole run's unit sequence. */
  readonly seq: number;
  /** Index into `plan.stages`. */
  readonly stage: number;
  /** Background chunk number within the stage: part of the chunk's seed. */
  readonly chunk: number;
  /** The stage indexes it covers: [from, to). */
  readonly from: number;
  readonly to: number;
}

/**
 * What a unit's records are for. `population` units (entities, and links that later stages read)
 * and the `patterns` unit must run wherever later units run; `events` units only where output.
 */
export type UnitRole = 'population' | 'patterns' | 'events';

export function roleOf(plan: Plan, unit: WorkUnit): UnitRole {
  const stage = plan.stages[unit.stage];
  if (stage === undefined) throw new RangeError(`no stage ${String(unit.stage)}`);
  if (stage.kind === 'patterns') return 'patterns';
  if (stage.kind === 'entity' || (stage.kind === 'link' && stage.feedsPopulation))
    return 'population';
  return 'events';
}

/** Units in [from, to) of the run's sequence are output; the others only run if needed. */
export interface UnitRange {
  readonly from: number;
  readonly to: number;
}

/** A unit with who runs it. */
export interface ScheduledUnit extends WorkUnit {
  readonly role: UnitRole;
  readonly emitted: boolean;
  /** The worker that generates it and posts it (every worker runs the patterns unit). */
  readonly worker: number;
}

/**
 * The units a run needs — everything in `emitted`, plus the population and patterns units the
 * emitted ones depend on — dealt round-robin to `workers` workers. Coordinator and workers compute
 * the same schedule from the same plan.
 */
export function scheduleUnits(plan: Plan, workers: number, emitted: UnitRange): ScheduledUnit[] {
  const scheduled: ScheduledUnit[] = [];
  let dealt = 0;
  for (const unit of planUnits(plan)) {
    const role = roleOf(plan, unit);
    const isEmitted = unit.seq >= emitted.from && unit.seq < emitted.to;
    if (role === 'events' && !isEmitted) continue;
    const worker = role === 'patterns' ? 0 : dealt++ % workers;
    scheduled.push({ ...unit, role, emitted: isEmitted, worker });
  }
  return scheduled;
}

/** The layout a stage walks: its own for entities and events, its `over` label's for links. */
export function layoutOf(plan: Plan, stageIndex: number): SlotLayout | undefined {
  const stage = plan.stages[stageIndex];
  if (stage === undefined || stage.kind === 'patterns') return undefined;
  return plan.patterns.layouts[stage.kind === 'link' ? stage.over : stage.name];
}

/**
 * Every unit of the run, in output order. A stage's unit k starts at its (k × chunkSize)-th
 * background index — where the sequential generator derives a fresh seed — so a unit needs
 * nothing from the units before it in its stage. The patterns stage is one unit.
 */
export function planUnits(plan: Plan): WorkUnit[] {
  const units: WorkUnit[] = [];
  plan.stages.forEach((stage, stageIndex) => {
    const layout = layoutOf(plan, stageIndex);
    if (layout === undefined) {
      units.push({ seq: units.length, stage: stageIndex, chunk: 0, from: 0, to: 0 });
      return;
    }
    if (layout.total === 0) return;
    const starts = chunkStarts(layout.reserved, layout.base, plan.chunkSize);
    starts.forEach((from, chunk) => {
      const to = starts[chunk + 1] ?? layout.total;
      units.push({ seq: units.length, stage: stageIndex, chunk, from, to });
    });
  });
  return units;
}

/** Index of the first background element of each chunk (the first chunk starts at 0). */
function chunkStarts(reserved: readonly number[], base: number, chunkSize: number): number[] {
  const starts = [0];
  let r = 0;
  for (let background = chunkSize; background < base; background += chunkSize) {
    // The background-th background index is `background` plus the reserved indexes before it.
    let index = background + r;
    while (r < reserved.length && (reserved[r] as number) <= index) {
      r++;
      index++;
    }
    starts.push(index);
  }
  return starts;
}

/** How many of the ascending `reserved` indexes are below `index`. */
export function reservedBefore(reserved: readonly number[], index: number): number {
  let low = 0;
  let high = reserved.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((reserved[mid] as number) < index) low = mid + 1;
    else high = mid;
  }
  return low;
}
