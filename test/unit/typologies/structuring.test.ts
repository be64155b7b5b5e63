import { describe, expect, it } from 'vitest';
import type { GenerationConfig } from '../../../src/config/index.js';
import { ConfigError } from '../../../src/errors.js';
import { thresholdFor } from '../../../src/generators/money.js';
import { convert } from '../../../src/generators/economy/fx.js';
import { DEPOSIT_CITIES } from '../../../src/generators/patterns/structuring/deposit-cities.js';
import type { EdgeRecord, GraphRecord, PatternTruth } from '../../../src/model/index.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, runWithTruth, withRole, type Run } from '../../helpers/patterns.js';

const HOUR = 3_600_000;
const SUBTYPES = [
  'classic_structuring',
  'smurfing',
  'geographic_smurfing',
  'temporal_smurfing',
  'account_hopping',
] as const;
type Transfer = EdgeRecord<'transfer'>;

function configFor(seed: number, overrides: Record<string, unknown> = {}): GenerationConfig {
  return configOf('small', {
    seed,
    transactionCount: 300,
    communicationCount: 50,
    tradeCount: 50,
    documentCount: 50,
    loginCount: 50,
    travelCount: 50,
    structuringPatterns: 10,
    ...overrides,
  });
}

/** Account owners and the owns edges of the output. */
class Accounts {
  readonly owner = new Map<string, string>();
  readonly opened = new Map<string, string>();
  readonly owns = new Map<string, string>();

  constructor(records: readonly GraphRecord[]) {
    for (const r of records) {
      if (r.label === 'account') {
        this.owner.set(r.id, r.properties.owner_id);
        this.opened.set(r.id, r.properties.opened_date);
      } else if (r.label === 'owns') this.owns.set(`${r.outV}>${r.inV}`, r.properties.role);
    }
  }
}

const time = (t: Transfer) => Date.parse(t.properties.timestamp);

/**
 * The defining invariant, from the emitted records: every deposit is a cash deposit (at a branch
 * or a deposit-taking ATM) strictly below the reporting threshold of the country it is made in,
 * and the deposits together exceed it. Amounts are compared in the base currency, the threshold
 * converted with the same FX reference table: the depositor's account may be in another currency.
 */
function checkInvariant(
  run: Run,
  pattern: PatternTruth,
): { deposits: Transfer[]; others: Transfer[] } {
  const transfers = (eventsOf(run, pattern)['transfer'] ?? []) as Transfer[];
  const deposits = transfers.filter((t) => t.properties.transaction_type === 'deposit');
  const others = transfers.filter((t) => t.properties.transaction_type !== 'deposit');
  expect(deposits.length).toBeGreaterThanOrEqual(2);
  const limits: number[] = [];
  let sum = 0;
  for (const d of deposits) {
    const limit = thresholdInBase(d);
    expect(['branch', 'atm']).toContain(d.properties.channel);
    expect(d.properties.amount_base).toBeLessThan(limit);
    expect(d.properties.amount_base).toBeGreaterThanOrEqual(limit * 0.9 - 0.01);
    expect(d.outV).not.toBe(d.inV);
    limits.push(limit);
    sum += d.properties.amount_base;
  }
  expect(sum, 'together above the highest threshold involved').toBeGreaterThan(Math.max(...limits));
  return { deposits, others };
}

/** The reporting threshold of the country a deposit was made in, in the base currency. */
function thresholdInBase(d: Transfer): number {
  const threshold = thresholdFor(d.properties.originating_country);
  return convert(threshold.amount, threshold.currency, d.properties.base_currency);
}

const runs = new Map<number, Promise<{ run: Run; accounts: Accounts; config: GenerationConfig }>>();
function runFor(seed: number) {
  let run = runs.get(seed);
  if (run === undefined) {
    const config = configFor(seed);
    run = runWithTruth(config).then((r) => ({ run: r, accounts: new Accounts(r.records), config }));
    runs.set(seed, run);
  }
  return run;
}

type Shape = (
  parts: { deposits: Transfer[]; others: Transfer[] },
  accounts: Accounts,
  config: GenerationConfig,
  pattern: PatternTruth,
) => void;

const span = (ts: readonly Transfer[]) => Math.max(...ts.map(time)) - Math.min(...ts.map(time));
const depositorsOf = (ts: readonly Transfer[], accounts: Accounts) =>
  new Set(ts.map((t) => accounts.owner.get(t.outV)));

const SHAPES: Record<(typeof SUBTYPES)[number], Shape> = {
  classic_structuring: ({ deposits, others }, accounts, config, pattern) => {
    expect(others).toHaveLength(0);
    const [structurer] = withRole(pattern, 'structurer');
    expect(depositorsOf(deposits, accounts)).toEqual(new Set([structurer]));
    const receiving = new Set(deposits.map((d) => d.inV));
    expect(receiving.size).toBe(1);
    expect(accounts.owner.get([...receiving][0] as string), 'into their own account').toBe(
      structurer,
    );
    expect(span(deposits)).toBeLessThanOrEqual(config.structuringMaxWindowHours * HOUR);
  },
  smurfing: ({ deposits, others }, accounts, config) => {
    expect(others).toHaveLength(0);
    const smurfs = depositorsOf(deposits, accounts);
    expect(smurfs.size).toBeGreaterThanOrEqual(2);
    const receiving = new Set(deposits.map((d) => d.inV));
    expect(receiving.size).toBe(1);
    expect(smurfs.has(accounts.owner.get([...receiving][0] as string))).toBe(false);
    expect(span(deposits)).toBeLessThanOrEqual(config.structuringMaxWindowHours * HOUR);
  },
  geographic_smurfing: ({ deposits, others }, accounts) => {
    expect(others).toHaveLength(0);
    expect(depositorsOf(deposits, accounts).size).toBeGreaterThanOrEqual(2);
    expect(new Set(deposits.map((d) => d.inV)).size).toBe(1);
    const countries = new Set(deposits.map((d) => d.properties.originating_country));
    expect(countries.size, 'deposits made in several countries').toBeGreaterThanOrEqual(2);
    for (const d of deposits)
      expect(DEPOSIT_CITIES[d.properties.originating_country]).toContain(d.properties.location);
    // one country per smurf
    for (const smurf of depositorsOf(deposits, accounts)) {
      const own = deposits.filter((d) => accounts.owner.get(d.outV) === smurf);
      expect(new Set(own.map((d) => d.properties.originating_country)).size).toBe(1);
    }
  },
  temporal_smurfing: ({ deposits, others }, _accounts, config, pattern) => {
    expect(others).toHaveLength(0);
    expect(new Set(deposits.map((d) => d.outV)).size).toBe(1);
    expect(new Set(deposits.map((d) => d.inV)).size).toBe(1);
    const times = deposits.map(time).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    const interval = (pattern.parameters as { interval_hours: number }).interval_hours * HOUR;
    expect(interval).toBeGreaterThanOrEqual(config.structuringMinIntervalHours * HOUR);
    expect(interval).toBeLessThanOrEqual(config.structuringMaxIntervalHours * HOUR);
    for (const gap of gaps) expect(Math.abs(gap - interval)).toBeLessThanOrEqual(HOUR / 2);
    expect(Math.max(...gaps) - Math.min(...gaps), 'regular spacing').toBeLessThanOrEqual(HOUR);
  },
  account_hopping: ({ deposits, others }, accounts, _config, pattern) => {
    const [controller] = withRole(pattern, 'controller');
    expect(depositorsOf(deposits, accounts)).toEqual(new Set([controller]));
    const hops = [...new Set(deposits.map((d) => d.inV))];
    expect(hops.length).toBeGreaterThanOrEqual(2);
    expect(others).toHaveLength(hops.length);
    const home = deposits[0]?.outV;
    for (const hop of hops) {
      expect(pattern.added_entities).toContain(hop);
      expect(accounts.owns.get(`${controller}>${hop}`), 'controlled by the controller').toBe(
        'beneficial',
      );
      expect(accounts.owner.get(hop)).not.toBe(undefined);
      const into = deposits.filter((d) => d.inV === hop);
      expect(Date.parse(accounts.opened.get(hop) as string)).toBeLessThanOrEqual(
        Math.min(...into.map(time)),
      );
      const [consolidation] = others.filter((t) => t.outV === hop);
      expect(consolidation?.inV, 'consolidated back to the controller').toBe(home);
      expect(time(consolidation as Transfer)).toBeGreaterThan(Math.max(...into.map(time)));
      expect(consolidation?.properties.amount_base).toBeCloseTo(
        into.reduce((s, d) => s + d.properties.amount_base, 0),
        2,
      );
    }
  },
};

describe('structuring', () => {
  for (const seed of randomSeeds(3)) {
    for (const subtype of SUBTYPES) {
      it(`${subtype}: deposits each below the threshold of their country, together above it (seed ${seed})`, async () => {
        const { run, accounts, config } = await runFor(seed);
        const patterns = run.truth.patterns.filter(
          (p) => p.typology === 'structuring' && p.subtype === subtype,
        );
        expect(patterns).toHaveLength(2);
        for (const pattern of patterns)
          SHAPES[subtype](checkInvariant(run, pattern), accounts, config, pattern);
      });
    }
  }

  it('look-alikes: near-threshold deposits that stay below it in sum, or weeks apart, without labels', async () => {
    const seed = randomSeeds(1)[0] as number;
    const run = await runWithTruth(configFor(seed, { nearMissRate: 1, structuringPatterns: 5 }));
    const real = run.truth.patterns.filter((p) => p.typology === 'structuring');
    expect(real).toHaveLength(5);
    const labelled = new Set(run.truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
    const nearThreshold = run.records.filter((r): r is Transfer => {
      if (r.label !== 'transfer' || r.properties.transaction_type !== 'deposit') return false;
      const limit = thresholdInBase(r);
      return r.properties.amount_base < limit && r.properties.amount_base >= 0.9 * limit - 0.01;
    });
    const unlabelled = nearThreshold.filter((t) => !labelled.has(`transfer:${t.id}`));
    // more such deposits than the truth lists
    expect(nearThreshold.length).toBeGreaterThan(nearThreshold.length - unlabelled.length);
    expect(unlabelled.length, 'one near deposit per look-alike at least').toBeGreaterThanOrEqual(5);
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    [
      'structuring_min_smurfs',
      { structuringMinSmurfs: 1 },
      /structuring_min_smurfs: 1 must be ≥ 2/,
    ],
    [
      'structuring_max_smurfs below min',
      { structuringMinSmurfs: 5, structuringMaxSmurfs: 3 },
      /structuring_max_smurfs: 3 must be ≥ structuring_min_smurfs \(5\)/,
    ],
    [
      'more smurfs than persons',
      { structuringMaxSmurfs: 65 },
      /structuring_max_smurfs: 65 must be < person_count \(60\)/,
    ],
    [
      'structuring_min_deposits',
      { structuringMinDeposits: 1 },
      /structuring_min_deposits: 1 must be ≥ 2/,
    ],
    [
      'structuring_max_deposits below min',
      { structuringMinDeposits: 4, structuringMaxDeposits: 3 },
      /structuring_max_deposits: 3 must be ≥ structuring_min_deposits \(4\)/,
    ],
    [
      'a window too short for account hopping',
      { structuringMinWindowHours: 2 },
      /structuring_min_window_hours: 2 must be ≥ 4/,
    ],
    [
      'structuring_max_window_hours below min',
      { structuringMinWindowHours: 48, structuringMaxWindowHours: 24 },
      /structuring_max_window_hours: 24 must be ≥ structuring_min_window_hours \(48\)/,
    ],
    [
      'structuring_max_interval_hours below min',
      { structuringMinIntervalHours: 48, structuringMaxIntervalHours: 24 },
      /structuring_max_interval_hours: 24 must be ≥ structuring_min_interval_hours \(48\)/,
    ],
    [
      'a burst window longer than the run',
      { durationDays: 2, structuringMaxWindowHours: 72 },
      /structuring_max_window_hours: 72 does not fit in the run's 48 h window/,
    ],
    [
      'a run shorter than temporal smurfing needs',
      { durationDays: 20 },
      /duration_days: 20 is shorter than temporal smurfing needs/,
    ],
  ];
  for (const [name, overrides, message] of invalid) {
    it(`rejects ${name}`, () => {
      const config = configOf('tiny', { structuringPatterns: 3, ...overrides });
      expect(() => planRun(config)).toThrow(ConfigError);
      expect(() => planRun(config)).toThrow(message);
    });
  }
});
