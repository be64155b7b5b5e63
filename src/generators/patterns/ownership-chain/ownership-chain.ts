import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type Participant,
  type PatternTruth,
} from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { isHighRisk, isTaxHaven } from '../../data/countries.js';
import { linkSinceDaysAgo, type StandingLink } from '../../core/link-since.js';
import { isoDate, MS_PER_DAY, startOfDay } from '../../time.js';
import { anyPerson } from '../participants.js';
import { buildTruth } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import {
  drawScenario,
  effectiveOwnership,
  loopAdjusted,
  OWNERSHIP_SCENARIOS,
  type OwnershipParams,
} from './scenarios.js';
import { claimTarget } from './targets.js';

type Link = EdgeRecord<'holds_share'> | EdgeRecord<'officer_of'>;

/** A chain as emitted: who holds what, UBO → target. */
interface EmittedChain {
  readonly owner: number;
  /** Vertex ids from the owner to the target. */
  readonly path: readonly string[];
  readonly percentages: readonly number[];
  readonly effective: number;
  /** Effective ownership counting the share the chain's holdings own of themselves round a cycle. */
  readonly loopAdjusted: number | null;
}

/**
 * Layered beneficial ownership of a real company: `holds_share` edges from a person through
 * holdings (companies the scenario adds, offshore shells where the scenario says so) down to a
 * background company, the target. The stakes are the pattern's events, timed at their
 * acquisition dates. Invariants: along each chain the percentages multiply to the recorded
 * effective ownership; circular ownership holds a directed cycle of holds_share edges; the
 * PEP scenario's UBO is flagged PEP; the regulatory-threshold chains straddle the threshold.
 * Stakes never push a target above 100 % when a company has room (see `claimTarget`).
 */
export const ownershipChain: Typology<OwnershipParams> = {
  name: 'ownership_chain',
  subtypes: OWNERSHIP_SCENARIOS,
  describe: {
    simple_direct: 'a person holds 60 % of a background company directly: one `holds_share` edge',
    two_layer_holding:
      'person –80 %→ holding company (added, tax haven) –70 %→ target: effective 56 %',
    shell_company_chain:
      'person –100 %→ shell (VG) –100 %→ shell (KY) –60 %→ target: effective 60 %',
    complex_multi_ubo:
      'three chains into one target: person –50 %→ holding –60 %→ (30 %); person –35 %→ (35 %); person –100 %→ shell –80 %→ shell –25 %→ (20 %, below the threshold)',
    pep_sanctioned:
      'an added PEP (is_pep) –100 %→ RU company –100 %→ CY shell –100 %→ VG shell –40 %→ target: effective 40 %',
    nominee_arrangement:
      "person –100 %→ offshore shell –55 %→ target, with another person as the shell's nominee director (`officer_of`)",
    regulatory_threshold:
      'two chains person –51 %→ holding –50 %→ target (25.5 %, a UBO) and person –49 %→ holding –50 %→ target (24.5 %, not one); they straddle the configured threshold',
    circular_ownership:
      'person –60 %→ holding A –40 %→ target (24 % by the path), and A → B → C → A: a directed cycle of `holds_share` edges among added holdings through which A holds 11–40 % of itself, lifting the person to 27–40 %',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<OwnershipParams> {
    const { rng, config } = ctx;
    const thresholdPercent = Math.round(config.uboThreshold * 100 * 10_000) / 10_000;
    const scenario = drawScenario(rng, subtype, thresholdPercent, lookAlike);
    const params: OwnershipParams = { ...scenario, thresholdPercent };
    return {
      subtype,
      params,
      entities: {
        company: scenario.companies.length,
        ...(scenario.addedPep ? { person: 1 } : {}),
      },
      events: {},
    };
  },

  entityOverrides(draft) {
    const { params } = draft;
    return {
      company: params.companies.map((c) => ({ shell: c.shell, country: c.country })),
      // The PEP behind a chain that starts in Russia is Russian.
      person: params.addedPep ? [{ isPep: true, nationality: 'RU' }] : [],
    };
  },

  realize(ctx, draft, slots) {
    return structure(ctx, draft, slots, false);
  },

  realizeLookAlike(ctx, draft, slots) {
    return structure(ctx, draft, slots, true);
  },
};

function structure(
  ctx: GeneratorContext,
  draft: PatternDraft<OwnershipParams>,
  slots: PatternSlots,
  lookAlike: boolean,
): PatternOutput {
  const { rng, population, time } = ctx;
  const { params } = draft;
  const company = (k: number) => slots.entity('company', k);

  // Owners are background persons, never PEPs, except the PEP scenario's, which it adds.
  const excluded = new Set(population.pepPersons);
  const owners = params.chains.map((_, c) => {
    if (c === 0 && params.addedPep) return slots.entity('person', 0);
    const person = anyPerson(ctx, excluded);
    excluded.add(person);
    return person;
  });
  const target = claimTarget(
    ctx,
    params.chains.map((chain) => chain.percentages.at(-1) ?? 0),
    lookAlike,
  );
  const chains = params.chains.map((chain, c) => [
    ...chain.percentages.slice(0, -1),
    target.stakes[c] ?? 0,
  ]);

  // Acquisition dates come from the background's own draw (a stake or a directorship begun 30
  // days to 20 or 15 years ago): a structure built only inside the simulated window would be
  // told apart by its dates alone. A chain's draws are sorted so it is still set up top down.
  const sinceDay = (kind: StandingLink) => linkSinceDaysAgo(rng, kind);
  const dayMs = (daysAgo: number) => startOfDay(time.referenceMs - daysAgo * MS_PER_DAY);

  const links: Link[] = [];
  const timesMs: number[] = [];
  const nextOrdinal = new Map<number, number>();
  const holdsShare = (
    from: string,
    to: number,
    percentage: number,
    atMs: number,
    ordinal?: number,
  ) => {
    // Into an added company: its own ordinals 0–9 are free; into the target: a claimed ordinal.
    const n = ordinal ?? nextOrdinal.get(to) ?? 0;
    if (ordinal === undefined) nextOrdinal.set(to, n + 1);
    const id = formatId(EDGE_ID_PREFIX.holds_share, to * 10 + n);
    links.push({
      label: 'holds_share',
      id,
      outV: from,
      inV: vertexId('company', to),
      properties: { relationship_id: id, percentage, since: isoDate(atMs) },
    });
    timesMs.push(atMs);
  };

  const onCycle = new Set(params.cycle.map((l) => l.from));
  const loopShare = cycleShare(params);
  const emitted: EmittedChain[] = params.chains.map((chain, c) => {
    const percentages = chains[c] ?? [];
    const nodes = [
      vertexId('person', owners[c] ?? 0),
      ...chain.holdings.map((k) => vertexId('company', company(k))),
      vertexId('company', target.company),
    ];
    // Oldest first: the owner's stake precedes its holding's.
    const days = percentages.map(() => sinceDay('holds_share')).sort((a, b) => b - a);
    percentages.forEach((percentage, j) => {
      const into = j < chain.holdings.length ? company(chain.holdings[j] ?? 0) : target.company;
      const ordinal = j < chain.holdings.length ? undefined : target.ordinals[c];
      holdsShare(nodes[j] ?? '', into, percentage, dayMs(days[j] ?? 0), ordinal);
    });
    return {
      owner: owners[c] ?? 0,
      path: nodes,
      percentages,
      effective: effectiveOwnership(percentages),
      loopAdjusted: chain.holdings.some((k) => onCycle.has(k))
        ? loopAdjusted(effectiveOwnership(percentages), loopShare)
        : null,
    };
  });
  for (const link of params.cycle) {
    holdsShare(
      vertexId('company', company(link.from)),
      company(link.to),
      link.percentage,
      dayMs(sinceDay('holds_share')),
    );
  }
  let nominee: number | null = null;
  if (params.nominee) {
    nominee = anyPerson(ctx, excluded);
    const shell = company(params.chains[0]?.holdings[0] ?? 0);
    const atMs = dayMs(sinceDay('officer_of'));
    const id = formatId(EDGE_ID_PREFIX.officer_of, shell * 10);
    links.push({
      label: 'officer_of',
      id,
      outV: vertexId('person', nominee),
      inV: vertexId('company', shell),
      properties: { relationship_id: id, role: 'director', since: isoDate(atMs) },
    });
    timesMs.push(atMs);
  }
  if (lookAlike) return { units: {}, links, truth: null };
  return {
    units: {},
    links,
    truth: truthOf(ctx, draft, slots, target.company, emitted, links, timesMs, nominee),
  };
}

/** The share (0..1) a company on the scenario's cycle holds of itself round it. */
function cycleShare(params: OwnershipParams): number {
  return params.cycle.reduce((share, l) => (share * l.percentage) / 100, 1);
}

function truthOf(
  ctx: GeneratorContext,
  draft: PatternDraft<OwnershipParams>,
  slots: PatternSlots,
  target: number,
  chains: readonly EmittedChain[],
  links: readonly Link[],
  timesMs: readonly number[],
  nominee: number | null,
): PatternTruth {
  const { population } = ctx;
  const { params, subtype } = draft;
  const added = params.companies.map((c, k) => ({ ...c, index: slots.entity('company', k) }));
  const inChains = new Set(params.chains.flatMap((chain) => chain.holdings));
  const isUbo = (chain: EmittedChain) =>
    Math.max(chain.effective, chain.loopAdjusted ?? 0) >= params.thresholdPercent;
  const participants: Participant[] = [
    { id: vertexId('company', target), label: 'company', role: 'target' },
    ...chains.map((chain) => ({
      id: vertexId('person', chain.owner),
      label: 'person',
      role: isUbo(chain) ? 'ubo' : 'minority_owner',
    })),
    ...added.map((c, k) => ({
      id: vertexId('company', c.index),
      label: 'company',
      role: !inChains.has(k) ? 'circular_holding' : c.shell ? 'shell_company' : 'holding_company',
    })),
  ];
  if (nominee !== null)
    participants.push({
      id: vertexId('person', nominee),
      label: 'person',
      role: 'nominee_director',
    });

  const countries = added.map((c) => population.companyCountry[c.index] ?? c.country);
  const havens = new Set(countries.filter(isTaxHaven));
  const shells = added.filter((c) => c.shell).length;
  const maxLayers = Math.max(...chains.map((c) => c.percentages.length));
  const ubos = chains.filter(isUbo);
  const nearThreshold = chains.some((c) => Math.abs(c.effective - params.thresholdPercent) <= 1);
  const indicators = ['beneficial_ownership_identified'];
  if (maxLayers >= 2) indicators.push('multi_layer_ownership');
  if (maxLayers > 3) indicators.push('complex_structure');
  if (shells > 0) indicators.push('shell_company_structure');
  if (havens.size > 0) indicators.push('tax_haven_jurisdiction');
  if (countries.some(isHighRisk)) indicators.push('high_risk_jurisdiction');
  if (params.addedPep) indicators.push('pep_identified');
  if (ubos.length >= 2) indicators.push('multiple_ubos');
  if (nearThreshold) indicators.push('ubo_near_threshold');
  if (nominee !== null) indicators.push('nominee_director');
  if (params.cycle.length > 0) indicators.push('circular_ownership');
  const redFlags: string[] = [];
  if (shells > 0 || maxLayers >= 3) redFlags.push('opaque_ownership');
  if (havens.size > 0) redFlags.push('offshore_layering');
  if (params.addedPep) redFlags.push('pep_beneficial_owner');
  if (nearThreshold) redFlags.push('threshold_avoidance_suspected');
  if (nominee !== null) redFlags.push('nominee_arrangement');
  if (params.cycle.length > 0) redFlags.push('circular_control');

  // The original's structure score (0–100): 20 + layers + tax havens + PEP + shells.
  const score =
    20 +
    Math.min(8 * maxLayers, 25) +
    Math.min(5 * havens.size, 15) +
    (params.addedPep ? 20 : 0) +
    Math.min(3 * shells, 15);
  return buildTruth({
    patternId: slots.patternId,
    typology: 'ownership_chain',
    subtype,
    participants,
    addedEntities: [
      ...added.map((c) => vertexId('company', c.index)),
      ...(params.addedPep ? [vertexId('person', slots.entity('person', 0))] : []),
    ],
    events: links,
    eventTimesMs: timesMs,
    totalValue: 0,
    currency: ctx.config.baseCurrency,
    indicators,
    redFlags,
    severity: Math.min(100, score) / 100,
    parameters: {
      target: vertexId('company', target),
      threshold_percent: params.thresholdPercent,
      chains: chains.map((chain) => ({
        owner: vertexId('person', chain.owner),
        path: chain.path,
        percentages: chain.percentages,
        effective_ownership: chain.effective,
        ...(chain.loopAdjusted === null ? {} : { loop_adjusted_ownership: chain.loopAdjusted }),
        is_ubo: isUbo(chain),
      })),
      ubos: ubos.map((c) => vertexId('person', c.owner)),
      ...(params.cycle.length > 0
        ? {
            cycle_self_ownership: Math.round(cycleShare(params) * 100 * 1_000_000) / 1_000_000,
            cycle: params.cycle.map((l) => ({
              from: vertexId('company', slots.entity('company', l.from)),
              to: vertexId('company', slots.entity('company', l.to)),
              percentage: l.percentage,
            })),
          }
        : {}),
      ...(nominee !== null ? { nominee_director: vertexId('person', nominee) } : {}),
      jurisdictions: countries,
    },
  });
}

/** The threshold must let the regulatory-threshold chains straddle it. */
export function validateOwnershipChain(config: GenerationConfig): void {
  if (config.uboThreshold < 0.01 || config.uboThreshold > 0.49) {
    throw new ConfigError(
      'ubo_threshold',
      config.uboThreshold,
      'must be between 0.01 and 0.49 (the regulatory-threshold chains hold 2t ± 1 % of a 50 % holding)',
    );
  }
  if (config.ownershipChainPatterns === 0) return;
  // complex_multi_ubo has three owners, nominee_arrangement an owner and a nominee.
  if (config.personCount < 3 || config.companyCount < 1) {
    throw new ConfigError(
      'ownership_chain_patterns',
      config.ownershipChainPatterns,
      'needs person_count ≥ 3 (the owners of a multi-UBO structure) and company_count ≥ 1 (a target)',
    );
  }
}
