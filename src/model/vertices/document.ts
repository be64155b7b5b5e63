import { p } from '../property-kinds.js';

/**
 * A document: trade paperwork (invoice, purchase order, bill of lading, contract…) between two
 * companies, or a listed company's market announcement, which has no recipient.
 */
export const documentShape = {
  document_id: p.keyword('business id'),
  document_type: p.keyword(
    'invoice | purchase_order | bill_of_lading | contract | customs_declaration | certificate_of_origin | packing_list | announcement',
  ),
  document_number: p.keyword('prefix-year-6 digits'),
  issuer_id: p.keyword('issuing company_id, also the issued edge'),
  recipient_id: p.optional(
    p.keyword('billed company_id, also the billed_to edge; null for announcements'),
  ),
  issue_date: p.timestamp('date of issue'),
  currency: p.keyword('currency of the amounts'),
  line_items: p.json('[{line_number, description, category, quantity, unit_price, amount}]'),
  item_count: p.long('number of line items'),
  total_quantity: p.long('sum of item quantities'),
  total_amount: p.double('sum of item amounts'),
  goods_category: p.keyword('category of the first line item'),
  origin_country: p.keyword('ISO-2 country the goods ship from'),
  destination_country: p.keyword('ISO-2 country the goods ship to'),
  shipment_id: p.optional(p.keyword('shipment reference (bills of lading, invoices)')),
  payment_terms: p.keyword('payment terms'),
  shipping_method: p.keyword('shipping method'),
  incoterms: p.keyword('incoterm'),
  anomaly_indicators: p.keywords('rule-based: over/under-invoicing price level, unusual quantity'),
  authenticity_score: p.double('0..1, lower is more doubtful'),
  risk_score: p.double('0..1'),
  flagged_for_review: p.boolean('risk > 0.6 or more than 2 indicators'),
} as const;
