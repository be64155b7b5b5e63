import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { Rng, Weighted } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import { STOCK_EXCHANGES } from '../data/lists.js';
import { eventTime } from '../event-time.js';
import { cents, score } from '../money.js';
import { isoTimestamp, MS_PER_DAY } from '../time.js';

/** Stock quantity bands with the weights the original documented (it drew them uniformly). */
const STOCK_QUANTITY_BANDS: Weighted<readonly [number, number]> = [
  [[1, 100], 0.7],
  [[100, 1_000], 0.2],
  [[1_000, 10_000], 0.08],
  [[10_000, 100_000], 0.02],
];
const ORDER_TYPES = [
  ['market', 0.4],
  ['limit', 0.45],
  ['stop', 0.1],
  ['stop_limit', 0.05],
] as const;

/** An instrument as the background trades it: stock three times in four, else options. */
export function drawAssetType(rng: Rng): 'stock' | 'option' {
  return rng.chance(0.75) ? 'stock' : 'option';
}

/**
 * A quantity as the background trades it: shares in the weighted bands above, or 1–1 000 option
 * contracts. Typologies whose definition does not fix a size draw theirs here too.
 */
export function drawTradeQuantity(rng: Rng, assetType: 'stock' | 'option'): number {
  const [min, max] = assetType === 'stock' ? rng.weighted(STOCK_QUANTITY_BANDS) : [1, 1_000];
  return rng.int(min, max);
}

/** A stable reference price per ticker (5–500), so trades in one stock agree on its price level. */
export function referencePrice(ticker: string): number {
  let hash = 0;
  for (let i = 0; i < ticker.length; i++) hash = (hash * 31 + ticker.charCodeAt(i)) >>> 0;
  return 5 + (hash % 49_500) / 100;
}

export interface TradeParts {
  readonly account: number;
  readonly issuer: number;
  readonly timestampMs: number;
  readonly side?: 'buy' | 'sell';
  readonly assetType?: 'stock' | 'option';
  readonly quantity?: number;
  /** Option right, C (call) or P (put); drawn when absent. Ignored for stock. */
  readonly optionRight?: 'C' | 'P';
}

/** Builds a trade edge: account → issuing company, priced around the issuer's reference price. */
export function tradeEdge(
  ctx: GeneratorContext,
  id: string,
  parts: TradeParts,
): EdgeRecord<'trade'> {
  const { rng, population } = ctx;
  const listing = population.companyTicker.get(parts.issuer);
  if (listing === undefined) throw new Error(`tradeEdge: company ${parts.issuer} is not listed`);
  const assetType = parts.assetType ?? drawAssetType(rng);
  const reference = referencePrice(listing.ticker);
  const expiry = new Date(parts.timestampMs + rng.int(30, 365) * MS_PER_DAY)
    .toISOString()
    .slice(2, 10)
    .replace(/-/g, '');
  const symbol =
    assetType === 'stock'
      ? listing.ticker
      : `${listing.ticker}${expiry}${parts.optionRight ?? (rng.chance(0.5) ? 'C' : 'P')}${String(Math.round(reference * rng.float(0.8, 1.2) * 100)).padStart(8, '0')}`;
  const quantity = parts.quantity ?? drawTradeQuantity(rng, assetType);
  const price = cents(
    assetType === 'stock'
      ? reference * rng.float(0.95, 1.05)
      : Math.max(0.1, reference * rng.float(0.01, 0.1)),
  );
  const totalValue = cents(quantity * price * (assetType === 'option' ? 100 : 1));
  const hour = new Date(parts.timestampMs).getUTCHours();
  const risk =
    (totalValue > 1_000_000 ? 0.15 : 0) +
    (totalValue > 10_000_000 ? 0.15 : 0) +
    (assetType === 'option' ? 0.1 : 0) +
    (hour < 9 || hour > 16 ? 0.1 : 0);
  const ownerKind = population.accountOwnerKind[parts.account] === 0 ? 'person' : 'company';
  return {
    label: 'trade',
    id,
    outV: vertexId('account', parts.account),
    inV: vertexId('company', parts.issuer),
    properties: {
      trade_id: id,
      trader_id: vertexId(ownerKind, population.accountOwnerIndex[parts.account] ?? 0),
      asset_type: assetType,
      symbol,
      exchange: listing.exchange,
      side: parts.side ?? (rng.chance(0.5) ? 'buy' : 'sell'),
      order_type: rng.weighted(ORDER_TYPES),
      quantity,
      price,
      total_value: totalValue,
      currency: STOCK_EXCHANGES[listing.exchange] ?? 'USD',
      timestamp: isoTimestamp(parts.timestampMs),
      settlement_date: isoTimestamp(parts.timestampMs + 2 * MS_PER_DAY),
      execution_venue: rng.weighted([
        ['exchange', 0.8],
        ['dark_pool', 0.12],
        ['otc', 0.08],
      ]),
      broker_id: 'BRK' + rng.hex(8).toUpperCase(),
      commission: cents(rng.float(0, 50)),
      risk_score: score(risk),
      flagged_for_review: risk > 0.6,
    },
  };
}

/**
 * A background trade: a person's investment account (70 % when there are any, else any account)
 * trading a listed company's stock or options.
 */
export function generateTrade(ctx: GeneratorContext, index: number): [EdgeRecord<'trade'>] {
  const { rng, population } = ctx;
  const account =
    population.investmentAccounts.length > 0 && rng.chance(0.7)
      ? rng.pick(population.investmentAccounts)
      : rng.int(0, population.accountCount - 1);
  const issuer = rng.pick(population.listedCompanies);
  return [
    tradeEdge(ctx, formatId(EDGE_ID_PREFIX.trade, index), {
      account,
      issuer,
      timestampMs: eventTime(ctx),
    }),
  ];
}
