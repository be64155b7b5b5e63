import { vertexId, type EdgeRecord, type VertexRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { COUNTRY_CODES } from '../data/countries.js';
import { PRODUCT_CATEGORIES } from '../data/industries.js';
import { uniformTime } from '../event-time.js';
import { cents, randomAmount, score } from '../money.js';
import { productName } from '../names.js';
import { isoTimestamp } from '../time.js';

/** The background's document types and their weights (what a company issues, one by one). */
export const DOCUMENT_TYPES = [
  ['invoice', 0.4],
  ['purchase_order', 0.2],
  ['bill_of_lading', 0.15],
  ['contract', 0.1],
  ['customs_declaration', 0.08],
  ['certificate_of_origin', 0.05],
  ['packing_list', 0.02],
] as const;
const PREFIX: Readonly<Record<string, string>> = {
  invoice: 'INV',
  purchase_order: 'PO',
  bill_of_lading: 'BOL',
  contract: 'CTR',
  customs_declaration: 'CUS',
  certificate_of_origin: 'COO',
  packing_list: 'PKL',
  announcement: 'ANN',
};
const CURRENCIES = [
  ['USD', 0.5],
  ['EUR', 0.2],
  ['GBP', 0.1],
  ['CNY', 0.08],
  ['CHF', 0.07],
  ['JPY', 0.05],
] as const;

export interface LineItem {
  readonly line_number: number;
  readonly description: string;
  readonly category: string;
  readonly quantity: number;
  readonly unit_price: number;
  readonly amount: number;
}

export interface DocumentParts {
  readonly issuer: number;
  /** The billed company, or null for a document with no recipient (a market announcement). */
  readonly recipient: number | null;
  readonly issuedMs: number;
  readonly type?: string;
  readonly items?: readonly LineItem[];
  readonly shipmentId?: string | null;
  readonly originCountry?: string;
  readonly destinationCountry?: string;
}

/** Normal line items: 1–10 items, quantity 1–1 000, unit price 10–1 000. */
export function normalItems(ctx: GeneratorContext): LineItem[] {
  const { rng } = ctx;
  return Array.from({ length: rng.int(1, 10) }, (_, i) => {
    const category = rng.pick(PRODUCT_CATEGORIES);
    const quantity = rng.int(1, 1_000);
    const unitPrice = randomAmount(rng, 10, 1_000);
    return {
      line_number: i + 1,
      description: `${productName(ctx)} (${category})`,
      category,
      quantity,
      unit_price: unitPrice,
      amount: cents(quantity * unitPrice),
    };
  });
}

type DocumentVertex = VertexRecord<'document'>;
type IssuedEdge = EdgeRecord<'issued'>;
type BilledToEdge = EdgeRecord<'billed_to'>;

/**
 * A document vertex with its issued and billed_to edges (no billed_to edge, and a null
 * recipient_id, when the recipient is null). Anomaly indicators, authenticity and risk are
 * computed from the final line items, so they always agree with the amounts.
 */
export function documentRecords(
  ctx: GeneratorContext,
  index: number,
  parts: DocumentParts & { readonly recipient: number },
): [DocumentVertex, IssuedEdge, BilledToEdge];
export function documentRecords(
  ctx: GeneratorContext,
  index: number,
  parts: DocumentParts,
): [DocumentVertex, IssuedEdge] | [DocumentVertex, IssuedEdge, BilledToEdge];
export function documentRecords(
  ctx: GeneratorContext,
  index: number,
  parts: DocumentParts,
): [DocumentVertex, IssuedEdge] | [DocumentVertex, IssuedEdge, BilledToEdge] {
  const { rng, population } = ctx;
  const type = parts.type ?? rng.weighted(DOCUMENT_TYPES);
  const items = parts.items ?? normalItems(ctx);
  const totalQuantity = items.reduce((sum, item) => sum + item.quantity, 0);
  const total = cents(items.reduce((sum, item) => sum + item.amount, 0));
  const averageUnitPrice =
    items.reduce((sum, item) => sum + item.unit_price, 0) / Math.max(1, items.length);
  const indicators: string[] = [];
  // The price-level heuristics are about traded goods; an announcement's line item is not one.
  const pricesGoods = type !== 'announcement';
  if (pricesGoods && averageUnitPrice > 5_000) indicators.push('over_invoicing_suspected');
  if (pricesGoods && averageUnitPrice < 10) indicators.push('under_invoicing_suspected');
  if (pricesGoods && totalQuantity > 10_000) indicators.push('unusual_quantity');
  const extremeItems = pricesGoods
    ? items.filter((item) => item.unit_price > 10_000 || item.unit_price < 1).length
    : 0;
  const authenticity = Math.max(0, 1 - 0.15 * indicators.length - 0.05 * extremeItems);
  const risk =
    (indicators.length >= 1 ? 0.3 : 0) +
    (indicators.length > 2 ? 0.2 : 0) +
    (authenticity < 0.5 ? 0.2 : 0) +
    (total > 1_000_000 ? 0.15 : 0) +
    (total > 10_000_000 ? 0.15 : 0);
  const id = vertexId('document', index);
  const issuerId = vertexId('company', parts.issuer);
  const recipientId = parts.recipient === null ? null : vertexId('company', parts.recipient);
  const timestamp = isoTimestamp(parts.issuedMs);
  const shipsGoods = type === 'invoice' || type === 'bill_of_lading';
  const document: DocumentVertex = {
    label: 'document',
    id,
    properties: {
      document_id: id,
      document_type: type,
      document_number: `${PREFIX[type] ?? 'DOC'}-${new Date(parts.issuedMs).getUTCFullYear()}-${rng.digits(6)}`,
      issuer_id: issuerId,
      recipient_id: recipientId,
      issue_date: timestamp,
      currency: rng.weighted(CURRENCIES),
      line_items: items,
      item_count: items.length,
      total_quantity: totalQuantity,
      total_amount: total,
      goods_category: items[0]?.category ?? 'other',
      origin_country:
        parts.originCountry ?? population.companyCountry[parts.issuer] ?? rng.pick(COUNTRY_CODES),
      destination_country:
        parts.destinationCountry ??
        population.companyCountry[parts.recipient ?? parts.issuer] ??
        rng.pick(COUNTRY_CODES),
      shipment_id:
        parts.shipmentId !== undefined
          ? parts.shipmentId
          : shipsGoods
            ? 'SHIP' + rng.hex(8).toUpperCase()
            : null,
      payment_terms: rng.pick(['net_30', 'net_60', 'net_90', 'due_on_receipt', 'letter_of_credit']),
      shipping_method: rng.pick(['sea_freight', 'air_freight', 'road', 'rail', 'courier']),
      incoterms: rng.pick(['FOB', 'CIF', 'EXW', 'DDP', 'DAP', 'FCA']),
      anomaly_indicators: indicators,
      authenticity_score: Math.round(authenticity * 1000) / 1000,
      risk_score: score(risk),
      flagged_for_review: risk > 0.6 || indicators.length > 2,
    },
  };
  const issued: IssuedEdge = {
    label: 'issued',
    id,
    outV: issuerId,
    inV: id,
    properties: { document_id: id, timestamp },
  };
  if (recipientId === null) return [document, issued];
  return [
    document,
    issued,
    {
      label: 'billed_to',
      id,
      outV: id,
      inV: recipientId,
      properties: { document_id: id, timestamp },
    },
  ];
}

/** A background document between two distinct companies, issued within the window. */
export function generateDocument(ctx: GeneratorContext, index: number) {
  const { rng, population } = ctx;
  const issuer = rng.int(0, population.companyCount - 1);
  const recipient = rng.intExcept(population.companyCount, issuer);
  return documentRecords(ctx, index, { issuer, recipient, issuedMs: uniformTime(ctx) });
}
