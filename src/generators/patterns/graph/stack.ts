import type { GenerationConfig } from '../../../config/index.js';
import { cashOutCount } from '../cash-out.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_SECOND } from '../../time.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawAccounts, type Holder } from './accounts.js';
import { launderedCents, cutOf, splitCents } from './amounts.js';
import { denseEdges, type Pair } from './dense-edges.js';
import { Flow, type Booking } from './flow.js';
import { graphOutput } from './graph-truth.js';
import { checkDensity, checkGraphTypology, checkRange } from './validate.js';
import { drawSpan, longSpan, spanParameters, subSpan, timeIn, type Span } from './window.js';

export interface StackParams {
  /** Accounts per layer; layer 0 are the sources. */
  readonly widths: readonly number[];
  /** Per pair of consecutive layers, the (from, to) account pairs that carry a transfer. */
  readonly edges: readonly (readonly Pair[])[];
  readonly span: Span;
}

/**
 * Stack (AMLSim `stack`): layered flow — sources pay a first layer of accounts, which pays a
 * second, and so on, consecutive layers densely connected; classic layering through several
 * ranks of pass-through accounts. Invariant: every account pays out only after it received, and
 * passes on what it received less a cut within the configured fee range.
 */
export const stack: Typology<StackParams> = {
  name: 'stack',
  subtypes: ['stack'],
  describe: {
    stack:
      'sources → layer 1 → layer 2 → … (stack_min_layers–max_layers layers of stack_min_width–max_width accounts, consecutive layers densely connected by `transfer`s); each layer pays after it received, passing on its receipts less a graph_fee cut; then one account of the last layer cashes out in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<StackParams> {
    const { rng, config } = ctx;
    const layers = rng.int(config.stackMinLayers, config.stackMaxLayers);
    const widths = Array.from({ length: layers }, () =>
      rng.int(config.stackMinWidth, config.stackMaxWidth),
    );
    const edges = widths
      .slice(1)
      .map((width, p) => denseEdges(rng, widths[p] as number, width, config.stackDensity));
    // Franchise fees climb the hierarchy over weeks; the laundering stack within the window.
    const span = lookAlike ? longSpan(ctx, 20, 60) : drawSpan(ctx);
    // A real instance ends in a cash-out (see cash-out.ts); an honest one does not.
    const cashOuts = lookAlike ? 0 : cashOutCount(rng);
    return {
      subtype,
      params: { widths, edges, span },
      entities: {},
      events: { transfer: edges.reduce((sum, phase) => sum + phase.length, 0) + cashOuts },
    };
  },

  realize(ctx, draft, slots) {
    const { rng, config } = ctx;
    const flow = new Flow(ctx, slots);
    const layers = layered(
      ctx,
      flow,
      draft.params,
      (layer, layers) => (layer === 0 ? 'source' : layer === layers - 1 ? 'end' : 'through'),
      (received) =>
        received - cutOf(received, rng.float(config.graphFeeMinRate, config.graphFeeMaxRate)),
    );
    const accounts = layers.reduce((sum, layer) => sum + layer.length, 0);
    return graphOutput(flow, draft, slots, {
      typology: 'stack',
      indicators: ['multi_layer_transfers', 'pass_through_accounts', 'rapid_onward_transfers'],
      redFlags: ['layering', 'complex_fund_structure'],
      accounts,
      cashOutFrom: layers.at(-1)?.[0] as number,
      parameters: {
        layers: layers.length,
        widths: draft.params.widths,
        edges: flow.transfers.length,
        ...spanParameters(draft.params.span),
      },
    });
  },

  realizeLookAlike(ctx, draft, slots) {
    return royalties(ctx, draft, slots);
  },
};

/**
 * Books a layered flow: layer 0 pays one laundering payment per edge (launderedCents); every later account, in its own phase
 * of the span (so strictly after all its receipts, which fall in the previous phase), pays out
 * `passOn(received)` split over its outgoing edges. Returns the accounts per layer.
 */
function layered(
  ctx: GeneratorContext,
  flow: Flow,
  params: StackParams,
  holderOf: (layer: number, layers: number) => Holder,
  passOn: (received: number) => number,
  booking: Booking = {},
): number[][] {
  const { rng } = ctx;
  const { widths, edges, span } = params;
  const used = new Set<number>();
  const layers = widths.map((width, k) =>
    drawAccounts(ctx, width, used, holderOf(k, widths.length)),
  );
  layers.forEach((layer, k) => {
    flow.roleAll(layer, k === 0 ? 'source' : `layer_${k}`);
  });
  let received = new Map<number, number>();
  edges.forEach((phase, p) => {
    const window = subSpan(span, p, edges.length);
    const from = layers[p] as number[];
    const to = layers[p + 1] as number[];
    const next = new Map<number, number>();
    from.forEach((account, i) => {
      const out = phase.filter(([a]) => a === i);
      const amounts =
        p === 0
          ? out.map(() => launderedCents(rng))
          : splitCents(rng, passOn(received.get(account) ?? 0), out.length, 0.4);
      out.forEach(([, j], e) => {
        const target = to[j] as number;
        const amount = amounts[e] as number;
        flow.pay(
          account,
          target,
          timeIn(rng, window.startMs + MS_PER_SECOND, window.endMs),
          amount,
          booking,
        );
        next.set(target, (next.get(target) ?? 0) + amount);
      });
    });
    received = next;
  });
  return layers;
}

/**
 * An honest layered flow: franchisees pay royalties to regional master franchisees, which pass
 * a share (20–50 %) on to headquarters weeks later. Same layered shape, no pass-through.
 */
function royalties(
  ctx: GeneratorContext,
  draft: PatternDraft<StackParams>,
  slots: PatternSlots,
): PatternOutput {
  const { rng } = ctx;
  const flow = new Flow(ctx, slots);
  layered(
    ctx,
    flow,
    draft.params,
    () => 'company',
    (received) => Math.round(received * rng.float(0.2, 0.5)),
    {
      type: 'ach',
      purpose: 'supplier_invoice',
    },
  );
  return flow.lookAlike();
}

/** At least three layers of at least two accounts, some edges, and enough accounts. */
export function validateStack(config: GenerationConfig): void {
  checkRange(
    config,
    'stackMinLayers',
    'stackMaxLayers',
    3,
    'sources and at least two layers; two layers are a bipartite pattern',
  );
  checkRange(config, 'stackMinWidth', 'stackMaxWidth', 2, 'a layer of one account is a chain');
  checkDensity(config, 'stackDensity');
  checkGraphTypology(
    config,
    'stackPatterns',
    config.stackMaxLayers * config.stackMaxWidth,
    'stack_max_layers × stack_max_width',
  );
}
