import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { rankAuc, separation } from '../../../src/audit/rank-auc.js';
import { isTaxHaven } from '../../../src/generators/data/countries.js';
import type { EdgeRecord, GraphRecord, PatternTruth } from '../../../src/model/index.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, runWithTruth, withRole, type Run } from '../../helpers/patterns.js';

type HoldsShare = EdgeRecord<'holds_share'>;

interface ChainTruth {
  readonly owner: string;
  readonly path: readonly string[];
  readonly percentages: readonly number[];
  readonly effective_ownership: number;
  readonly loop_adjusted_ownership?: number;
  readonly is_ubo: boolean;
}

interface OwnershipTruth {
  readonly target: string;
  readonly threshold_percent: number;
  readonly chains: readonly ChainTruth[];
  readonly ubos: readonly string[];
  readonly nominee_director?: string;
  readonly cycle_self_ownership?: number;
}

/** One instance of each scenario, plus look-alikes, on a population with room for the targets. */
function ownershipConfig(seed: number, overrides: Record<string, unknown> = {}) {
  return configOf('small', {
    seed,
    ownershipChainPatterns: 8,
    personCount: 200,
    companyCount: 60,
    accountCount: 300,
    transactionCount: 300,
    communicationCount: 50,
    tradeCount: 50,
    travelCount: 50,
    documentCount: 50,
    loginCount: 50,
    ...overrides,
  });
}

const paramsOf = (p: PatternTruth) => p.parameters as OwnershipTruth;
const sharesOf = (run: Run, p: PatternTruth) =>
  (eventsOf(run, p)['holds_share'] ?? []) as HoldsShare[];

function vertex<L extends GraphRecord['label']>(run: Run, id: string, label: L) {
  const record = run.vertices.get(id);
  if (record?.label !== label) throw new Error(`${id} is not a ${label}`);
  return record as Extract<GraphRecord, { label: L }>;
}

/** Each recorded chain is a path of emitted holds_share edges whose stakes multiply to its effective ownership. */
function expectChains(run: Run, pattern: PatternTruth): void {
  const truth = paramsOf(pattern);
  const shares = sharesOf(run, pattern);
  for (const chain of truth.chains) {
    expect(chain.path[0]).toBe(chain.owner);
    expect(chain.path.at(-1)).toBe(truth.target);
    expect(chain.percentages).toHaveLength(chain.path.length - 1);
    let share = 1;
    for (let j = 0; j < chain.path.length - 1; j++) {
      const edge = shares.find((e) => e.outV === chain.path[j] && e.inV === chain.path[j + 1]);
      expect(edge, `${chain.path[j]} holds ${chain.path[j + 1]}`).toBeDefined();
      expect(edge?.properties.percentage).toBe(chain.percentages[j]);
      share *= (edge?.properties.percentage ?? 0) / 100;
    }
    expect(Math.abs(share * 100 - chain.effective_ownership)).toBeLessThan(1e-6);
    const counted = Math.max(chain.effective_ownership, chain.loop_adjusted_ownership ?? 0);
    expect(chain.is_ubo).toBe(counted >= truth.threshold_percent);
    expect(truth.ubos.includes(chain.owner)).toBe(chain.is_ubo);
    expect(withRole(pattern, chain.is_ubo ? 'ubo' : 'minority_owner')).toContain(chain.owner);
  }
  // the target is a background company, every intermediate one the scenario added
  expect(pattern.added_entities).not.toContain(truth.target);
  for (const chain of truth.chains)
    for (const id of chain.path.slice(1, -1)) expect(pattern.added_entities).toContain(id);
}

/** A directed cycle among the edges, as a list of vertex ids, or null. */
function findCycle(edges: readonly HoldsShare[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.outV, [...(next.get(e.outV) ?? []), e.inV]);
  const onPath: string[] = [];
  const done = new Set<string>();
  const visit = (node: string): string[] | null => {
    const at = onPath.indexOf(node);
    if (at >= 0) return onPath.slice(at);
    if (done.has(node)) return null;
    onPath.push(node);
    for (const to of next.get(node) ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(node);
    return null;
  };
  for (const node of next.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function expectRejected(overrides: Record<string, unknown>, message: string): void {
  let error: unknown;
  try {
    planRun(configOf('small', { ownershipChainPatterns: 1, ...overrides }));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toBe(message);
}

for (const seed of randomSeeds(3)) {
  describe(`ownership chains (seed ${seed})`, () => {
    let run: Run;
    const only = (subtype: string): PatternTruth => {
      const found = run.truth.patterns.filter(
        (p) => p.typology === 'ownership_chain' && p.subtype === subtype,
      );
      expect(found).toHaveLength(1);
      return found[0] as PatternTruth;
    };
    const effective = (p: PatternTruth) => paramsOf(p).chains.map((c) => c.effective_ownership);

    beforeAll(async () => {
      run = await runWithTruth(ownershipConfig(seed));
    });

    it(`every chain's stakes multiply to its recorded effective ownership (seed ${seed})`, () => {
      const patterns = run.truth.patterns.filter((p) => p.typology === 'ownership_chain');
      expect(patterns).toHaveLength(8);
      for (const pattern of patterns) expectChains(run, pattern);
    });

    it(`stakes are dated as the background's are (30 days to 20 years back), each chain top down (seed ${seed})`, () => {
      const referenceMs = Date.parse(ownershipConfig(seed).referenceDate);
      const daysAgo = (date: string) => Math.round((referenceMs - Date.parse(date)) / 86_400_000);
      const patterns = run.truth.patterns.filter((p) => p.typology === 'ownership_chain');
      for (const pattern of patterns) {
        const shares = sharesOf(run, pattern);
        for (const share of shares) {
          expect(daysAgo(share.properties.since)).toBeGreaterThanOrEqual(30);
          expect(daysAgo(share.properties.since)).toBeLessThanOrEqual(20 * 365 + 1);
        }
        for (const chain of paramsOf(pattern).chains) {
          const since = chain.path.slice(0, -1).map((from, j) => {
            const edge = shares.find((e) => e.outV === from && e.inV === chain.path[j + 1]);
            return Date.parse(edge?.properties.since ?? '');
          });
          for (let j = 1; j < since.length; j++)
            expect(since[j], 'a holding acquires after its owner').toBeGreaterThanOrEqual(
              since[j - 1] ?? 0,
            );
        }
      }
    });

    it(`targets stay at or below 100 % held, except where a scenario's own stakes exceed it (seed ${seed})`, () => {
      const held = new Map<string, number>();
      for (const r of run.records)
        if (r.label === 'holds_share')
          held.set(r.inV, (held.get(r.inV) ?? 0) + r.properties.percentage);
      for (const pattern of run.truth.patterns) {
        if (pattern.subtype === 'complex_multi_ubo') continue; // its own stakes sum to 120 %
        expect(held.get(paramsOf(pattern).target) ?? 0).toBeLessThanOrEqual(100 + 1e-9);
      }
      const ids = run.records.filter((r) => r.label === 'holds_share').map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`simple, two-layer and shell chains have the original's stakes and jurisdictions (seed ${seed})`, () => {
      const simple = only('simple_direct');
      expect(paramsOf(simple).chains.map((c) => c.percentages)).toEqual([[60]]);
      expect(effective(simple)).toEqual([60]);
      expect(sharesOf(run, simple)).toHaveLength(1);

      const twoLayer = only('two_layer_holding');
      expect(effective(twoLayer)).toEqual([56]);
      const holding = paramsOf(twoLayer).chains[0]?.path[1] ?? '';
      expect(isTaxHaven(vertex(run, holding, 'company').properties.registration_country)).toBe(
        true,
      );

      const shell = only('shell_company_chain');
      expect(paramsOf(shell).chains[0]?.percentages).toEqual([100, 100, 60]);
      const [vg, ky] = paramsOf(shell).chains[0]?.path.slice(1, -1) ?? [];
      for (const [id, country] of [
        [vg, 'VG'],
        [ky, 'KY'],
      ] as const) {
        const company = vertex(run, id ?? '', 'company').properties;
        expect(company.is_shell_company).toBe(true);
        expect(company.registration_country).toBe(country);
      }
    });

    it(`complex structure: two UBOs and a 20 % owner below the threshold (seed ${seed})`, () => {
      const pattern = only('complex_multi_ubo');
      expect(effective(pattern)).toEqual([30, 35, 20]);
      expect(paramsOf(pattern).ubos).toHaveLength(2);
      expect(withRole(pattern, 'minority_owner')).toEqual([paramsOf(pattern).chains[2]?.owner]);
    });

    it(`pep_sanctioned: the UBO is flagged PEP, behind RU, CY and VG companies (seed ${seed})`, () => {
      const pattern = only('pep_sanctioned');
      const [chain] = paramsOf(pattern).chains;
      expect(chain?.percentages).toEqual([100, 100, 100, 40]);
      expect(chain?.is_ubo).toBe(true);
      expect(vertex(run, chain?.owner ?? '', 'person').properties.is_pep).toBe(true);
      expect(pattern.added_entities).toContain(chain?.owner);
      const countries = chain?.path
        .slice(1, -1)
        .map((id) => vertex(run, id, 'company').properties.registration_country);
      expect(countries).toEqual(['RU', 'CY', 'VG']);
    });

    it(`nominee arrangement: another person is the shell's director (seed ${seed})`, () => {
      const pattern = only('nominee_arrangement');
      const { chains, nominee_director: nominee } = paramsOf(pattern);
      expect(effective(pattern)).toEqual([55]);
      const shell = chains[0]?.path[1];
      expect(vertex(run, shell ?? '', 'company').properties.is_shell_company).toBe(true);
      expect(nominee).toBeDefined();
      expect(nominee).not.toBe(chains[0]?.owner);
      const officers = (eventsOf(run, pattern)['officer_of'] ?? []) as EdgeRecord<'officer_of'>[];
      expect(officers).toHaveLength(1);
      expect(officers[0]?.outV).toBe(nominee);
      expect(officers[0]?.inV).toBe(shell);
      expect(officers[0]?.properties.role).toBe('director');
    });

    it(`regulatory threshold: the two chains straddle 25 % (seed ${seed})`, () => {
      const pattern = only('regulatory_threshold');
      expect(effective(pattern)).toEqual([25.5, 24.5]);
      expect(paramsOf(pattern).chains.map((c) => c.is_ubo)).toEqual([true, false]);
    });

    it(`circular ownership: a directed cycle of holds_share edges lifts the owner above the threshold (seed ${seed})`, () => {
      const pattern = only('circular_ownership');
      const cycle = findCycle(sharesOf(run, pattern));
      expect(cycle).not.toBeNull();
      expect(cycle?.length).toBeGreaterThanOrEqual(3);
      for (const id of cycle ?? []) expect(pattern.added_entities).toContain(id);
      const [chain] = paramsOf(pattern).chains;
      expect(chain?.effective_ownership).toBe(24);
      expect(cycle).toContain(chain?.path[1]);
      // the share the holding owns of itself round the cycle, from the emitted stakes
      const shares = sharesOf(run, pattern);
      const loop = (cycle ?? []).reduce((product, from, i, all) => {
        const to = all[(i + 1) % all.length];
        const edge = shares.find((e) => e.outV === from && e.inV === to);
        return (product * (edge?.properties.percentage ?? 0)) / 100;
      }, 1);
      expect(Math.abs((chain?.loop_adjusted_ownership ?? 0) - 24 / (1 - loop))).toBeLessThan(1e-4);
      expect(chain?.is_ubo).toBe(true);
    });

    it(`look-alikes are ordinary groups and carry no label (seed ${seed})`, () => {
      const labelled = new Set(run.truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
      // Background stakes use edge ordinals 0–4 of their company; a pattern's stake in a
      // background company uses 5–9. The unlabelled ones of those are look-alikes' stakes.
      const lookAlikes = run.records.filter(
        (r): r is HoldsShare =>
          r.label === 'holds_share' &&
          Number(r.id.slice(3)) % 10 >= 5 &&
          !labelled.has(`holds_share:${r.id}`),
      );
      expect(lookAlikes.length).toBeGreaterThan(0);
      for (const stake of lookAlikes) {
        const parent = vertex(run, stake.outV, 'company').properties;
        expect(parent.is_shell_company).toBe(false);
        expect(isTaxHaven(parent.registration_country)).toBe(false);
        const owners = run.records.filter(
          (r): r is HoldsShare => r.label === 'holds_share' && r.inV === stake.outV,
        );
        expect(owners).toHaveLength(1);
        expect(labelled.has(`holds_share:${owners[0]?.id ?? ''}`)).toBe(false);
        expect(vertex(run, owners[0]?.outV ?? '', 'person').properties.is_pep).toBe(false);
      }
    });
  });
}

describe('ownership chain dates', () => {
  it("a structure's `since` dates do not set its stakes apart from the background's (rank AUC ≤ 0.7, seed 5)", async () => {
    const run = await runWithTruth(
      ownershipConfig(5, { companyCount: 200, ownershipChainPatterns: 16 }),
    );
    const labelled = new Set(
      run.truth.patterns.flatMap(
        (p) => (p.event_ids as Record<string, string[]>)['holds_share'] ?? [],
      ),
    );
    const shares = run.records.filter((r): r is HoldsShare => r.label === 'holds_share');
    const auc = rankAuc(
      Float64Array.from(shares, (s) => Date.parse(s.properties.since)),
      Uint8Array.from(shares, (s) => (labelled.has(s.id) ? 1 : 0)),
    );
    expect(labelled.size).toBeGreaterThan(30);
    expect(separation(auc)).toBeLessThanOrEqual(0.7);
  });
});

describe('ownership chain threshold', () => {
  for (const seed of randomSeeds(1)) {
    it(`the regulatory chains straddle a configured 30 % threshold (seed ${seed})`, async () => {
      const run = await runWithTruth(ownershipConfig(seed, { uboThreshold: 0.3 }));
      const pattern = run.truth.patterns.find((p) => p.subtype === 'regulatory_threshold');
      expect(pattern).toBeDefined();
      if (pattern === undefined) return;
      expect(paramsOf(pattern).threshold_percent).toBe(30);
      expect(paramsOf(pattern).chains.map((c) => c.effective_ownership)).toEqual([30.5, 29.5]);
      expect(paramsOf(pattern).chains.map((c) => c.is_ubo)).toEqual([true, false]);
      expectChains(run, pattern);
    });
  }
});

describe('ownership chain configuration', () => {
  it('rejects a threshold the regulatory chains cannot straddle', () => {
    for (const threshold of [0, 0.5])
      expectRejected(
        { uboThreshold: threshold },
        `ubo_threshold: ${threshold} must be between 0.01 and 0.49 (the regulatory-threshold chains hold 2t ± 1 % of a 50 % holding)`,
      );
  });

  it('accepts a one-day window: stakes are dated as standing links, not inside the window', () => {
    expect(() =>
      planRun(configOf('small', { ownershipChainPatterns: 1, durationDays: 1 })),
    ).not.toThrow();
  });

  it('rejects a population without enough owners', () => {
    expectRejected(
      { personCount: 2 },
      'ownership_chain_patterns: 1 needs person_count ≥ 3 (the owners of a multi-UBO structure) and company_count ≥ 1 (a target)',
    );
  });
});
