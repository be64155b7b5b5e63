import type { DetectionContext, Detector, Hit } from '../detector.js';
import {
  gremlinRows,
  groupBy,
  isoOf,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  toMs,
  transfers,
  unique,
  type TransferRow,
} from './gremlin.js';

/** Money moved this soon after a takeover login belongs to the attacker's session. */
const SESSION_MS = 60 * MS_PER_MINUTE;
/** Failed logins that make a brute-force burst, and the span they fall in. */
const MIN_FAILURES = 5;
const FAILURE_SPAN_MS = 24 * MS_PER_HOUR;
/** A lure (message) precedes the takeover login by at most this long. */
const LURE_MS = 72 * MS_PER_HOUR;

interface Login {
  id: string;
  account: string;
  device: string;
  ms: number;
  success: boolean;
  ipCountry: string;
  auth: string;
  deviceCountry: string;
}

interface Activity {
  logins: Login[];
  byAccount: Map<string, Login[]>;
  out: Map<string, TransferRow[]>;
}

async function activity(ctx: DetectionContext): Promise<Activity> {
  const rows = await gremlinRows<Omit<Login, 'ms'> & { ts: unknown }>(
    ctx,
    "g.E().hasLabel('logged_in').project('id','account','device','ts','success','ipCountry','auth','deviceCountry')" +
      ".by('login_id').by(outV().id()).by(inV().id()).by('timestamp').by('success')" +
      ".by('ip_country').by('auth_method').by(inV().values('country'))",
  );
  const logins = rows.map((r) => ({ ...r, ms: toMs(r.ts) })).sort((a, b) => a.ms - b.ms);
  const all = await transfers(ctx, "g.E().hasLabel('transfer')");
  all.sort((a, b) => a.at - b.at);
  return { logins, byAccount: groupBy(logins, (l) => l.account), out: groupBy(all, (t) => t.from) };
}

/** Transfers of the session after `login` to accounts the payer never paid before. */
function newPayeeTransfers(a: Activity, login: Login): TransferRow[] {
  const out = a.out.get(login.account) ?? [];
  const before = new Set(out.filter((t) => t.at < login.ms).map((t) => t.to));
  return out.filter((t) => t.at >= login.ms && t.at - login.ms <= SESSION_MS && !before.has(t.to));
}

function takeoverHit(
  login: Login,
  moved: readonly TransferRow[],
  extra: readonly string[],
  why: string,
): Hit {
  return {
    typology: 'account_takeover',
    entities: unique([login.account, login.device, ...moved.map((t) => t.to)]),
    events: unique([...extra, login.id, ...moved.map((t) => t.id)]),
    explanation:
      `${login.account}: ${why} at ${isoOf(login.ms)}, then ${moved.length} transfer(s) within ` +
      `60 min to accounts it never paid before (${unique(moved.map((t) => t.to)).join(', ')})`,
  };
}

/** A login from a device the account never used, then money to new payees within the hour. */
export const newDeviceTakeoverDetector: Detector = {
  name: 'ato-new-device-new-payee-gremlin',
  typology: 'account_takeover',
  subtypes: ['credential_stuffing', 'session_hijacking', 'sim_swap', 'phishing_campaign'],
  backend: 'janusgraph',
  description:
    'a successful login into an account with login history from a device it never used before, followed within 60 min by transfers to accounts it never paid before',
  async run(ctx) {
    const a = await activity(ctx);
    const hits: Hit[] = [];
    for (const list of a.byAccount.values()) {
      const seen = new Set<string>();
      for (const login of list) {
        const known = seen.has(login.device);
        const hasHistory = seen.size > 0;
        if (login.success) seen.add(login.device);
        if (!login.success || known || !hasHistory) continue;
        const moved = newPayeeTransfers(a, login);
        if (moved.length === 0) continue;
        hits.push(takeoverHit(login, moved, [], `first login from device ${login.device}`));
      }
    }
    return hits;
  },
};

/** The account's own device, but from a foreign IP country it never used, then money out. */
export const foreignIpTakeoverDetector: Detector = {
  name: 'ato-known-device-foreign-ip-gremlin',
  typology: 'account_takeover',
  subtypes: ['malware_based', 'session_hijacking'],
  backend: 'janusgraph',
  description:
    'a successful login from a device the account used before but from an IP country neither the device nor the account was ever seen from, followed within 60 min by transfers to new payees',
  async run(ctx) {
    const a = await activity(ctx);
    const hits: Hit[] = [];
    for (const list of a.byAccount.values()) {
      const devices = new Set<string>();
      const countries = new Set<string>();
      for (const login of list) {
        const suspicious =
          login.success &&
          devices.has(login.device) &&
          login.ipCountry !== login.deviceCountry &&
          !countries.has(login.ipCountry);
        if (login.success) {
          devices.add(login.device);
          countries.add(login.ipCountry);
        }
        if (!suspicious) continue;
        const moved = newPayeeTransfers(a, login);
        if (moved.length === 0) continue;
        hits.push(
          takeoverHit(
            login,
            moved,
            [],
            `login from its own device ${login.device} via ${login.ipCountry} (device country ${login.deviceCountry})`,
          ),
        );
      }
    }
    return hits;
  },
};

/** 5+ failed logins within a day, then a success: credential stuffing / brute force. */
export const failedBurstDetector: Detector = {
  name: 'ato-failed-login-burst-gremlin',
  typology: 'account_takeover',
  subtypes: ['credential_stuffing'],
  backend: 'janusgraph',
  description:
    '5+ failed logins into one account within 24 h, then a successful login (with the transfers to new payees in the following 60 min)',
  async run(ctx) {
    const a = await activity(ctx);
    const hits: Hit[] = [];
    for (const list of a.byAccount.values()) {
      let failures: Login[] = [];
      for (const login of list) {
        if (!login.success) {
          failures.push(login);
          continue;
        }
        const recent = failures.filter((f) => login.ms - f.ms <= FAILURE_SPAN_MS);
        failures = [];
        if (recent.length < MIN_FAILURES) continue;
        const moved = newPayeeTransfers(a, login);
        hits.push(
          takeoverHit(
            login,
            moved,
            recent.map((f) => f.id),
            `${recent.length} failed logins from ${unique(recent.map((f) => f.device)).length} device(s), then a success`,
          ),
        );
      }
    }
    return hits;
  },
};

/** An SMS-code login right after someone messaged the holder: SIM swap. */
export const smsCodeTakeoverDetector: Detector = {
  name: 'ato-sms-code-after-message-gremlin',
  typology: 'account_takeover',
  subtypes: ['sim_swap'],
  backend: 'janusgraph',
  description:
    'a successful sms_code login from a device the account never used, within 72 h after an sms/phone message to the account holder, followed within 60 min by transfers to new payees',
  async run(ctx) {
    const a = await activity(ctx);
    const candidates: { login: Login; moved: TransferRow[] }[] = [];
    for (const list of a.byAccount.values()) {
      const seen = new Set<string>();
      for (const login of list) {
        const known = seen.has(login.device);
        if (login.success) seen.add(login.device);
        if (!login.success || known || login.auth !== 'sms_code') continue;
        const moved = newPayeeTransfers(a, login);
        if (moved.length > 0) candidates.push({ login, moved });
      }
    }
    if (candidates.length === 0) return [];
    const messages = await gremlinRows<{ account: string; id: string; ts: unknown }>(
      ctx,
      "g.V(ids).as('account').in('owns').hasLabel('person')" +
        ".inE('communicated').has('communication_type', within(kinds)).as('m')" +
        ".select('account','m').project('account','id','ts')" +
        ".by(select('account').id()).by(select('m').values('communication_id'))" +
        ".by(select('m').values('timestamp'))",
      { ids: unique(candidates.map((c) => c.login.account)), kinds: ['sms', 'phone'] },
    );
    const byAccount = groupBy(messages, (m) => m.account);
    const hits: Hit[] = [];
    for (const { login, moved } of candidates) {
      const lures = (byAccount.get(login.account) ?? []).filter((m) => {
        const gap = login.ms - toMs(m.ts);
        return gap > 0 && gap <= LURE_MS;
      });
      if (lures.length === 0) continue;
      hits.push(
        takeoverHit(
          login,
          moved,
          lures.map((m) => m.id),
          `sms_code login from new device ${login.device} after ${lures.length} sms/phone message(s) to the holder`,
        ),
      );
    }
    return hits;
  },
};

export const ACCOUNT_TAKEOVER_GREMLIN_DETECTORS: readonly Detector[] = [
  newDeviceTakeoverDetector,
  foreignIpTakeoverDetector,
  failedBurstDetector,
  smsCodeTakeoverDetector,
];
