import type { GenerationConfig } from '../../../config/index.js';
import type { Rng } from '../../../random/index.js';
import type { TimeFrame } from '../../context.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { DEPOSIT_COUNTRIES } from './deposit-cities.js';

/** One cash deposit of an instance, drawn at plan time. */
export interface PlannedDeposit {
  readonly atMs: number;
  /** Which of the instance's depositors makes it (0-based). */
  readonly depositor: number;
  /** Which of the instance's receiving accounts it is credited to (0-based). */
  readonly receiver: number;
  /** Country of the branch (geographic smurfing), or null: the receiving bank's country. */
  readonly country: string | null;
}

/** The deposits (and, for account hopping, consolidations) of one instance. */
export interface DepositPlan {
  readonly deposits: readonly PlannedDeposit[];
  readonly depositors: number;
  readonly receivers: number;
  /** Span of the burst of deposits, hours (temporal: first to last deposit). */
  readonly spanHours: number;
  /** Regular interval between temporal-smurfing deposits, hours, or null. */
  readonly intervalHours: number | null;
  /** Account hopping: when each receiving account forwards its deposits, one per receiver. */
  readonly consolidationsMs: readonly number[];
  /** Look-alike: index of the one deposit that comes near the threshold (the sum stays below). */
  readonly nearDeposit: number;
}

/** Temporal deposits land within this much of their regular slot. */
export const TEMPORAL_JITTER_MS = 15 * MS_PER_MINUTE;
/** Account hopping opens 2–4 accounts. */
export const MIN_HOP_ACCOUNTS = 2;
export const MAX_HOP_ACCOUNTS = 4;

const byTime = (a: PlannedDeposit, b: PlannedDeposit) => a.atMs - b.atMs;

/**
 * Draws an instance's deposits. Bursts (classic, smurfing, geographic, account hopping) fall in a
 * window of structuring_min..max_window_hours placed uniformly in the run; temporal deposits are
 * `interval` hours apart (± 15 min). Look-alikes keep the shape; a temporal look-alike instead
 * makes 2–3 deposits 3–6 weeks apart at irregular gaps.
 */
export function drawDepositPlan(
  rng: Rng,
  config: GenerationConfig,
  time: TimeFrame,
  subtype: string,
  lookAlike: boolean,
): DepositPlan {
  const runMs = time.referenceMs - time.windowStartMs;
  const placed = (spanMs: number) =>
    time.windowStartMs + Math.floor(rng.next() * Math.max(0, runMs - spanMs - MS_PER_MINUTE));
  const within = (start: number, spanMs: number) => start + Math.floor(rng.next() * spanMs);
  const base = { intervalHours: null, consolidationsMs: [], nearDeposit: 0 };

  if (subtype === 'temporal_smurfing') {
    if (lookAlike) {
      const count = rng.int(2, 3);
      let gaps = Array.from(
        { length: count - 1 },
        () => rng.int(21, 45) * MS_PER_DAY + rng.int(0, 23) * MS_PER_HOUR,
      );
      const total = gaps.reduce((a, b) => a + b, 0);
      const room = runMs - 2 * MS_PER_HOUR;
      if (total > room) gaps = gaps.map((g) => Math.floor((g * room) / total));
      let at = placed(gaps.reduce((a, b) => a + b, 0));
      const deposits = [0, ...gaps].map((gap): PlannedDeposit => {
        at += gap;
        return { atMs: at, depositor: 0, receiver: 0, country: null };
      });
      const spanHours = (at - (deposits[0]?.atMs ?? at)) / MS_PER_HOUR;
      return { ...base, deposits, depositors: 1, receivers: 1, spanHours };
    }
    const count = rng.int(config.structuringMinDeposits, config.structuringMaxDeposits);
    const intervalHours = rng.int(
      config.structuringMinIntervalHours,
      config.structuringMaxIntervalHours,
    );
    const spanMs = (count - 1) * intervalHours * MS_PER_HOUR;
    const first = placed(spanMs + 2 * TEMPORAL_JITTER_MS) + TEMPORAL_JITTER_MS;
    const deposits = Array.from({ length: count }, (_, i): PlannedDeposit => ({
      atMs:
        first + i * intervalHours * MS_PER_HOUR + Math.round(rng.float(-1, 1) * TEMPORAL_JITTER_MS),
      depositor: 0,
      receiver: 0,
      country: null,
    }));
    return {
      ...base,
      deposits,
      depositors: 1,
      receivers: 1,
      spanHours: spanMs / MS_PER_HOUR,
      intervalHours,
    };
  }

  const spanHours = rng.int(config.structuringMinWindowHours, config.structuringMaxWindowHours);
  const spanMs = spanHours * MS_PER_HOUR;
  const start = placed(spanMs);
  switch (subtype) {
    case 'classic_structuring': {
      const count = rng.int(config.structuringMinDeposits, config.structuringMaxDeposits);
      const deposits = Array.from({ length: count }, (): PlannedDeposit => ({
        atMs: within(start, spanMs),
        depositor: 0,
        receiver: 0,
        country: null,
      })).sort(byTime);
      return {
        ...base,
        deposits,
        depositors: 1,
        receivers: 1,
        spanHours,
        nearDeposit: rng.int(0, count - 1),
      };
    }
    case 'smurfing':
    case 'geographic_smurfing': {
      const geographic = subtype === 'geographic_smurfing';
      const maxSmurfs = geographic
        ? Math.min(config.structuringMaxSmurfs, DEPOSIT_COUNTRIES.length)
        : config.structuringMaxSmurfs;
      const smurfs = rng.int(Math.min(config.structuringMinSmurfs, maxSmurfs), maxSmurfs);
      // Each smurf deposits in a country of their own (geographic), once or twice.
      const countries = geographic ? rng.sample(DEPOSIT_COUNTRIES, smurfs) : [];
      const deposits = Array.from({ length: smurfs }, (_, j) =>
        Array.from({ length: rng.int(1, 2) }, (): PlannedDeposit => ({
          atMs: within(start, spanMs),
          depositor: j,
          receiver: 0,
          country: countries[j] ?? null,
        })),
      )
        .flat()
        .sort(byTime);
      return {
        ...base,
        deposits,
        depositors: smurfs,
        receivers: 1,
        spanHours,
        nearDeposit: rng.int(0, deposits.length - 1),
      };
    }
    case 'account_hopping': {
      const hops = rng.int(MIN_HOP_ACCOUNTS, MAX_HOP_ACCOUNTS);
      const count = Math.max(
        hops,
        rng.int(config.structuringMinDeposits, config.structuringMaxDeposits),
      );
      // Deposits in the first two thirds of the window, consolidations in the last third.
      const depositSpan = Math.floor((spanMs * 2) / 3);
      const deposits = Array.from({ length: count }, (_, i): PlannedDeposit => ({
        atMs: within(start, depositSpan),
        depositor: 0,
        receiver: i < hops ? i : rng.int(0, hops - 1),
        country: null,
      })).sort(byTime);
      const consolidationsMs = lookAlike
        ? []
        : Array.from({ length: hops }, () => within(start + depositSpan, spanMs - depositSpan));
      return {
        ...base,
        deposits,
        depositors: 1,
        receivers: hops,
        spanHours,
        consolidationsMs,
        nearDeposit: rng.int(0, count - 1),
      };
    }
    default:
      throw new Error(`structuring: unknown subtype ${subtype}`);
  }
}
