import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import { ownerOf } from '../participants.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { accountOfPerson, drawAccount, drawAccounts } from './accounts.js';
import { centsBetween, cutOf, launderedCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, longSpan, slotTimes, spanParameters, type Span } from './window.js';

export interface CycleParams {
  /** Distinct accounts in the cycle (= hops). */
  readonly length: number;
  readonly span: Span;
}

/**
 * Cycle (AMLSim `cycle`): money leaves an account, passes through k − 1 others one after the
 * other and comes back to where it started, a little smaller at each hop (fees) — round
 * tripping to fake turnover or to disguise the origin. Invariant: the last hop returns to the
 * origin, each hop is later than the previous, k distinct accounts.
 */
export const cycle: Typology<CycleParams> = {
  name: 'cycle',
  subtypes: ['cycle'],
  describe: {
    cycle:
      'A → B → … → A over k distinct accounts (cycle_min_length–cycle_max_length): k `transfer`s, each later than the previous, each keeping 1 − graph_fee rate of the amount, inside one graph window; then A cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<CycleParams> {
    const { rng, config } = ctx;
    const length = rng.int(config.cycleMinLength, config.cycleMaxLength);
    // An honest round trip is a loan repaid 1–8 weeks later: two transfers, days apart.
    const span = lookAlike ? longSpan(ctx, 7, 60) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { length: lookAlike ? 2 : length, span },
      entities: {},
      events: { transfer: (lookAlike ? 2 : length) + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng, config } = ctx;
    const { length, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const accounts = drawAccounts(ctx, length, new Set(), 'through');
    flow.role(accounts[0] as number, 'origin');
    flow.roleAll(accounts.slice(1), 'intermediary');
    const times = slotTimes(rng, span, length);
    let amount = launderedCents(rng);
    for (let hop = 0; hop < length; hop++) {
      if (hop > 0)
        amount -= cutOf(amount, rng.float(config.graphFeeMinRate, config.graphFeeMaxRate));
      const from = accounts[hop] as number;
      const to = accounts[(hop + 1) % length] as number;
      flow.pay(from, to, times[hop] as number, amount);
    }
    return graphOutput(flow, draft, slots, {
      typology: 'cycle',
      indicators: ['circular_fund_flow', 'funds_return_to_origin', 'sequential_hops', 'fee_decay'],
      redFlags: ['round_tripping', 'layering'],
      accounts: length,
      cashOutFrom: accounts[0] as number,
      parameters: { length, ...spanParameters(span) },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return roundTrip(ctx, draft, slots);
  },
};

/**
 * An honest round trip: a person lends money to a relative or friend (a related person when the
 * lender has one), who repays it weeks later with a small interest premium. A 2-cycle, but slow
 * and growing instead of fast and decaying.
 */
function roundTrip(
  ctx: GeneratorContext,
  draft: PatternDraft<CycleParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng, population } = ctx;
  const { span } = draft.params;
  const flow = new Flow(ctx, slots);
  const used = new Set<number>();
  const lender = drawAccount(ctx, used, 'person');
  const lenderOwner = ownerOf(ctx, lender);
  const relatives =
    lenderOwner.label === 'person' ? (population.relatedOf.get(lenderOwner.index) ?? []) : [];
  let borrower = -1;
  for (const person of rng.sample(relatives, relatives.length)) {
    borrower = accountOfPerson(ctx, person, used);
    if (borrower >= 0) break;
  }
  if (borrower < 0) borrower = drawAccount(ctx, used, 'person');
  const loan = Math.round(centsBetween(rng, 1_000, 20_000) / 10_000) * 10_000;
  flow.pay(lender, borrower, span.startMs, loan, {
    type: 'transfer',
    purpose: 'person_to_person',
  });
  flow.pay(borrower, lender, span.endMs, Math.round(loan * rng.float(1.01, 1.08)), {
    type: 'transfer',
    purpose: 'person_to_person',
  });
  return flow.lookAlike();
}

/** A cycle has at least two accounts, and the population must hold the longest one. */
export function validateCycle(config: GenerationConfig): void {
  checkRange(config, 'cycleMinLength', 'cycleMaxLength', 2, 'a cycle needs at least two accounts');
  checkGraphTypology(config, 'cyclePatterns', config.cycleMaxLength, 'cycle_max_length accounts');
}
