import { cashOutCount } from '../cash-out.js';
import type { GenerationConfig } from '../../../config/index.js';
import type { PatternDraft, Typology } from '../typology.js';
import { drawAccount, drawAccounts } from './accounts.js';
import { centsBetween, launderedCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, spanParameters, timeIn, type Span } from './window.js';

export interface FanInParams {
  /** Distinct source accounts. */
  readonly degree: number;
  readonly span: Span;
}

/**
 * Fan-in (AMLSim `fan_in`): many distinct accounts pay one collection account within hours to
 * days — mules funnelling proceeds, or placement through many hands. Invariant: N distinct
 * sources, one target, every transfer inside the instance window.
 */
export const fanIn: Typology<FanInParams> = {
  name: 'fan_in',
  subtypes: ['fan_in'],
  describe: {
    fan_in:
      'N distinct source accounts (fan_in_min_degree–fan_in_max_degree) → one target account, one `transfer` each of 2k–15k, all inside one graph window (hours to days); then the target cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<FanInParams> {
    const { rng, config } = ctx;
    const degree = rng.int(config.fanInMinDegree, config.fanInMaxDegree);
    const span = drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { degree, span },
      entities: {},
      events: { transfer: degree + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng } = ctx;
    const { degree, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const target = drawAccount(ctx, used, 'collector');
    const sources = drawAccounts(ctx, degree, used, 'source');
    flow.role(target, 'target');
    flow.roleAll(sources, 'source');
    const times = sources.map(() => timeIn(rng, span.startMs, span.endMs)).sort((a, b) => a - b);
    sources.forEach((source, k) =>
      flow.pay(source, target, times[k] as number, launderedCents(rng)),
    );
    return graphOutput(flow, draft, slots, {
      typology: 'fan_in',
      indicators: ['many_to_one_transfers', 'rapid_aggregation_of_funds', 'unrelated_senders'],
      redFlags: ['funnel_account', 'funds_aggregation'],
      accounts: degree + 1,
      cashOutFrom: target,
      parameters: { degree, ...spanParameters(span) },
    });
  },

  /**
   * A busy legitimate hub: a merchant's account taking card payments from as many distinct
   * customers in the same window — small `pos` amounts instead of transfers of thousands.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng } = ctx;
    const { degree, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const merchant = drawAccount(ctx, used, 'company');
    const customers = drawAccounts(ctx, degree, used, 'person');
    for (const customer of customers) {
      flow.pay(
        customer,
        merchant,
        timeIn(rng, span.startMs, span.endMs),
        centsBetween(rng, 5, 250),
        {
          type: 'pos',
          purpose: 'card_purchase',
        },
      );
    }
    return flow.lookAlike();
  },
};

/** Degrees must be a fan (≥ 2) and the population must hold the largest one. */
export function validateFanIn(config: GenerationConfig): void {
  checkRange(config, 'fanInMinDegree', 'fanInMaxDegree', 2, 'a fan has at least two sources');
  checkGraphTypology(
    config,
    'fanInPatterns',
    config.fanInMaxDegree + 1,
    'fan_in_max_degree sources and a target',
  );
}
