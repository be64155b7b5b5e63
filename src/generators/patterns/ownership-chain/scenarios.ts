import type { Rng } from '../../../random/index.js';
import { TAX_HAVENS } from '../../data/countries.js';

/** A company the scenario adds: an intermediate holding, a shell or a member of a cycle. */
export interface AddedCompany {
  readonly country: string;
  readonly shell: boolean;
}

/** One ownership chain, UBO → target order. */
export interface ChainPlan {
  /** percentages[j]: the stake node j holds in node j + 1 (node 0 is the owner, the last the target). */
  readonly percentages: readonly number[];
  /** Added-company numbers (k of slots.entity('company', k)) of the intermediate nodes, top down. */
  readonly holdings: readonly number[];
}

/** A stake between two added companies (circular ownership). */
export interface CycleLink {
  readonly from: number;
  readonly to: number;
  readonly percentage: number;
}

/** A scenario's structure, drawn at plan time. */
export interface OwnershipParams {
  readonly chains: readonly ChainPlan[];
  readonly companies: readonly AddedCompany[];
  readonly cycle: readonly CycleLink[];
  /** The owner of chain 0 is a person the scenario adds, flagged PEP. */
  readonly addedPep: boolean;
  /** A background person sits as nominee director of chain 0's first holding. */
  readonly nominee: boolean;
  /** Effective ownership, in percent, from which an owner is an ultimate beneficial owner. */
  readonly thresholdPercent: number;
}

export const OWNERSHIP_SCENARIOS = [
  'simple_direct',
  'two_layer_holding',
  'shell_company_chain',
  'complex_multi_ubo',
  'pep_sanctioned',
  'nominee_arrangement',
  'regulatory_threshold',
  'circular_ownership',
] as const;

/** Ordinary holding-company jurisdictions, for intermediate layers that are not offshore shells. */
const HOLDING_COUNTRIES = ['US', 'GB', 'DE', 'NL', 'LU', 'IE', 'FR', 'CH'];
/** Where an ordinary corporate group's parent is registered: onshore, never a tax haven. */
const ONSHORE_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP', 'ES', 'IT', 'SE'];

/** Builds a scenario's chains while numbering the companies it adds. */
class Blueprint {
  readonly chains: ChainPlan[] = [];
  readonly companies: AddedCompany[] = [];
  readonly cycle: CycleLink[] = [];

  company(country: string, shell: boolean): number {
    this.companies.push({ country, shell });
    return this.companies.length - 1;
  }

  chain(percentages: readonly number[], holdings: readonly AddedCompany[]): number[] {
    const numbers = holdings.map((h) => this.company(h.country, h.shell));
    this.chains.push({ percentages, holdings: numbers });
    return numbers;
  }
}

/**
 * The original's eight scenarios (seed-system §2.7), percentages listed UBO → target: the first
 * is the owner's stake in the top holding, the last the stake the bottom holding (or the owner,
 * for a direct chain) holds in the target. Jurisdictions the original fixes are kept (VG, KY;
 * RU, CY, VG); the others are drawn. The regulatory-threshold chains straddle the configured
 * threshold t: (2t + 1) % × 50 % and (2t − 1) % × 50 %, i.e. 25.5 % and 24.5 % at t = 25 %.
 */
export function drawScenario(
  rng: Rng,
  scenario: string,
  thresholdPercent: number,
  lookAlike: boolean,
): Omit<OwnershipParams, 'thresholdPercent'> {
  const b = new Blueprint();
  const haven = (shell: boolean): AddedCompany => ({ country: rng.pick(TAX_HAVENS), shell });
  const holding = (): AddedCompany => ({ country: rng.pick(HOLDING_COUNTRIES), shell: false });
  let addedPep = false;
  let nominee = false;
  if (lookAlike) {
    // An ordinary corporate group: a known owner holds an onshore parent that holds a subsidiary.
    b.chain(
      [rng.int(51, 100), rng.int(51, 100)],
      [{ country: rng.pick(ONSHORE_COUNTRIES), shell: false }],
    );
    return { chains: b.chains, companies: b.companies, cycle: b.cycle, addedPep, nominee };
  }
  switch (scenario) {
    case 'simple_direct':
      b.chain([60], []);
      break;
    case 'two_layer_holding':
      b.chain([80, 70], [haven(false)]);
      break;
    case 'shell_company_chain':
      b.chain(
        [100, 100, 60],
        [
          { country: 'VG', shell: true },
          { country: 'KY', shell: true },
        ],
      );
      break;
    case 'complex_multi_ubo':
      b.chain([50, 60], [holding()]);
      b.chain([35], []);
      b.chain([100, 80, 25], [haven(true), haven(true)]);
      break;
    case 'pep_sanctioned':
      addedPep = true;
      b.chain(
        [100, 100, 100, 40],
        [
          { country: 'RU', shell: false },
          { country: 'CY', shell: true },
          { country: 'VG', shell: true },
        ],
      );
      break;
    case 'nominee_arrangement':
      nominee = true;
      b.chain([100, 55], [haven(true)]);
      break;
    case 'regulatory_threshold':
      b.chain([round(2 * thresholdPercent + 1), 50], [holding()]);
      b.chain([round(2 * thresholdPercent - 1), 50], [holding()]);
      break;
    case 'circular_ownership': {
      // owner → A → target, and A → B → C → A. C's stake in A leaves room for the owner's 60 %.
      // Through the loop A holds 11–40 % of itself, which lifts the owner's 24 % path to 27–40 %
      // (see `loopAdjusted`): the cycle hides a UBO behind a path below the usual threshold.
      const [a] = b.chain([60, 40], [holding()]) as [number];
      const bb = b.company(rng.pick(HOLDING_COUNTRIES), false);
      const c = b.company(rng.pick(HOLDING_COUNTRIES), false);
      b.cycle.push(
        { from: a, to: bb, percentage: rng.int(60, 100) },
        { from: bb, to: c, percentage: rng.int(60, 100) },
        { from: c, to: a, percentage: rng.int(30, 40) },
      );
      break;
    }
    default:
      throw new Error(`ownership_chain: unknown scenario ${scenario}`);
  }
  return { chains: b.chains, companies: b.companies, cycle: b.cycle, addedPep, nominee };
}

function round(percent: number): number {
  return Math.round(percent * 10_000) / 10_000;
}

/** Effective ownership along a chain: the product of its stakes, in percent. */
export function effectiveOwnership(percentages: readonly number[]): number {
  const share = percentages.reduce((product, p) => (product * p) / 100, 1);
  return Math.round(share * 100 * 1_000_000) / 1_000_000;
}

/**
 * Effective ownership through a company that holds `loopShare` (0..1) of itself round a cycle:
 * whatever the company owns indirectly of itself belongs, in turn, to its outside holders, so
 * their share is scaled by 1 + s + s² + … = 1 / (1 − s).
 */
export function loopAdjusted(effective: number, loopShare: number): number {
  return Math.round((effective / (1 - loopShare)) * 1_000_000) / 1_000_000;
}
