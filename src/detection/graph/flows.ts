import type { DetectionContext, Detector, Hit } from '../detector.js';
import { MS_PER_HOUR } from '../../model/index.js';
import { groupBy, unique } from '../query-kit.js';
import {
  between,
  dedupe,
  forwards,
  hours,
  money,
  scanTransfers,
  sum,
  transferHit,
  type Transfer,
} from './transfers.js';

const WINDOW_MS = 72 * MS_PER_HOUR;

export const scatterGatherDetector: Detector = {
  name: 'scatter-gather-gremlin',
  typology: 'scatter_gather',
  backend: 'janusgraph',
  description:
    'one account pays ≥ 3 accounts that each forward 90–100 % of it, after receiving it and within 72 h, to one common account',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 50 });
    const outOf = groupBy(transfers, (t) => t.from);
    // (source, sink) → the legs through each intermediary
    const legs = new Map<string, [Transfer, Transfer][]>();
    for (const x of transfers) {
      for (const y of forwards(outOf, x, WINDOW_MS, 0.9, 1)) {
        if (y.to === x.from) continue;
        const key = `${x.from}|${y.to}`;
        legs.set(key, [...(legs.get(key) ?? []), [x, y]]);
      }
    }
    const hits: Hit[] = [];
    for (const [key, pairs] of legs) {
      // One window: pairs whose first leg is within 72 h of the earliest.
      const sorted = [...pairs].sort((a, b) => a[0].at - b[0].at);
      for (let i = 0; i < sorted.length; i++) {
        const start = (sorted[i] as [Transfer, Transfer])[0].at;
        const inWindow = sorted.filter(([x, y]) => x.at >= start && y.at <= start + WINDOW_MS);
        const middles = unique(inWindow.map(([x]) => x.to));
        if (middles.length < 3) continue;
        const [source, sink] = key.split('|');
        const events = inWindow.flat();
        hits.push(
          transferHit(
            'scatter_gather',
            events,
            `${source} split ${money(sum(inWindow.map(([x]) => x)))} over ${middles.length} accounts that passed ${money(sum(inWindow.map(([, y]) => y)))} on to ${sink}`,
          ),
        );
      }
    }
    return dedupe(hits);
  },
};

/**
 * Contiguous runs (in time order) of a list, optionally without one interior element (an
 * unrelated transfer booked in between), spanning at most `spanMs`, of at least `min` elements.
 */
function runs(list: readonly Transfer[], spanMs: number, min: number): Transfer[][] {
  const out: Transfer[][] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + min - 1; j < list.length; j++) {
      const block = list.slice(i, j + 1);
      if ((list[j] as Transfer).at - (list[i] as Transfer).at > spanMs) break;
      out.push(block);
      for (let k = 1; k < block.length - 1 && block.length - 1 >= min; k++)
        out.push(block.filter((_, n) => n !== k));
    }
  }
  return out;
}

/** An account receiving a block of transfers and paying out 90–100 % of them afterwards. */
interface PassThrough {
  readonly account: string;
  readonly ins: readonly Transfer[];
  readonly outs: readonly Transfer[];
}

/**
 * Receipts (or payouts) within one window above which an account is a business's, not a
 * pass-through: a pass-through has little else going on. Laundering through a busy business's
 * account (a front) hides in its takings, which these queries leave to other evidence; and
 * the runs of a busy account would take the search from linear to cubic in its transfers.
 */
const BUSY = 24;

/**
 * Pass-throughs at one account: a run of receipts, then (all payouts after the last receipt) a
 * run of payouts summing to 90–100 % of them, all within `spanMs`; none in a window where the
 * account is busy (BUSY).
 */
function passThroughs(
  account: string,
  ins: readonly Transfer[],
  outs: readonly Transfer[],
  spanMs: number,
  minIns: number,
  minOuts: number,
): PassThrough[] {
  const found: PassThrough[] = [];
  const quiet = ins.filter((t) => between(ins, t.at, t.at + spanMs).length <= BUSY);
  for (const inRun of runs(quiet, spanMs, minIns)) {
    const first = (inRun[0] as Transfer).at;
    const last = (inRun[inRun.length - 1] as Transfer).at;
    const got = sum(inRun);
    const after = between(outs, last + 1, first + spanMs);
    if (after.length > BUSY) continue;
    for (const outRun of runs(after, spanMs, minOuts)) {
      const paid = sum(outRun);
      if (paid >= 0.9 * got && paid <= got) found.push({ account, ins: inRun, outs: outRun });
    }
  }
  return found;
}

export const gatherScatterDetector: Detector = {
  name: 'gather-scatter-gremlin',
  typology: 'gather_scatter',
  backend: 'janusgraph',
  description:
    'one account receives from ≥ 3 distinct accounts (one currency), then — after its last receipt, within 72 h of its first — pays 90–100 % of it out to ≥ 3 distinct accounts; not where the account is busy (> 24 receipts or payouts in the 72 h)',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 50 });
    const outOf = groupBy(transfers, (t) => `${t.from}|${t.currency}`);
    const hits: Hit[] = [];
    for (const [key, ins] of groupBy(transfers, (t) => `${t.to}|${t.currency}`)) {
      const hub = key.split('|')[0] as string;
      for (const p of passThroughs(hub, ins, outOf.get(key) ?? [], WINDOW_MS, 3, 3)) {
        if (unique(p.ins.map((t) => t.from)).length < 3) continue;
        if (unique(p.outs.map((t) => t.to)).length < 3) continue;
        hits.push(
          transferHit(
            'gather_scatter',
            [...p.ins, ...p.outs],
            `${hub} collected ${money(sum(p.ins))} from ${p.ins.length} transfers and paid ${money(sum(p.outs))} out in ${p.outs.length} within ${hours((p.outs[p.outs.length - 1] as Transfer).at - (p.ins[0] as Transfer).at)} h`,
          ),
        );
      }
    }
    return dedupe(hits);
  },
};

export const stackDetector: Detector = {
  name: 'stack-gremlin',
  typology: 'stack',
  backend: 'janusgraph',
  description:
    '≥ 2 pass-through accounts (one currency; each paying on 90–100 % of what it received, after receiving, within 72 h, and not busy: ≤ 24 receipts or payouts in the 72 h), linked by paying one another or by sharing a payer and a payee, fed by ≥ 2 outside accounts and paying ≥ 2 outside accounts: layers of a layered flow',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 1 });
    const outOf = groupBy(transfers, (t) => `${t.from}|${t.currency}`);
    const found: PassThrough[] = [];
    for (const [key, ins] of groupBy(transfers, (t) => `${t.to}|${t.currency}`)) {
      const account = key.split('|')[0] as string;
      found.push(...passThroughs(account, ins, outOf.get(key) ?? [], WINDOW_MS, 1, 1));
    }
    const groups = linkedGroups(found);
    const hits: Hit[] = [];
    for (const members of groups) {
      const accounts = unique(members.map((p) => p.account));
      if (accounts.length < 2) continue;
      const inside = new Set(accounts);
      const payers = unique(members.flatMap((p) => p.ins.map((t) => t.from))).filter(
        (a) => !inside.has(a),
      );
      const payees = unique(members.flatMap((p) => p.outs.map((t) => t.to))).filter(
        (a) => !inside.has(a),
      );
      if (payers.length < 2 || payees.length < 2) continue;
      hits.push(
        transferHit(
          'stack',
          members.flatMap((p) => [...p.ins, ...p.outs]),
          `${accounts.length} pass-through accounts (${accounts.join(', ')}) received from ${payers.length} accounts and passed the money on, layer by layer, to ${payees.length} accounts`,
        ),
      );
    }
    return dedupe(hits);
  },
};

/** Whether an account paid 90–100 % of `received` on within 72 h of the first receipt. */
function passesOn(outs: readonly Transfer[], received: readonly Transfer[]): boolean {
  const first = (received[0] as Transfer).at;
  const last = (received[received.length - 1] as Transfer).at;
  const paid = sum(between(outs, last + 1, first + WINDOW_MS));
  const got = sum(received);
  return paid >= 0.9 * got && paid <= got;
}

export const bipartiteDetector: Detector = {
  name: 'bipartite-gremlin',
  typology: 'bipartite',
  backend: 'janusgraph',
  description:
    'within 72 h, transfers of 260–50k (one currency) from ≥ 2 originators to ≥ 2 beneficiaries, one beneficiary paid by ≥ 2 of them and one of those paying ≥ 2, no account on both sides, no beneficiary passing 90–100 % straight on: many-to-many movement between two groups',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 260, maxAmount: 50_000 });
    const everything = await scanTransfers(ctx, { minAmount: 1 });
    const outOf = groupBy(everything, (t) => `${t.from}|${t.currency}`);
    const hits: Hit[] = [];
    for (let i = 0; i < transfers.length; i++) {
      const start = (transfers[i] as Transfer).at;
      const currency = (transfers[i] as Transfer).currency;
      const window = between(transfers, start, start + WINDOW_MS).filter(
        (t) => t.currency === currency,
      );
      const inTo = groupBy(window, (t) => t.to);
      const outOfWindow = groupBy(window, (t) => t.from);
      const payersOf = (b: string) => unique((inTo.get(b) ?? []).map((t) => t.from));
      const payeesOf = (o: string) => unique((outOfWindow.get(o) ?? []).map((t) => t.to));
      for (const b of inTo.keys()) {
        // A core of many-to-many: a beneficiary with ≥ 2 payers, one of which pays ≥ 2 accounts.
        const core = payersOf(b);
        if (core.length < 2 || !core.some((o) => payeesOf(o).length >= 2)) continue;
        const beneficiaries = unique(core.flatMap(payeesOf));
        const originators = unique(beneficiaries.flatMap(payersOf));
        // A group paying itself is a flow, not two sides.
        if (originators.some((o) => beneficiaries.includes(o))) continue;
        const events = window.filter(
          (t) => originators.includes(t.from) && beneficiaries.includes(t.to),
        );
        // Beneficiaries passing the money straight on are a layer of a stack, not an end.
        if (
          beneficiaries.some((c) =>
            passesOn(
              outOf.get(`${c}|${currency}`) ?? [],
              events.filter((t) => t.to === c),
            ),
          )
        )
          continue;
        hits.push(
          transferHit(
            'bipartite',
            events,
            `${originators.length} accounts paid ${beneficiaries.length} common beneficiaries ${money(sum(events))} in ${events.length} transfers within ${hours((events.at(-1) as Transfer).at - (events[0] as Transfer).at)} h`,
          ),
        );
      }
    }
    return dedupe(hits);
  },
};

/**
 * Pass-throughs grouped by links: one pays the other (consecutive layers), or they share a payer
 * and a payee (one layer), their first receipts within the window. Links are found through maps
 * of transfer ids and (payer, payee) pairs rather than by comparing every pair of pass-throughs,
 * so the detector stays linear in the transfers it scans.
 */
function linkedGroups(found: readonly PassThrough[]): PassThrough[][] {
  const parent = found.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const link = (i: number, j: number) => {
    const a = found[i] as PassThrough;
    const b = found[j] as PassThrough;
    if (a.account === b.account) return;
    if (Math.abs((b.ins[0] as Transfer).at - (a.ins[0] as Transfer).at) > WINDOW_MS) return;
    parent[root(i)] = root(j);
  };
  const payerOf = new Map<string, number[]>();
  found.forEach((p, i) => {
    for (const t of p.outs) {
      const payers = payerOf.get(t.id);
      if (payers === undefined) payerOf.set(t.id, [i]);
      else payers.push(i);
    }
  });
  const sharing = new Map<string, number[]>();
  found.forEach((p, j) => {
    for (const t of p.ins) for (const i of payerOf.get(t.id) ?? []) link(i, j);
    const pairs = new Set(p.ins.flatMap((x) => p.outs.map((y) => `${x.from}>${y.to}`)));
    for (const pair of pairs) {
      const earlier = sharing.get(pair);
      if (earlier === undefined) {
        sharing.set(pair, [j]);
        continue;
      }
      for (const i of earlier) link(i, j);
      earlier.push(j);
    }
  });
  const groups = new Map<number, PassThrough[]>();
  found.forEach((p, i) => {
    const group = groups.get(root(i));
    if (group === undefined) groups.set(root(i), [p]);
    else group.push(p);
  });
  return [...groups.values()];
}
