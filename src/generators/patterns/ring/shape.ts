import type { GraphRecord, Participant, PatternTruth } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_DAY } from '../../time.js';
import { baseCurrencyOf, confidenceOf, buildTruth } from '../truth.js';
import type {
  DraftContext,
  EntityLabel,
  EntityOverridesByLabel,
  OverrideContext,
  PatternDraft,
  PatternOutput,
  PatternSlots,
} from '../typology.js';
import { between } from './draw.js';

/** Entity overrides of one draft, by label (what `Typology.entityOverrides` returns). */
export type Overrides = Partial<{ [L in EntityLabel]: readonly EntityOverridesByLabel[L][] }>;

/**
 * One fraud-ring subtype: its own draft (exact counts), the entities it adds, its crime and its
 * near miss. The typology dispatches to these by subtype, so no two subtypes share mechanics.
 */
export interface RingShape<P> {
  /** What it looks like in the graph (one line, the README table). */
  readonly describe: string;
  draft(ctx: DraftContext, subtype: string, lookAlike: boolean): PatternDraft<P>;
  entityOverrides?(draft: PatternDraft<P>, slots: PatternSlots, ctx: OverrideContext): Overrides;
  realize(ctx: GeneratorContext, draft: PatternDraft<P>, slots: PatternSlots): PatternOutput;
  realizeLookAlike(
    ctx: GeneratorContext,
    draft: PatternDraft<P>,
    slots: PatternSlots,
  ): PatternOutput;
}

/** Size, volume and window every ring draws first. */
export interface RingFrame {
  readonly size: number;
  readonly transactions: number;
  readonly durationDays: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** Ring size, transaction count and an activity window that fits inside the event window. */
export function drawFrame(ctx: DraftContext): RingFrame {
  const { rng, config, time } = ctx;
  const size = rng.int(config.fraudRingMinSize, config.fraudRingMaxSize);
  const transactions = rng.int(config.fraudRingMinTransactions, config.fraudRingMaxTransactions);
  const durationDays = rng.int(config.fraudRingMinDays, config.fraudRingMaxDays);
  const durationMs = durationDays * MS_PER_DAY;
  const startMs = between(rng, time.windowStartMs, time.referenceMs - durationMs);
  return { size, transactions, durationDays, startMs, endMs: startMs + durationMs };
}

/** Indicators every fraud ring carries (the original's three). */
const COMMON_INDICATORS = [
  'fraud_ring_detected',
  'coordinated_activity',
  'network_pattern_identified',
];

export interface RingTruthParts {
  readonly slots: PatternSlots;
  readonly subtype: string;
  readonly ringSize: number;
  readonly participants: readonly Participant[];
  readonly addedEntities: readonly string[];
  readonly events: readonly GraphRecord[];
  readonly eventTimesMs: readonly number[];
  /** The money at stake (stolen, laundered, inflated), USD; the subtype says which. */
  readonly totalValue: number;
  readonly subtypeIndicators: readonly string[];
  readonly subtypeRedFlags: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

/**
 * The ground truth of a ring, with the original's indicator, red-flag and severity rules:
 * velocity above 5 transfers a day, network size (≥ 10 large, ≥ 5 medium), value thresholds, and
 * severity .4·confidence + value (> 1M .3, > 500k .2, > 100k .1) + size (≥ 10 .2, ≥ 5 .1)
 * + (≥ 10 indicators .1).
 */
export function ringTruth(parts: RingTruthParts): PatternTruth {
  const start = Math.min(...parts.eventTimesMs);
  const end = Math.max(...parts.eventTimesMs);
  const days = Math.max((end - start) / MS_PER_DAY, 1);
  const transfers = parts.events.filter((e) => e.label === 'transfer');
  const moved = transfers.reduce((sum, t) => sum + t.properties.amount_base, 0);
  const velocity = transfers.length / days;
  const indicators = [...COMMON_INDICATORS, ...parts.subtypeIndicators];
  if (velocity > 5) indicators.push('high_transaction_velocity');
  if (parts.ringSize >= 10) indicators.push('large_fraud_network');
  else if (parts.ringSize >= 5) indicators.push('medium_fraud_network');
  const total = parts.totalValue;
  const redFlags: string[] = [];
  if (total > 1_000_000) redFlags.push('very_high_fraud_value');
  else if (total > 500_000) redFlags.push('high_fraud_value');
  if (parts.ringSize >= 10) redFlags.push('extensive_fraud_network');
  if (transfers.length > 50) redFlags.push('high_transaction_volume');
  redFlags.push(...parts.subtypeRedFlags);
  const confidence = confidenceOf(indicators.length, redFlags.length, total, days);
  const severity =
    0.4 * confidence +
    (total > 1_000_000 ? 0.3 : total > 500_000 ? 0.2 : total > 100_000 ? 0.1 : 0) +
    (parts.ringSize >= 10 ? 0.2 : parts.ringSize >= 5 ? 0.1 : 0) +
    (indicators.length >= 10 ? 0.1 : 0);
  return buildTruth({
    patternId: parts.slots.patternId,
    typology: 'fraud_ring',
    subtype: parts.subtype,
    participants: parts.participants,
    addedEntities: parts.addedEntities,
    events: parts.events,
    eventTimesMs: parts.eventTimesMs,
    totalValue: total,
    currency: baseCurrencyOf(transfers),
    indicators,
    redFlags,
    severity,
    parameters: {
      ...parts.parameters,
      ring_size: parts.ringSize,
      transaction_velocity: Math.round(velocity * 100) / 100,
      transfer_count: transfers.length,
      average_transaction_value:
        transfers.length > 0 ? Math.round((moved / transfers.length) * 100) / 100 : 0,
    },
  });
}
