import { cashOutCount } from '../cash-out.js';
import type { GenerationConfig } from '../../../config/index.js';
import type { PatternDraft, Typology } from '../typology.js';
import { drawAccounts } from './accounts.js';
import { centsBetween, launderedCents } from './amounts.js';
import { denseEdges, type Pair } from './dense-edges.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkDensity, checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, longSpan, spanParameters, timeIn, type Span } from './window.js';

export interface BipartiteParams {
  readonly originators: number;
  readonly beneficiaries: number;
  /** (originator, beneficiary) pairs that carry a transfer. */
  readonly pairs: readonly Pair[];
  readonly span: Span;
}

/**
 * Bipartite (AMLSim `bipartite`): a set of originators each pays each (or most) of a set of
 * beneficiaries — coordinated many-to-many movement that no single account's fan shows.
 * Invariant: every transfer goes from the originator set to the beneficiary set.
 */
export const bipartite: Typology<BipartiteParams> = {
  name: 'bipartite',
  subtypes: ['bipartite'],
  describe: {
    bipartite:
      'k originator accounts × m beneficiary accounts (each bipartite_min_side–max_side): one `transfer` per kept pair (share bipartite_density, every account in at least one), only originator → beneficiary, inside one graph window; then one beneficiary cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<BipartiteParams> {
    const { rng, config } = ctx;
    const originators = rng.int(config.bipartiteMinSide, config.bipartiteMaxSide);
    const beneficiaries = rng.int(config.bipartiteMinSide, config.bipartiteMaxSide);
    const pairs = denseEdges(rng, originators, beneficiaries, config.bipartiteDensity);
    // Housemates' bills are paid over a month, not within hours.
    const span = lookAlike ? longSpan(ctx, 20, 40) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { originators, beneficiaries, pairs, span },
      entities: {},
      events: { transfer: pairs.length + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng } = ctx;
    const { pairs, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const originators = drawAccounts(ctx, draft.params.originators, used, 'source');
    const beneficiaries = drawAccounts(ctx, draft.params.beneficiaries, used, 'end');
    flow.roleAll(originators, 'originator');
    flow.roleAll(beneficiaries, 'beneficiary');
    for (const [i, j] of pairs) {
      flow.pay(
        originators[i] as number,
        beneficiaries[j] as number,
        timeIn(rng, span.startMs, span.endMs),
        launderedCents(rng),
      );
    }
    return graphOutput(flow, draft, slots, {
      typology: 'bipartite',
      indicators: ['many_to_many_transfers', 'coordinated_originators', 'shared_beneficiaries'],
      redFlags: ['coordinated_activity', 'layering'],
      accounts: originators.length + beneficiaries.length,
      cashOutFrom: beneficiaries[0] as number,
      parameters: {
        originators: originators.length,
        beneficiaries: beneficiaries.length,
        edges: pairs.length,
        ...spanParameters(span),
      },
    });
  },

  /**
   * Honest many-to-many: housemates each paying the same utilities and landlord over a month —
   * persons to companies, small bills, spread over weeks.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng } = ctx;
    const { pairs, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const housemates = drawAccounts(ctx, draft.params.originators, used, 'person');
    const utilities = drawAccounts(ctx, draft.params.beneficiaries, used, 'company');
    const bills = utilities.map(() => centsBetween(rng, 20, 400));
    for (const [i, j] of pairs) {
      const share = Math.round((bills[j] as number) * rng.float(0.9, 1.1));
      flow.pay(
        housemates[i] as number,
        utilities[j] as number,
        timeIn(rng, span.startMs, span.endMs),
        share,
        {
          type: 'ach',
          purpose: 'utility_bill',
        },
      );
    }
    return flow.lookAlike();
  },
};

/** Sides of at least two accounts, some edges, and a population holding the largest instance. */
export function validateBipartite(config: GenerationConfig): void {
  checkRange(
    config,
    'bipartiteMinSide',
    'bipartiteMaxSide',
    2,
    'many-to-many needs at least two accounts on each side',
  );
  checkDensity(config, 'bipartiteDensity');
  checkGraphTypology(
    config,
    'bipartitePatterns',
    2 * config.bipartiteMaxSide,
    'bipartite_max_side originators and beneficiaries',
  );
}
