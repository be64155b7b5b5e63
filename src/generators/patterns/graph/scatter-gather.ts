import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../time.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawAccount, drawAccounts } from './accounts.js';
import { launderedCents, cutOf, splitCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { payDays, payrollOf, salaries, topUp } from './payroll.js';
import { checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, longSpan, spanParameters, timeIn, type Span } from './window.js';

export interface ScatterGatherParams {
  /** Intermediary accounts between the source and the sink. */
  readonly width: number;
  readonly span: Span;
}

/**
 * Scatter-gather (AMLSim `scatter_gather`): a source splits a sum over several intermediaries,
 * each of which forwards what it received, less a small cut, to one common sink — the money is
 * broken up and put back together to blur its trail. Invariant: every intermediary forwards only
 * after it received, and forwards what it received less a cut within the configured fee range.
 */
export const scatterGather: Typology<ScatterGatherParams> = {
  name: 'scatter_gather',
  subtypes: ['scatter_gather'],
  describe: {
    scatter_gather:
      'source → N intermediary accounts (scatter_gather_min_width–max_width) → one target: 2N `transfer`s, each intermediary forwarding what it received less a graph_fee cut, after it received it, inside one graph window; then the target cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<ScatterGatherParams> {
    const { rng, config } = ctx;
    const width = rng.int(config.scatterGatherMinWidth, config.scatterGatherMaxWidth);
    // Salaries, then rents days later: the look-alike plays out over up to a week.
    const span = lookAlike ? longSpan(ctx, 3, 8) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { width, span },
      entities: {},
      events: { transfer: 2 * width + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng, config } = ctx;
    const { width, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const source = drawAccount(ctx, used, 'source');
    const middle = drawAccounts(ctx, width, used, 'through');
    const sink = drawAccount(ctx, used, 'collector');
    flow.role(source, 'source');
    flow.roleAll(middle, 'intermediary');
    flow.role(sink, 'target');
    const half = span.startMs + (span.endMs - span.startMs) / 2;
    const parts = splitCents(rng, launderedCents(rng, width), width);
    const received = middle.map(() => timeIn(rng, span.startMs, half));
    middle.forEach((account, i) =>
      flow.pay(source, account, received[i] as number, parts[i] as number),
    );
    middle.forEach((account, i) => {
      const got = parts[i] as number;
      const kept = cutOf(got, rng.float(config.graphFeeMinRate, config.graphFeeMaxRate));
      const at = timeIn(rng, (received[i] as number) + MS_PER_MINUTE, span.endMs);
      flow.pay(account, sink, at, got - kept);
    });
    return graphOutput(flow, draft, slots, {
      typology: 'scatter_gather',
      indicators: [
        'split_and_recombine',
        'intermediaries_forward_received_funds',
        'common_beneficiary',
      ],
      redFlags: ['layering_through_intermediaries', 'pass_through_accounts'],
      accounts: width + 2,
      cashOutFrom: sink,
      parameters: { width, ...spanParameters(span) },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return salariesThenRent(ctx, draft, slots);
  },
};

/**
 * An honest source → many → one: an employer pays its staff's salaries, and days later each of
 * them pays rent to the same property company. Same shape, but what reaches the sink is a
 * quarter to a half of what each intermediary received, not all of it less a fee.
 */
function salariesThenRent(
  ctx: GeneratorContext,
  draft: PatternDraft<ScatterGatherParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng } = ctx;
  const { width, span } = draft.params;
  const flow = new Flow(ctx, slots);
  const used = new Set<number>();
  const payroll = payrollOf(ctx, width, used);
  const staff = topUp(ctx, payroll.payees, width, used);
  const landlord = drawAccount(ctx, used, 'company');
  const payday = payDays(ctx, span.startMs, 1)[0] as number;
  const pay = salaries(rng, width);
  staff.forEach((person, i) =>
    flow.pay(payroll.payer, person, payday + i * 1_000, pay[i] as number, {
      type: 'ach',
      purpose: 'salary',
    }),
  );
  const rentFrom = Math.min(payday + MS_PER_DAY, span.endMs - MS_PER_MINUTE);
  staff.forEach((person, i) => {
    const at = Math.max(
      payday + width * 1_000,
      timeIn(rng, rentFrom, Math.max(rentFrom, span.endMs)),
    );
    flow.pay(
      person,
      landlord,
      Math.min(at, ctx.time.referenceMs),
      Math.round((pay[i] as number) * rng.float(0.25, 0.45)),
      {
        type: 'ach',
        purpose: 'rent',
      },
    );
  });
  return flow.lookAlike();
}

/** Widths must be at least two, and the population must hold the widest instance. */
export function validateScatterGather(config: GenerationConfig): void {
  checkRange(
    config,
    'scatterGatherMinWidth',
    'scatterGatherMaxWidth',
    2,
    'the money is split over at least two intermediaries',
  );
  checkGraphTypology(
    config,
    'scatterGatherPatterns',
    config.scatterGatherMaxWidth + 2,
    'source, scatter_gather_max_width intermediaries and a target',
  );
}
