import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_MINUTE } from '../../time.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawAccount, drawAccounts } from './accounts.js';
import { centsBetween, cutOf, splitCents, launderedCents } from './amounts.js';
import { Flow } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, longSpan, spanParameters, timeIn, type Span } from './window.js';

export interface GatherScatterParams {
  /** Accounts paying the hub. */
  readonly sources: number;
  /** Accounts the hub pays. */
  readonly targets: number;
  readonly span: Span;
}

/**
 * Gather-scatter (AMLSim `gather_scatter`): many accounts pay one hub, which then pays what it
 * collected, less its cut, out to many other accounts — a pass-through hub between placement and
 * layering. Invariant: every payout of the hub is later than all of its receipts, and the hub
 * pays out what it received less a cut within the configured fee range.
 */
export const gatherScatter: Typology<GatherScatterParams> = {
  name: 'gather_scatter',
  subtypes: ['gather_scatter'],
  describe: {
    gather_scatter:
      'N source accounts → one hub → M target accounts (each gather_scatter_min_width–max_width): N + M `transfer`s, every payout after the last receipt, paying out what came in less a graph_fee cut, inside one graph window; then one target cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<GatherScatterParams> {
    const { rng, config } = ctx;
    const sources = rng.int(config.gatherScatterMinWidth, config.gatherScatterMaxWidth);
    const targets = rng.int(config.gatherScatterMinWidth, config.gatherScatterMaxWidth);
    // Rents collected over the month and paid out to owners at its end: weeks, not hours.
    const span = lookAlike ? longSpan(ctx, 10, 30) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { sources, targets, span },
      entities: {},
      events: { transfer: sources + targets + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng, config } = ctx;
    const { span } = draft.params;
    const flow = new Flow(ctx, slots);
    const used = new Set<number>();
    const hub = drawAccount(ctx, used, 'through');
    const sources = drawAccounts(ctx, draft.params.sources, used, 'source');
    const targets = drawAccounts(ctx, draft.params.targets, used, 'end');
    flow.roleAll(sources, 'source');
    flow.role(hub, 'hub');
    flow.roleAll(targets, 'target');
    const half = span.startMs + (span.endMs - span.startMs) / 2;
    let collected = 0;
    let lastReceipt = span.startMs;
    for (const source of sources) {
      const amount = launderedCents(rng);
      const at = timeIn(rng, span.startMs, half);
      flow.pay(source, hub, at, amount);
      collected += amount;
      lastReceipt = Math.max(lastReceipt, at);
    }
    const cut = cutOf(collected, rng.float(config.graphFeeMinRate, config.graphFeeMaxRate));
    const payouts = splitCents(rng, collected - cut, targets.length);
    const times = targets
      .map(() => timeIn(rng, lastReceipt + MS_PER_MINUTE, span.endMs))
      .sort((a, b) => a - b);
    targets.forEach((target, k) => flow.pay(hub, target, times[k] as number, payouts[k] as number));
    return graphOutput(flow, draft, slots, {
      typology: 'gather_scatter',
      indicators: ['aggregation_then_dispersal', 'pass_through_hub', 'rapid_onward_transfers'],
      redFlags: ['funnel_account', 'layering'],
      accounts: sources.length + targets.length + 1,
      cashOutFrom: targets[0] as number,
      parameters: {
        sources: sources.length,
        targets: targets.length,
        hub_cut: cut / 100,
        ...spanParameters(span),
      },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return rentCollection(ctx, draft, slots);
  },
};

/**
 * A legitimate collection hub: a property manager collects similar rents from its tenants over
 * the first days of the month and, weeks later, pays the owners 70–90 % of them, keeping its
 * management fee. Many-to-one-to-many, but slow and with a large retained share.
 */
function rentCollection(
  ctx: GeneratorContext,
  draft: PatternDraft<GatherScatterParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng } = ctx;
  const { span } = draft.params;
  const flow = new Flow(ctx, slots);
  const used = new Set<number>();
  const manager = drawAccount(ctx, used, 'company');
  const tenants = drawAccounts(ctx, draft.params.sources, used, 'person');
  const owners = drawAccounts(ctx, draft.params.targets, used, 'person');
  const rent = centsBetween(rng, 900, 2_500);
  const collectBy = span.startMs + (span.endMs - span.startMs) / 3;
  let collected = 0;
  for (const tenant of tenants) {
    const amount = Math.round(rent * rng.float(0.8, 1.2));
    collected += amount;
    flow.pay(tenant, manager, timeIn(rng, span.startMs, collectBy), amount, {
      type: 'ach',
      purpose: 'rent',
    });
  }
  const payouts = splitCents(rng, Math.round(collected * rng.float(0.7, 0.9)), owners.length, 0.3);
  const payoutAt = timeIn(rng, span.endMs - (span.endMs - collectBy) / 4, span.endMs);
  owners.forEach((owner, k) =>
    flow.pay(
      manager,
      owner,
      Math.min(ctx.time.referenceMs, payoutAt + k * 1_000),
      payouts[k] as number,
      {
        type: 'transfer',
        purpose: 'vendor_payout',
      },
    ),
  );
  return flow.lookAlike();
}

/** Widths must be at least two, and the population must hold the widest instance. */
export function validateGatherScatter(config: GenerationConfig): void {
  checkRange(
    config,
    'gatherScatterMinWidth',
    'gatherScatterMaxWidth',
    2,
    'a hub gathers from and scatters to at least two accounts',
  );
  checkGraphTypology(
    config,
    'gatherScatterPatterns',
    2 * config.gatherScatterMaxWidth + 1,
    'gather_scatter_max_width sources and targets and a hub',
  );
}
