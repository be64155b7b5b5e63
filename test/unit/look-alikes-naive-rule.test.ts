import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../src/model/index.js';
import { transferId } from '../../src/generators/events/transfer.js';
import { thresholdFor } from '../../src/generators/money.js';
import { planRun } from '../../src/orchestration/plan.js';
import { configOf } from '../helpers/collect.js';
import { runWithTruth } from '../helpers/patterns.js';

/**
 * The naive structuring rule (the original's "suspicious bucket"): every cash deposit between 90 %
 * and 100 % of the reporting threshold of the country where it was made is a hit.
 */
function naiveStructuringHits(transfers: readonly EdgeRecord<'transfer'>[]): string[][] {
  return transfers
    .filter((t) => {
      const p = t.properties;
      const threshold = thresholdFor(p.originating_country);
      return (
        p.transaction_type === 'deposit' &&
        p.currency === threshold.currency &&
        p.amount >= 0.9 * threshold.amount &&
        p.amount < threshold.amount
      );
    })
    .map((t) => [t.id]);
}

describe('look-alikes make precision mean something', () => {
  it('the naive structuring rule flags look-alike deposits that belong to no crime', async () => {
    const config = configOf('small', { seed: 21, structuringPatterns: 5, nearMissRate: 1 });
    const run = await runWithTruth(config);
    const transfers = run.records.filter(
      (r): r is EdgeRecord<'transfer'> => r.label === 'transfer',
    );
    const hits = naiveStructuringHits(transfers);
    const labelled = new Set(
      run.truth.eventLabels.filter((e) => e.label === 'transfer').map((e) => e.event_id),
    );
    // The look-alikes' transfers, from the plan's reserved slots.
    const lookAlike = new Set<string>();
    for (const instance of planRun(config).patterns.instances) {
      if (!instance.lookAlike || instance.typology.name !== 'structuring') continue;
      for (let k = 0; k < (instance.draft.events.transfer ?? 0); k++)
        lookAlike.add(transferId(instance.slots.event('transfer', k)));
    }
    const truePositives = hits.filter((hit) => hit.some((id) => labelled.has(id)));
    const lookAlikeFalsePositives = hits.filter(
      (hit) => !hit.some((id) => labelled.has(id)) && hit.some((id) => lookAlike.has(id)),
    );
    expect(truePositives.length, 'the naive rule finds real structuring').toBeGreaterThan(0);
    expect(lookAlikeFalsePositives.length, 'and is fooled by look-alikes').toBeGreaterThan(0);
    expect(truePositives.length / hits.length, 'so its precision is below 1').toBeLessThan(1);
  });
});
