import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawAccount, drawAccounts } from './accounts.js';
import { centsBetween, cutOf, launderedCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkGraphTypology, checkRange, checkRates } from './validate.js';
import { drawSpan, longSpan, spanParameters, subSpan, timeIn, type Span } from './window.js';

export interface PeelChainParams {
  /** Main-path transfers; the chain has hops + 1 main accounts and hops − 1 peels. */
  readonly hops: number;
  readonly span: Span;
}

/**
 * Peel chain: a large sum moves A → B → C → …, and at every intermediate account a small
 * slice (peel_min_rate–peel_max_rate of what it received) is peeled off to a side account while
 * the rest moves on — gradual cash-out along a chain. Invariant: main-path amounts strictly
 * decrease, and at each hop main + peel equals the amount received.
 */
export const peelChain: Typology<PeelChainParams> = {
  name: 'peel_chain',
  subtypes: ['peel_chain'],
  describe: {
    peel_chain:
      'A → B → C → … over peel_chain_min_hops–max_hops main `transfer`s; each intermediate account peels peel_min_rate–peel_max_rate of what it received off to its own side account and forwards exactly the rest, so the main amount shrinks hop by hop; then the last account cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<PeelChainParams> {
    const { rng, config } = ctx;
    const hops = rng.int(config.peelChainMinHops, config.peelChainMaxHops);
    // A household's money trickling down through family accounts takes weeks.
    const span = lookAlike ? longSpan(ctx, 10, 40) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { hops, span },
      entities: {},
      events: { transfer: 2 * hops - 1 + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng, config } = ctx;
    const { hops, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const path = [
      drawAccount(ctx, used, 'source'),
      ...drawAccounts(ctx, hops - 1, used, 'through'),
      drawAccount(ctx, used, 'end'),
    ];
    const side = drawAccounts(ctx, hops - 1, used, 'end');
    flow.role(path[0] as number, 'source');
    flow.roleAll(path.slice(1, -1), 'intermediary');
    flow.role(path[hops] as number, 'target');
    flow.roleAll(side, 'peel_recipient');
    let amount = launderedCents(rng, 4);
    const start = amount;
    for (let hop = 0; hop < hops; hop++) {
      const window = subSpan(span, hop, hops);
      const middle = window.startMs + (window.endMs - window.startMs) / 2;
      const from = path[hop] as number;
      if (hop > 0) {
        const peel = cutOf(amount, rng.float(config.peelMinRate, config.peelMaxRate));
        flow.pay(from, side[hop - 1] as number, timeIn(rng, window.startMs + 1_000, middle), peel);
        amount -= peel;
      }
      flow.pay(from, path[hop + 1] as number, timeIn(rng, middle, window.endMs), amount);
    }
    return graphOutput(flow, draft, slots, {
      typology: 'peel_chain',
      indicators: ['peel_off_transfers', 'decreasing_amount_chain', 'side_account_cash_outs'],
      redFlags: ['layering', 'gradual_cash_out'],
      accounts: 2 * hops,
      cashOutFrom: path[hops] as number,
      parameters: {
        hops,
        start_amount: start / 100,
        end_amount: amount / 100,
        ...spanParameters(span),
      },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return householdChain(ctx, draft, slots);
  },
};

/**
 * Honest decreasing chain with side payments: money passed down a family (parent → adult child
 * → grandchild…), each paying a bill out of it and passing a part on days later. Amounts shrink
 * along the chain and each account pays a side account, but each keeps most of what it got.
 */
function householdChain(
  ctx: GeneratorContext,
  draft: PatternDraft<PeelChainParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng } = ctx;
  const { hops, span } = draft.params;
  const flow = new Flow(ctx, slots);
  const used = new Set<number>();
  const path = drawAccounts(ctx, hops + 1, used, 'person');
  const bills = drawAccounts(ctx, hops - 1, used, 'company');
  let amount = centsBetween(rng, 2_000, 8_000);
  for (let hop = 0; hop < hops; hop++) {
    const window = subSpan(span, hop, hops);
    const from = path[hop] as number;
    if (hop > 0) {
      flow.pay(
        from,
        bills[hop - 1] as number,
        timeIn(rng, window.startMs + 1_000, window.endMs),
        Math.round(amount * rng.float(0.05, 0.2)),
        {
          type: 'ach',
          purpose: 'utility_bill',
        },
      );
      amount = Math.round(amount * rng.float(0.4, 0.7));
    }
    flow.pay(
      from,
      path[hop + 1] as number,
      timeIn(rng, window.startMs + 1_000, window.endMs),
      amount,
      {
        type: 'transfer',
        purpose: 'person_to_person',
      },
    );
  }
  return flow.lookAlike();
}

/** At least two hops (one peel), sane peel rates, and enough accounts. */
export function validatePeelChain(config: GenerationConfig): void {
  checkRange(
    config,
    'peelChainMinHops',
    'peelChainMaxHops',
    2,
    'a peel needs an intermediate account between two hops',
  );
  checkRates(config, 'peelMinRate', 'peelMaxRate', 0.5, true);
  checkGraphTypology(
    config,
    'peelChainPatterns',
    2 * config.peelChainMaxHops,
    'peel_chain_max_hops + 1 main accounts and peel_chain_max_hops − 1 peel recipients',
  );
}
