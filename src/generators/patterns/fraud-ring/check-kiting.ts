import type { EdgeRecord, Participant } from '../../../model/index.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../time.js';
import type { GeneratorContext } from '../../context.js';
import type { PatternDraft, PatternSlots } from '../typology.js';
import { accountParticipants, between, drawRingAccounts, personHeldOfType } from '../ring/draw.js';
import { drawFrame, ringTruth, type RingFrame, type RingShape } from '../ring/shape.js';
import { patternTransfer, totalOf } from '../ring/transfer.js';

/** Float exploited between two checks of a kite: the next check is written 1–2 days later. */
export const KITE_MIN_GAP_MS = MS_PER_DAY;
export const KITE_MAX_GAP_MS = 2 * MS_PER_DAY;

export interface KitingParams {
  readonly frame: RingFrame;
  /** Accounts in the cycle (look-alike: 2, roommates splitting rent). */
  readonly accounts: number;
  readonly firstCheckMs: number;
  readonly firstAmount: number;
  /** Per check after the first: its amount over the previous one's (look-alike: 1). */
  readonly growth: readonly number[];
  /** Per check after the first: the gap after the previous one, ms. */
  readonly gapsMs: readonly number[];
}

/**
 * Check-kiting ring: checking accounts of different persons (each at the bank drawn for it, so
 * two may share one) pass checks round a cycle — each written 1–2 days (the clearing float) after
 * the previous one was deposited, each 4–12 % larger, so every check covers the one before and
 * the balances are inflated by float alone.
 */
export const checkKiting: RingShape<KitingParams> = {
  describe:
    '`transfer`s of type `check` going round a cycle of checking accounts of different persons (banks drawn per account), each 1–2 days after the previous one and 4–12 % larger, one or more full turns',

  draft(ctx, subtype, lookAlike): PatternDraft<KitingParams> {
    const { rng, time } = ctx;
    const frame = drawFrame(ctx);
    if (lookAlike) {
      // Roommates settling rent by check: A→B, B→A, … equal amounts, 5–12 days apart.
      const checks = rng.int(3, 5);
      const windowMs = time.referenceMs - time.windowStartMs;
      const gapsMs = Array.from({ length: checks - 1 }, () =>
        Math.min(between(rng, 5 * MS_PER_DAY, 12 * MS_PER_DAY), Math.floor(windowMs / checks)),
      );
      const span = gapsMs.reduce((a, b) => a + b, 0);
      return {
        subtype,
        params: {
          frame,
          accounts: 2,
          firstCheckMs: between(rng, time.windowStartMs, time.referenceMs - span),
          firstAmount: cents(rng.float(500, 2_500)),
          growth: gapsMs.map(() => 1),
          gapsMs,
        },
        entities: {},
        events: { transfer: checks },
      };
    }
    const accounts = frame.size;
    // Whole turns of the cycle that fit in the window at the longest float (validation makes
    // sure one turn always does).
    const fitting = Math.floor((frame.durationDays / 2 + 1) / accounts);
    const turns = Math.max(1, Math.min(Math.round(frame.transactions / accounts), fitting));
    const checks = accounts * turns;
    const gapsMs = Array.from({ length: checks - 1 }, () =>
      between(rng, KITE_MIN_GAP_MS, KITE_MAX_GAP_MS),
    );
    const span = gapsMs.reduce((a, b) => a + b, 0);
    return {
      subtype,
      params: {
        frame,
        accounts,
        firstCheckMs: between(rng, frame.startMs, Math.max(frame.startMs, frame.endMs - span)),
        firstAmount: cents(rng.float(2_000, 9_000)),
        growth: gapsMs.map(() => rng.float(1.04, 1.12)),
        gapsMs,
      },
      entities: {},
      events: { transfer: checks },
    };
  },

  realize(ctx, draft, slots) {
    const { params } = draft;
    const accounts = drawRingAccounts(ctx, params.accounts, personHeldOfType(ctx, ['checking']));
    const checks = kite(ctx, slots, params, accounts);
    const times = checks.map((c) => Date.parse(c.properties.timestamp));
    const participants: Participant[] = accounts.flatMap((a) =>
      accountParticipants(ctx, a, 'kite_account'),
    );
    return {
      units: { transfer: checks.map((t) => [t]) },
      links: [],
      truth: ringTruth({
        slots,
        subtype: draft.subtype,
        ringSize: params.accounts,
        participants,
        addedEntities: [],
        events: checks,
        eventTimesMs: times,
        totalValue: totalOf(checks),
        subtypeIndicators: [
          'check_kiting_detected',
          'circular_check_flow',
          'float_exploitation',
          'escalating_check_amounts',
          'multi_bank_accounts',
        ],
        subtypeRedFlags: ['check_fraud_suspected', 'artificial_balance_inflation'],
        parameters: {
          accounts: params.accounts,
          checks: checks.length,
          turns: checks.length / params.accounts,
          first_amount: params.firstAmount,
          duration_days: params.frame.durationDays,
          max_float_hours: KITE_MAX_GAP_MS / MS_PER_HOUR,
        },
      }),
    };
  },

  /** Two persons settling a shared bill by check, back and forth, flat amounts, weeks apart. */
  realizeLookAlike(ctx, draft, slots) {
    const accounts = drawRingAccounts(ctx, 2, personHeldOfType(ctx, ['checking']));
    const checks = kite(ctx, slots, draft.params, accounts);
    return { units: { transfer: checks.map((t) => [t]) }, links: [], truth: null };
  },
};

/** Checks round the cycle of `accounts`: check k goes from account k to account k + 1. */
function kite(
  ctx: GeneratorContext,
  slots: PatternSlots,
  params: KitingParams,
  accounts: readonly number[],
): EdgeRecord<'transfer'>[] {
  let at = params.firstCheckMs;
  let amount = params.firstAmount;
  return Array.from({ length: params.gapsMs.length + 1 }, (_, k) => {
    if (k > 0) {
      at += params.gapsMs[k - 1] ?? KITE_MIN_GAP_MS;
      amount = cents(amount * (params.growth[k - 1] ?? 1));
    }
    return patternTransfer(ctx, slots, k, {
      from: accounts[k % accounts.length] ?? 0,
      to: accounts[(k + 1) % accounts.length] ?? 0,
      atMs: at,
      amount,
      type: 'check',
    });
  });
}
