import { MS_PER_DAY, MS_PER_HOUR } from '../../model/index.js';
import type { DetectionContext, Hit } from '../detector.js';
import { gremlinRows, toMs, unique, type Transfer } from '../query-kit.js';

export { money, type Transfer } from '../query-kit.js';

/** Which transfers a scan keeps (minimum inclusive, maximum exclusive). */
export interface TransferFilter {
  readonly minAmount?: number;
  readonly maxAmount?: number;
}

/**
 * The completed transfers of the detection window within an amount range: from every account,
 * its outgoing transfers cut by time and amount (served per account by the vertex-centric
 * `transferByTimestamp` / `transferByAmount` indexes), projected to ids, endpoints, time, amount
 * and currency. Sorted by time.
 */
export async function scanTransfers(
  ctx: DetectionContext,
  filter: TransferFilter = {},
): Promise<Transfer[]> {
  const rows = await gremlinRows<Record<string, unknown>>(
    ctx,
    "g.V().hasLabel('account').outE('transfer').has('timestamp', between(t0, t1))" +
      ".has('amount_base', between(lo, hi)).has('status', 'completed')" +
      ".project('id','f','t','ts','a','c')" +
      ".by('transaction_id').by(outV().id()).by(inV().id()).by('timestamp').by('amount_base').by('base_currency')",
    {
      t0: new Date(ctx.windowStartMs - MS_PER_DAY),
      t1: new Date(ctx.referenceMs + MS_PER_DAY),
      lo: filter.minAmount ?? 0,
      hi: filter.maxAmount ?? Number.MAX_SAFE_INTEGER,
    },
  );
  return rows.map(transferOf).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** A transfer from a projection with keys id, f (from), t (to), ts, a (amount), c (currency). */
export function transferOf(r: Record<string, unknown>): Transfer {
  return {
    id: String(r.id),
    from: String(r.f),
    to: String(r.t),
    at: toMs(r.ts),
    amount: Number(r.a),
    currency: String(r.c),
  };
}

/** Index of the first transfer at or after `ms` in a time-ordered list. */
export function firstAtOrAfter(list: readonly Transfer[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Transfer).at < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The transfers of a time-ordered list in [fromMs, toMs]. */
export function between(list: readonly Transfer[], fromMs: number, toMs: number): Transfer[] {
  const out: Transfer[] = [];
  for (let i = firstAtOrAfter(list, fromMs); i < list.length; i++) {
    const t = list[i] as Transfer;
    if (t.at > toMs) break;
    out.push(t);
  }
  return out;
}

export const sum = (ts: readonly Transfer[]): number => ts.reduce((s, t) => s + t.amount, 0);
export const hours = (ms: number): string => (ms / MS_PER_HOUR).toFixed(1);

/** A hit over some transfers: accounts are their endpoints, events their ids (sorted). */
export function transferHit(
  typology: string,
  transfers: readonly Transfer[],
  explanation: string,
): Hit {
  return {
    typology,
    entities: unique(transfers.flatMap((t) => [t.from, t.to])).sort(),
    events: unique(transfers.map((t) => t.id)).sort(),
    explanation,
  };
}

/**
 * Hits whose event sets overlap are one case: keeps the larger hit when two share events (the
 * sliding windows of one burst otherwise give one hit per window).
 */
export function dedupe(hits: readonly Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.events.length - a.events.length);
  const seen = new Set<string>();
  const kept: Hit[] = [];
  for (const hit of sorted) {
    if (hit.events.some((e) => seen.has(e))) continue;
    hit.events.forEach((e) => seen.add(e));
    kept.push(hit);
  }
  return kept;
}

/**
 * Forwarding: out-transfers of the receiver of `t` that leave after it arrived, within `maxGapMs`,
 * for `ratioMin`–`ratioMax` of its amount (money passed on less a cut).
 */
export function forwards(
  outOf: ReadonlyMap<string, readonly Transfer[]>,
  t: Transfer,
  maxGapMs: number,
  ratioMin: number,
  ratioMax: number,
): Transfer[] {
  return between(outOf.get(t.to) ?? [], t.at + 1, t.at + maxGapMs).filter(
    (y) =>
      y.to !== t.to &&
      y.currency === t.currency &&
      y.amount >= t.amount * ratioMin &&
      y.amount <= t.amount * ratioMax,
  );
}
