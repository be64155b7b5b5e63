import type { DetectionContext, Detector, Hit } from '../detector.js';
import { MS_PER_HOUR } from '../../model/index.js';
import { groupBy, unique } from '../query-kit.js';
import {
  between,
  dedupe,
  hours,
  money,
  scanTransfers,
  sum,
  transferHit,
  type Transfer,
} from './transfers.js';

/** A fan happens within three days. */
const FAN_WINDOW_MS = 72 * MS_PER_HOUR;
/** Distinct counterparties that make a fan. */
const FAN_DEGREE = 5;

/**
 * Bulk runs (payroll, supplier batches): three or more payments from one account booked within a
 * minute of each other, amounts within 25 % of each other. A fan-out spread over hours is not one.
 */
function batchRuns(outs: readonly Transfer[]): Set<string> {
  const batched = new Set<string>();
  let start = 0;
  for (let i = 1; i <= outs.length; i++) {
    const prev = outs[i - 1] as Transfer;
    const cur = outs[i];
    if (cur !== undefined && cur.at - prev.at <= 60_000) continue;
    const run = outs.slice(start, i);
    const amounts = run.map((t) => t.amount);
    if (run.length >= 3 && Math.max(...amounts) <= 1.25 * Math.min(...amounts))
      run.forEach((t) => batched.add(t.id));
    start = i;
  }
  return batched;
}

/** Windows of one account's time-ordered transfers with ≥ FAN_DEGREE distinct counterparties. */
function fanWindows(list: readonly Transfer[], other: (t: Transfer) => string): Transfer[][] {
  const found: Transfer[][] = [];
  for (let i = 0; i < list.length; i++) {
    const start = list[i] as Transfer;
    const window = between(list, start.at, start.at + FAN_WINDOW_MS).filter(
      (t) => t.at >= start.at,
    );
    if (unique(window.map(other)).length >= FAN_DEGREE) found.push(window);
  }
  return found;
}

export const fanOutDetector: Detector = {
  name: 'fan-out-gremlin',
  typology: 'fan_out',
  backend: 'janusgraph',
  description:
    'one account pays ≥ 5 distinct accounts (100–250k each, one currency) within 72 h, not as a bulk run (≥ 3 similar payments within a minute, e.g. payroll); a large inflow in the 72 h before is reported as funding',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 100, maxAmount: 250_000 });
    const outOf = groupBy(transfers, (t) => `${t.from}|${t.currency}`);
    const inTo = groupBy(transfers, (t) => `${t.to}|${t.currency}`);
    const hits: Hit[] = [];
    for (const [key, outs] of outOf) {
      const account = key.split('|')[0] as string;
      const batched = batchRuns(outs);
      const candidates = outs.filter((t) => !batched.has(t.id));
      for (const window of fanWindows(candidates, (t) => t.to)) {
        const first = window[0] as Transfer;
        const last = window[window.length - 1] as Transfer;
        const total = sum(window);
        // Funding: one inflow in the 72 h before the first payout covering most of the dispersal.
        const funding = between(inTo.get(key) ?? [], first.at - FAN_WINDOW_MS, first.at).filter(
          (t) => t.amount >= 0.9 * total && t.amount <= 1.15 * total,
        );
        const events = [...funding.slice(-1), ...window];
        hits.push(
          transferHit(
            'fan_out',
            events,
            `${account} paid ${unique(window.map((t) => t.to)).length} distinct accounts ${money(total)} in ${hours(last.at - first.at)} h` +
              (funding.length > 0
                ? `, after receiving ${money((funding.at(-1) as Transfer).amount)}`
                : ''),
          ),
        );
      }
    }
    return dedupe(hits);
  },
};

export const fanInDetector: Detector = {
  name: 'fan-in-gremlin',
  typology: 'fan_in',
  backend: 'janusgraph',
  description:
    'one account receives transfers of 260–50k (one currency) from ≥ 5 distinct accounts within 72 h (card-sized payments to merchants do not count)',
  async run(ctx: DetectionContext): Promise<readonly Hit[]> {
    const transfers = await scanTransfers(ctx, { minAmount: 260, maxAmount: 50_000 });
    const hits: Hit[] = [];
    for (const [key, ins] of groupBy(transfers, (t) => `${t.to}|${t.currency}`)) {
      const account = key.split('|')[0] as string;
      for (const window of fanWindows(ins, (t) => t.from)) {
        const first = window[0] as Transfer;
        const last = window[window.length - 1] as Transfer;
        hits.push(
          transferHit(
            'fan_in',
            window,
            `${account} received ${money(sum(window))} from ${unique(window.map((t) => t.from)).length} distinct accounts in ${hours(last.at - first.at)} h`,
          ),
        );
      }
    }
    return dedupe(hits);
  },
};
