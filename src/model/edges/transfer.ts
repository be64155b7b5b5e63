import { p } from '../property-kinds.js';

/** account → account: one movement of money. */
export const transferShape = {
  transaction_id: p.keyword('business id'),
  reference_number: p.keyword('REF + 10 digits'),
  transaction_type: p.keyword(
    'transfer | payment | deposit | withdrawal | wire | ach | pos | atm | online | check',
  ),
  channel: p.keyword('branch | online | mobile | atm | pos | wire'),
  purpose: p.keyword(
    'why the money moved: salary | rent | mortgage | utility_bill | subscription | card_purchase | online_purchase | atm_withdrawal | person_to_person | remittance | own_transfer | cash_deposit | supplier_invoice | vendor_payout',
  ),
  timestamp: p.timestamp('when the transaction was made'),
  posting_date: p.timestamp('when it was posted'),
  value_date: p.date('value date'),
  amount: p.double("amount in currency (the sending account's), to its minor unit"),
  currency: p.keyword("ISO 4217 code: the sending account's currency"),
  amount_base: p.double('amount in base_currency at the FX reference table, 2 decimals'),
  base_currency: p.keyword("the run's base currency (config base_currency, default USD)"),
  amount_local: p.optional(p.double("amount credited, in the receiving account's currency")),
  currency_local: p.optional(
    p.keyword("the receiving account's currency, when it differs from currency"),
  ),
  exchange_rate: p.optional(p.double('rate currency → currency_local (FX reference table)')),
  fee_amount: p.double('fee, 2 decimals'),
  originating_country: p.keyword('ISO-2'),
  destination_country: p.keyword('ISO-2'),
  location: p.keyword('city where it was made'),
  ip_address: p.optional(p.keyword('IPv4 (online, mobile and wire channels)')),
  description: p.text('description shown on the statement'),
  merchant_name: p.optional(p.keyword('merchant (pos, online, payment)')),
  merchant_category: p.optional(p.keyword('merchant category')),
  status: p.keyword('completed | pending | failed | reversed'),
  is_round_amount: p.boolean('within 0.01 of a round amount'),
  risk_score: p.double('rule-based risk 0..1 (amount, threshold, countries)'),
  is_flagged: p.boolean("flagged by the bank's monitoring rules (includes false alerts)"),
  alert_ids: p.keywords('monitoring alerts raised on it'),
} as const;
