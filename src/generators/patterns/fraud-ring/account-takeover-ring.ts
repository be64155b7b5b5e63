import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { TAKEOVER_PURCHASE_SHARE, takeoverPurchase } from '../cash-out.js';
import { ownerOf } from '../participants.js';
import type { PatternDraft } from '../typology.js';
import {
  accountParticipants,
  between,
  companyHeld,
  daysAgoAt,
  distinctIndexes,
  drawAccount,
  drawRingAccounts,
  ownDevice,
  personHeldWithDevice,
  spread,
  sum,
} from '../ring/draw.js';
import { ATTACKER_COUNTRIES } from '../ring/attackers.js';
import { patternLogin } from '../ring/login.js';
import { drawFrame, ringTruth, type RingFrame, type RingShape } from '../ring/shape.js';
import { patternTransfer, totalOf } from '../ring/transfer.js';

/** A ring's transfers leave a compromised account within this long after its takeover login. */
export const RING_SESSION_MAX_MS = 3 * MS_PER_HOUR;

export interface TakeoverRingParams {
  readonly frame: RingFrame;
  /** Attacker devices (look-alike: 1, a shared household computer). */
  readonly devices: number;
  readonly attackerAccounts: number;
  /** Per compromised account: failed attempts before the successful login (look-alike: logins). */
  readonly logins: readonly number[];
  /** Per compromised account: transfers to attacker accounts (look-alike: ordinary payments). */
  readonly transfers: readonly number[];
}

/**
 * Account-takeover ring: a few attacker devices (added, first seen just before the ring starts,
 * abroad) log into several customers' accounts — 0–2 failed attempts then a success — and each
 * compromised account then sends money to a small set of newly opened attacker-controlled
 * accounts within 3 h of that login.
 */
export const accountTakeoverRing: RingShape<TakeoverRingParams> = {
  describe:
    'several customer accounts `logged_in` from the same 1–3 attacker `device`s (0–2 failures, then a success), each then sending `transfer`s within 3 h to 1–3 newly opened attacker accounts or, about 60 %, to merchants as purchases',

  draft(ctx, subtype, lookAlike): PatternDraft<TakeoverRingParams> {
    const { rng } = ctx;
    const frame = drawFrame(ctx);
    if (lookAlike) {
      const members = rng.int(2, 4);
      const logins = Array.from({ length: members }, () => rng.int(1, 2));
      const transfers = Array.from({ length: members }, () => rng.int(1, 2));
      return {
        subtype,
        params: { frame, devices: 1, attackerAccounts: 0, logins, transfers },
        entities: {},
        events: { logged_in: sum(logins), transfer: sum(transfers) },
      };
    }
    const accounts = frame.size;
    const devices = rng.int(1, Math.min(3, accounts - 1));
    const attackerAccounts = rng.int(1, 3);
    const failed = Array.from({ length: accounts }, () => rng.int(0, 2));
    const transfers = spread(rng, Math.max(accounts, frame.transactions), accounts);
    return {
      subtype,
      params: { frame, devices, attackerAccounts, logins: failed, transfers },
      entities: { device: devices, account: attackerAccounts },
      events: { logged_in: sum(failed) + accounts, transfer: sum(transfers) },
    };
  },

  entityOverrides(draft, _slots, ctx) {
    const { rng, time, totals } = ctx;
    const { frame, devices, attackerAccounts } = draft.params;
    if ((draft.entities.device ?? 0) === 0) return {};
    const before = daysAgoAt(time.referenceMs, frame.startMs);
    return {
      device: Array.from({ length: devices }, () => ({
        country: rng.pick(ATTACKER_COUNTRIES),
        firstSeenMs: frame.startMs - between(rng, 0, 2 * MS_PER_DAY),
      })),
      account: distinctIndexes(rng, totals.person, attackerAccounts).map((owner) => ({
        owner: { label: 'person' as const, index: owner },
        type: 'checking',
        openedDaysAgo: before + rng.int(1, 30),
      })),
    };
  },

  realize(ctx, draft, slots) {
    const { rng, population } = ctx;
    const {
      frame,
      devices: deviceCount,
      attackerAccounts,
      logins: failed,
      transfers,
    } = draft.params;
    const devices = Array.from({ length: deviceCount }, (_, k) => slots.entity('device', k));
    const drops = Array.from({ length: attackerAccounts }, (_, k) => slots.entity('account', k));
    const victims = drawRingAccounts(ctx, failed.length, personHeldWithDevice(ctx));
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    const times: number[] = [];
    const lastTakeover = frame.startMs + (frame.endMs - frame.startMs) * 0.9;
    victims.forEach((account, i) => {
      // Round robin: every attacker device is used, each by several accounts when it can be.
      const device = devices[i % deviceCount] ?? 0;
      const ip = population.ipOf(device);
      const country = population.countryOfDevice(device);
      const takeover = between(rng, frame.startMs + 30 * MS_PER_MINUTE, lastTakeover);
      const failures = Array.from({ length: failed[i] ?? 0 }, () =>
        between(rng, takeover - 30 * MS_PER_MINUTE, takeover),
      ).sort((a, b) => a - b);
      for (const at of [...failures, takeover]) {
        const success = at === takeover;
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: at,
            ipAddress: ip,
            ipCountry: country,
            success,
            authMethod: 'password',
            failureReason: success ? null : 'invalid_password',
          }),
        );
        times.push(at);
      }
      for (let t = 0; t < (transfers[i] ?? 0); t++) {
        const at = takeover + between(rng, 2 * MS_PER_MINUTE, RING_SESSION_MAX_MS);
        times.push(at);
        // As in a single takeover, after the first theft part of the money leaves as purchases
        // paid from the account.
        const purchase =
          t > 0 && rng.chance(TAKEOVER_PURCHASE_SHARE)
            ? takeoverPurchase(ctx, account, at)
            : undefined;
        moves.push(
          patternTransfer(
            ctx,
            slots,
            moves.length,
            purchase ?? {
              from: account,
              to: rng.pick(drops),
              atMs: at,
              amount: cents(rng.float(300, 4_000)),
              type: 'transfer',
            },
          ),
        );
      }
    });
    const participants: Participant[] = [
      ...victims.flatMap((a) => accountParticipants(ctx, a, 'compromised_account')),
      ...devices.map((d) => ({
        id: vertexId('device', d),
        label: 'device',
        role: 'attacker_device',
      })),
      ...drops.flatMap((a) => accountParticipants(ctx, a, 'attacker_account')),
    ];
    const indicators = [
      'account_takeover_indicators',
      'multiple_compromised_accounts',
      'unauthorized_access_pattern',
      'shared_attacker_devices',
    ];
    if (logins.some((l) => !l.properties.success)) indicators.push('credential_stuffing_suspected');
    return {
      units: { logged_in: logins.map((l) => [l]), transfer: moves.map((t) => [t]) },
      links: [],
      truth: ringTruth({
        slots,
        subtype: draft.subtype,
        ringSize: frame.size,
        participants,
        addedEntities: [
          ...devices.map((d) => vertexId('device', d)),
          ...drops.map((a) => vertexId('account', a)),
        ],
        events: [...logins, ...moves],
        eventTimesMs: times,
        totalValue: totalOf(moves),
        subtypeIndicators: indicators,
        subtypeRedFlags: ['cybercrime_indicators', 'credential_theft_suspected'],
        parameters: {
          compromised_accounts: victims.length,
          attacker_devices: deviceCount,
          attacker_accounts: attackerAccounts,
          duration_days: frame.durationDays,
          session_max_hours: RING_SESSION_MAX_MS / MS_PER_HOUR,
        },
      }),
    };
  },

  /**
   * A household sharing one computer: the accounts of a customer and of their relatives are all
   * logged into from the same (background, long-known) device, from its usual IP, and each pays
   * ordinary merchants. Many accounts on one device, but no takeover.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { frame, logins: loginCounts, transfers } = draft.params;
    const first = drawAccount(ctx, personHeldWithDevice(ctx));
    const device = ownDevice(ctx, first);
    const owner = ownerOf(ctx, first).index;
    const household = [
      owner,
      ...(population.relatedOf.get(owner) ?? []).filter((p) => !population.added.person.has(p)),
    ];
    const members = [first];
    while (members.length < loginCounts.length) {
      const used = new Set(members);
      members.push(
        drawAccount(
          ctx,
          (a) =>
            population.accountOwnerKind[a] === 0 &&
            household.includes(population.accountOwnerIndex[a] ?? -1),
          used,
        ),
      );
    }
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    members.forEach((account, i) => {
      let at = between(rng, frame.startMs, frame.endMs - (loginCounts[i] ?? 1) * MS_PER_DAY);
      for (let l = 0; l < (loginCounts[i] ?? 0); l++) {
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: at,
            ipAddress: population.ipOf(device),
            ipCountry: population.countryOfDevice(device),
            success: true,
          }),
        );
        if (l === 0) {
          for (let t = 0; t < (transfers[i] ?? 0); t++) {
            moves.push(
              patternTransfer(ctx, slots, moves.length, {
                from: account,
                to: drawAccount(ctx, companyHeld(ctx), new Set(members)),
                atMs: at + between(rng, 5 * MS_PER_MINUTE, 2 * MS_PER_HOUR),
                amount: cents(rng.float(20, 600)),
                type: 'payment',
              }),
            );
          }
        }
        at += between(rng, 6 * MS_PER_HOUR, MS_PER_DAY);
      }
    });
    return {
      units: { logged_in: logins.map((l) => [l]), transfer: moves.map((t) => [t]) },
      links: [],
      truth: null,
    };
  },
};
