import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { between, drawRingAccounts, ownDevice, personHeldWithDevice, sum } from '../ring/draw.js';
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
  payMerchants,
  steal,
  type Campaign,
} from './campaign.js';

export interface PhishingParams {
  readonly campaign: Campaign;
  /** Targets whose accounts are taken over (look-alike: recipients who later log in). */
  readonly compromised: number;
  /** Per compromised target: failed attempts before the success (0–1). */
  readonly failed: readonly number[];
  readonly transfers: readonly number[];
  readonly devices: number;
}

/**
 * Phishing campaign: attackers email every target a lure with fraud watch-list phrases within
 * 6 h of the campaign start; cato_phishing_compromise_rate of the targets (at least one) enter
 * their credentials, and 2 h … half the campaign later their accounts are logged into from an
 * attacker device (0–1 typo first), and 1–3 transfers of 1 000–8 000 leave within minutes.
 */
export const phishingCampaign: RingShape<PhishingParams> = {
  describe:
    'attacker → many targets `communicated` emails with fraud phrases; for ~30 % of them, hours later a successful `logged_in` from an attacker `device`, then 1–3 `transfer`s within minutes to attacker drop accounts or, about 60 %, purchases at merchants',

  draft(ctx, subtype, lookAlike): PatternDraft<PhishingParams> {
    const { rng, config } = ctx;
    const drawn = drawCampaign(ctx, lookAlike);
    // A look-alike is a newsletter: as many recipients as a real campaign has targets.
    const campaign = lookAlike
      ? { ...drawn, victims: rng.int(config.catoMinVictims, config.catoMaxVictims) }
      : drawn;
    const compromised = lookAlike
      ? rng.int(1, 2)
      : Math.min(
          campaign.victims,
          Math.max(1, Math.round(config.catoPhishingCompromiseRate * campaign.victims)),
        );
    const failed = Array.from({ length: compromised }, () => (lookAlike ? 0 : rng.int(0, 1)));
    const transfers = Array.from({ length: compromised }, () => rng.int(1, lookAlike ? 2 : 3));
    const devices = lookAlike ? 0 : rng.int(1, campaign.attackers);
    return {
      subtype,
      params: { campaign, compromised, failed, transfers, devices },
      entities: lookAlike
        ? {}
        : { person: campaign.attackers, account: campaign.attackers, device: devices },
      events: {
        communicated: campaign.victims,
        logged_in: sum(failed) + compromised,
        transfer: sum(transfers),
      },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { campaign, devices } = draft.params;
    if (campaign.attackers === 0) return {};
    return attackerOverrides(campaign, devices, slots, ctx);
  },

  realize(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, compromised, failed, transfers } = draft.params;
    const side = attackerSide(draft, slots);
    const targets = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const mailedAt = targets.map(() =>
      between(rng, campaign.startMs, campaign.startMs + 6 * MS_PER_HOUR),
    );
    const messages = targets.map((account, v) =>
      message(ctx, slots, v, {
        from: side.persons[v % side.persons.length] ?? 0,
        to: holderPerson(ctx, account),
        type: 'email',
        atMs: mailedAt[v] ?? campaign.startMs,
        lure: true,
      }),
    );
    const hooked = rng.sample(
      targets.map((_, v) => v),
      compromised,
    );
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    hooked.forEach((v, c) => {
      const account = targets[v] ?? 0;
      const device = side.devices[c % side.devices.length] ?? 0;
      const mailed = mailedAt[v] ?? campaign.startMs;
      const success = between(
        rng,
        mailed + 2 * MS_PER_HOUR,
        Math.max(mailed + 3 * MS_PER_HOUR, at(campaign, 0.5)),
      );
      const typos = Array.from({ length: failed[c] ?? 0 }, () =>
        between(rng, success - 5 * MS_PER_MINUTE, success),
      );
      [...typos, success].forEach((instant, k) => {
        const ok = k === typos.length;
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: instant,
            ipAddress: population.ipOf(device),
            ipCountry: population.countryOfDevice(device),
            success: ok,
            authMethod: 'password',
            failureReason: ok ? null : 'invalid_password',
          }),
        );
      });
      steal(ctx, slots, moves, {
        from: account,
        drops: side.drops,
        afterMs: success,
        count: transfers[c] ?? 0,
        min: 1_000,
        max: 8_000,
        maxDelayMs: campaign.maxDelayMs,
      });
    });
    const victimAccounts = hooked.map((v) => targets[v] ?? 0);
    const missed: Participant[] = targets
      .filter((_, v) => !hooked.includes(v))
      .map((account) => ({
        id: vertexId('person', holderPerson(ctx, account)),
        label: 'person',
        role: 'phishing_target',
      }));
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
        compromised: victimAccounts,
        side,
        moreParticipants: missed,
        events: [...messages, ...logins, ...moves],
        attackers: campaign.attackers,
        subtypeIndicators: [
          'phishing_campaign',
          'phishing_messages',
          'credential_harvesting',
          'new_device_login',
        ],
        subtypeRedFlags: ['mass_phishing', 'social_engineering'],
        parameters: {
          targets: targets.length,
          compromised: victimAccounts.length,
          attacker_devices: side.devices.length,
          max_transfer_delay_minutes: campaign.maxDelayMs / MS_PER_MINUTE,
        },
      }),
    };
  },

  /**
   * A newsletter: one sender mails many customers a notice that trips the fraud watch list
   * ("verify your account"); one or two of them log in later from their own device and pay
   * ordinary merchants. Mass mail with phrases, logins after it, but no new devices.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, compromised, transfers } = draft.params;
    const recipients = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const sender = anyPerson(ctx, new Set(recipients.map((a) => holderPerson(ctx, a))));
    const sentAt = between(rng, campaign.startMs, campaign.startMs + 6 * MS_PER_HOUR);
    const messages = recipients.map((account, v) =>
      message(ctx, slots, v, {
        from: sender,
        to: holderPerson(ctx, account),
        type: 'email',
        atMs: sentAt + v * 1_000,
        lure: true,
      }),
    );
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    for (let c = 0; c < compromised; c++) {
      const account = recipients[c] ?? 0;
      const device = ownDevice(ctx, account);
      const instant = between(rng, sentAt + 2 * MS_PER_HOUR, at(campaign, 0.9));
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
      payMerchants(ctx, slots, moves, account, instant, transfers[c] ?? 0);
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
