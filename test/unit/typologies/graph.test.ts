import { describe, expect, it } from 'vitest';
import type { GenerationConfig } from '../../../src/config/index.js';
import type { EdgeRecord, Participant, PatternTruth } from '../../../src/model/index.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import {
  eventsOf,
  expectCashOut,
  runWithTruth,
  withRole,
  type Run,
} from '../../helpers/patterns.js';

type Transfer = EdgeRecord<'transfer'>;

const INSTANCES = 4;
const GRAPH_TYPOLOGIES = [
  'fan_out',
  'fan_in',
  'cycle',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stack',
  'peel_chain',
];
const EPS = 1e-4;

/** Every graph typology on, a few instances each, on a small population with few background events. */
function graphConfig(seed: number): GenerationConfig {
  return configOf('small', {
    seed,
    transactionCount: 300,
    communicationCount: 40,
    tradeCount: 40,
    travelCount: 20,
    documentCount: 40,
    loginCount: 40,
    fanOutPatterns: INSTANCES,
    fanInPatterns: INSTANCES,
    cyclePatterns: INSTANCES,
    scatterGatherPatterns: INSTANCES,
    gatherScatterPatterns: INSTANCES,
    bipartitePatterns: INSTANCES,
    stackPatterns: INSTANCES,
    peelChainPatterns: INSTANCES,
  });
}

const runs = new Map<number, Promise<{ config: GenerationConfig; run: Run }>>();

/** One run per seed, shared by the tests of every typology. */
function runOf(seed: number) {
  let run = runs.get(seed);
  if (run === undefined) {
    const config = graphConfig(seed);
    run = runWithTruth(config).then((r) => ({ config, run: r }));
    runs.set(seed, run);
  }
  return run;
}

function patternsOf(run: Run, typology: string, subtype?: string): PatternTruth[] {
  const found = run.truth.patterns.filter(
    (p) => p.typology === typology && (subtype === undefined || p.subtype === subtype),
  );
  expect(found.length, `${typology}/${subtype ?? '*'} instances`).toBeGreaterThan(0);
  return found;
}

/** The pattern's accounts (every participant of label account). */
function accountsOf(pattern: PatternTruth): Set<string> {
  return new Set(
    (pattern.participants as readonly Participant[])
      .filter((p) => p.label === 'account')
      .map((p) => p.id),
  );
}

/**
 * The transfers of a pattern's shape: those between its own accounts. The rest are its cash-out,
 * checked on its own (`cashOutOf`).
 */
function transfersOf(run: Run, pattern: PatternTruth): Transfer[] {
  const events = eventsOf(run, pattern);
  expect(Object.keys(events)).toEqual(['transfer']);
  const own = accountsOf(pattern);
  const transfers = (events['transfer'] as Transfer[]).filter((t) => own.has(t.inV));
  // ground truth total = the money the shape moved
  const sum = transfers.reduce((s, t) => s + t.properties.amount_base, 0);
  expect(pattern.total_value).toBeCloseTo(sum, 2);
  return transfers;
}

/** The payments of a pattern that leave its accounts: the cash-out after the shape. */
function cashOutOf(run: Run, pattern: PatternTruth): Transfer[] {
  const own = accountsOf(pattern);
  return (eventsOf(run, pattern)['transfer'] as Transfer[]).filter((t) => !own.has(t.inV));
}

const at = (t: Transfer) => Date.parse(t.properties.timestamp);
const amount = (t: Transfer) => t.properties.amount_base;
const sum = (ts: readonly Transfer[]) => ts.reduce((s, t) => s + amount(t), 0);

/** All transfers inside one graph window, itself inside the event window. */
function expectWithinWindow(config: GenerationConfig, transfers: readonly Transfer[]): void {
  const times = transfers.map(at);
  const reference = Date.parse(config.referenceDate);
  expect(Math.min(...times)).toBeGreaterThanOrEqual(reference - config.durationDays * 86_400_000);
  expect(Math.max(...times)).toBeLessThanOrEqual(reference);
  expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(
    config.graphWindowMaxHours * 3_600_000,
  );
}

/** Share an account passed on must be 1 − a fee within the configured range. */
function expectKept(config: GenerationConfig, passedOn: number, received: number): void {
  const kept = passedOn / received;
  expect(kept).toBeGreaterThanOrEqual(1 - config.graphFeeMaxRate - EPS);
  expect(kept).toBeLessThanOrEqual(1 - config.graphFeeMinRate + EPS);
}

/** Money in and out of an account among a pattern's transfers. */
function flowsOf(transfers: readonly Transfer[], account: string) {
  return {
    inflows: transfers.filter((t) => t.inV === account),
    outflows: transfers.filter((t) => t.outV === account),
  };
}

/** Each account pays out only after it received, and passes on its receipts less the cut. */
function expectPassThrough(
  config: GenerationConfig,
  transfers: readonly Transfer[],
  account: string,
): void {
  const { inflows, outflows } = flowsOf(transfers, account);
  expect(inflows.length).toBeGreaterThan(0);
  expect(outflows.length).toBeGreaterThan(0);
  expect(Math.min(...outflows.map(at))).toBeGreaterThan(Math.max(...inflows.map(at)));
  expectKept(config, sum(outflows), sum(inflows));
}

describe('graph typologies', () => {
  for (const seed of randomSeeds(3)) {
    it(`fan_out: one source, N distinct targets, all within the window (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'fan_out', 'fan_out')) {
        const transfers = transfersOf(run, pattern);
        const [source] = withRole(pattern, 'source');
        expect(new Set(transfers.map((t) => t.outV))).toEqual(new Set([source]));
        const targets = new Set(transfers.map((t) => t.inV));
        expect(targets.size).toBe(transfers.length);
        expect(targets.size).toBeGreaterThanOrEqual(config.fanOutMinDegree);
        expect(targets.size).toBeLessThanOrEqual(config.fanOutMaxDegree);
        expect(new Set(withRole(pattern, 'target'))).toEqual(targets);
        expectWithinWindow(config, transfers);
      }
    });

    it(`funded_fan_out: a large inflow, then the source drains 90–100 % of it to N distinct targets (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'fan_out', 'funded_fan_out')) {
        const transfers = transfersOf(run, pattern);
        const [source] = withRole(pattern, 'source');
        const [funder] = withRole(pattern, 'funder');
        const { inflows, outflows } = flowsOf(transfers, source!);
        expect(inflows).toHaveLength(1);
        expect(inflows[0]?.outV).toBe(funder);
        expect(outflows).toHaveLength(transfers.length - 1);
        const targets = new Set(outflows.map((t) => t.inV));
        expect(targets.size).toBe(outflows.length);
        expect(targets.size).toBeGreaterThanOrEqual(config.fanOutMinDegree);
        expect(targets.size).toBeLessThanOrEqual(config.fanOutMaxDegree);
        expect(Math.min(...outflows.map(at))).toBeGreaterThan(at(inflows[0]!));
        const drained = sum(outflows) / amount(inflows[0]!);
        expect(drained).toBeGreaterThanOrEqual(0.9 - EPS);
        expect(drained).toBeLessThanOrEqual(1 + EPS);
        expectWithinWindow(config, transfers);
      }
    });

    it(`fan_in: N distinct sources, one target, all within the window (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'fan_in')) {
        const transfers = transfersOf(run, pattern);
        const [target] = withRole(pattern, 'target');
        expect(new Set(transfers.map((t) => t.inV))).toEqual(new Set([target]));
        const sources = new Set(transfers.map((t) => t.outV));
        expect(sources.size).toBe(transfers.length);
        expect(sources.size).toBeGreaterThanOrEqual(config.fanInMinDegree);
        expect(sources.size).toBeLessThanOrEqual(config.fanInMaxDegree);
        expectWithinWindow(config, transfers);
      }
    });

    it(`cycle: k distinct accounts, each hop later, back to the origin, fee decay (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'cycle')) {
        const hops = transfersOf(run, pattern);
        const [origin] = withRole(pattern, 'origin');
        const k = hops.length;
        expect(k).toBeGreaterThanOrEqual(config.cycleMinLength);
        expect(k).toBeLessThanOrEqual(config.cycleMaxLength);
        expect(new Set(hops.map((t) => t.outV)).size).toBe(k);
        expect(hops[0]?.outV).toBe(origin);
        expect(hops.at(-1)?.inV, 'returns to its origin').toBe(origin);
        for (let h = 1; h < k; h++) {
          const previous = hops[h - 1]!;
          const hop = hops[h]!;
          expect(hop.outV).toBe(previous.inV);
          expect(at(hop)).toBeGreaterThan(at(previous));
          expectKept(config, amount(hop), amount(previous));
        }
        expectWithinWindow(config, hops);
      }
    });

    it(`scatter_gather: each intermediary forwards what it received less the cut, after receiving (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'scatter_gather')) {
        const transfers = transfersOf(run, pattern);
        const [source] = withRole(pattern, 'source');
        const [target] = withRole(pattern, 'target');
        const middle = withRole(pattern, 'intermediary');
        expect(middle.length).toBeGreaterThanOrEqual(config.scatterGatherMinWidth);
        expect(middle.length).toBeLessThanOrEqual(config.scatterGatherMaxWidth);
        expect(transfers).toHaveLength(2 * middle.length);
        for (const account of middle) {
          const { inflows, outflows } = flowsOf(transfers, account);
          expect(inflows.map((t) => t.outV)).toEqual([source]);
          expect(outflows.map((t) => t.inV)).toEqual([target]);
          expectPassThrough(config, transfers, account);
        }
        expectWithinWindow(config, transfers);
      }
    });

    it(`gather_scatter: the hub pays out after all its receipts, what came in less the cut (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'gather_scatter')) {
        const transfers = transfersOf(run, pattern);
        const [hub] = withRole(pattern, 'hub');
        const { inflows, outflows } = flowsOf(transfers, hub!);
        expect(inflows.length + outflows.length).toBe(transfers.length);
        expect(new Set(inflows.map((t) => t.outV))).toEqual(new Set(withRole(pattern, 'source')));
        expect(new Set(outflows.map((t) => t.inV))).toEqual(new Set(withRole(pattern, 'target')));
        for (const side of [inflows.length, outflows.length]) {
          expect(side).toBeGreaterThanOrEqual(config.gatherScatterMinWidth);
          expect(side).toBeLessThanOrEqual(config.gatherScatterMaxWidth);
        }
        expectPassThrough(config, transfers, hub!);
        expectWithinWindow(config, transfers);
      }
    });

    it(`bipartite: edges only from the originator set to the beneficiary set (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'bipartite')) {
        const transfers = transfersOf(run, pattern);
        const originators = new Set(withRole(pattern, 'originator'));
        const beneficiaries = new Set(withRole(pattern, 'beneficiary'));
        for (const o of originators) expect(beneficiaries.has(o)).toBe(false);
        for (const t of transfers) {
          expect(originators.has(t.outV)).toBe(true);
          expect(beneficiaries.has(t.inV)).toBe(true);
        }
        // every account takes part; no pair paid twice; many-to-many
        expect(new Set(transfers.map((t) => t.outV))).toEqual(originators);
        expect(new Set(transfers.map((t) => t.inV))).toEqual(beneficiaries);
        expect(new Set(transfers.map((t) => `${t.outV}>${t.inV}`)).size).toBe(transfers.length);
        for (const side of [originators.size, beneficiaries.size]) {
          expect(side).toBeGreaterThanOrEqual(config.bipartiteMinSide);
          expect(side).toBeLessThanOrEqual(config.bipartiteMaxSide);
        }
        expectWithinWindow(config, transfers);
      }
    });

    it(`stack: layer to next layer only; each account pays after it received, less the cut (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'stack')) {
        const transfers = transfersOf(run, pattern);
        const layerOf = new Map<string, number>();
        for (const p of pattern.participants as { id: string; label: string; role: string }[]) {
          if (p.label !== 'account') continue;
          layerOf.set(p.id, p.role === 'source' ? 0 : Number(p.role.replace('layer_', '')));
        }
        const layers = Math.max(...layerOf.values()) + 1;
        expect(layers).toBeGreaterThanOrEqual(config.stackMinLayers);
        expect(layers).toBeLessThanOrEqual(config.stackMaxLayers);
        for (const t of transfers) expect(layerOf.get(t.inV)).toBe(layerOf.get(t.outV)! + 1);
        for (const [account, layer] of layerOf) {
          const { inflows, outflows } = flowsOf(transfers, account);
          if (layer === 0) expect(inflows).toHaveLength(0);
          else expect(inflows.length).toBeGreaterThan(0);
          if (layer === layers - 1) expect(outflows).toHaveLength(0);
          else expect(outflows.length).toBeGreaterThan(0);
          if (layer > 0 && layer < layers - 1) expectPassThrough(config, transfers, account);
        }
        expectWithinWindow(config, transfers);
      }
    });

    it(`peel_chain: main amounts strictly decrease and main + peel = amount received (seed ${seed})`, async () => {
      const { config, run } = await runOf(seed);
      for (const pattern of patternsOf(run, 'peel_chain')) {
        const transfers = transfersOf(run, pattern);
        const peelers = new Set(withRole(pattern, 'peel_recipient'));
        const main = transfers.filter((t) => !peelers.has(t.inV));
        const peels = transfers.filter((t) => peelers.has(t.inV));
        expect(main.length).toBeGreaterThanOrEqual(config.peelChainMinHops);
        expect(main.length).toBeLessThanOrEqual(config.peelChainMaxHops);
        expect(peels).toHaveLength(main.length - 1);
        expect(new Set(peels.map((t) => t.inV)).size).toBe(peels.length);
        // follow the main path from the source
        const [source] = withRole(pattern, 'source');
        const path: Transfer[] = [];
        let from = source;
        for (let hop = 0; hop < main.length; hop++) {
          const next = main.filter((t) => t.outV === from);
          expect(next).toHaveLength(1);
          path.push(next[0]!);
          from = next[0]!.inV;
        }
        expect(from).toBe(withRole(pattern, 'target')[0]);
        for (let hop = 1; hop < path.length; hop++) {
          const received = path[hop - 1]!;
          const forwarded = path[hop]!;
          const peel = peels.filter((t) => t.outV === forwarded.outV);
          expect(peel).toHaveLength(1);
          expect(amount(forwarded)).toBeLessThan(amount(received));
          expect(amount(forwarded) + amount(peel[0]!)).toBeCloseTo(amount(received), 2);
          const rate = amount(peel[0]!) / amount(received);
          expect(rate).toBeGreaterThanOrEqual(config.peelMinRate - EPS);
          expect(rate).toBeLessThanOrEqual(config.peelMaxRate + EPS);
          expect(at(forwarded)).toBeGreaterThan(at(received));
          expect(at(peel[0]!)).toBeGreaterThan(at(received));
        }
        expectWithinWindow(config, transfers);
      }
    });

    it(`every graph typology ends in a cash-out by one of its accounts, after its shape (seed ${seed})`, async () => {
      const { run } = await runOf(seed);
      const graph = run.truth.patterns.filter((p) => GRAPH_TYPOLOGIES.includes(p.typology));
      expect(new Set(graph.map((p) => p.typology)).size).toBe(GRAPH_TYPOLOGIES.length);
      for (const pattern of graph) {
        const spends = cashOutOf(run, pattern);
        const payers = new Set(spends.map((t) => t.outV));
        expect(payers.size, `${pattern.pattern_id} cashes out from one account`).toBe(1);
        expect(accountsOf(pattern).has([...payers][0] ?? '')).toBe(true);
        expectCashOut(spends, Math.max(...transfersOf(run, pattern).map(at)));
      }
    });
  }
});
