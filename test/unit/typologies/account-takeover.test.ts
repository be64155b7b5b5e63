import { describe, expect, it } from 'vitest';
import type { EdgeRecord, PatternTruth } from '../../../src/model/index.js';
import { ConfigError } from '../../../src/errors.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, isPurchase, runWithTruth, withRole, type Run } from '../../helpers/patterns.js';

const MINUTE = 60_000;
const MAX_DELAY_MINUTES = 20;

/** One campaign of each subtype (drafted round robin), on a light small population. */
function catoConfig(seed: number, extra: Record<string, unknown> = {}) {
  return configOf('small', {
    seed,
    transactionCount: 500,
    communicationCount: 50,
    tradeCount: 50,
    travelCount: 20,
    documentCount: 50,
    loginCount: 300,
    catoPatterns: 5,
    catoMaxTransferDelayMinutes: MAX_DELAY_MINUTES,
    nearMissRate: 0,
    ...extra,
  });
}

const runs = new Map<number, Promise<Run>>();
function runFor(seed: number): Promise<Run> {
  let run = runs.get(seed);
  if (run === undefined) {
    run = runWithTruth(catoConfig(seed));
    runs.set(seed, run);
  }
  return run;
}

type Login = EdgeRecord<'logged_in'>;
type Transfer = EdgeRecord<'transfer'>;
type Message = EdgeRecord<'communicated'>;

const ms = (r: Login | Transfer | Message) => Date.parse(r.properties.timestamp);
const index = (id: string) => Number.parseInt(id.slice(3), 10);

interface Campaign {
  readonly truth: PatternTruth;
  readonly logins: Login[];
  readonly transfers: Transfer[];
  readonly messages: Message[];
}

function campaignOf(run: Run, subtype: string): Campaign {
  const truth = run.truth.patterns.find(
    (p) => p.typology === 'account_takeover' && p.subtype === subtype,
  );
  if (truth === undefined) throw new Error(`no ${subtype} in the truth`);
  const events = eventsOf(run, truth);
  return {
    truth,
    logins: ((events['logged_in'] ?? []) as Login[]).sort((a, b) => ms(a) - ms(b)),
    transfers: (events['transfer'] ?? []) as Transfer[],
    messages: (events['communicated'] ?? []) as Message[],
  };
}

/** The holder (person id) of an account. */
function holder(run: Run, account: string): string {
  const vertex = run.vertices.get(account);
  if (vertex?.label !== 'account') throw new Error(`${account} is not an account`);
  return vertex.properties.owner_id;
}

/**
 * What every takeover shares: each fraudulent transfer leaves a compromised account for an
 * attacker drop account, or buys at a merchant, within the configured delay after a successful
 * login on that account;
 * unless the subtype uses the victim's own device, that login's device is one the account had
 * never logged in from before the attack. Returns the takeover login of each account.
 */
function checkTakeovers(run: Run, campaign: Campaign, ownDevice: boolean): Map<string, Login> {
  const { truth, logins, transfers } = campaign;
  const compromised = withRole(truth, 'compromised_account');
  const drops = new Set(withRole(truth, 'attacker_account'));
  const attackerDevices = new Set(withRole(truth, 'attacker_device'));
  for (const id of [...drops, ...attackerDevices, ...withRole(truth, 'attacker')])
    expect(truth.added_entities).toContain(id);
  expect(compromised.length).toBeGreaterThan(0);
  const takeovers = new Map<string, Login>();
  const everyLogin = run.records.filter((r) => r.label === 'logged_in');
  for (const account of compromised) {
    const sent = transfers.filter((t) => t.outV === account);
    expect(sent.length, `${account} is emptied`).toBeGreaterThan(0);
    const attackStart = Math.min(...logins.filter((l) => l.outV === account).map(ms));
    for (const transfer of sent) {
      expect(
        drops.has(transfer.inV) || isPurchase(run, transfer),
        `${transfer.id} goes to a drop account or buys at a merchant`,
      ).toBe(true);
      const login = [...logins]
        .reverse()
        .find((l) => l.outV === account && l.properties.success && ms(l) < ms(transfer));
      expect(login, `${transfer.id} follows a successful login`).toBeDefined();
      if (login === undefined) continue;
      if (!takeovers.has(account)) takeovers.set(account, login);
      expect(ms(transfer) - ms(login)).toBeLessThanOrEqual(MAX_DELAY_MINUTES * MINUTE);
      if (ownDevice) continue;
      expect(attackerDevices.has(login.inV)).toBe(true);
      const before = everyLogin.filter(
        (l) => l.outV === account && l.inV === login.inV && ms(l) < attackStart,
      );
      expect(before, `${login.inV} is new to ${account}`).toHaveLength(0);
    }
  }
  expect(transfers.every((t) => compromised.includes(t.outV))).toBe(true);
  return takeovers;
}

const seeds = randomSeeds(3);

describe('coordinated account takeover', () => {
  for (const seed of seeds) {
    it(`credential_stuffing: ≥ 5 failed attempts from attacker devices, then a success, then transfers within minutes (seed ${seed})`, async () => {
      const run = await runFor(seed);
      const campaign = campaignOf(run, 'credential_stuffing');
      const takeovers = checkTakeovers(run, campaign, false);
      const devices = new Set(withRole(campaign.truth, 'attacker_device'));
      expect(devices.size).toBeGreaterThanOrEqual(2);
      for (const [account, takeover] of takeovers) {
        const attempts = campaign.logins.filter((l) => l.outV === account);
        const failures = attempts.filter((l) => !l.properties.success);
        expect(failures.length).toBeGreaterThanOrEqual(5);
        expect(failures.every((l) => ms(l) < ms(takeover) && devices.has(l.inV))).toBe(true);
        expect(failures.every((l) => l.properties.failure_reason === 'invalid_password')).toBe(
          true,
        );
      }
    });

    it(`session_hijacking: the victim's own login, then minutes later a success from an attacker device and IP (seed ${seed})`, async () => {
      const run = await runFor(seed);
      const campaign = campaignOf(run, 'session_hijacking');
      const takeovers = checkTakeovers(run, campaign, false);
      const persons = run.records.filter((r) => r.label === 'person').length;
      for (const [account, hijack] of takeovers) {
        const own = campaign.logins.find((l) => l.outV === account && l !== hijack);
        expect(own?.properties.success).toBe(true);
        if (own === undefined) continue;
        // device d belongs to person d mod person_count
        expect(index(own.inV) % persons).toBe(index(holder(run, account)));
        const minutes = (ms(hijack) - ms(own)) / MINUTE;
        expect(minutes).toBeGreaterThanOrEqual(5);
        expect(minutes).toBeLessThanOrEqual(30);
        expect(hijack.properties.ip_address).not.toBe(own.properties.ip_address);
        expect(hijack.inV).not.toBe(own.inV);
      }
    });

    it(`sim_swap: an attacker message to the victim, then sms_code logins from a new device, then transfers (seed ${seed})`, async () => {
      const run = await runFor(seed);
      const campaign = campaignOf(run, 'sim_swap');
      const takeovers = checkTakeovers(run, campaign, false);
      const attackers = new Set(withRole(campaign.truth, 'attacker'));
      for (const [account, takeover] of takeovers) {
        const attempts = campaign.logins.filter((l) => l.outV === account);
        expect(attempts.every((l) => l.properties.auth_method === 'sms_code')).toBe(true);
        const contact = campaign.messages.find(
          (m) => m.inV === holder(run, account) && attackers.has(m.outV),
        );
        expect(contact, `the attacker contacted ${holder(run, account)}`).toBeDefined();
        if (contact === undefined) continue;
        expect(ms(contact)).toBeLessThan(Math.min(...attempts.map(ms)));
        expect(contact.properties.suspicious_keywords.length).toBeGreaterThan(0);
        expect(ms(takeover) - ms(contact)).toBeGreaterThanOrEqual(60 * MINUTE);
      }
    });

    it(`phishing_campaign: every victim got a phishing message before its compromise, ~30 % of targets compromised (seed ${seed})`, async () => {
      const run = await runFor(seed);
      const campaign = campaignOf(run, 'phishing_campaign');
      const takeovers = checkTakeovers(run, campaign, false);
      const attackers = new Set(withRole(campaign.truth, 'attacker'));
      const targets = campaign.messages.length;
      expect(targets).toBe(
        withRole(campaign.truth, 'victim').length +
          withRole(campaign.truth, 'phishing_target').length,
      );
      expect(takeovers.size).toBe(Math.max(1, Math.round(0.3 * targets)));
      for (const lure of campaign.messages) {
        expect(attackers.has(lure.outV)).toBe(true);
        expect(lure.properties.communication_type).toBe('email');
        expect(lure.properties.suspicious_keywords.length).toBeGreaterThan(0);
      }
      for (const [account, takeover] of takeovers) {
        const lure = campaign.messages.find((m) => m.inV === holder(run, account));
        expect(lure, `${account}'s holder was phished`).toBeDefined();
        const first = Math.min(
          ...campaign.logins.filter((l) => l.outV === account).map((l) => ms(l)),
        );
        expect(ms(lure!)).toBeLessThan(first);
        expect(ms(takeover)).toBeGreaterThan(ms(lure!));
      }
    });

    it(`malware_based: successful logins from the victim's own device but an unusual IP and country (seed ${seed})`, async () => {
      const run = await runFor(seed);
      const campaign = campaignOf(run, 'malware_based');
      const takeovers = checkTakeovers(run, campaign, true);
      const persons = run.records.filter((r) => r.label === 'person').length;
      expect(withRole(campaign.truth, 'attacker_device')).toHaveLength(0);
      for (const [account] of takeovers) {
        for (const login of campaign.logins.filter((l) => l.outV === account)) {
          expect(login.properties.success).toBe(true);
          expect(index(login.inV) % persons).toBe(index(holder(run, account)));
          const device = run.vertices.get(login.inV);
          if (device?.label !== 'device') throw new Error(`${login.inV} is not a device`);
          expect(login.properties.ip_address).not.toBe(device.properties.ip_address);
          expect(login.properties.ip_country).not.toBe(device.properties.country);
          expect(withRole(campaign.truth, 'infected_device')).toContain(login.inV);
        }
      }
    });
  }

  it('look-alikes add unlabelled logins, messages and transfers', async () => {
    const config = catoConfig(seeds[0] ?? 1, { nearMissRate: 1 });
    const run = await runWithTruth(config);
    const campaigns = run.truth.patterns.filter((p) => p.typology === 'account_takeover');
    expect(campaigns).toHaveLength(5);
    const labelled = new Set(run.truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
    const background = {
      transfer: config.transactionCount,
      logged_in: config.loginCount,
      communicated: config.communicationCount,
    };
    for (const [label, count] of Object.entries(background)) {
      const all = run.records.filter((r) => r.label === label).length;
      const inPatterns = [...labelled].filter((k) => k.startsWith(`${label}:`)).length;
      expect(all - count, `${label}: look-alike events exist`).toBeGreaterThan(inPatterns);
    }
    // near misses of the shapes: an unlabelled sms_code success (a customer's new phone) and an
    // unlabelled mass mail with fraud phrases from one sender (a newsletter)
    const unlabelled = (r: { label: string; id: string }) => !labelled.has(`${r.label}:${r.id}`);
    const smsLogins = run.records.filter(
      (r) =>
        r.label === 'logged_in' &&
        unlabelled(r) &&
        r.properties.auth_method === 'sms_code' &&
        r.properties.success,
    );
    expect(smsLogins.length).toBeGreaterThan(0);
    const lures = new Map<string, number>();
    for (const r of run.records) {
      if (r.label !== 'communicated' || !unlabelled(r)) continue;
      if (r.properties.suspicious_keywords.length > 0)
        lures.set(r.outV, (lures.get(r.outV) ?? 0) + 1);
    }
    expect(Math.max(...lures.values())).toBeGreaterThanOrEqual(config.catoMinVictims);
    const ids = new Set(campaigns.map((c) => c.pattern_id));
    expect(run.truth.eventLabels.every((e) => e.pattern_ids.every((id) => ids.has(id)))).toBe(true);
  });

  describe('validation', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a single victim', { catoMinVictims: 1 }, 'cato_min_victims: 1 must be ≥ 2'],
      [
        'a maximum victim count below the minimum',
        { catoMinVictims: 8, catoMaxVictims: 6 },
        'cato_max_victims: 6 must be ≥ cato_min_victims (8)',
      ],
      [
        'a maximum attacker count below the minimum',
        { catoMinAttackers: 3, catoMaxAttackers: 2 },
        'cato_max_attackers: 2 must be ≥ cato_min_attackers (3)',
      ],
      [
        'credential stuffing with few failures',
        { catoMinFailedLogins: 3 },
        'cato_min_failed_logins: 3 must be ≥ 5',
      ],
      [
        'a maximum failure count below the minimum',
        { catoMinFailedLogins: 10, catoMaxFailedLogins: 8 },
        'cato_max_failed_logins: 8 must be ≥ cato_min_failed_logins (10)',
      ],
      [
        'transfers hours after the takeover',
        { catoMaxTransferDelayMinutes: 600 },
        'cato_max_transfer_delay_minutes: 600 must be between 2 and 240',
      ],
      ['a campaign of a day', { catoCampaignDays: 1 }, 'cato_campaign_days: 1 must be ≥ 3'],
      [
        'a phishing campaign that compromises no one',
        { catoPhishingCompromiseRate: 0 },
        'cato_phishing_compromise_rate: 0 must be > 0',
      ],
      [
        'a campaign longer than the event window',
        { catoPatterns: 1, catoCampaignDays: 20, durationDays: 10 },
        'duration_days: 10 is shorter than cato_campaign_days (20)',
      ],
      [
        'more victims than persons',
        { catoPatterns: 1, catoMaxVictims: 150 },
        'cato_patterns: 1 needs person_count ≥ cato_max_victims (150)',
      ],
    ];
    for (const [what, overrides, message] of cases) {
      it(`rejects ${what}`, () => {
        const plan = () => planRun(configOf('small', overrides));
        expect(plan).toThrow(ConfigError);
        expect(plan).toThrow(message);
      });
    }
  });
});
