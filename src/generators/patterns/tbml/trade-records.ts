import type { EdgeRecord, GraphRecord, VertexRecord } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { documentRecords, type DocumentParts, type LineItem } from '../../events/document.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import { cents } from '../../money.js';
import { MS_PER_HOUR } from '../../time.js';
import type { PatternSlots } from '../typology.js';
import type { PaperType } from './paperwork.js';
import type { Trader } from './traders.js';

export type DocumentVertex = VertexRecord<'document'>;
export type Transfer = EdgeRecord<'transfer'>;

/** Market unit prices are what `normalItems` draws: 10 to 1 000 per unit. */
export const MARKET_BAND = [10, 1_000] as const;

/** The same goods at `factor` times their unit price (amounts follow the new price). */
export function repriced(items: readonly LineItem[], factor: number): LineItem[] {
  return items.map((item) => {
    const unitPrice = cents(item.unit_price * factor);
    return { ...item, unit_price: unitPrice, amount: cents(item.quantity * unitPrice) };
  });
}

/** A new shipment reference, in the format background documents use. */
export function shipmentId(ctx: GeneratorContext): string {
  return 'SHIP' + ctx.rng.hex(8).toUpperCase();
}

export interface ShipmentDocument {
  readonly type: 'invoice' | 'bill_of_lading';
  readonly seller: Trader;
  readonly buyer: Trader;
  readonly issuedMs: number;
  readonly items: readonly LineItem[];
  readonly shipmentId: string;
}

export interface Payment {
  readonly from: Trader;
  readonly to: Trader;
  readonly atMs: number;
  readonly amount: number;
  /** The invoice the payment settles, if it settles one (else a fee or commission). */
  readonly invoiceNumber?: string;
}

/**
 * Emits a scheme's documents and payments into its reserved slots, in order, and keeps what the
 * ground truth needs: every record and every event time. One currency per scheme: invoices,
 * bills of lading and the payments that settle them are in the same currency.
 */
export class TradeRecords {
  readonly documentUnits: (readonly GraphRecord[])[] = [];
  readonly documents: DocumentVertex[] = [];
  readonly transfers: Transfer[] = [];
  readonly timesMs: number[] = [];

  constructor(
    private readonly ctx: GeneratorContext,
    private readonly slots: PatternSlots,
    readonly currency: string,
  ) {}

  /** An invoice or bill of lading from seller to buyer; returns the document vertex. */
  document(parts: ShipmentDocument): DocumentVertex {
    return this.issue({
      issuer: parts.seller.company,
      recipient: parts.buyer.company,
      issuedMs: parts.issuedMs,
      type: parts.type,
      items: parts.items,
      shipmentId: parts.shipmentId,
    });
  }

  /**
   * The other papers of one invoiced shipment (paperwork.ts), issued within 12 h of `issuedMs`
   * like any company's documents: the goods at `items` (their market value: only the invoice is
   * mispriced), no shipment reference (the background's papers other than invoices and bills of
   * lading carry none), a purchase order from the buyer, the rest from the seller.
   */
  papers(types: readonly PaperType[], parts: Omit<ShipmentDocument, 'type' | 'shipmentId'>): void {
    for (const type of types) {
      const [issuer, recipient] =
        type === 'purchase_order' ? [parts.buyer, parts.seller] : [parts.seller, parts.buyer];
      this.issue({
        issuer: issuer.company,
        recipient: recipient.company,
        issuedMs: parts.issuedMs + this.ctx.rng.int(0, 12) * MS_PER_HOUR,
        type,
        items: parts.items,
      });
    }
  }

  /** One document of the scheme, into its next reserved slot, in the scheme's currency. */
  private issue(parts: DocumentParts & { readonly recipient: number }): DocumentVertex {
    const index = this.slots.event('document', this.documentUnits.length);
    const [drawn, issued, billedTo] = documentRecords(this.ctx, index, parts);
    // The builder draws a currency per document; a trade is invoiced, shipped and paid in one.
    const document: DocumentVertex = {
      ...drawn,
      properties: { ...drawn.properties, currency: this.currency },
    };
    this.documentUnits.push([document, issued, billedTo]);
    this.documents.push(document);
    this.timesMs.push(parts.issuedMs);
    return document;
  }

  /** A completed wire between the two traders' accounts. */
  pay(payment: Payment): Transfer {
    const from = payment.from.account;
    const to = payment.to.account;
    const transfer = transferEdge(
      this.ctx,
      transferId(this.slots.event('transfer', this.transfers.length)),
      {
        from,
        to,
        timestampMs: payment.atMs,
        amount: payment.amount,
        currency: this.currency,
        type: 'wire',
        status: 'completed',
        purpose: 'supplier_invoice',
        ...(payment.invoiceNumber === undefined ? {} : { invoiceNumber: payment.invoiceNumber }),
      },
    );
    this.transfers.push(transfer);
    this.timesMs.push(payment.atMs);
    return transfer;
  }

  /** Every event record, for the ground truth. */
  events(): GraphRecord[] {
    return [...this.documentUnits.flat(), ...this.transfers];
  }

  /** Sum of the payments. */
  paid(): number {
    return cents(this.transfers.reduce((sum, t) => sum + t.properties.amount_base, 0));
  }
}
