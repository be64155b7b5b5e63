import type { Detector, Hit } from '../detector.js';
import { gremlinRows, groupBy, isoOf, MS_PER_DAY, toMs, unique } from './gremlin.js';

/** Trades this long before an announcement count as trading ahead of it. */
const LOOKBACK_MS = 30 * MS_PER_DAY;

interface Announcement {
  doc: string;
  issuer: string;
  ts: unknown;
  category: string;
}

interface TradeRow {
  id: string;
  account: string;
  side: string;
  asset: string;
  ts: unknown;
  value: number;
  holders: string[];
}

interface Message {
  id: string;
  from: string;
  to: string;
  ts: unknown;
}

/**
 * Trades in a listed issuer's instrument in the 30 days before an announcement it issued, on the
 * side that profits from the news, by a person linked to the issuer (officer, employee,
 * shareholder) or by someone such a person messaged before the trade.
 */
export const insiderTradingDetector: Detector = {
  name: 'insider-pre-announcement-gremlin',
  typology: 'insider_trading',
  backend: 'janusgraph',
  description:
    'trades in the issuer’s stock/options within 30 days before its announcement, on the profitable side (buy before good news, sell before bad), by an officer/employee/shareholder of the issuer or by a person an insider communicated with before the trade',
  async run(ctx) {
    const announcements = await gremlinRows<Announcement>(
      ctx,
      "g.V().has('document','document_type','announcement')" +
        ".project('doc','issuer','ts','category').by(id()).by(__.in('issued').id())" +
        ".by('issue_date').by('goods_category')",
    );
    const hits: Hit[] = [];
    for (const a of announcements) {
      const atMs = toMs(a.ts);
      const side =
        a.category === 'good_news' ? 'buy' : a.category === 'bad_news' ? 'sell' : undefined;
      if (!side) continue;
      const from = new Date(atMs - LOOKBACK_MS);
      const to = new Date(atMs);
      const trades = await gremlinRows<TradeRow>(
        ctx,
        "g.V(issuer).inE('trade').has('side', side).has('timestamp', between(lo, hi))" +
          ".project('id','account','side','asset','ts','value','holders')" +
          ".by('trade_id').by(outV().id()).by('side').by('asset_type').by('timestamp')" +
          ".by('total_value').by(outV().in('owns').hasLabel('person').id().fold())",
        { issuer: a.issuer, side, lo: from, hi: to },
      );
      if (trades.length === 0) continue;
      const insiders = new Set(
        await gremlinRows<string>(
          ctx,
          "g.V(issuer).in('officer_of','employed_by','holds_share').hasLabel('person').id().dedup()",
          { issuer: a.issuer },
        ),
      );
      const messages =
        insiders.size === 0
          ? []
          : await gremlinRows<Message>(
              ctx,
              "g.V(ids).outE('communicated').has('timestamp', between(lo, hi))" +
                ".project('id','from','to','ts').by('communication_id').by(outV().id())" +
                ".by(inV().id()).by('timestamp')",
              { ids: [...insiders], lo: from, hi: to },
            );
      const tipsTo = groupBy(messages, (m) => m.to);
      // One finding per trader and account: the account's trades ahead of the announcement.
      const byTrader = new Map<string, { trades: TradeRow[]; tips: Message[]; why: string }>();
      for (const t of trades) {
        const tMs = toMs(t.ts);
        for (const person of t.holders) {
          let why: string | undefined;
          let tips: Message[] = [];
          if (insiders.has(person)) why = 'linked to the issuer';
          else {
            tips = (tipsTo.get(person) ?? []).filter((m) => toMs(m.ts) < tMs);
            if (tips.length > 0) why = `contacted by insider ${tips[0]?.from ?? ''} before trading`;
          }
          if (!why) continue;
          const key = `${person} ${t.account}`;
          const entry = byTrader.get(key) ?? { trades: [], tips: [], why };
          entry.trades.push(t);
          entry.tips.push(...tips);
          byTrader.set(key, entry);
        }
      }
      for (const [key, { trades: ts, tips, why }] of byTrader) {
        const person = key.split(' ')[0] ?? key;
        const accounts = unique(ts.map((t) => t.account));
        const value = ts.reduce((s, t) => s + t.value, 0);
        hits.push({
          typology: 'insider_trading',
          entities: unique([person, a.issuer, ...accounts, ...tips.map((m) => m.from)]),
          // The announcement is named in the explanation, not as an event: every trader before it
          // would otherwise share it, and a hit must stand on its own trades.
          events: unique([...ts.map((t) => t.id), ...tips.map((m) => m.id)]),
          explanation:
            `${person} (${why}) made ${ts.length} ${side} trade(s) worth ${value.toFixed(0)} in ` +
            `${a.issuer} in the 30 days before its ${a.category.replace('_', ' ')} announcement ` +
            `${a.doc} of ${isoOf(atMs)}`,
        });
      }
    }
    return hits;
  },
};

export const INSIDER_TRADING_DETECTORS: readonly Detector[] = [insiderTradingDetector];
