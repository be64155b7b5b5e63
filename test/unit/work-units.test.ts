import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { planRun } from '../../src/orchestration/plan.js';
import { shardUnits } from '../../src/orchestration/shard.js';
import { layoutOf, planUnits, scheduleUnits } from '../../src/orchestration/work-units.js';
import { randomSeeds } from '../helpers/collect.js';

function planOf(seed: number) {
  // Small chunks' worth of background around many reserved slots: the edges of the layout matter.
  return planRun(
    resolveConfig({
      preset: 'small',
      layers: [{ source: 'flag', values: { seed, transactionCount: 4_321, personCount: 1_000 } }],
    }),
  );
}

describe('work units', () => {
  for (const seed of randomSeeds(3)) {
    it(`tile every stage: contiguous, each a whole seed chunk of background indexes (seed ${seed})`, () => {
      const plan = planOf(seed);
      const units = planUnits(plan);
      expect(units.map((u) => u.seq)).toEqual(units.map((_, i) => i));
      plan.stages.forEach((stage, index) => {
        const own = units.filter((u) => u.stage === index);
        const layout = layoutOf(plan, index);
        if (layout === undefined) {
          expect(own, stage.name).toHaveLength(1);
          return;
        }
        let next = 0;
        own.forEach((unit, chunk) => {
          expect(unit.chunk).toBe(chunk);
          expect(unit.from, `${stage.name} unit ${chunk}`).toBe(next);
          next = unit.to;
          const background = Array.from(
            { length: unit.to - unit.from },
            (_, k) => unit.from + k,
          ).filter((i) => !layout.isReserved(i));
          const isLast = chunk === own.length - 1;
          if (!isLast) expect(background).toHaveLength(plan.chunkSize);
          if (chunk > 0) expect(layout.isReserved(unit.from)).toBe(false);
        });
        expect(next, stage.name).toBe(layout.total);
      });
    });
  }

  it('a shard schedules its slice plus every population and patterns unit, nothing else', () => {
    const plan = planOf(9);
    const range = shardUnits(plan, { index: 2, count: 3 });
    const scheduled = scheduleUnits(plan, 2, range);
    for (const unit of scheduled) {
      const inSlice = unit.seq >= range.from && unit.seq < range.to;
      expect(unit.emitted).toBe(inSlice);
      if (!inSlice) expect(unit.role).not.toBe('events');
    }
    const slices = [0, 1, 2].map((index) => shardUnits(plan, { index, count: 3 }));
    expect(slices[0]?.from).toBe(0);
    expect(slices[1]?.from).toBe(slices[0]?.to);
    expect(slices[2]?.from).toBe(slices[1]?.to);
    expect(slices[2]?.to).toBe(planUnits(plan).length);
  });
});
