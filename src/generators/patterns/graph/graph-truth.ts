import { MS_PER_DAY } from '../../time.js';
import { MAX_CASH_OUTS } from '../cash-out.js';
import { baseCurrencyOf, buildTruth, confidenceOf } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots } from '../typology.js';
import type { Flow } from './flow.js';

/** What a graph typology says about a realised instance, beyond its transfers. */
export interface GraphTruthSpec {
  readonly typology: string;
  readonly indicators: readonly string[];
  readonly redFlags: readonly string[];
  /** Accounts involved: more accounts, more layering, higher severity. */
  readonly accounts: number;
  /** The account that cashes the laundered money out once the shape is complete. */
  readonly cashOutFrom: number;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/**
 * The output of a real instance: its transfers, the cash-out that follows them, and its ground
 * truth. `total_value` is the money the shape moved. Severity adapts the
 * original mule-chain formula to graph shapes: half the confidence, plus up to .25 for the
 * accounts involved (.03 each), plus .1 / .2 for a total of 50k / 100k or more.
 */
export function graphOutput(
  flow: Flow,
  draft: PatternDraft,
  slots: PatternSlots,
  spec: GraphTruthSpec,
): PatternOutput {
  // The draft reserved a cash-out's transfer slots beyond those of the shape (see cash-out.ts).
  const cashOuts = (draft.events['transfer'] ?? 0) - flow.transfers.length;
  if (cashOuts < 0 || cashOuts > MAX_CASH_OUTS)
    throw new Error(`${spec.typology}: ${cashOuts} transfer slots left for the cash-out`);
  const shapeEndMs = Math.max(...flow.times);
  const durationDays = (shapeEndMs - Math.min(...flow.times)) / MS_PER_DAY;
  if (cashOuts > 0) flow.cashOut(spec.cashOutFrom, shapeEndMs, cashOuts);
  const total = flow.total();
  const confidence = confidenceOf(
    spec.indicators.length,
    spec.redFlags.length,
    total,
    durationDays,
  );
  return {
    units: flow.units(),
    links: [],
    truth: buildTruth({
      patternId: slots.patternId,
      typology: spec.typology,
      subtype: draft.subtype,
      participants: flow.participants(),
      addedEntities: [],
      events: flow.transfers,
      eventTimesMs: flow.times,
      totalValue: total,
      currency: baseCurrencyOf(flow.transfers),
      indicators: spec.indicators,
      redFlags: spec.redFlags,
      severity:
        0.5 * confidence +
        Math.min(spec.accounts * 0.03, 0.25) +
        (total >= 100_000 ? 0.2 : total >= 50_000 ? 0.1 : 0),
      parameters: spec.parameters,
    }),
  };
}
