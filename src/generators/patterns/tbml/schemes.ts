import { vertexId } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { normalItems } from '../../events/document.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../time.js';
import type { PatternSlots } from '../typology.js';
import type { TbmlParams } from './params.js';
import {
  MARKET_BAND,
  repriced,
  shipmentId,
  TradeRecords,
  type DocumentVertex,
  type Transfer,
} from './trade-records.js';
import { drawTraders, type Trader } from './traders.js';

/** What a scheme emitted, with who played which part, for the ground truth. */
export interface SchemeResult {
  readonly records: TradeRecords;
  /** [role, trader] in the order they appear; a trader's account gets `${role}_account`. */
  readonly roles: readonly (readonly [string, Trader])[];
  /** Subtype-specific ground-truth parameters (snake_case). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** The shell (or missing trader) a scheme added, with the account it added for it. */
function addedTrader(slots: PatternSlots): Trader {
  return { company: slots.entity('company', 0), account: slots.entity('account', 0) };
}

/** A uniform instant in [fromMs, toMs]. */
function between(ctx: GeneratorContext, fromMs: number, toMs: number): number {
  return fromMs + Math.floor(ctx.rng.next() * Math.max(0, toMs - fromMs));
}

/** Sorted invoice times for `n` shipments, each leaving `tailMs` for its payment to follow. */
function shipmentTimes(ctx: GeneratorContext, params: TbmlParams, n: number, tailMs: number) {
  const last = params.startMs + params.durationMs - tailMs;
  return Array.from({ length: n }, () => between(ctx, params.startMs, last)).sort((a, b) => a - b);
}

/** Settles an invoice in full: the buyer pays the seller its total, quoting its number. */
function settle(
  records: TradeRecords,
  invoice: DocumentVertex,
  buyer: Trader,
  seller: Trader,
  atMs: number,
): Transfer {
  return records.pay({
    from: buyer,
    to: seller,
    atMs,
    amount: invoice.properties.total_amount,
    invoiceNumber: invoice.properties.document_number,
  });
}

/**
 * Shipments whose invoices are priced at `factor` × the market price the bill of lading states:
 * ×2–10 (over-invoicing: the importer pays the inflated total, moving value to the exporter),
 * ×0.1–0.5 (under-invoicing: the difference is settled by a side payment to an offshore shell),
 * or ×1 (honest trade, the look-alike). Payments follow 1–10 days after the invoice (5–25 days
 * in honest trade, on ordinary terms).
 */
export function repricedShipments(
  ctx: GeneratorContext,
  slots: PatternSlots,
  params: TbmlParams,
  mode: 'over' | 'under' | 'honest',
): SchemeResult {
  const { rng } = ctx;
  const [exporter, importer] = drawTraders(ctx, 2) as [Trader, Trader];
  const offshore = mode === 'under' ? addedTrader(slots) : null;
  const records = new TradeRecords(ctx, slots, params.currency);
  const [minDelay, maxDelay] = mode === 'honest' ? [5, 25] : [1, 10];
  const times = shipmentTimes(ctx, params, params.legs, (maxDelay + 3) * MS_PER_DAY);
  const shipments = times.map((shippedMs, i) => {
    const factor = params.priceFactors[i] ?? 1;
    const market = normalItems(ctx);
    const id = shipmentId(ctx);
    const lading = records.document({
      type: 'bill_of_lading',
      seller: exporter,
      buyer: importer,
      issuedMs: shippedMs,
      items: market,
      shipmentId: id,
    });
    const invoice = records.document({
      type: 'invoice',
      seller: exporter,
      buyer: importer,
      issuedMs: shippedMs + rng.int(0, 24) * MS_PER_HOUR,
      items: factor === 1 ? market : repriced(market, factor),
      shipmentId: id,
    });
    const invoicedMs = Date.parse(invoice.properties.issue_date);
    records.papers(params.paperwork[i] ?? [], {
      seller: exporter,
      buyer: importer,
      issuedMs: invoicedMs,
      items: market,
    });
    const paidMs = invoicedMs + rng.int(minDelay * 24, maxDelay * 24) * MS_PER_HOUR;
    const payment = settle(records, invoice, importer, exporter, paidMs);
    const gap = cents(lading.properties.total_amount - invoice.properties.total_amount);
    const side =
      offshore === null
        ? null
        : records.pay({
            from: importer,
            to: offshore,
            atMs: paidMs + rng.int(1, 48) * MS_PER_HOUR,
            amount: gap,
          });
    return {
      shipment_id: id,
      price_factor: factor,
      bill_of_lading_id: lading.id,
      invoice_id: invoice.id,
      market_total: lading.properties.total_amount,
      invoice_total: invoice.properties.total_amount,
      payment_id: payment.id,
      ...(side === null ? {} : { side_payment_id: side.id, side_payment_amount: gap }),
    };
  });
  const roles: [string, Trader][] = [
    ['exporter', exporter],
    ['importer', importer],
  ];
  if (offshore !== null) roles.push(['offshore_shell', offshore]);
  return { records, roles, details: { market_band: [...MARKET_BAND], shipments } };
}

/**
 * Invoices for goods that never ship: an offshore shell bills a real importer at market prices
 * for shipments no bill of lading ever mentions, and is paid in full 1–10 days later.
 */
export function phantomShipments(
  ctx: GeneratorContext,
  slots: PatternSlots,
  params: TbmlParams,
): SchemeResult {
  const { rng } = ctx;
  const exporter = addedTrader(slots);
  const [importer] = drawTraders(ctx, 1) as [Trader];
  const records = new TradeRecords(ctx, slots, params.currency);
  const times = shipmentTimes(ctx, params, params.legs, 11 * MS_PER_DAY);
  const shipments = times.map((invoicedMs, i) => {
    const items = normalItems(ctx);
    const invoice = records.document({
      type: 'invoice',
      seller: exporter,
      buyer: importer,
      issuedMs: invoicedMs,
      items,
      shipmentId: shipmentId(ctx),
    });
    records.papers(params.paperwork[i] ?? [], {
      seller: exporter,
      buyer: importer,
      issuedMs: invoicedMs,
      items,
    });
    const paidMs = invoicedMs + rng.int(24, 240) * MS_PER_HOUR;
    const payment = settle(records, invoice, importer, exporter, paidMs);
    return {
      shipment_id: invoice.properties.shipment_id,
      invoice_id: invoice.id,
      invoice_total: invoice.properties.total_amount,
      payment_id: payment.id,
    };
  });
  return {
    records,
    roles: [
      ['shell_exporter', exporter],
      ['importer', importer],
    ],
    details: { shipments },
  };
}

/**
 * One real shipment (one bill of lading) billed several times: identical invoices for the same
 * shipment id over the following weeks, each paid in full 1–10 days after it is issued.
 */
export function duplicateInvoices(
  ctx: GeneratorContext,
  slots: PatternSlots,
  params: TbmlParams,
): SchemeResult {
  const { rng } = ctx;
  const [exporter, importer] = drawTraders(ctx, 2) as [Trader, Trader];
  const records = new TradeRecords(ctx, slots, params.currency);
  const goods = normalItems(ctx);
  const id = shipmentId(ctx);
  const shippedMs = params.startMs;
  const lading = records.document({
    type: 'bill_of_lading',
    seller: exporter,
    buyer: importer,
    issuedMs: shippedMs,
    items: goods,
    shipmentId: id,
  });
  const times = shipmentTimes(ctx, params, params.legs, 11 * MS_PER_DAY);
  const invoices = times.map((invoicedMs, i) => {
    const invoice = records.document({
      type: 'invoice',
      seller: exporter,
      buyer: importer,
      issuedMs: invoicedMs,
      items: goods,
      shipmentId: id,
    });
    records.papers(params.paperwork[i] ?? [], {
      seller: exporter,
      buyer: importer,
      issuedMs: invoicedMs,
      items: goods,
    });
    const paidMs = invoicedMs + rng.int(24, 240) * MS_PER_HOUR;
    return { invoice, payment: settle(records, invoice, importer, exporter, paidMs) };
  });
  return {
    records,
    roles: [
      ['exporter', exporter],
      ['importer', importer],
    ],
    details: {
      shipment_id: id,
      bill_of_lading_id: lading.id,
      invoice_ids: invoices.map((i) => i.invoice.id),
      payment_ids: invoices.map((i) => i.payment.id),
      invoice_total: invoices[0]?.invoice.properties.total_amount ?? 0,
    },
  };
}

/**
 * Goods invoiced round a ring of traders, trader i to trader i + 1 and the last back to the first,
 * each re-invoicing at a small margin, with a bill of lading per leg. Real carousel: a missing
 * trader (added, with a young account) is the second in the ring, legs follow each other within
 * 6–48 h, and once the last invoice is issued the money goes round the ring the other way: the
 * origin pays the last seller, who pays its own seller, and so on until the first leg's payment
 * returns to the origin's account, 1–24 h per hop. Look-alike (an honest round trip): background
 * traders, different goods on each leg, each invoice paid on ordinary terms weeks later.
 */
export function carousel(
  ctx: GeneratorContext,
  slots: PatternSlots,
  params: TbmlParams,
  lookAlike: boolean,
): SchemeResult {
  const { rng } = ctx;
  const k = params.legs;
  const traders = drawTraders(ctx, lookAlike ? k : k - 1);
  if (!lookAlike) traders.splice(1, 0, addedTrader(slots));
  // Leg i: trader i sells to trader i + 1, the last leg back to the origin.
  const seller = (leg: number) => traders[leg] as Trader;
  const buyer = (leg: number) => traders[(leg + 1) % k] as Trader;
  const records = new TradeRecords(ctx, slots, params.currency);
  const end = params.startMs + params.durationMs;

  // A real ring re-sells the same goods every 6–48 h, each trader adding its margin; an honest
  // round trip ships different goods over the first half of its span.
  let at = params.startMs;
  const issuedAt = lookAlike
    ? Array.from({ length: k }, () =>
        between(ctx, params.startMs, params.startMs + params.durationMs / 2),
      ).sort((a, b) => a - b)
    : Array.from({ length: k }, (_, i) => (at += i === 0 ? 0 : rng.int(6, 48) * MS_PER_HOUR));
  const base = lookAlike ? [] : normalItems(ctx);
  let markup = 1;
  const legs = issuedAt.map((issuedMs, i) => {
    if (i > 0) markup *= 1 + (params.margins[i - 1] ?? 0);
    const items = lookAlike ? normalItems(ctx) : repriced(base, markup);
    const shipment = shipmentId(ctx);
    const parts = { seller: seller(i), buyer: buyer(i), items, shipmentId: shipment };
    const invoice = records.document({ ...parts, type: 'invoice', issuedMs });
    const lading = records.document({
      ...parts,
      type: 'bill_of_lading',
      issuedMs: issuedMs + rng.int(0, 6) * MS_PER_HOUR,
    });
    records.papers(params.paperwork[i] ?? [], { ...parts, issuedMs });
    return { invoice, lading, issuedMs };
  });

  // Real: backwards round the ring once the last leg has shipped. The origin settles the last
  // leg, each seller then pays its own supplier with the money it just received, 1–24 h later.
  // Honest: each buyer pays on ordinary terms, a quarter to a half of the span after its invoice.
  const order = legs.map((_, j) => (lookAlike ? j : k - 1 - j));
  let paidMs = at + 6 * MS_PER_HOUR;
  const payments = order.map((i) => {
    const leg = legs[i] as (typeof legs)[number];
    paidMs = lookAlike
      ? between(
          ctx,
          leg.issuedMs + params.durationMs / 4,
          Math.min(end, leg.issuedMs + params.durationMs / 2),
        )
      : paidMs + rng.int(1, 24) * MS_PER_HOUR;
    return settle(records, leg.invoice, buyer(i), seller(i), paidMs);
  });
  const roles: [string, Trader][] = traders.map((t, i) => [
    i === 0 ? 'origin' : i === 1 && !lookAlike ? 'missing_trader' : 'buffer',
    t,
  ]);
  return {
    records,
    roles,
    details: {
      ring: traders.map((t) => ({
        company: vertexId('company', t.company),
        account: vertexId('account', t.account),
      })),
      margins: params.margins,
      legs: legs.map((leg) => ({
        invoice_id: leg.invoice.id,
        bill_of_lading_id: leg.lading.id,
        shipment_id: leg.invoice.properties.shipment_id,
        invoice_total: leg.invoice.properties.total_amount,
      })),
      payment_ids: payments.map((p) => p.id),
      cycle_hours:
        payments.length > 0
          ? Math.round(
              (Date.parse(payments.at(-1)?.properties.timestamp ?? '') -
                Date.parse(payments[0]?.properties.timestamp ?? '')) /
                MS_PER_HOUR,
            )
          : 0,
    },
  };
}
