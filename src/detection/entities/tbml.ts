import { convert } from '../../generators/economy/fx.js';
import type { DetectionContext, Detector, Hit } from '../detector.js';
import { offshore } from './offshore.js';
import {
  gremlinRows,
  groupBy,
  isoOf,
  MS_PER_DAY,
  MS_PER_HOUR,
  toMs,
  transfers,
  unique,
  type TransferRow,
} from './gremlin.js';

/** An invoice and its bill of lading disagree on value beyond this factor. */
const PRICE_FACTOR = 1.5;
/** Payments settle an invoice within this long. */
const PAYMENT_MS = 30 * MS_PER_DAY;
/** A carousel re-invoices the goods within this long. */
const CAROUSEL_LEG_MS = 72 * MS_PER_HOUR;

interface Doc {
  id: string;
  type: string;
  issuer: string;
  recipient: string;
  shipment: string;
  total: number;
  /** The currency the document is made out in. */
  currency: string;
  ms: number;
}

interface Company {
  id: string;
  shell: boolean;
  country: string;
  havens: string;
  accounts: string[];
}

interface TradeData {
  invoices: Doc[];
  ladings: Map<string, Doc[]>;
  companies: Map<string, Company>;
  /** Transfers out of company-held accounts. */
  payments: TransferRow[];
}

async function tradeData(ctx: DetectionContext): Promise<TradeData> {
  const raw = await gremlinRows<Omit<Doc, 'ms' | 'total'> & { ts: unknown; total: number }>(
    ctx,
    "g.V().has('document','document_type',within(types))" +
      ".project('id','type','issuer','recipient','shipment','total','currency','ts')" +
      ".by(id()).by('document_type').by(__.in('issued').id()).by(out('billed_to').id())" +
      ".by(coalesce(values('shipment_id'), constant(''))).by('total_amount').by('currency').by('issue_date')",
    { types: ['invoice', 'bill_of_lading'] },
  );
  const docs = raw.map((d) => ({ ...d, ms: toMs(d.ts) }));
  const companies = await gremlinRows<Company>(
    ctx,
    "g.V().hasLabel('company').project('id','shell','country','havens','accounts')" +
      ".by(id()).by('is_shell_company').by('registration_country')" +
      ".by(coalesce(values('tax_havens'), constant('[]'))).by(out('owns').id().fold())",
  );
  const payments = await transfers(
    ctx,
    "g.V().hasLabel('company').out('owns').outE('transfer').dedup()",
  );
  return {
    invoices: docs.filter((d) => d.type === 'invoice').sort((a, b) => a.ms - b.ms),
    ladings: groupBy(
      docs.filter((d) => d.type === 'bill_of_lading' && d.shipment !== ''),
      (d) => d.shipment,
    ),
    companies: new Map(companies.map((c) => [c.id, c])),
    payments,
  };
}

/**
 * Transfers from the buyer's accounts to the seller's accounts of the invoice total, after it. The
 * payer's account may be in another currency than the invoice: both are compared in the base
 * currency, at the FX reference table's rate.
 */
function paymentsOf(data: TradeData, invoice: Doc): TransferRow[] {
  const from = new Set(data.companies.get(invoice.recipient)?.accounts ?? []);
  const to = new Set(data.companies.get(invoice.issuer)?.accounts ?? []);
  return data.payments.filter(
    (t) =>
      from.has(t.from) &&
      to.has(t.to) &&
      Math.abs(t.amount - convert(invoice.total, invoice.currency, t.currency)) <=
        0.005 * convert(invoice.total, invoice.currency, t.currency) &&
      t.at >= invoice.ms &&
      t.at - invoice.ms <= PAYMENT_MS,
  );
}

function hit(docs: readonly Doc[], pays: readonly TransferRow[], why: string): Hit {
  return {
    typology: 'tbml',
    entities: unique([
      ...docs.flatMap((d) => [d.issuer, d.recipient]),
      ...pays.flatMap((p) => [p.from, p.to]),
    ]),
    events: unique([...docs.map((d) => d.id), ...pays.map((p) => p.id)]),
    explanation: why,
  };
}

/** Invoices priced far from the bill of lading of the same shipment, per seller → buyer pair. */
export const tbmlPriceDeviationDetector: Detector = {
  name: 'tbml-invoice-vs-lading-price-gremlin',
  typology: 'tbml',
  subtypes: ['over_invoicing', 'under_invoicing'],
  backend: 'janusgraph',
  description:
    'per seller → buyer, invoices whose total is ≥ 1.5× or ≤ 1/1.5 of the bill of lading for the same shipment_id, with the payments of those invoices',
  async run(ctx) {
    const data = await tradeData(ctx);
    const off: { invoice: Doc; ratio: number }[] = [];
    for (const invoice of data.invoices) {
      const lading = data.ladings.get(invoice.shipment)?.[0];
      if (!lading || lading.total <= 0) continue;
      const ratio = invoice.total / lading.total;
      if (ratio >= PRICE_FACTOR || ratio <= 1 / PRICE_FACTOR) off.push({ invoice, ratio });
    }
    const hits: Hit[] = [];
    for (const [pair, list] of groupBy(
      off,
      (o) => `${o.invoice.issuer} → ${o.invoice.recipient}`,
    )) {
      const docs = list.flatMap((o) => [
        o.invoice,
        ...(data.ladings.get(o.invoice.shipment) ?? []),
      ]);
      const pays = list.flatMap((o) => paymentsOf(data, o.invoice));
      const ratios = list.map((o) => o.ratio.toFixed(2)).join(', ');
      const kind = list.some((o) => o.ratio > 1) ? 'over' : 'under';
      hits.push(
        hit(
          docs,
          pays,
          `${kind}-invoicing ${pair}: ${list.length} invoice(s) at ${ratios}× the bill of lading value of the same shipment, ${pays.length} matching payment(s)`,
        ),
      );
    }
    return hits;
  },
};

/** Shipments invoiced more than once. */
export const tbmlMultipleInvoicingDetector: Detector = {
  name: 'tbml-multiple-invoices-per-shipment-gremlin',
  typology: 'tbml',
  subtypes: ['multiple_invoicing'],
  backend: 'janusgraph',
  description: 'a shipment_id billed by 2+ invoices, with the payments of those invoices',
  async run(ctx) {
    const data = await tradeData(ctx);
    const hits: Hit[] = [];
    for (const [shipment, list] of groupBy(
      data.invoices.filter((d) => d.shipment !== ''),
      (d) => d.shipment,
    )) {
      if (list.length < 2) continue;
      const pays = list.flatMap((d) => paymentsOf(data, d));
      hits.push(
        hit(
          [...list, ...(data.ladings.get(shipment) ?? [])],
          pays,
          `shipment ${shipment} invoiced ${list.length} times by ${unique(list.map((d) => d.issuer)).join(', ')}, ${pays.length} payment(s)`,
        ),
      );
    }
    return hits;
  },
};

/** Offshore shells invoicing shipments no bill of lading mentions, paid in full. */
export const tbmlPhantomShipmentDetector: Detector = {
  name: 'tbml-unshipped-invoices-to-offshore-gremlin',
  typology: 'tbml',
  subtypes: ['phantom_shipping', 'under_invoicing'],
  backend: 'janusgraph',
  description:
    'invoices with no bill of lading for their shipment_id, issued by a shell or tax-haven company and paid in full within 30 days',
  async run(ctx) {
    const data = await tradeData(ctx);
    const flagged = data.invoices.filter(
      (d) => !data.ladings.has(d.shipment) && offshore(data.companies.get(d.issuer)),
    );
    const hits: Hit[] = [];
    for (const [pair, list] of groupBy(flagged, (d) => `${d.issuer} → ${d.recipient}`)) {
      const paid = list
        .map((d) => ({ d, pays: paymentsOf(data, d) }))
        .filter((x) => x.pays.length > 0);
      if (paid.length === 0) continue;
      hits.push(
        hit(
          paid.map((x) => x.d),
          paid.flatMap((x) => x.pays),
          `${pair}: ${paid.length} invoice(s) from an offshore/shell company for shipments without a bill of lading, each paid in full`,
        ),
      );
    }
    return hits;
  },
};

/** Goods invoiced round a ring of companies back to the first, leg after leg within days. */
export const tbmlCarouselDetector: Detector = {
  name: 'tbml-invoice-carousel-gremlin',
  typology: 'tbml',
  subtypes: ['carousel_fraud'],
  backend: 'janusgraph',
  description:
    'a ring of 3–5 invoices A → B → … → A, each issued by the previous buyer within 72 h of the previous invoice, where every invoice is paid',
  async run(ctx) {
    const data = await tradeData(ctx);
    const byIssuer = groupBy(data.invoices, (d) => d.issuer);
    const hits: Hit[] = [];
    const seen = new Set<string>();
    const paid = (d: Doc) => paymentsOf(data, d).length > 0;
    const extend = (path: Doc[]): void => {
      const last = path.at(-1) as Doc;
      const origin = (path[0] as Doc).issuer;
      if (path.length >= 3 && last.recipient === origin) {
        const key = path
          .map((d) => d.id)
          .sort()
          .join(',');
        if (!seen.has(key) && path.every(paid)) {
          seen.add(key);
          const pays = path.flatMap((d) => paymentsOf(data, d));
          hits.push(
            hit(
              path,
              pays,
              `invoice ring ${path.map((d) => d.issuer).join(' → ')} → ${origin} from ${isoOf(path[0]?.ms ?? 0)}, each leg within 72 h, all paid`,
            ),
          );
        }
        return;
      }
      if (path.length >= 5) return;
      const companies = new Set(path.map((d) => d.issuer));
      for (const next of byIssuer.get(last.recipient) ?? []) {
        if (next.ms <= last.ms || next.ms - last.ms > CAROUSEL_LEG_MS) continue;
        if (companies.has(next.recipient) && next.recipient !== origin) continue;
        extend([...path, next]);
      }
    };
    for (const invoice of data.invoices) extend([invoice]);
    return hits;
  },
};

export const TBML_DETECTORS: readonly Detector[] = [
  tbmlPriceDeviationDetector,
  tbmlMultipleInvoicingDetector,
  tbmlPhantomShipmentDetector,
  tbmlCarouselDetector,
];
