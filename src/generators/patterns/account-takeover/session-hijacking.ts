import type { EdgeRecord } from '../../../model/index.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import {
  between,
  drawAccount,
  drawRingAccounts,
  ownDevice,
  personHeldWithDevice,
  sum,
} from '../ring/draw.js';
import { patternLogin } from '../ring/login.js';
import type { RingShape } from '../ring/shape.js';
import type { PatternDraft } from '../typology.js';
import {
  at,
  attackerOverrides,
  attackerSide,
  campaignTruth,
  drawCampaign,
  newPhoneOverrides,
  payMerchants,
  steal,
  type Campaign,
} from './campaign.js';

export interface HijackParams {
  readonly campaign: Campaign;
  /** Per victim: the victim's own (legitimate) login. */
  readonly sessionStartMs: readonly number[];
  /** Per victim: minutes from the legitimate login to the hijack (look-alike: to the new phone). */
  readonly hijackAfterMinutes: readonly number[];
  readonly transfers: readonly number[];
}

/** The hijack comes 5–30 min into the victim's session (the original's timing). */
const HIJACK_MIN_MINUTES = 5;
const HIJACK_MAX_MINUTES = 30;

/**
 * Session hijacking: the victim logs in from their own device and usual IP; 5–30 minutes later
 * an attacker device abroad (one per attacker) replays the session — a successful login with the
 * same authentication method — and 1–3 transfers of 2 000–10 000 leave the account within
 * cato_max_transfer_delay_minutes.
 */
export const sessionHijacking: RingShape<HijackParams> = {
  describe:
    "per victim a successful `logged_in` from the victim's own `device`, then 5–30 min later a success from an attacker `device` and IP abroad, then 1–3 `transfer`s within minutes to attacker drop accounts or, about 60 %, purchases at merchants",

  draft(ctx, subtype, lookAlike): PatternDraft<HijackParams> {
    const { rng } = ctx;
    const campaign = drawCampaign(ctx, lookAlike);
    const n = campaign.victims;
    const sessionStartMs = Array.from({ length: n }, () =>
      between(rng, campaign.startMs, at(campaign, 0.9) - MS_PER_HOUR),
    );
    const hijackAfterMinutes = Array.from({ length: n }, () =>
      lookAlike ? rng.int(5, 60) : rng.int(HIJACK_MIN_MINUTES, HIJACK_MAX_MINUTES),
    );
    const transfers = Array.from({ length: n }, () => (lookAlike ? rng.int(1, 2) : rng.int(1, 3)));
    return {
      subtype,
      params: { campaign, sessionStartMs, hijackAfterMinutes, transfers },
      // A look-alike customer's second device is their new phone: added, seen for the first time.
      entities: lookAlike
        ? { device: n }
        : { person: campaign.attackers, account: campaign.attackers, device: campaign.attackers },
      events: { logged_in: 2 * n, transfer: sum(transfers) },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { campaign, sessionStartMs, hijackAfterMinutes } = draft.params;
    if (campaign.attackers === 0) {
      return newPhoneOverrides(
        ctx.rng,
        sessionStartMs.map((ms, v) => ms + (hijackAfterMinutes[v] ?? 0) * MS_PER_MINUTE),
      );
    }
    return attackerOverrides(campaign, campaign.attackers, slots, ctx);
  },

  realize(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, sessionStartMs, hijackAfterMinutes, transfers } = draft.params;
    const side = attackerSide(draft, slots);
    const victims = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    victims.forEach((account, v) => {
      const own = ownDevice(ctx, account);
      const attacker = side.devices[v % side.devices.length] ?? 0;
      const legitimate = sessionStartMs[v] ?? campaign.startMs;
      const hijack = legitimate + (hijackAfterMinutes[v] ?? HIJACK_MIN_MINUTES) * MS_PER_MINUTE;
      const authMethod = rng.pick(['password', 'biometric', 'otp']);
      for (const [device, instant] of [
        [own, legitimate],
        [attacker, hijack],
      ] as const) {
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: instant,
            ipAddress: population.ipOf(device),
            ipCountry: population.countryOfDevice(device),
            success: true,
            // The stolen session token carries the victim's authentication.
            authMethod,
          }),
        );
      }
      steal(ctx, slots, moves, {
        from: account,
        drops: side.drops,
        afterMs: hijack,
        count: transfers[v] ?? 0,
        min: 2_000,
        max: 10_000,
        maxDelayMs: campaign.maxDelayMs,
      });
    });
    return {
      units: { logged_in: logins.map((l) => [l]), transfer: moves.map((t) => [t]) },
      links: [],
      truth: campaignTruth({
        ctx,
        slots,
        subtype: draft.subtype,
        compromised: victims,
        side,
        events: [...logins, ...moves],
        attackers: campaign.attackers,
        subtypeIndicators: [
          'session_hijacking',
          'concurrent_sessions_different_ips',
          'device_change_mid_session',
          'new_device_login',
        ],
        subtypeRedFlags: ['session_token_theft', 'impossible_travel'],
        parameters: {
          hijack_after_minutes: hijackAfterMinutes,
          max_transfer_delay_minutes: campaign.maxDelayMs / MS_PER_MINUTE,
        },
      }),
    };
  },

  /**
   * A customer with a new phone: a login from their usual device, then minutes later a
   * successful login from a device never seen before (added) in their own country, then
   * ordinary payments — a device switch mid-session, without the theft.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { population } = ctx;
    const { campaign, sessionStartMs, hijackAfterMinutes, transfers } = draft.params;
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    const used = new Set<number>();
    for (let v = 0; v < campaign.victims; v++) {
      const phone = slots.entity('device', v);
      const country = population.deviceCountry[phone];
      // A customer from the new phone's country, so the phone shows up at home.
      const account = drawAccount(
        ctx,
        (a) =>
          personHeldWithDevice(ctx)(a) &&
          population.personNationality[population.accountOwnerIndex[a] ?? 0] === country,
        used,
      );
      used.add(account);
      const own = ownDevice(ctx, account);
      const first = sessionStartMs[v] ?? campaign.startMs;
      const second = first + (hijackAfterMinutes[v] ?? 5) * MS_PER_MINUTE;
      for (const [device, instant] of [
        [own, first],
        [phone, second],
      ] as const) {
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: instant,
            ipAddress: population.ipOf(device),
            ipCountry: population.countryOfDevice(device),
            success: true,
          }),
        );
      }
      payMerchants(ctx, slots, moves, account, second, transfers[v] ?? 0);
    }
    return {
      units: { logged_in: logins.map((l) => [l]), transfer: moves.map((t) => [t]) },
      links: [],
      truth: null,
    };
  },
};
