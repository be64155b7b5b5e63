import { toPlain } from '../../backends/index.js';
import type { DetectionContext, Detector, Hit } from '../detector.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../model/index.js';
import { gremlinRows, groupBy } from '../query-kit.js';
import {
  between,
  dedupe,
  forwards,
  hours,
  money,
  scanTransfers,
  transferHit,
  transferOf,
  type Transfer,
} from './transfers.js';

/**
 * Every cycle of forwards starting with `first` (DFS): each next hop leaves the account the
 * previous one reached, never revisits an account, and the walk stops when it is back at the
 * origin; at most `maxLength` transfers.
 */
function cyclesFrom(
  first: Transfer,
  next: (t: Transfer) => Transfer[],
  maxLength: number,
): Transfer[][] {
  const origin = first.from;
  const out: Transfer[][] = [];
  const walk = (chain: Transfer[]) => {
    const last = chain[chain.length - 1] as Transfer;
    if (last.to === origin) {
      out.push([...chain]);
      return;
    }
    if (chain.length >= maxLength) return;
    const visited = new Set(chain.map((t) => t.from));
    for (const y of next(last)) {
      if (visited.has(y.to) && y.to !== origin) continue;
      chain.push(y);
      walk(chain);
      chain.pop();
    }
  };
  walk([first]);
  return out;
}

/** Keeps only the longest chains (a chain contained in a longer one is the same case). */
function longest(chains: Transfer[][]): Transfer[][] {
  return chains.filter(
    (c) => !chains.some((d) => d.length > c.length && c.every((t) => d.some((u) => u.id === t.id))),
  );
}

/**
 * From every account opened since `since`: each payment into it, then `repeat()` onward hops out
 * of the account that just received (while it is itself newly opened), each leaving after the
 * previous within `maxGap` ms with 90–100 % of its amount (in the base currency); `emit()` every
 * prefix, return the hops of each path as transfers.
 */
const MULE_CHAIN_SCRIPT = `
g.V().hasLabel('account').has('opened_date', gte(since)).
  inE('transfer').has('timestamp', between(t0, t1)).has('status', 'completed').has('amount_base', gte(lo)).
  repeat(inV().has('opened_date', gte(since)).outE('transfer').has('status', 'completed').filter{
    def p = it.path().objects(); def prev = p[p.size() - 3]; def e = it.get()
    def gap = e.value('timestamp').time - prev.value('timestamp').time
    def ratio = e.value('amount_base') / prev.value('amount_base')
    gap > 0 && gap <= maxGap && ratio >= 0.9d && ratio <= 1.0d
  }).emit().times(5).
  path().by(id()).
    by(project('id', 'f', 't', 'ts', 'a', 'c').by('transaction_id').by(outV().id()).
      by(inV().id()).by('timestamp').by('amount_base').by('base_currency'))`;

export const muleChainDetector: Detector = {
  name: 'mule-chain-gremlin',
  typology: 'mule_chain',
  backend: 'janusgraph',
  description:
    'a payment into a newly opened account (opened at most 90 days before the period starts), forwarded onward (repeat(), up to 5 hops) by newly opened accounts, each hop leaving within 60 min of the previous with 90–100 % of its amount (same currency)',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const paths = await gremlinRows<{ objects: unknown[] }>(ctx, MULE_CHAIN_SCRIPT, {
      since: new Date(ctx.windowStartMs - 90 * MS_PER_DAY).toISOString().slice(0, 10),
      t0: new Date(ctx.windowStartMs - MS_PER_DAY),
      t1: new Date(ctx.referenceMs + MS_PER_DAY),
      lo: 100,
      maxGap: 60 * MS_PER_MINUTE,
    });
    const chains = paths
      .map((path) =>
        path.objects
          .map(toPlain)
          .filter((o): o is Record<string, unknown> => typeof o === 'object' && o !== null)
          .map(transferOf),
      )
      .filter((c) => c.length >= 2);
    return dedupe(
      longest(chains).map((c) =>
        transferHit(
          'mule_chain',
          c,
          `${money((c[0] as Transfer).amount)} moved ${c.map((t) => t.from).join(' → ')} → ${(c[c.length - 1] as Transfer).to} in ${Math.round(((c[c.length - 1] as Transfer).at - (c[0] as Transfer).at) / MS_PER_MINUTE)} min through newly opened accounts`,
        ),
      ),
    );
  },
};

export const cycleDetector: Detector = {
  name: 'cycle-gremlin',
  typology: 'cycle',
  backend: 'janusgraph',
  description:
    'money returns to the account it left through 2–6 accounts within 72 h, each hop later than the previous and passing on 90–100 % of it',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 100 });
    const outOf = groupBy(transfers, (t) => t.from);
    const hits: Hit[] = [];
    for (const first of transfers) {
      const next = (t: Transfer) =>
        forwards(outOf, t, 72 * MS_PER_HOUR, 0.9, 1).filter(
          (y) => y.at - first.at <= 72 * MS_PER_HOUR,
        );
      const cycles = cyclesFrom(first, next, 6);
      for (const c of cycles) {
        hits.push(
          transferHit(
            'cycle',
            c,
            `${money(first.amount)} went ${c.map((t) => t.from).join(' → ')} → ${first.from} in ${hours((c[c.length - 1] as Transfer).at - first.at)} h, ${money((c[c.length - 1] as Transfer).amount)} back`,
          ),
        );
      }
    }
    return dedupe(hits);
  },
};

/** At an account that received `t`: a peel and the forward of exactly the rest, after it. */
function peelStep(
  outOf: ReadonlyMap<string, readonly Transfer[]>,
  t: Transfer,
): { peel: Transfer; main: Transfer }[] {
  const outs = between(outOf.get(t.to) ?? [], t.at + 1, t.at + 48 * MS_PER_HOUR).filter(
    (y) => y.currency === t.currency && y.to !== t.from,
  );
  const steps: { peel: Transfer; main: Transfer }[] = [];
  for (const peel of outs) {
    if (peel.amount > 0.2 * t.amount) continue;
    for (const main of outs) {
      if (main === peel || main.to === peel.to) continue;
      if (Math.abs(peel.amount + main.amount - t.amount) <= 0.011) steps.push({ peel, main });
    }
  }
  return steps;
}

export const peelChainDetector: Detector = {
  name: 'peel-chain-gremlin',
  typology: 'peel_chain',
  backend: 'janusgraph',
  description:
    'a chain of ≥ 2 consecutive accounts each splitting what it received within 48 h into a small peel (≤ 20 %) to a side account and the exact rest forwarded on: main amounts strictly decreasing',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 1 });
    const outOf = groupBy(transfers, (t) => t.from);
    const hits: Hit[] = [];
    const walk = (t: Transfer, events: Transfer[], path: Transfer[]) => {
      const steps = peelStep(outOf, t);
      if (steps.length === 0 && path.length >= 3) {
        hits.push(
          transferHit(
            'peel_chain',
            events,
            `${money((path[0] as Transfer).amount)} moved along ${path.map((x) => x.from).join(' → ')} → ${t.to}, peeled at ${path.length - 1} hops down to ${money(t.amount)} in ${hours(t.at - (path[0] as Transfer).at)} h`,
          ),
        );
      }
      for (const { peel, main } of steps) {
        if (path.some((x) => x.from === main.to) || path.length > 12) continue;
        walk(main, [...events, peel, main], [...path, main]);
      }
    };
    for (const t of transfers) walk(t, [t], [t]);
    return dedupe(hits);
  },
};
