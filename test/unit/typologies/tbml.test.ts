import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { isTaxHaven } from '../../../src/generators/data/countries.js';
import { convert } from '../../../src/generators/economy/fx.js';
import type { LineItem } from '../../../src/generators/events/document.js';
import type { EdgeRecord, PatternTruth, VertexRecord } from '../../../src/model/index.js';
import { planRun } from '../../../src/orchestration/plan.js';
import { configOf, randomSeeds } from '../../helpers/collect.js';
import { eventsOf, runWithTruth, withRole, type Run } from '../../helpers/patterns.js';

type Transfer = EdgeRecord<'transfer'>;
type Document = VertexRecord<'document'>;

interface ShipmentTruth {
  readonly shipment_id: string;
  readonly price_factor: number;
  readonly invoice_id: string;
  readonly bill_of_lading_id: string;
  readonly side_payment_id?: string;
  readonly side_payment_amount?: number;
}

/** Two instances of each subtype, plus look-alikes, on a light small population. */
function tbmlConfig(seed: number) {
  return configOf('small', {
    seed,
    tbmlPatterns: 10,
    transactionCount: 500,
    communicationCount: 50,
    tradeCount: 100,
    travelCount: 50,
    documentCount: 200,
    loginCount: 100,
  });
}

const documentsOf = (run: Run, p: PatternTruth) =>
  (eventsOf(run, p)['document'] ?? []) as Document[];
const transfersOf = (run: Run, p: PatternTruth) =>
  (eventsOf(run, p)['transfer'] ?? []) as Transfer[];
/** A document's amount in the base currency (the tests keep the default, USD), at the FX table. */
const inBase = (document: Document, amount: number) =>
  convert(amount, document.properties.currency, 'USD');
const ofType = (docs: readonly Document[], type: string) =>
  docs.filter((d) => d.properties.document_type === type);

/** The company that holds an account. */
function holderOf(run: Run, accountId: string): string {
  const account = run.vertices.get(accountId);
  if (account?.label !== 'account') throw new Error(`${accountId} is not an account`);
  return account.properties.owner_id;
}

/**
 * Each "Payment <invoice number>" transfer of the pattern pays exactly that invoice's total,
 * from an account of the billed company to an account of the issuer. The under-invoicing
 * difference to the offshore shell is booked against an invoice no document of the pattern holds
 * (a fictitious one, as every supplier payment names an invoice).
 */
function expectPaymentsMatchInvoices(run: Run, pattern: PatternTruth): number {
  const invoices = new Map(
    ofType(documentsOf(run, pattern), 'invoice').map((d) => [d.properties.document_number, d]),
  );
  const offshore = new Set(withRole(pattern, 'offshore_shell_account'));
  let payments = 0;
  for (const transfer of transfersOf(run, pattern)) {
    if (offshore.has(transfer.inV)) {
      const reference = /^Payment (.+)$/.exec(transfer.properties.description)?.[1] ?? '';
      expect(invoices.has(reference), `${transfer.id} names no invoice of the pattern`).toBe(false);
      continue;
    }
    const reference = /^Payment (.+)$/.exec(transfer.properties.description)?.[1];
    if (reference === undefined) continue;
    const invoice = invoices.get(reference);
    expect(invoice, `${transfer.id} pays an invoice of the pattern`).toBeDefined();
    if (invoice === undefined) continue;
    // Paid from the buyer's account, in its currency: equal to the invoice in the base currency.
    expect(transfer.properties.amount_base).toBe(inBase(invoice, invoice.properties.total_amount));
    expect(holderOf(run, transfer.outV)).toBe(invoice.properties.recipient_id);
    expect(holderOf(run, transfer.inV)).toBe(invoice.properties.issuer_id);
    payments++;
  }
  return payments;
}

/** Invoice unit prices are the bill of lading's (market) prices × the recorded factor. */
function expectRepriced(run: Run, pattern: PatternTruth, min: number, max: number): void {
  const docs = new Map(documentsOf(run, pattern).map((d) => [d.id, d]));
  const shipments = (pattern.parameters as { shipments: ShipmentTruth[] }).shipments;
  expect(shipments.length).toBeGreaterThan(0);
  for (const shipment of shipments) {
    const invoice = docs.get(shipment.invoice_id);
    const lading = docs.get(shipment.bill_of_lading_id);
    expect(invoice?.properties.document_type).toBe('invoice');
    expect(lading?.properties.document_type).toBe('bill_of_lading');
    if (invoice === undefined || lading === undefined) continue;
    expect(invoice.properties.shipment_id).toBe(shipment.shipment_id);
    expect(lading.properties.shipment_id).toBe(shipment.shipment_id);
    const factor = shipment.price_factor;
    expect(factor).toBeGreaterThanOrEqual(min);
    expect(factor).toBeLessThanOrEqual(max);
    const billed = invoice.properties.line_items as LineItem[];
    const market = lading.properties.line_items as LineItem[];
    expect(billed).toHaveLength(market.length);
    market.forEach((item, i) => {
      const line = billed[i];
      expect(line?.description).toBe(item.description);
      expect(line?.quantity).toBe(item.quantity);
      // market prices are what normal trade draws; the invoice's are that × the factor
      expect(item.unit_price).toBeGreaterThanOrEqual(10);
      expect(item.unit_price).toBeLessThanOrEqual(1_000);
      expect(Math.abs((line?.unit_price ?? 0) - item.unit_price * factor)).toBeLessThanOrEqual(
        0.0051,
      );
      if (factor > 1)
        expect(line?.unit_price ?? 0).toBeGreaterThanOrEqual(2 * item.unit_price - 0.01);
      else expect(line?.unit_price ?? 0).toBeLessThanOrEqual(0.5 * item.unit_price + 0.01);
    });
  }
}

function expectRejected(overrides: Record<string, unknown>, message: string): void {
  let error: unknown;
  try {
    planRun(configOf('small', { tbmlPatterns: 1, ...overrides }));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toBe(message);
}

for (const seed of randomSeeds(3)) {
  describe(`tbml (seed ${seed})`, () => {
    let run: Run;
    const bySubtype = (subtype: string) =>
      run.truth.patterns.filter((p) => p.typology === 'tbml' && p.subtype === subtype);

    beforeAll(async () => {
      run = await runWithTruth(tbmlConfig(seed));
    });

    it(`every subtype appears and every payment equals its invoice total (seed ${seed})`, () => {
      const patterns = run.truth.patterns.filter((p) => p.typology === 'tbml');
      expect(patterns).toHaveLength(10);
      for (const pattern of patterns)
        expect(expectPaymentsMatchInvoices(run, pattern)).toBeGreaterThan(0);
    });

    it(`over-invoicing: unit prices are ×2–10 the market price on the bill of lading (seed ${seed})`, () => {
      const patterns = bySubtype('over_invoicing');
      expect(patterns).toHaveLength(2);
      for (const pattern of patterns) {
        expectRepriced(run, pattern, 2, 10);
        expect(transfersOf(run, pattern)).toHaveLength(
          ofType(documentsOf(run, pattern), 'invoice').length,
        );
      }
    });

    it(`under-invoicing: unit prices are ×0.1–0.5 and the difference goes offshore (seed ${seed})`, () => {
      const patterns = bySubtype('under_invoicing');
      expect(patterns).toHaveLength(2);
      for (const pattern of patterns) {
        expectRepriced(run, pattern, 0.1, 0.5);
        const docs = new Map(documentsOf(run, pattern).map((d) => [d.id, d]));
        const transfers = new Map(transfersOf(run, pattern).map((t) => [t.id, t]));
        const [shell] = withRole(pattern, 'offshore_shell');
        const [offshoreAccount] = withRole(pattern, 'offshore_shell_account');
        const shellVertex = run.vertices.get(shell ?? '');
        expect(shellVertex?.label).toBe('company');
        if (shellVertex?.label === 'company') {
          expect(shellVertex.properties.is_shell_company).toBe(true);
          expect(isTaxHaven(shellVertex.properties.registration_country)).toBe(true);
        }
        expect(pattern.added_entities).toEqual(expect.arrayContaining([shell, offshoreAccount]));
        for (const shipment of (pattern.parameters as { shipments: ShipmentTruth[] }).shipments) {
          const side = transfers.get(shipment.side_payment_id ?? '');
          const invoice = docs.get(shipment.invoice_id);
          const lading = docs.get(shipment.bill_of_lading_id);
          expect(side?.inV).toBe(offshoreAccount);
          expect(holderOf(run, side?.outV ?? '')).toBe(invoice?.properties.recipient_id);
          const gap =
            (lading?.properties.total_amount ?? 0) - (invoice?.properties.total_amount ?? 0);
          expect(
            Math.abs((side?.properties.amount_base ?? 0) - inBase(invoice as Document, gap)),
          ).toBeLessThanOrEqual(0.0051);
        }
      }
    });

    it(`phantom shipping: no bill of lading exists for any invoiced shipment (seed ${seed})`, () => {
      const patterns = bySubtype('phantom_shipping');
      expect(patterns).toHaveLength(2);
      const ladings = new Set(
        run.records.flatMap((r) =>
          r.label === 'document' && r.properties.document_type === 'bill_of_lading'
            ? [r.properties.shipment_id]
            : [],
        ),
      );
      for (const pattern of patterns) {
        const docs = documentsOf(run, pattern);
        const invoices = ofType(docs, 'invoice');
        expect(invoices.length).toBeGreaterThan(0);
        // Goods that never ship have no shipping papers: only an order or a contract besides.
        for (const doc of docs)
          expect(['invoice', 'purchase_order', 'contract']).toContain(doc.properties.document_type);
        for (const invoice of invoices) {
          expect(invoice.properties.shipment_id).toMatch(/^SHIP[0-9A-F]{8}$/);
          expect(ladings.has(invoice.properties.shipment_id)).toBe(false);
        }
        expect(expectPaymentsMatchInvoices(run, pattern)).toBe(invoices.length);
        const [exporter] = withRole(pattern, 'shell_exporter');
        expect(pattern.added_entities).toContain(exporter);
      }
    });

    it(`multiple invoicing: several paid invoices share one shipped shipment id (seed ${seed})`, () => {
      const patterns = bySubtype('multiple_invoicing');
      expect(patterns).toHaveLength(2);
      for (const pattern of patterns) {
        const docs = documentsOf(run, pattern);
        const invoices = ofType(docs, 'invoice');
        expect(invoices.length).toBeGreaterThanOrEqual(2);
        const shipment = invoices[0]?.properties.shipment_id;
        for (const invoice of invoices) expect(invoice.properties.shipment_id).toBe(shipment);
        const ladings = run.records.filter(
          (r) =>
            r.label === 'document' &&
            r.properties.document_type === 'bill_of_lading' &&
            r.properties.shipment_id === shipment,
        );
        expect(ladings).toHaveLength(1);
        expect(expectPaymentsMatchInvoices(run, pattern)).toBe(invoices.length);
      }
    });

    it(`carousel: goods go round the ring and the payments return to the origin account within days (seed ${seed})`, () => {
      const patterns = bySubtype('carousel_fraud');
      expect(patterns).toHaveLength(2);
      for (const pattern of patterns) {
        const invoices = ofType(documentsOf(run, pattern), 'invoice').sort((a, b) =>
          a.properties.issue_date.localeCompare(b.properties.issue_date),
        );
        const ring = invoices.length;
        expect(ring).toBeGreaterThanOrEqual(3);
        // goods: A → B → … → A
        invoices.forEach((invoice, i) => {
          const next = invoices[(i + 1) % ring];
          expect(invoice.properties.recipient_id).toBe(next?.properties.issuer_id);
        });
        // money: a time-ordered cycle of accounts back to where it started
        const payments = [...transfersOf(run, pattern)].sort((a, b) =>
          a.properties.timestamp.localeCompare(b.properties.timestamp),
        );
        expect(payments).toHaveLength(ring);
        for (let k = 1; k < ring; k++) expect(payments[k]?.outV).toBe(payments[k - 1]?.inV);
        const origin = payments[0]?.outV;
        expect(payments.at(-1)?.inV).toBe(origin);
        expect(new Set(payments.map((p) => p.outV)).size).toBe(ring);
        expect(withRole(pattern, 'origin_account')).toEqual([origin]);
        const hours =
          (Date.parse(payments.at(-1)?.properties.timestamp ?? '') -
            Date.parse(payments[0]?.properties.timestamp ?? '')) /
          3_600_000;
        expect(hours).toBeLessThanOrEqual(24 * ring);
        expect(expectPaymentsMatchInvoices(run, pattern)).toBe(ring);
        // the missing trader is added, with an account opened before it traded
        const [missing] = withRole(pattern, 'missing_trader_account');
        expect(pattern.added_entities).toContain(missing);
        const account = run.vertices.get(missing ?? '');
        if (account?.label === 'account')
          expect(Date.parse(account.properties.opened_date)).toBeLessThanOrEqual(
            Date.parse(pattern.window_start),
          );
      }
    });

    it(`look-alikes trade honestly, paid on invoice, and carry no label (seed ${seed})`, () => {
      const labelled = new Set(run.truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
      // document numbers are random, so one may repeat: a payment's invoice is the one with
      // its number issued by the company it pays
      const documents = new Map<string, Document[]>();
      for (const r of run.records)
        if (r.label === 'document')
          documents.set(r.properties.document_number, [
            ...(documents.get(r.properties.document_number) ?? []),
            r,
          ]);
      const ladings = new Map(
        run.records.flatMap((r) =>
          r.label === 'document' && r.properties.document_type === 'bill_of_lading'
            ? [[r.properties.shipment_id, r] as const]
            : [],
        ),
      );
      // Background supplier payments also name an invoice number, and a random one may equal a
      // document's number of another issuer: only payments that settle an invoice their payee
      // issued are look-alike trades.
      const unlabelledPayments = run.records.filter(
        (r): r is Transfer =>
          r.label === 'transfer' &&
          r.properties.description.startsWith('Payment INV') &&
          (documents.get(r.properties.description.slice('Payment '.length)) ?? []).some(
            (d) => d.properties.issuer_id === holderOf(run, r.inV),
          ) &&
          !labelled.has(`transfer:${r.id}`),
      );
      expect(unlabelledPayments.length).toBeGreaterThan(0);
      for (const payment of unlabelledPayments) {
        const invoice = documents
          .get(payment.properties.description.slice('Payment '.length))
          ?.find((d) => d.properties.issuer_id === holderOf(run, payment.inV));
        expect(invoice).toBeDefined();
        if (invoice === undefined) continue;
        expect(labelled.has(`document:${invoice.id}`)).toBe(false);
        expect(payment.properties.amount_base).toBe(
          inBase(invoice, invoice.properties.total_amount),
        );
        // honest: shipped, at the market prices the bill of lading states
        const lading = ladings.get(invoice.properties.shipment_id);
        expect(lading?.properties.line_items).toEqual(invoice.properties.line_items);
      }
    });
  });
}

describe('tbml configuration', () => {
  it('rejects ranges below their minimum or out of order', () => {
    expectRejected(
      { tbmlMinShipments: 4, tbmlMaxShipments: 3 },
      'tbml_max_shipments: 3 must be ≥ tbml_min_shipments (4)',
    );
    expectRejected(
      { tbmlMaxDuplicateInvoices: 1 },
      'tbml_max_duplicate_invoices: 1 must be ≥ 2 (multiple invoicing bills one shipment at least twice)',
    );
    expectRejected(
      { tbmlCarouselMinCompanies: 2 },
      'tbml_carousel_min_companies: 2 must be ≥ 3 (a carousel is a ring of at least three traders)',
    );
    expectRejected(
      { tbmlCarouselMinCompanies: 5, tbmlCarouselMaxCompanies: 4 },
      'tbml_carousel_max_companies: 4 must be ≥ tbml_carousel_min_companies (5)',
    );
  });

  it('rejects a window too short for the schemes', () => {
    expectRejected(
      { durationDays: 20 },
      "duration_days: 20 is shorter than trade-based laundering needs (30 days: 30 for a scheme's shipments and payments, 3 per carousel trader)",
    );
  });

  it('rejects a population too small for the carousel', () => {
    expectRejected(
      { companyCount: 9 },
      'tbml_patterns: 1 needs company_count ≥ 10 and account_count ≥ 100 (a carousel has up to 5 traders, background companies that hold accounts)',
    );
    expectRejected(
      { tbmlCarouselMaxCompanies: 6, accountCount: 119 },
      'tbml_patterns: 1 needs company_count ≥ 12 and account_count ≥ 120 (a carousel has up to 6 traders, background companies that hold accounts)',
    );
  });
});
