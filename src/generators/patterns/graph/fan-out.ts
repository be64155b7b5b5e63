import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawAccount, drawAccounts } from './accounts.js';
import { launderedCents, splitCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { payDays, payrollOf, salaries, topUp } from './payroll.js';
import { checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, spanParameters, timeIn, type Span } from './window.js';

export interface FanOutParams {
  /** Distinct target accounts. */
  readonly degree: number;
  /** A large incoming transfer precedes the dispersal (subtype funded_fan_out). */
  readonly funded: boolean;
  readonly span: Span;
}

/**
 * Fan-out (AMLSim `fan_out`): one account disperses a large sum to many distinct accounts within
 * hours to days, the first step of layering or the payout of a mule network. Invariant: one
 * source, N distinct targets, every transfer inside the instance window.
 */
export const fanOut: Typology<FanOutParams> = {
  name: 'fan_out',
  subtypes: ['fan_out', 'funded_fan_out'],
  describe: {
    fan_out:
      'one source account → N distinct target accounts (fan_out_min_degree–fan_out_max_degree), one `transfer` each, all inside one graph window (hours to days); then one target cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
    funded_fan_out:
      'funder account → source account (one large `transfer`), then source → N distinct targets inside the window, together draining 90–100 % of the incoming sum; then one target cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<FanOutParams> {
    const { rng, config } = ctx;
    const degree = rng.int(config.fanOutMinDegree, config.fanOutMaxDegree);
    const funded = subtype === 'funded_fan_out';
    const span = drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { degree, funded, span },
      entities: {},
      events: { transfer: degree + (funded ? 1 : 0) + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng } = ctx;
    const { degree, funded, span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const source = drawAccount(ctx, used, 'source');
    flow.role(source, 'source');
    let firstPayout = span.startMs;
    let total = launderedCents(rng, degree);
    if (funded) {
      const funder = drawAccount(ctx, used, 'source');
      flow.role(funder, 'funder');
      const fundedAt = timeIn(rng, span.startMs, span.startMs + 0.2 * (span.endMs - span.startMs));
      const incoming = launderedCents(rng, degree);
      flow.pay(funder, source, fundedAt, incoming);
      firstPayout = fundedAt + MS_PER_MINUTE;
      total = Math.floor(incoming * rng.float(0.9, 1));
    }
    const targets = drawAccounts(ctx, degree, used, 'end');
    flow.roleAll(targets, 'target');
    const amounts = splitCents(rng, total, degree);
    const times = targets.map(() => timeIn(rng, firstPayout, span.endMs)).sort((a, b) => a - b);
    targets.forEach((target, k) =>
      flow.pay(source, target, times[k] as number, amounts[k] as number),
    );
    return graphOutput(flow, draft, slots, {
      typology: 'fan_out',
      indicators: [
        'one_to_many_transfers',
        'rapid_dispersal_to_many_accounts',
        ...(funded ? ['large_inflow_followed_by_dispersal'] : []),
      ],
      redFlags: ['funds_dispersal', 'many_unrelated_counterparties'],
      accounts: degree + (funded ? 2 : 1),
      cashOutFrom: targets[0] as number,
      parameters: { degree, funded, ...spanParameters(span) },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return payrollRun(ctx, draft, slots);
  },
};

/**
 * A busy legitimate hub: a company paying its employees' salaries, once each, on the same day,
 * similar amounts (when the employer has fewer employees than payments drafted, the same staff
 * are paid again on the next pay days). The funded variant first receives a client's large
 * invoice payment. Same degree and timing as a fan-out, but a payroll.
 */
function payrollRun(
  ctx: GeneratorContext,
  draft: PatternDraft<FanOutParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng } = ctx;
  const { degree, funded, span } = draft.params;
  const flow = new Flow(ctx, slots);
  const used = new Set<number>();
  const payroll = payrollOf(ctx, degree, used);
  const staff = payroll.payees.length > 0 ? payroll.payees : topUp(ctx, [], degree, used);
  const periods = Math.ceil(degree / staff.length);
  const days = payDays(ctx, span.startMs + (funded ? 72 * MS_PER_HOUR : 0), periods);
  const pay = salaries(rng, staff.length);
  if (funded) {
    const client = drawAccount(ctx, used, 'company');
    const owed = pay.reduce((a, b) => a + b, 0) * Math.min(periods, 2);
    const at = Math.max(ctx.time.windowStartMs, (days[0] as number) - rng.int(1, 72) * MS_PER_HOUR);
    flow.pay(client, payroll.payer, at, Math.round(owed * rng.float(1.1, 1.8)), {
      type: 'wire',
      purpose: 'supplier_invoice',
    });
  }
  // The payroll batch books one salary after the other, seconds apart, in the same order each run.
  let offset = 0;
  const offsets = staff.map(() => (offset += rng.int(1, 20) * 1_000));
  for (let k = 0; k < degree; k++) {
    const day = days[Math.floor(k / staff.length)] as number;
    const at = Math.min(ctx.time.referenceMs, day + (offsets[k % staff.length] as number));
    flow.pay(
      payroll.payer,
      staff[k % staff.length] as number,
      at,
      pay[k % staff.length] as number,
      {
        type: 'ach',
        purpose: 'salary',
      },
    );
  }
  return flow.lookAlike();
}

/** Degrees must be a fan (≥ 2) and the population must hold the largest one. */
export function validateFanOut(config: GenerationConfig): void {
  checkRange(config, 'fanOutMinDegree', 'fanOutMaxDegree', 2, 'a fan has at least two targets');
  checkGraphTypology(
    config,
    'fanOutPatterns',
    config.fanOutMaxDegree + 2,
    'funder, source and fan_out_max_degree targets',
  );
}
