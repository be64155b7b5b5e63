import type { EdgeRecord } from '../../../model/index.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { between, drawAccount, drawRingAccounts, personHeldWithDevice, sum } from '../ring/draw.js';
import { patternLogin } from '../ring/login.js';
import type { RingShape } from '../ring/shape.js';
import { anyPerson } from '../participants.js';
import type { PatternDraft } from '../typology.js';
import {
  at,
  attackerOverrides,
  attackerSide,
  campaignTruth,
  drawCampaign,
  holderPerson,
  message,
  newPhoneOverrides,
  payMerchants,
  steal,
  type Campaign,
} from './campaign.js';

export interface SimSwapParams {
  readonly campaign: Campaign;
  /** Per victim: the attacker's pretext message (look-alike: an ordinary message). */
  readonly contactMs: readonly number[];
  /** Per victim: hours from the message to the swap (look-alike: to the new phone's login). */
  readonly swapAfterHours: readonly number[];
  /** Per victim: sms_code logins from the new device, the last one successful. */
  readonly logins: readonly number[];
  readonly transfers: readonly number[];
}

/**
 * SIM swap: an attacker messages the victim (an SMS or call with a "verify your account" lure)
 * to collect what the carrier will ask; 1–12 h later the number is ported to the attacker's
 * phone (one added device per attacker), which receives the one-time codes: 1–2 `sms_code`
 * logins (a first one may fail on an expired code), then 2–4 transfers of 3 000–15 000.
 */
export const simSwap: RingShape<SimSwapParams> = {
  describe:
    'per victim an attacker `communicated` (sms/phone, fraud phrases), then 1–12 h later `logged_in` with auth_method `sms_code` from a new attacker `device`, then 2–4 `transfer`s within minutes to attacker drop accounts or, about 60 %, purchases at merchants',

  draft(ctx, subtype, lookAlike): PatternDraft<SimSwapParams> {
    const { rng } = ctx;
    const campaign = drawCampaign(ctx, lookAlike);
    const n = campaign.victims;
    const contactMs = Array.from({ length: n }, () =>
      between(rng, campaign.startMs, at(campaign, 0.6)),
    );
    const swapAfterHours = Array.from({ length: n }, () => rng.int(1, 12));
    const logins = Array.from({ length: n }, () => (lookAlike ? 1 : rng.int(1, 2)));
    const transfers = Array.from({ length: n }, () => (lookAlike ? rng.int(1, 2) : rng.int(2, 4)));
    return {
      subtype,
      params: { campaign, contactMs, swapAfterHours, logins, transfers },
      entities: lookAlike
        ? { device: n }
        : { person: campaign.attackers, account: campaign.attackers, device: campaign.attackers },
      events: { communicated: n, logged_in: sum(logins), transfer: sum(transfers) },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { campaign, contactMs, swapAfterHours } = draft.params;
    if (campaign.attackers === 0) {
      return newPhoneOverrides(
        ctx.rng,
        contactMs.map((ms, v) => ms + (swapAfterHours[v] ?? 1) * MS_PER_HOUR),
      );
    }
    return attackerOverrides(campaign, campaign.attackers, slots, ctx);
  },

  realize(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, contactMs, swapAfterHours, logins: loginCounts, transfers } = draft.params;
    const side = attackerSide(draft, slots);
    const victims = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const messages: EdgeRecord<'communicated'>[] = [];
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    victims.forEach((account, v) => {
      // Round robin: attacker k works victims k, k + A, …, from the phone holding their numbers.
      const attacker = v % campaign.attackers;
      const phone = side.devices[attacker] ?? 0;
      const contact = contactMs[v] ?? campaign.startMs;
      messages.push(
        message(ctx, slots, v, {
          from: side.persons[attacker] ?? 0,
          to: holderPerson(ctx, account),
          type: rng.pick(['sms', 'phone']),
          atMs: contact,
          lure: true,
        }),
      );
      const swap = contact + (swapAfterHours[v] ?? 1) * MS_PER_HOUR;
      let instant = swap + between(rng, 10 * MS_PER_MINUTE, 30 * MS_PER_MINUTE);
      const count = loginCounts[v] ?? 1;
      for (let l = 0; l < count; l++) {
        if (l > 0) instant += between(rng, MS_PER_MINUTE, 5 * MS_PER_MINUTE);
        const success = l === count - 1;
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device: phone,
            timestampMs: instant,
            ipAddress: population.ipOf(phone),
            ipCountry: population.countryOfDevice(phone),
            success,
            authMethod: 'sms_code',
            failureReason: success ? null : 'invalid_otp',
          }),
        );
      }
      steal(ctx, slots, moves, {
        from: account,
        drops: side.drops,
        afterMs: instant,
        count: transfers[v] ?? 0,
        min: 3_000,
        max: 15_000,
        maxDelayMs: campaign.maxDelayMs,
      });
    });
    return {
      units: {
        communicated: messages.map((m) => [m]),
        logged_in: logins.map((l) => [l]),
        transfer: moves.map((t) => [t]),
      },
      links: [],
      truth: campaignTruth({
        ctx,
        slots,
        subtype: draft.subtype,
        compromised: victims,
        side,
        events: [...messages, ...logins, ...moves],
        attackers: campaign.attackers,
        subtypeIndicators: [
          'sim_swap',
          'pretext_contact_before_takeover',
          'sms_code_from_new_device',
          'two_factor_interception',
          'new_device_login',
        ],
        subtypeRedFlags: ['phone_number_ported', 'social_engineering'],
        parameters: {
          swap_after_hours: swapAfterHours,
          max_transfer_delay_minutes: campaign.maxDelayMs / MS_PER_MINUTE,
        },
      }),
    };
  },

  /**
   * A customer who replaced their phone: an ordinary message from an acquaintance, hours later
   * an sms_code login from the new phone (added, in their country), then ordinary payments.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, contactMs, swapAfterHours, transfers } = draft.params;
    const messages: EdgeRecord<'communicated'>[] = [];
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    const used = new Set<number>();
    for (let v = 0; v < campaign.victims; v++) {
      const phone = slots.entity('device', v);
      const account = drawAccount(ctx, personHeldWithDevice(ctx), used);
      used.add(account);
      const person = holderPerson(ctx, account);
      const friends = population.relatedOf.get(person) ?? [];
      const friend = friends.length > 0 ? rng.pick(friends) : anyPerson(ctx, new Set([person]));
      const contact = contactMs[v] ?? campaign.startMs;
      messages.push(
        message(ctx, slots, v, {
          from: friend,
          to: person,
          type: 'sms',
          atMs: contact,
          lure: false,
        }),
      );
      const login = contact + (swapAfterHours[v] ?? 1) * MS_PER_HOUR;
      logins.push(
        patternLogin(ctx, slots, logins.length, {
          account,
          device: phone,
          timestampMs: login,
          ipAddress: population.ipOf(phone),
          ipCountry: population.countryOfDevice(phone),
          success: true,
          authMethod: 'sms_code',
        }),
      );
      payMerchants(ctx, slots, moves, account, login, transfers[v] ?? 0);
    }
    return {
      units: {
        communicated: messages.map((m) => [m]),
        logged_in: logins.map((l) => [l]),
        transfer: moves.map((t) => [t]),
      },
      links: [],
      truth: null,
    };
  },
};
