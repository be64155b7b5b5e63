import { parseJsonProperty } from '../query-kit.js';
import type { DetectionContext, Detector, Hit } from '../detector.js';
import {
  gremlinRows,
  groupBy,
  isoOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  toMs,
  transfers,
  unique,
  type TransferRow,
} from './gremlin.js';

const allTransfers = (ctx: DetectionContext) => transfers(ctx, "g.E().hasLabel('transfer')");

/** A mule forwards a payment to the hub within this long, keeping a small cut. */
const FORWARD_MS = 6 * MS_PER_HOUR;
const FORWARD_MIN_SHARE = 0.9;
/** Fewest spokes that make a hub. */
const MIN_SPOKES = 3;

/** Victim → mule → hub: payments forwarded almost whole within hours to one hub by 3+ mules. */
export const muleHubDetector: Detector = {
  name: 'fraud-ring-mule-hub-gremlin',
  typology: 'fraud_ring',
  subtypes: ['money_mule_network'],
  backend: 'janusgraph',
  description:
    'a hub account receiving from 3+ spoke accounts, each forwarding 90–100 % of a payment it received within the previous 6 h; with the hub’s outgoing transfers in the following 7 days',
  async run(ctx) {
    const all = await allTransfers(ctx);
    const into = groupBy(all, (t) => t.to);
    const forwards: { inbound: TransferRow; forward: TransferRow }[] = [];
    for (const forward of all) {
      for (const inbound of into.get(forward.from) ?? []) {
        const gap = forward.at - inbound.at;
        const share = forward.amount / inbound.amount;
        if (gap > 0 && gap <= FORWARD_MS && share >= FORWARD_MIN_SHARE && share < 1)
          forwards.push({ inbound, forward });
      }
    }
    const hits: Hit[] = [];
    const outOf = groupBy(all, (t) => t.from);
    for (const [hub, list] of groupBy(forwards, (f) => f.forward.to)) {
      const spokes = unique(list.map((f) => f.forward.from));
      if (spokes.length < MIN_SPOKES) continue;
      const last = Math.max(...list.map((f) => f.forward.at));
      const first = Math.min(...list.map((f) => f.forward.at));
      const cashOuts = (outOf.get(hub) ?? []).filter(
        (t) => t.at >= first && t.at <= last + 7 * MS_PER_DAY,
      );
      hits.push({
        typology: 'fraud_ring',
        entities: unique([hub, ...spokes, ...list.map((f) => f.inbound.from)]),
        events: unique([
          ...list.flatMap((f) => [f.inbound.id, f.forward.id]),
          ...cashOuts.map((t) => t.id),
        ]),
        explanation: `hub ${hub}: ${spokes.length} spoke accounts forwarded ${list.length} payments (90–100 %, within 6 h) to it; ${cashOuts.length} outgoing transfer(s) after`,
      });
    }
    return hits;
  },
};

interface Login {
  id: string;
  account: string;
  device: string;
  ms: number;
  success: boolean;
}

export async function logins(ctx: DetectionContext): Promise<Login[]> {
  const rows = await gremlinRows<Omit<Login, 'ms'> & { ts: unknown }>(
    ctx,
    "g.E().hasLabel('logged_in').project('id','account','device','ts','success')" +
      ".by('login_id').by(outV().id()).by(inV().id()).by('timestamp').by('success')",
  );
  return rows.map((r) => ({ ...r, ms: toMs(r.ts) })).sort((a, b) => a.ms - b.ms);
}

/** After a login, transfers within this long count as made in that session. */
const SESSION_MS = 3 * MS_PER_HOUR;

/** Several accounts taken over from the same devices, paying the same few accounts. */
export const sharedDeviceRingDetector: Detector = {
  name: 'fraud-ring-shared-device-payout-gremlin',
  typology: 'fraud_ring',
  subtypes: ['account_takeover_ring'],
  backend: 'janusgraph',
  description:
    'a device with successful logins into 3+ accounts, 2+ of which each send money within 3 h of that login to the same destination account',
  async run(ctx) {
    const [all, ins] = await Promise.all([allTransfers(ctx), logins(ctx)]);
    const outOf = groupBy(all, (t) => t.from);
    const hits: Hit[] = [];
    for (const [device, list] of groupBy(
      ins.filter((l) => l.success),
      (l) => l.device,
    )) {
      if (unique(list.map((l) => l.account)).length < 3) continue;
      // Session transfers of each account after a login from this device.
      const sessions = list.flatMap((login) =>
        (outOf.get(login.account) ?? [])
          .filter((t) => t.at >= login.ms && t.at - login.ms <= SESSION_MS)
          .map((t) => ({ login, t })),
      );
      for (const [dest, paid] of groupBy(sessions, (s) => s.t.to)) {
        const payers = unique(paid.map((s) => s.login.account));
        if (payers.length < 2) continue;
        const failed = ins.filter(
          (l) =>
            !l.success &&
            l.device === device &&
            payers.includes(l.account) &&
            paid.some((s) => s.login.account === l.account && l.ms <= s.login.ms),
        );
        hits.push({
          typology: 'fraud_ring',
          entities: unique([device, dest, ...payers]),
          events: unique([
            ...paid.flatMap((s) => [s.login.id, s.t.id]),
            ...failed.map((l) => l.id),
          ]),
          explanation: `device ${device} logged into ${payers.length} accounts that each paid ${dest} within 3 h of the login`,
        });
      }
    }
    return hits;
  },
};

interface Holder {
  account: string;
  type: string;
  opened: unknown;
  person: string;
  phone: string;
  email: string;
  addresses: string;
  taxId: string;
}

function fragments(h: Holder): string[] {
  const out = [`phone:${h.phone}`, `email:${h.email.split('@')[1] ?? ''}`];
  const prefix = /^[^-\s]+/.exec(h.taxId)?.[0];
  if (prefix && prefix !== h.taxId) out.push(`tax:${prefix}`);
  const addresses = parseJsonProperty(h.addresses, `person ${h.person}: addresses`) as {
    street?: string;
    city?: string;
  }[];
  for (const a of addresses) if (a.street) out.push(`street:${a.street}|${a.city ?? ''}`);
  return out;
}

/** Free e-mail providers: sharing one says nothing. */
const FREE_MAIL = new Set(
  [
    'gmail.com',
    'yahoo.com',
    'hotmail.com',
    'outlook.com',
    'icloud.com',
    'aol.com',
    'protonmail.com',
  ].map((d) => `email:${d}`),
);

/** Young credit accounts of persons sharing identity fragments, maxed out to one account. */
export const syntheticIdentityDetector: Detector = {
  name: 'fraud-ring-synthetic-identity-gremlin',
  typology: 'fraud_ring',
  subtypes: ['synthetic_identity_fraud'],
  backend: 'janusgraph',
  description:
    'credit-card accounts opened within the data window by 3+ persons sharing a phone, (non-free-mail) email domain, street or tax-id prefix, 3+ and ≥ 75 % of them each sending ≥ 2,500 to the same destination account within a week',
  async run(ctx) {
    const holders = await gremlinRows<Holder>(
      ctx,
      "g.V().has('account','account_type','credit_card').has('opened_date', gte(since))" +
        ".as('a').in('owns').hasLabel('person').as('p')" +
        ".select('a','p').project('account','type','opened','person','phone','email','addresses','taxId')" +
        ".by(select('a').id()).by(select('a').values('account_type')).by(select('a').values('opened_date'))" +
        ".by(select('p').id()).by(select('p').values('phone')).by(select('p').values('email'))" +
        ".by(select('p').values('addresses')).by(select('p').values('tax_id'))",
      // Dates (not timestamps) are ISO `YYYY-MM-DD` strings in the graph: they sort as text.
      { since: isoOf(ctx.windowStartMs - 30 * MS_PER_DAY).slice(0, 10) },
    );
    if (holders.length === 0) return [];
    const accounts = unique(holders.map((h) => h.account));
    const maxOuts = await transfers(ctx, "g.V(ids).outE('transfer').has('amount_base', gte(big))", {
      ids: accounts,
      big: 2_500,
    });
    const hits: Hit[] = [];
    const byFragment = groupBy(
      holders.flatMap((h) => fragments(h).map((f) => ({ f, h }))),
      (x) => x.f,
    );
    const seen = new Set<string>();
    for (const [fragment, list] of byFragment) {
      const persons = unique(list.map((x) => x.h.person));
      if (persons.length < 3 || FREE_MAIL.has(fragment)) continue;
      const members = new Set(list.map((x) => x.h.account));
      for (const [dest, paid] of groupBy(
        maxOuts.filter((t) => members.has(t.from)),
        (t) => t.to,
      )) {
        // The busiest week of max-outs into this account.
        paid.sort((x, y) => x.at - y.at);
        let week: TransferRow[] = [];
        for (const first of paid) {
          const inWeek = paid.filter((t) => t.at >= first.at && t.at - first.at <= 7 * MS_PER_DAY);
          if (unique(inWeek.map((t) => t.from)).length > unique(week.map((t) => t.from)).length)
            week = inWeek;
        }
        const payers = unique(week.map((t) => t.from));
        // Most of the group maxes out to the same account within a week.
        if (payers.length < 3 || payers.length < 0.75 * members.size) continue;
        const key = dest; // one finding per cash-out account
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          typology: 'fraud_ring',
          entities: unique([...persons, ...payers, dest]),
          events: week.map((t) => t.id),
          explanation: `${persons.length} persons sharing ${fragment} hold young credit cards; ${payers.length} of them sent ≥ 2,500 to ${dest}`,
        });
      }
    }
    return hits;
  },
};

/** Card spending: the transaction types a credit card or loan pays merchants with. */
const CARD_TYPES = ['pos', 'payment', 'online'];

/** Bust-out: months of small card payments, then a short burst of much larger ones. */
export const bustOutDetector: Detector = {
  name: 'fraud-ring-bust-out-gremlin',
  typology: 'fraud_ring',
  subtypes: ['bust_out_fraud'],
  backend: 'janusgraph',
  description:
    'a credit-card or loan account whose card payments (pos/payment/online, compared in the base currency) show 3+ earlier payments, then 2+ payments within 72 h each ≥ 5× the largest earlier one, and no card payment after them',
  async run(ctx) {
    const rows = await gremlinRows<{ account: string; t: TransferRow[] }>(
      ctx,
      "g.V().has('account','account_type',within(types)).project('account','t')" +
        ".by(id()).by(outE('transfer').has('transaction_type', within(card))" +
        ".project('id','from','to','amount','currency','type','at')" +
        ".by('transaction_id').by(outV().id()).by(inV().id()).by('amount_base').by('base_currency')" +
        ".by('transaction_type').by('timestamp').fold())",
      { types: ['credit_card', 'loan'], card: CARD_TYPES },
    );
    const hits: Hit[] = [];
    for (const { account, t } of rows) {
      const list = t.map((x) => ({ ...x, at: toMs(x.at) })).sort((a, b) => a.at - b.at);
      for (let i = 3; i < list.length; i += 1) {
        const earlier = list.slice(0, i);
        const max = Math.max(...earlier.map((x) => x.amount));
        const start = list[i] as TransferRow;
        if (start.amount < 5 * max) continue;
        const rest = list.slice(i);
        const burst = rest.filter((x) => x.at - start.at <= 72 * MS_PER_HOUR);
        if (burst.length < 2 || burst.length < rest.length) continue;
        if (burst.some((x) => x.amount < 5 * max)) continue;
        hits.push({
          typology: 'fraud_ring',
          entities: unique([account, ...burst.map((x) => x.to)]),
          events: [...earlier, ...burst].map((x) => x.id),
          explanation: `${account}: ${i} card payments up to ${max.toFixed(2)} ${list[0]?.currency ?? ''}, then ${burst.length} of ≥ 5× that within 72 h from ${isoOf(start.at)}, then nothing`,
        });
        break;
      }
    }
    return hits;
  },
};

/** Check kiting: checks round a cycle of accounts, each a little larger, 1–2 days apart. */
export const checkKitingDetector: Detector = {
  name: 'fraud-ring-check-kiting-gremlin',
  typology: 'fraud_ring',
  subtypes: ['check_kiting_ring'],
  backend: 'janusgraph',
  description:
    'a chain of check transfers A → B → … → A over 3+ accounts, each 12–72 h after the previous and 1–20 % larger',
  async run(ctx) {
    const checks = (
      await transfers(ctx, "g.E().hasLabel('transfer').has('transaction_type','check')")
    ).sort((a, b) => a.at - b.at);
    const outOf = groupBy(checks, (t) => t.from);
    const hits: Hit[] = [];
    const used = new Set<string>();
    const next = (t: TransferRow) =>
      (outOf.get(t.to) ?? []).filter(
        (n) =>
          n.at - t.at >= 12 * MS_PER_HOUR &&
          n.at - t.at <= 72 * MS_PER_HOUR &&
          n.amount > t.amount * 1.01 &&
          n.amount <= t.amount * 1.2,
      );
    for (const first of checks) {
      if (used.has(first.id)) continue;
      // Follow the kite as long as it goes on; report it once it has closed a cycle.
      const chain: TransferRow[] = [first];
      for (;;) {
        const last = chain.at(-1) as TransferRow;
        const candidates = next(last).filter((n) => !chain.includes(n));
        const n = candidates[0];
        if (!n) break;
        chain.push(n);
      }
      const accounts = unique(chain.map((t) => t.from));
      const closes = chain.findIndex((t, i) => i >= 2 && t.to === first.from);
      if (closes < 0 || accounts.length < 3) continue;
      for (const t of chain) used.add(t.id);
      hits.push({
        typology: 'fraud_ring',
        entities: accounts,
        events: chain.map((t) => t.id),
        explanation: `check kite round ${accounts.join(' → ')}: ${chain.length} checks from ${chain[0]?.amount.toFixed(2)} to ${chain.at(-1)?.amount.toFixed(2)}, ${isoOf(first.at)} – ${isoOf(chain.at(-1)?.at ?? 0)}`,
      });
    }
    return hits;
  },
};

export const FRAUD_RING_DETECTORS: readonly Detector[] = [
  muleHubDetector,
  sharedDeviceRingDetector,
  syntheticIdentityDetector,
  bustOutDetector,
  checkKitingDetector,
];
