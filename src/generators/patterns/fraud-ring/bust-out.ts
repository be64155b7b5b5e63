import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type Participant,
} from '../../../model/index.js';
import type { Rng } from '../../../random/index.js';
import { cents } from '../../money.js';
import { isoDate, MS_PER_DAY, MS_PER_HOUR } from '../../time.js';
import { ownerOf } from '../participants.js';
import type { PatternDraft } from '../typology.js';
import {
  between,
  companyHeld,
  daysAgoAt,
  distinctIndexes,
  drawAccount,
  drawRingAccounts,
  personHeldOfType,
  sum,
} from '../ring/draw.js';
import { MERCHANT_INDUSTRY_LIST } from '../../economy/economy.js';
import { ringTruth, type RingShape } from '../ring/shape.js';
import { patternTransfer, totalOf } from '../ring/transfer.js';

/** The burst lasts at most this long; the window must leave room for it after the build-up. */
export const BUST_OUT_BURST_MAX_HOURS = 72;

export interface BustOutParams {
  readonly members: number;
  /** Ring-controlled merchant companies (each with one business account); 0 in a look-alike. */
  readonly merchants: number;
  readonly buildUpDays: number;
  readonly buildUpStartMs: number;
  readonly burstStartMs: number;
  readonly burstHours: number;
  readonly factor: number;
  readonly accountTypes: readonly string[];
  /** Per member: small, regular payments before the burst. */
  readonly buildUps: readonly number[];
  /** Per member: large burst payments (look-alike: ordinary payments after one large purchase). */
  readonly bursts: readonly number[];
}

/** Rounds up to the cent, so "at least factor × x" survives rounding. */
function centsUp(amount: number): number {
  return Math.ceil(amount * 100 - 1e-6) / 100;
}

/** Regular instants: `count` payments evenly over [fromMs, fromMs + spanMs), ±20 % jitter. */
function regular(rng: Rng, fromMs: number, spanMs: number, count: number): number[] {
  const interval = spanMs / count;
  return Array.from({ length: count }, (_, j) =>
    Math.floor(fromMs + (j + 0.5) * interval + rng.float(-0.2, 0.2) * interval),
  );
}

/**
 * Bust-out: ring members (background persons) hold credit-card or loan accounts opened before
 * the build-up (added); for bust_out_build_up_days each makes small, regular card payments to
 * ordinary merchants; then, within 12–72 h, each makes 2–4 payments of at least
 * bust_out_burst_factor × its largest build-up payment to merchants the ring controls (added
 * companies with a member as officer); then the accounts fall silent.
 */
export const bustOut: RingShape<BustOutParams> = {
  describe:
    'credit-card/loan `account`s (added, held by ring members) with months of small, regular `transfer`s to ordinary merchants, then within 72 h 2–4 payments each ≥ bust_out_burst_factor × the largest earlier one to ring-controlled merchant companies (`officer_of` a member), then nothing',

  draft(ctx, subtype, lookAlike): PatternDraft<BustOutParams> {
    const { rng, config, time } = ctx;
    const members = lookAlike
      ? rng.int(1, 2)
      : rng.int(config.fraudRingMinSize, config.fraudRingMaxSize);
    const transactions = rng.int(config.fraudRingMinTransactions, config.fraudRingMaxTransactions);
    const buildUpDays = config.bustOutBuildUpDays;
    const burstHours = rng.int(12, BUST_OUT_BURST_MAX_HOURS);
    const burstStartMs = between(
      rng,
      time.windowStartMs + buildUpDays * MS_PER_DAY,
      time.referenceMs - burstHours * MS_PER_HOUR,
    );
    const perMember = Math.max(4, Math.round(transactions / members));
    const buildUps = Array.from({ length: members }, () => perMember + rng.int(0, 2));
    const bursts = Array.from({ length: members }, () => rng.int(2, 4));
    const merchants = lookAlike ? 0 : rng.int(1, 2);
    const params: BustOutParams = {
      members,
      merchants,
      buildUpDays,
      buildUpStartMs: burstStartMs - buildUpDays * MS_PER_DAY,
      burstStartMs,
      burstHours,
      factor: config.bustOutBurstFactor,
      accountTypes: Array.from({ length: members }, () =>
        rng.chance(0.75) ? 'credit_card' : 'loan',
      ),
      buildUps,
      bursts,
    };
    const transfers = sum(buildUps) + sum(bursts) + (lookAlike ? members : 0);
    return {
      subtype,
      params,
      entities: lookAlike ? {} : { account: members + merchants, company: merchants },
      events: { transfer: transfers },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { rng, time, totals } = ctx;
    const { params } = draft;
    if (params.merchants === 0) return {};
    const owners = distinctIndexes(rng, totals.person, params.members);
    const beforeBuildUp = daysAgoAt(time.referenceMs, params.buildUpStartMs);
    const beforeBurst = daysAgoAt(time.referenceMs, params.burstStartMs);
    return {
      company: Array.from({ length: params.merchants }, () => ({
        industry: rng.pick(MERCHANT_INDUSTRY_LIST),
        country: 'US',
        shell: rng.chance(0.5),
      })),
      account: [
        ...owners.map((owner, i) => ({
          owner: { label: 'person' as const, index: owner },
          type: params.accountTypes[i] ?? 'credit_card',
          openedDaysAgo: beforeBuildUp + rng.int(5, 120),
        })),
        ...Array.from({ length: params.merchants }, (_, j) => ({
          owner: { label: 'company' as const, index: slots.entity('company', j) },
          type: 'business',
          openedDaysAgo: beforeBurst + rng.int(10, 90),
        })),
      ],
    };
  },

  realize(ctx, draft, slots) {
    const { rng } = ctx;
    const { params } = draft;
    const credit = Array.from({ length: params.members }, (_, i) => slots.entity('account', i));
    const merchantAccounts = Array.from({ length: params.merchants }, (_, j) =>
      slots.entity('account', params.members + j),
    );
    const merchants = Array.from({ length: params.merchants }, (_, j) =>
      slots.entity('company', j),
    );
    const members = credit.map((a) => ownerOf(ctx, a).index);
    // Each ring merchant has a member as its officer: the ring controls where the money lands.
    const links: EdgeRecord<'officer_of'>[] = merchants.map((company, j) => {
      const id = formatId(EDGE_ID_PREFIX.officer_of, company * 10);
      return {
        label: 'officer_of',
        id,
        outV: vertexId('person', members[j % members.length] ?? 0),
        inV: vertexId('company', company),
        properties: {
          relationship_id: id,
          role: 'director',
          since: isoDate(params.burstStartMs - rng.int(10, 90) * MS_PER_DAY),
        },
      };
    });

    const transfers: EdgeRecord<'transfer'>[] = [];
    const times: number[] = [];
    const counterparties: number[] = [];
    const buildUpMs = params.buildUpDays * MS_PER_DAY;
    credit.forEach((account, i) => {
      const type = params.accountTypes[i] === 'loan' ? 'payment' : 'pos';
      const usual = Array.from({ length: rng.int(2, 3) }, () => drawAccount(ctx, companyHeld(ctx)));
      counterparties.push(...usual);
      const base = rng.float(40, 250);
      let largest = 0;
      for (const at of regular(rng, params.buildUpStartMs, buildUpMs, params.buildUps[i] ?? 0)) {
        const amount = cents(base * rng.float(0.85, 1.15));
        largest = Math.max(largest, amount);
        times.push(at);
        transfers.push(
          patternTransfer(ctx, slots, transfers.length, {
            from: account,
            to: rng.pick(usual),
            atMs: at,
            amount,
            type,
          }),
        );
      }
      for (let b = 0; b < (params.bursts[i] ?? 0); b++) {
        const at = params.burstStartMs + between(rng, 0, params.burstHours * MS_PER_HOUR);
        times.push(at);
        transfers.push(
          patternTransfer(ctx, slots, transfers.length, {
            from: account,
            to: rng.pick(merchantAccounts),
            atMs: at,
            amount: centsUp(largest * rng.float(params.factor, params.factor * 1.5)),
            type,
          }),
        );
      }
    });
    const burstTotal = totalOf(
      transfers.filter((t) => merchantAccounts.some((m) => t.inV === vertexId('account', m))),
    );
    const participants: Participant[] = [
      ...members.map((p) => ({ id: vertexId('person', p), label: 'person', role: 'ring_member' })),
      ...credit.map((a) => ({
        id: vertexId('account', a),
        label: 'account',
        role: 'bust_out_account',
      })),
      ...merchants.map((c) => ({
        id: vertexId('company', c),
        label: 'company',
        role: 'ring_merchant',
      })),
      ...merchantAccounts.map((a) => ({
        id: vertexId('account', a),
        label: 'account',
        role: 'ring_merchant_account',
      })),
      ...counterparties.map((a) => ({
        id: vertexId('account', a),
        label: 'account',
        role: 'build_up_merchant',
      })),
    ];
    return {
      units: { transfer: transfers.map((t) => [t]) },
      links,
      truth: ringTruth({
        slots,
        subtype: draft.subtype,
        ringSize: params.members,
        participants,
        addedEntities: [
          ...credit.map((a) => vertexId('account', a)),
          ...merchants.map((c) => vertexId('company', c)),
          ...merchantAccounts.map((a) => vertexId('account', a)),
        ],
        events: transfers,
        eventTimesMs: times,
        totalValue: burstTotal,
        subtypeIndicators: [
          'bust_out_fraud_detected',
          'credit_maximization',
          'sudden_account_abandonment',
          'coordinated_credit_abuse',
          'ring_controlled_merchants',
        ],
        subtypeRedFlags: ['credit_fraud_indicators', 'merchant_collusion'],
        parameters: {
          members: params.members,
          merchants: params.merchants,
          build_up_days: params.buildUpDays,
          burst_start: isoDate(params.burstStartMs),
          burst_hours: params.burstHours,
          burst_factor: params.factor,
          build_up_payments: params.buildUps,
          burst_payments: params.bursts,
        },
      }),
    };
  },

  /**
   * An honest cardholder: months of small, regular purchases, one large purchase (a holiday, a
   * repair) of the same factor at an ordinary merchant, then the usual small purchases go on.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng } = ctx;
    const { params } = draft;
    const accounts = drawRingAccounts(ctx, params.members, personHeldOfType(ctx, ['credit_card']));
    const transfers: EdgeRecord<'transfer'>[] = [];
    accounts.forEach((account, i) => {
      const before = params.buildUps[i] ?? 0;
      const count = before + 1 + (params.bursts[i] ?? 0);
      const usual = Array.from({ length: rng.int(2, 3) }, () => drawAccount(ctx, companyHeld(ctx)));
      const base = rng.float(40, 250);
      let largest = 0;
      // The whole sequence fits in the build-up span, ending at the burst start.
      const instants = regular(rng, params.buildUpStartMs, params.buildUpDays * MS_PER_DAY, count);
      instants.forEach((at, j) => {
        const small = cents(base * rng.float(0.85, 1.15));
        const large = j === before;
        if (!large) largest = Math.max(largest, small);
        transfers.push(
          patternTransfer(ctx, slots, transfers.length, {
            from: account,
            to: large ? drawAccount(ctx, companyHeld(ctx)) : rng.pick(usual),
            atMs: at,
            amount: large
              ? centsUp(largest * rng.float(params.factor, params.factor * 1.5))
              : small,
            type: 'pos',
          }),
        );
      });
    });
    return { units: { transfer: transfers.map((t) => [t]) }, links: [], truth: null };
  },
};
