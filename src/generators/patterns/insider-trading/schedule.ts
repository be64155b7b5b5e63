import type { GenerationConfig } from '../../../config/index.js';
import type { Rng } from '../../../random/index.js';
import { drawAssetType, drawTradeQuantity } from '../../events/trade.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';

/** One trade of an instance, drawn at plan time. */
export interface PlannedTrade {
  readonly atMs: number;
  /** Which of the instance's traders makes it (0-based). */
  readonly trader: number;
  readonly assetType: 'stock' | 'option';
  /** Shares, or option contracts (of 100 shares). */
  readonly quantity: number;
}

/** The trades (and tip-off messages) of one instance, all inside the window before the announcement. */
export interface TradeSchedule {
  /** Distinct traders the shape asks for. */
  readonly traders: number;
  readonly trades: readonly PlannedTrade[];
  /** Tip-off messages (tipping only), before every trade. */
  readonly messagesMs: readonly number[];
}

/** Trades happen at least this long before the announcement (it is the last instant of the window). */
export const LAST_TRADE_GAP_MS = MS_PER_MINUTE;
/** Tippees trade at least this long after the tip. */
const TIP_TO_TRADE_MS = 15 * MS_PER_MINUTE;

/** An instrument and a size as the background draws them (options are calls: see insider-trading). */
function backgroundSized(rng: Rng): Pick<PlannedTrade, 'assetType' | 'quantity'> {
  const assetType = drawAssetType(rng);
  return { assetType, quantity: drawTradeQuantity(rng, assetType) };
}

const sortByTime = (trades: PlannedTrade[]) => trades.sort((a, b) => a.atMs - b.atMs);

/**
 * `count` stock quantities as the background draws them, in increasing order (ties moved up by
 * one share): the sizes of a position built up towards the date, each no rarer than any trade's.
 */
function growingQuantities(rng: Rng, count: number): number[] {
  const sizes = Array.from({ length: count }, () => drawTradeQuantity(rng, 'stock')).sort(
    (a, b) => a - b,
  );
  for (let i = 1; i < sizes.length; i++)
    sizes[i] = Math.max(sizes[i] ?? 0, (sizes[i - 1] ?? 0) + 1);
  return sizes;
}

/**
 * Draws a subtype's schedule in [announcement − daysBefore, announcement − 1 min]. What the
 * definition does not fix (the instrument, the size) is drawn as the background trades it, so a
 * crime's trades differ from anyone's only in who trades, in what, when and which way:
 * - pre_announcement_trading: one insider, 2+ stock trades closer and closer together and larger
 *   and larger as the announcement nears;
 * - coordinated_insider_trading: 2–4 insiders, one or two trades each, all within the
 *   coordination span (hours);
 * - executive_trading_pattern: one executive, a large stock trade (5 000–25 000 shares) then call
 *   options;
 * - beneficial_owner_pattern: one shareholder, trades spread over the window;
 * - tipping_pattern: one or two messages in the first 40 % of the window, the tippee's trades after.
 */
export function drawSchedule(
  rng: Rng,
  config: GenerationConfig,
  subtype: string,
  announcementMs: number,
  daysBefore: number,
): TradeSchedule {
  const startMs = announcementMs - daysBefore * MS_PER_DAY;
  const lastMs = announcementMs - LAST_TRADE_GAP_MS;
  const span = lastMs - startMs;
  const count = rng.int(config.insiderMinTrades, config.insiderMaxTrades);
  const uniform = (from: number, to: number) => from + Math.floor(rng.next() * (to - from));
  switch (subtype) {
    case 'pre_announcement_trading': {
      // sqrt spacing: gaps shrink towards the announcement; sizes only grow.
      const sizes = growingQuantities(rng, count);
      const trades = Array.from({ length: count }, (_, i): PlannedTrade => {
        const position = (i + 0.5 + 0.4 * (rng.next() - 0.5)) / count;
        return {
          atMs: startMs + Math.floor(span * Math.sqrt(position)),
          trader: 0,
          assetType: 'stock',
          quantity: sizes[i] ?? 1,
        };
      });
      return { traders: 1, trades, messagesMs: [] };
    }
    case 'coordinated_insider_trading': {
      const traders = rng.int(2, 4);
      const total = rng.int(traders, 2 * traders);
      const clusterMs = config.insiderCoordinationHours * MS_PER_HOUR;
      const clusterStart = uniform(startMs, lastMs - clusterMs);
      const trades = Array.from({ length: total }, (_, i): PlannedTrade => ({
        atMs: uniform(clusterStart, clusterStart + clusterMs),
        trader: i % traders,
        ...backgroundSized(rng),
      }));
      return { traders, trades: sortByTime(trades), messagesMs: [] };
    }
    case 'executive_trading_pattern': {
      const times = Array.from({ length: count }, () => uniform(startMs, lastMs)).sort(
        (a, b) => a - b,
      );
      const trades = times.map((atMs, i): PlannedTrade =>
        i === 0
          ? { atMs, trader: 0, assetType: 'stock', quantity: rng.int(5_000, 25_000) }
          : { atMs, trader: 0, assetType: 'option', quantity: drawTradeQuantity(rng, 'option') },
      );
      return { traders: 1, trades, messagesMs: [] };
    }
    case 'beneficial_owner_pattern': {
      const trades = Array.from({ length: count }, (): PlannedTrade => ({
        atMs: uniform(startMs, lastMs),
        trader: 0,
        ...backgroundSized(rng),
      }));
      return { traders: 1, trades: sortByTime(trades), messagesMs: [] };
    }
    case 'tipping_pattern': {
      const first = uniform(startMs, startMs + Math.floor(0.3 * span));
      const messagesMs = rng.chance(0.5)
        ? [first]
        : [first, first + MS_PER_MINUTE + Math.floor(rng.next() * 0.1 * span)];
      const tradesFrom = (messagesMs.at(-1) ?? first) + TIP_TO_TRADE_MS;
      const trades = Array.from({ length: count }, (): PlannedTrade => ({
        atMs: uniform(tradesFrom, lastMs),
        trader: 0,
        ...backgroundSized(rng),
      }));
      return { traders: 1, trades: sortByTime(trades), messagesMs };
    }
    default:
      throw new Error(`insider trading: unknown subtype ${subtype}`);
  }
}
