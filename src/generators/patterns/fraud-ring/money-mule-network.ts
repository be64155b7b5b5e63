import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { cashOutCount, cashOutPayments } from '../cash-out.js';
import type { PatternDraft } from '../typology.js';
import {
  accountParticipants,
  between,
  companyHeld,
  daysAgoAt,
  distinctIndexes,
  drawAccount,
  drawRingAccounts,
  personHeld,
} from '../ring/draw.js';
import { MERCHANT_INDUSTRY_LIST } from '../../economy/economy.js';
import { LAUNDERING_COMPANY_SHARES } from '../graph/accounts.js';
import { drawFrame, ringTruth, type RingFrame, type RingShape } from '../ring/shape.js';
import { patternTransfer, totalOf } from '../ring/transfer.js';

/** A mule forwards each payment it receives to the hub within this long. */
export const MULE_FORWARD_MAX_MS = 6 * MS_PER_HOUR;
const MULE_FORWARD_MIN_MS = 10 * MS_PER_MINUTE;
/** Victim payments fall in the first 75 % of the window, so forwards and cash-outs fit after. */
const PAYMENT_SHARE = 0.75;

export interface MuleNetworkParams {
  readonly frame: RingFrame;
  /** Mule (spoke) accounts; the hub is one more. Look-alike: stores around a company hub. */
  readonly mules: number;
  /** Victim payments into the mules (look-alike: customer payments into the stores). */
  readonly payments: number;
  /** Hub cash-outs (look-alike: supplier payouts). */
  readonly cashOuts: number;
  /** ATM withdrawals and purchases from the cash-out account afterwards; 0 in a look-alike. */
  readonly spends: number;
  /** Look-alike only: weekly settlement sweeps per store. */
  readonly weeks: number;
  /** The hub is a front business's new account (an added merchant company) rather than a person's. */
  readonly hubIsCompany: boolean;
}

/**
 * Money-mule network, hub and spoke: victims (background customers) pay newly opened mule
 * accounts; each mule forwards 94–98 % of every payment to one hub account within 6 h; the hub
 * cashes the pooled money out to an outside account in 1–3 wires, which withdraws and spends it in
 * 8–20 payments (ATM withdrawals, purchases, bills; see cash-out.ts) within four days. The mules
 * are added accounts held by recruited persons, opened days before the ring starts; the hub is
 * another such account or, as often (graph/accounts.ts), a front business's: the new account of an
 * added merchant company, whose takings the forwards pass for.
 */
export const moneyMuleNetwork: RingShape<MuleNetworkParams> = {
  describe:
    'victim accounts → newly opened mule accounts → one hub account → cash-out: each victim `transfer` to a mule is forwarded (94–98 %) to the hub within 6 h, then the hub wires the pool out in 1–3 transfers, and the cash-out account withdraws and spends it in 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts)',

  draft(ctx, subtype, lookAlike): PatternDraft<MuleNetworkParams> {
    const { rng } = ctx;
    const frame = drawFrame(ctx);
    const mules = frame.size - 1;
    const payments = Math.max(mules, Math.floor(frame.transactions / 2));
    const cashOuts = rng.int(1, 3);
    const weeks = Math.ceil(frame.durationDays / 7);
    const spends = lookAlike ? 0 : cashOutCount(rng);
    const hubIsCompany = !lookAlike && rng.chance(LAUNDERING_COMPANY_SHARES.collector);
    const params = { frame, mules, payments, cashOuts, spends, weeks, hubIsCompany };
    if (lookAlike) {
      return {
        subtype,
        params,
        entities: {},
        events: { transfer: payments + mules * weeks + cashOuts },
      };
    }
    return {
      subtype,
      params,
      entities: { account: frame.size, ...(hubIsCompany ? { company: 1 } : {}) },
      events: { transfer: 2 * payments + cashOuts + spends },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { rng, time, totals } = ctx;
    const { frame, hubIsCompany } = draft.params;
    const count = draft.entities.account ?? 0;
    const owners = distinctIndexes(rng, totals.person, count);
    const before = daysAgoAt(time.referenceMs, frame.startMs);
    return {
      // Account 0 is the hub; the rest are mules. All opened 1–30 days before the ring starts.
      account: owners.map((owner, k) => ({
        owner:
          k === 0 && hubIsCompany
            ? { label: 'company' as const, index: slots.entity('company', 0) }
            : { label: 'person' as const, index: owner },
        type: k === 0 && hubIsCompany ? 'business' : 'checking',
        openedDaysAgo: before + rng.int(1, 30),
      })),
      ...(hubIsCompany ? { company: [{ industry: rng.pick(MERCHANT_INDUSTRY_LIST) }] } : {}),
    };
  },

  realize(ctx, draft, slots) {
    const { rng } = ctx;
    const { frame, mules: muleCount, payments, cashOuts, spends } = draft.params;
    const hub = slots.entity('account', 0);
    const mules = Array.from({ length: muleCount }, (_, k) => slots.entity('account', k + 1));
    const victims = drawRingAccounts(ctx, payments, personHeld(ctx));
    // A person who withdraws and spends the pool (cash-out.ts).
    const cashOut = drawAccount(ctx, personHeld(ctx), new Set(victims));

    const transfers: EdgeRecord<'transfer'>[] = [];
    const times: number[] = [];
    const paymentEnd = frame.startMs + (frame.endMs - frame.startMs) * PAYMENT_SHARE;
    let lastForward = frame.startMs;
    let pooled = 0;
    victims.forEach((victim, k) => {
      // Round robin, so every mule receives at least one payment.
      const mule = mules[k % muleCount] ?? hub;
      const paidAt = between(rng, frame.startMs, paymentEnd);
      const amount = cents(rng.float(500, 9_000));
      const forwardAt = paidAt + between(rng, MULE_FORWARD_MIN_MS, MULE_FORWARD_MAX_MS);
      const forwarded = cents(amount * rng.float(0.94, 0.98));
      pooled += forwarded;
      lastForward = Math.max(lastForward, forwardAt);
      transfers.push(
        patternTransfer(ctx, slots, 2 * k, {
          from: victim,
          to: mule,
          atMs: paidAt,
          amount,
          type: 'transfer',
        }),
        patternTransfer(ctx, slots, 2 * k + 1, {
          from: mule,
          to: hub,
          atMs: forwardAt,
          amount: forwarded,
          type: 'transfer',
        }),
      );
      times.push(paidAt, forwardAt);
    });
    // The hub empties itself shortly after the last forward.
    const shares = Array.from({ length: cashOuts }, () => rng.float(0.5, 1.5));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    const cashedOut = pooled * rng.float(0.9, 0.98);
    let at = lastForward;
    shares.forEach((share, c) => {
      at += between(rng, 30 * MS_PER_MINUTE, 4 * MS_PER_HOUR);
      times.push(at);
      transfers.push(
        patternTransfer(ctx, slots, 2 * payments + c, {
          from: hub,
          to: cashOut,
          atMs: at,
          amount: cents((cashedOut * share) / shareSum),
          type: 'wire',
        }),
      );
    });
    // The cash-out account turns the wires into cash and goods (see cash-out.ts).
    for (const payment of cashOutPayments(ctx, cashOut, at, spends, { latestMs: frame.endMs })) {
      times.push(payment.atMs);
      transfers.push(patternTransfer(ctx, slots, transfers.length, payment));
    }

    const participants: Participant[] = [
      ...victims.flatMap((a) => accountParticipants(ctx, a, 'victim')),
      ...mules.flatMap((a) => accountParticipants(ctx, a, 'mule')),
      ...accountParticipants(ctx, hub, 'hub'),
      ...accountParticipants(ctx, cashOut, 'cash_out'),
    ];
    const victimPaid = totalOf(transfers.filter((t) => mules.some((m) => t.inV === id(m))));
    return {
      units: { transfer: transfers.map((t) => [t]) },
      links: [],
      truth: ringTruth({
        slots,
        subtype: draft.subtype,
        ringSize: frame.size,
        participants,
        addedEntities: [
          ...[hub, ...mules].map(id),
          ...(draft.params.hubIsCompany ? [vertexId('company', slots.entity('company', 0))] : []),
        ],
        events: transfers,
        eventTimesMs: times,
        totalValue: victimPaid,
        subtypeIndicators: [
          'money_mule_activity',
          'hub_and_spoke_pattern',
          'rapid_fund_movement',
          'layering_detected',
          'newly_opened_accounts',
        ],
        subtypeRedFlags: ['money_laundering_suspected', 'organized_crime_indicators'],
        parameters: {
          mules: muleCount,
          victim_payments: payments,
          cash_outs: cashOuts,
          duration_days: frame.durationDays,
          forward_max_hours: MULE_FORWARD_MAX_MS / MS_PER_HOUR,
        },
      }),
    };
  },

  /**
   * A busy, honest payments hub: customers pay a company's stores (card payments), each store
   * sweeps its week's takings to the head-office account, which pays suppliers. Hub and spoke,
   * but old company accounts, aggregated weekly sweeps and no per-payment forwarding.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng } = ctx;
    const { frame, mules: storeCount, payments, cashOuts, weeks } = draft.params;
    const hub = drawAccount(ctx, companyHeld(ctx));
    const stores = drawRingAccounts(ctx, storeCount, companyHeld(ctx), new Set([hub]));
    const transfers: EdgeRecord<'transfer'>[] = [];
    const takings = stores.map(() => Array.from({ length: weeks }, () => 0));
    for (let k = 0; k < payments; k++) {
      const store = k % storeCount;
      const at = between(rng, frame.startMs, frame.endMs);
      const amount = cents(rng.float(10, 300));
      const week = Math.min(weeks - 1, Math.floor((at - frame.startMs) / (7 * MS_PER_DAY)));
      const row = takings[store];
      if (row) row[week] = (row[week] ?? 0) + amount;
      transfers.push(
        patternTransfer(ctx, slots, k, {
          from: drawAccount(ctx, personHeld(ctx), new Set([hub, ...stores])),
          to: stores[store] ?? hub,
          atMs: at,
          amount,
          type: 'pos',
        }),
      );
    }
    let k = payments;
    stores.forEach((store, s) => {
      for (let w = 0; w < weeks; w++) {
        const weekEnd = Math.min(frame.startMs + (w + 1) * 7 * MS_PER_DAY, frame.endMs);
        const taken = takings[s]?.[w] ?? 0;
        transfers.push(
          patternTransfer(ctx, slots, k++, {
            from: store,
            to: hub,
            atMs: weekEnd - between(rng, 0, 6 * MS_PER_HOUR),
            // Other takings (cash, other customers) are swept too.
            amount: cents(taken + rng.float(200, 3_000)),
            type: 'ach',
          }),
        );
      }
    });
    for (let c = 0; c < cashOuts; c++) {
      transfers.push(
        patternTransfer(ctx, slots, k++, {
          from: hub,
          to: drawAccount(ctx, companyHeld(ctx), new Set([hub, ...stores])),
          atMs: between(rng, frame.startMs, frame.endMs),
          amount: cents(rng.float(5_000, 50_000)),
          type: 'wire',
          purpose: 'supplier_invoice',
        }),
      );
    }
    return { units: { transfer: transfers.map((t) => [t]) }, links: [], truth: null };
  },
};

function id(account: number): string {
  return vertexId('account', account);
}
