import { p } from '../property-kinds.js';

/** account → company (the issuer): one executed order in the issuer's stock or options. */
export const tradeShape = {
  trade_id: p.keyword('business id'),
  trader_id: p.keyword('person_id or company_id holding the account'),
  asset_type: p.keyword('stock | option'),
  symbol: p.keyword('ticker, or OCC-style option symbol'),
  exchange: p.keyword('exchange of the listing'),
  side: p.keyword('buy | sell'),
  order_type: p.keyword('market | limit | stop | stop_limit'),
  quantity: p.long('shares or contracts'),
  price: p.double('price per unit, 2 decimals'),
  total_value: p.double('quantity × price'),
  currency: p.keyword('currency of the exchange'),
  timestamp: p.timestamp('execution time'),
  settlement_date: p.timestamp('settlement (T+2)'),
  execution_venue: p.keyword('exchange | dark_pool | otc'),
  broker_id: p.keyword('executing broker'),
  commission: p.double('commission, USD'),
  risk_score: p.double('rule-based risk 0..1 (size, options, off-hours)'),
  flagged_for_review: p.boolean('risk > 0.6'),
} as const;
