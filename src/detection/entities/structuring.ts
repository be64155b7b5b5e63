import { convert } from '../../generators/economy/fx.js';
import { thresholdFor } from '../../generators/money.js';
import type { DetectionContext, Detector, Hit } from '../detector.js';
import {
  gremlinRows,
  groupBy,
  isoOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  toMs,
  unique,
  type TransferRow,
} from './gremlin.js';

/** "Just under": at least this share of the threshold, and below it. */
const NEAR_SHARE = 0.85;
/** A burst: deposits for one account (or one controller) within this span. */
const BURST_MS = 4 * MS_PER_DAY;
/** Regular deposits: at most this gap between two of them. */
const REGULAR_MAX_GAP_MS = 8 * MS_PER_DAY;

/** The lowest reporting threshold of any country, in US dollars (a pre-filter bound). */
const MIN_THRESHOLD_USD = Math.min(
  ...['US', 'GB', 'DE', 'CA', 'AU', 'SG', 'HK', 'JP', 'CH'].map((c) => {
    const t = thresholdFor(c);
    return convert(t.amount, t.currency, 'USD');
  }),
);

interface Deposit extends TransferRow {
  /** Where the cash was paid in: its reporting threshold applies. */
  readonly country: string;
  /** amount / the threshold of that country, both in the base currency. */
  readonly share: number;
}

/**
 * Cash deposits just under the reporting threshold of the country where they were made (the
 * threshold converted to the base currency with the FX reference table), oldest first.
 */
async function nearThresholdDeposits(ctx: DetectionContext): Promise<Deposit[]> {
  const rows = await gremlinRows<{
    id: string;
    from: string;
    to: string;
    amount: number;
    currency: string;
    type: string;
    ts: unknown;
    country: string;
  }>(
    ctx,
    "g.E().hasLabel('transfer').has('transaction_type','deposit').has('amount_base', gte(lo))" +
      ".project('id','from','to','amount','currency','type','ts','country')" +
      ".by('transaction_id').by(outV().id()).by(inV().id()).by('amount_base').by('base_currency')" +
      ".by('transaction_type').by('timestamp').by('originating_country')",
    { lo: MIN_THRESHOLD_USD * NEAR_SHARE * 0.5 },
  );
  return rows
    .map(({ ts, ...r }) => {
      const threshold = thresholdFor(r.country);
      const share = r.amount / convert(threshold.amount, threshold.currency, r.currency);
      return { ...r, at: toMs(ts), share };
    })
    .filter((r) => r.share >= NEAR_SHARE && r.share < 1)
    .sort((a, b) => a.at - b.at);
}

/**
 * Bursts in a time-sorted list: maximal runs where every deposit is within `spanMs` of the run's
 * first, that have 2+ deposits and together exceed the threshold (shares sum above 1).
 */
function bursts(deposits: readonly Deposit[], spanMs: number): Deposit[][] {
  const found: Deposit[][] = [];
  let start = 0;
  while (start < deposits.length) {
    const first = deposits[start] as Deposit;
    let end = start;
    while (end + 1 < deposits.length && (deposits[end + 1] as Deposit).at - first.at <= spanMs)
      end += 1;
    const run = deposits.slice(start, end + 1);
    if (run.length >= 2 && run.reduce((s, d) => s + d.share, 0) > 1) {
      found.push(run);
      start = end + 1;
    } else start += 1;
  }
  return found;
}

function describe(run: readonly Deposit[]): string {
  const currencies = unique(run.map((d) => d.country)).join('/');
  const shares = run.reduce((s, d) => s + d.share, 0);
  const hours = ((run.at(-1)?.at ?? 0) - (run[0]?.at ?? 0)) / MS_PER_HOUR;
  return (
    `${run.length} cash deposits (made in ${currencies}) each just under the reporting threshold, ` +
    `${shares.toFixed(2)}× the threshold together, within ${hours.toFixed(0)} h from ${isoOf(run[0]?.at ?? 0)}`
  );
}

function hitOf(run: readonly Deposit[], extra: readonly string[], why: string): Hit {
  return {
    typology: 'structuring',
    entities: unique([...extra, ...run.flatMap((d) => [d.from, d.to])]),
    events: run.map((d) => d.id),
    explanation: `${why}: ${describe(run)}`,
  };
}

/** Per receiving account: a burst of sub-threshold deposits (one or several depositors, any country). */
export const structuringBurstDetector: Detector = {
  name: 'structuring-deposit-burst-gremlin',
  typology: 'structuring',
  subtypes: ['classic_structuring', 'smurfing', 'geographic_smurfing'],
  backend: 'janusgraph',
  description:
    'per receiving account, 2+ cash deposits within 4 days, each 85–100 % of the reporting threshold of the country it was made in, together above it',
  async run(ctx) {
    const deposits = await nearThresholdDeposits(ctx);
    const hits: Hit[] = [];
    for (const [account, list] of groupBy(deposits, (d) => d.to)) {
      for (const run of bursts(list, BURST_MS)) {
        const depositors = unique(run.map((d) => d.from)).length;
        const countries = unique(run.map((d) => d.country)).length;
        const kind =
          countries > 1 ? 'geographic smurfing' : depositors > 1 ? 'smurfing' : 'structuring';
        hits.push(hitOf(run, [], `${kind} into ${account} from ${depositors} account(s)`));
      }
    }
    return hits;
  },
};

/** Per depositor → beneficiary pair: sub-threshold deposits at a regular pace over days or weeks. */
export const structuringTemporalDetector: Detector = {
  name: 'structuring-regular-deposits-gremlin',
  typology: 'structuring',
  subtypes: ['temporal_smurfing'],
  backend: 'janusgraph',
  description:
    'per depositor → beneficiary pair, 3+ cash deposits each 85–100 % of the reporting threshold, no two more than 8 days apart',
  async run(ctx) {
    const deposits = await nearThresholdDeposits(ctx);
    const hits: Hit[] = [];
    for (const [pair, list] of groupBy(deposits, (d) => `${d.from}>${d.to}`)) {
      // Split where the pace breaks; keep runs of 3+.
      let run: Deposit[] = [];
      const flush = () => {
        if (run.length >= 3) {
          const gaps = run.slice(1).map((d, i) => d.at - (run[i] as Deposit).at);
          const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
          hits.push(
            hitOf(
              run,
              [],
              `regular deposits ${pair.replace('>', ' → ')} every ${(mean / MS_PER_HOUR).toFixed(0)} h on average`,
            ),
          );
        }
      };
      for (const d of list) {
        const last = run.at(-1);
        if (last && d.at - last.at > REGULAR_MAX_GAP_MS) {
          flush();
          run = [];
        }
        run.push(d);
      }
      flush();
    }
    return hits;
  },
};

/** Per controller: sub-threshold deposits spread over several accounts the same person owns. */
export const structuringControllerDetector: Detector = {
  name: 'structuring-one-controller-many-accounts-gremlin',
  typology: 'structuring',
  subtypes: ['account_hopping'],
  backend: 'janusgraph',
  description:
    'per person who owns (any role) 2+ receiving accounts: cash deposits each 85–100 % of the threshold into 2+ of those accounts within 4 days, together above it',
  async run(ctx) {
    const deposits = await nearThresholdDeposits(ctx);
    const receivers = unique(deposits.map((d) => d.to));
    if (receivers.length === 0) return [];
    const owners = await gremlinRows<{ account: string; owner: string }>(
      ctx,
      "g.V(ids).hasLabel('account').as('account').in('owns').hasLabel('person').as('owner')" +
        ".select('account','owner').by(id())",
      { ids: receivers },
    );
    const accountsOf = groupBy(owners, (o) => o.owner);
    const hits: Hit[] = [];
    for (const [owner, rows] of accountsOf) {
      const accounts = new Set(rows.map((r) => r.account));
      if (accounts.size < 2) continue;
      const list = deposits.filter((d) => accounts.has(d.to));
      for (const run of bursts(list, BURST_MS)) {
        if (unique(run.map((d) => d.to)).length < 2) continue;
        hits.push(
          hitOf(run, [owner], `${owner} controls ${accounts.size} accounts receiving the deposits`),
        );
      }
    }
    return hits;
  },
};

export const STRUCTURING_DETECTORS: readonly Detector[] = [
  structuringBurstDetector,
  structuringTemporalDetector,
  structuringControllerDetector,
];
