import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/model/index.js';
import { ConfigError } from '../../../src/errors.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { transferId } from '../../../src/generators/events/transfer.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { runWithTruth } from '../../helpers/patterns.js';

type Transfer = EdgeRecord<'transfer'>;

/** planRun(config) must throw a ConfigError with `message`. */
function expectRejected(overrides: Record<string, unknown>, message: string, preset = 'small') {
  const config = configOf(preset, overrides);
  let error: unknown;
  try {
    planRun(config);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toBe(message);
}

describe('graph typology configuration', () => {
  it('rejects a fan of fewer than two accounts', () => {
    expectRejected(
      { fanOutMinDegree: 1 },
      'fan_out_min_degree: 1 must be ≥ 2 (a fan has at least two targets)',
    );
    expectRejected(
      { fanInMinDegree: 1 },
      'fan_in_min_degree: 1 must be ≥ 2 (a fan has at least two sources)',
    );
  });

  it('rejects a max below its min', () => {
    expectRejected(
      { cycleMinLength: 4, cycleMaxLength: 3 },
      'cycle_max_length: 3 must be ≥ cycle_min_length (4)',
    );
    expectRejected(
      { graphWindowMinHours: 10, graphWindowMaxHours: 5 },
      'graph_window_max_hours: 5 must be ≥ graph_window_min_hours (10)',
    );
    expectRejected(
      { graphFeeMinRate: 0.2, graphFeeMaxRate: 0.1 },
      'graph_fee_max_rate: 0.1 must be ≥ graph_fee_min_rate (0.2)',
    );
    expectRejected(
      { peelChainMinHops: 5, peelChainMaxHops: 4 },
      'peel_chain_max_hops: 4 must be ≥ peel_chain_min_hops (5)',
    );
  });

  it('rejects shapes below their typology minimum', () => {
    expectRejected(
      { cycleMinLength: 1 },
      'cycle_min_length: 1 must be ≥ 2 (a cycle needs at least two accounts)',
    );
    expectRejected(
      { stackMinLayers: 2 },
      'stack_min_layers: 2 must be ≥ 3 (sources and at least two layers; two layers are a bipartite pattern)',
    );
    expectRejected(
      { peelChainMinHops: 1 },
      'peel_chain_min_hops: 1 must be ≥ 2 (a peel needs an intermediate account between two hops)',
    );
    expectRejected({ bipartiteDensity: 0 }, 'bipartite_density: 0 must be > 0');
    expectRejected({ peelMinRate: 0 }, 'peel_min_rate: 0 must be > 0');
    expectRejected({ peelMaxRate: 0.6 }, 'peel_max_rate: 0.6 must be ≤ 0.5');
  });

  it('rejects a graph window longer than the event window, only when instances are asked for', () => {
    expect(() =>
      planRun(configOf('small', { durationDays: 1, graphWindowMaxHours: 48 })),
    ).not.toThrow();
    expectRejected(
      { durationDays: 1, graphWindowMaxHours: 48, cyclePatterns: 1 },
      'graph_window_max_hours: 48 must fit in the event window (24.0 h of duration_days / start_date)',
    );
  });

  it('rejects more accounts per instance than the population holds', () => {
    expectRejected(
      { stackPatterns: 1, stackMaxLayers: 12, stackMaxWidth: 12 },
      'stack_patterns: 1 needs up to 144 distinct background accounts per instance (stack_max_layers × stack_max_width) but account_count is 120',
      'tiny',
    );
    expectRejected(
      { fanOutPatterns: 2, fanOutMaxDegree: 130 },
      'fan_out_patterns: 2 needs up to 132 distinct background accounts per instance (funder, source and fan_out_max_degree targets) but account_count is 120',
      'tiny',
    );
  });
});

/** Purposes the graph look-alikes book their honest money with (payroll, rent, bills, loans …). */
const LOOK_ALIKE_PURPOSES = [
  'card_purchase',
  'salary',
  'supplier_invoice',
  'person_to_person',
  'rent',
  'vendor_payout',
  'utility_bill',
];

describe('graph typology look-alikes', () => {
  for (const seed of randomSeeds(2)) {
    it(`busy legitimate hubs and honest round trips appear, unlabelled (seed ${seed})`, async () => {
      const config = configOf('small', {
        seed,
        transactionCount: 300,
        communicationCount: 40,
        tradeCount: 40,
        travelCount: 20,
        documentCount: 40,
        loginCount: 40,
        fanOutPatterns: 2,
        fanInPatterns: 2,
        cyclePatterns: 2,
        scatterGatherPatterns: 2,
        gatherScatterPatterns: 2,
        bipartitePatterns: 2,
        stackPatterns: 2,
        peelChainPatterns: 2,
        nearMissRate: 1,
      });
      const run = await runWithTruth(config);
      const transfers = run.records.filter((r): r is Transfer => r.label === 'transfer');
      const labelled = new Set(
        run.truth.eventLabels.filter((e) => e.label === 'transfer').map((e) => e.event_id),
      );
      // more pattern-shaped transfers than the truth lists: the look-alikes
      expect(transfers.length - config.transactionCount).toBeGreaterThan(labelled.size);
      // Look-alikes sit in the typology slots but carry no label; their purposes are the
      // background's own, so nothing but their shape marks them.
      const reserved = new Set(
        planRun(config).patterns.layouts.transfer.reserved.map((index) => transferId(index)),
      );
      const lookAlikes = transfers.filter((t) => reserved.has(t.id) && !labelled.has(t.id));
      expect(new Set(lookAlikes.map((t) => t.properties.purpose))).toEqual(
        new Set(LOOK_ALIKE_PURPOSES),
      );
      for (const t of lookAlikes)
        expect(labelled.has(t.id), `${t.id} carries no label`).toBe(false);

      // payroll: salaries go from a company's account to accounts of its own employees
      const employerOf = new Map<string, string>();
      const ownerOf = new Map<string, string>();
      for (const r of run.records) {
        if (r.label === 'employed_by') employerOf.set(r.outV, r.inV);
        if (r.label === 'account') ownerOf.set(r.id, r.properties.owner_id);
      }
      const salaries = lookAlikes.filter((t) => t.properties.purpose === 'salary');
      const toOwnStaff = salaries.filter(
        (t) => employerOf.get(ownerOf.get(t.inV) ?? '') === ownerOf.get(t.outV),
      );
      expect(toOwnStaff.length).toBeGreaterThan(0);

      // honest round trip: a person lends to another, who repays days later, with interest
      const repaid = lookAlikes.filter((loan) =>
        lookAlikes.some(
          (t) =>
            t.outV === loan.inV &&
            t.inV === loan.outV &&
            t.properties.amount_base > loan.properties.amount_base &&
            Date.parse(t.properties.timestamp) - Date.parse(loan.properties.timestamp) > 86_400_000,
        ),
      );
      expect(repaid.length).toBeGreaterThan(0);
    });
  }
});
