import type { EdgeRecord } from '../../../model/index.js';
import { identifiers } from '../../identifiers.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { between, drawRingAccounts, ownDevice, personHeldWithDevice, sum } from '../ring/draw.js';
import { patternLogin } from '../ring/login.js';
import type { RingShape } from '../ring/shape.js';
import type { PatternDraft } from '../typology.js';
import {
  at,
  attackerOverrides,
  attackerSide,
  campaignTruth,
  drawCampaign,
  payMerchants,
  steal,
  type Campaign,
} from './campaign.js';

export interface StuffingParams {
  readonly campaign: Campaign;
  /** Per victim: failed attempts before the success (look-alike: 2–4 typos). */
  readonly failed: readonly number[];
  /** Per victim: transfers after the takeover (look-alike: ordinary payments). */
  readonly transfers: readonly number[];
}

/** Failed attempts on one account spread over at most this long before its takeover. */
const STUFFING_SPREAD_MS = 26 * MS_PER_HOUR;

/**
 * Credential stuffing: a few attacker devices (bots abroad), each behind 1–3 rotating IPs, try
 * leaked passwords on each victim account — cato_min_failed_logins … cato_max_failed_logins
 * failures within 26 h — until one succeeds; 2–5 transfers of 1 000–5 000 to the attackers'
 * drop accounts follow within cato_max_transfer_delay_minutes.
 */
export const credentialStuffing: RingShape<StuffingParams> = {
  describe:
    'per victim account ≥ 5 failed `logged_in` attempts from 2–4 attacker `device`s behind rotating IPs, then a success, then 2–5 `transfer`s within minutes to attacker drop accounts or, about 60 %, purchases at merchants',

  draft(ctx, subtype, lookAlike): PatternDraft<StuffingParams> {
    const { rng, config } = ctx;
    const campaign = drawCampaign(ctx, lookAlike);
    const n = campaign.victims;
    const failed = Array.from({ length: n }, () =>
      lookAlike ? rng.int(2, 4) : rng.int(config.catoMinFailedLogins, config.catoMaxFailedLogins),
    );
    const transfers = Array.from({ length: n }, () => (lookAlike ? rng.int(1, 2) : rng.int(2, 5)));
    const devices = lookAlike ? 0 : rng.int(2, 4);
    return {
      subtype,
      params: { campaign, failed, transfers },
      entities: lookAlike
        ? {}
        : { person: campaign.attackers, account: campaign.attackers, device: devices },
      events: { logged_in: sum(failed) + n, transfer: sum(transfers) },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const devices = draft.entities.device ?? 0;
    if (devices === 0) return {};
    return attackerOverrides(draft.params.campaign, devices, slots, ctx);
  },

  realize(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, failed, transfers } = draft.params;
    const side = attackerSide(draft, slots);
    // Each bot rotates through its own IP and 0–2 proxies in the same country.
    const pools = side.devices.map((d) => [
      population.ipOf(d),
      ...Array.from({ length: rng.int(0, 2) }, () => identifiers.ipv4(rng)),
    ]);
    const victims = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    victims.forEach((account, v) => {
      const takeover = between(rng, at(campaign, 0.3), at(campaign, 0.9));
      const attempts = Array.from({ length: failed[v] ?? 0 }, () =>
        between(rng, Math.max(campaign.startMs, takeover - STUFFING_SPREAD_MS), takeover),
      ).sort((a, b) => a - b);
      [...attempts, takeover].forEach((instant, k) => {
        const success = k === attempts.length;
        const d = rng.int(0, side.devices.length - 1);
        const device = side.devices[d] ?? 0;
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: instant,
            ipAddress: rng.pick(pools[d] ?? ['0.0.0.0']),
            ipCountry: population.countryOfDevice(device),
            success,
            authMethod: 'password',
            failureReason: success ? null : 'invalid_password',
          }),
        );
      });
      steal(ctx, slots, moves, {
        from: account,
        drops: side.drops,
        afterMs: takeover,
        count: transfers[v] ?? 0,
        min: 1_000,
        max: 5_000,
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
          'credential_stuffing',
          'multiple_failed_logins',
          'bot_infrastructure',
          'new_device_login',
          'rapid_post_login_transfers',
        ],
        subtypeRedFlags: ['credential_theft_suspected', 'automated_attack'],
        parameters: {
          attacker_devices: side.devices.length,
          failed_per_account: failed,
          max_transfer_delay_minutes: campaign.maxDelayMs / MS_PER_MINUTE,
        },
      }),
    };
  },

  /**
   * A customer who forgot their password: 2–4 typos then a success, all from their own device
   * and usual IP, then ordinary payments — failures followed by a login and money out, but few
   * failures and no new device.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng, population } = ctx;
    const { campaign, failed, transfers } = draft.params;
    const customers = drawRingAccounts(ctx, campaign.victims, personHeldWithDevice(ctx));
    const logins: EdgeRecord<'logged_in'>[] = [];
    const moves: EdgeRecord<'transfer'>[] = [];
    customers.forEach((account, v) => {
      const device = ownDevice(ctx, account);
      const success = between(rng, at(campaign, 0.1), at(campaign, 0.9));
      const typos = Array.from({ length: failed[v] ?? 0 }, () =>
        between(rng, success - 10 * MS_PER_MINUTE, success),
      ).sort((a, b) => a - b);
      [...typos, success].forEach((instant, k) => {
        logins.push(
          patternLogin(ctx, slots, logins.length, {
            account,
            device,
            timestampMs: instant,
            ipAddress: population.ipOf(device),
            ipCountry: population.countryOfDevice(device),
            success: k === typos.length,
            authMethod: 'password',
          }),
        );
      });
      payMerchants(ctx, slots, moves, account, success, transfers[v] ?? 0);
    });
    return {
      units: { logged_in: logins.map((l) => [l]), transfer: moves.map((t) => [t]) },
      links: [],
      truth: null,
    };
  },
};
