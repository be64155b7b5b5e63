import type { PaperType } from './paperwork.js';

/** A TBML instance's shape, drawn at plan time. */
export interface TbmlParams {
  /**
   * Shipments (over-/under-invoicing, phantom shipping, honest trade), invoices billed for the one
   * shipment (multiple invoicing) or traders in the ring (carousel).
   */
  readonly legs: number;
  /** Invoice price ÷ market price, per shipment: ×2–10 over-, ×0.1–0.5 under-invoicing. */
  readonly priceFactors: readonly number[];
  /** Carousel: the margin each trader after the origin adds when it re-invoices the goods. */
  readonly margins: readonly number[];
  /** Every event of the instance falls in [startMs, startMs + durationMs]. */
  readonly startMs: number;
  readonly durationMs: number;
  /** One currency for the invoices, bills of lading and payments of the instance. */
  readonly currency: string;
  /** Per invoice (in the order the scheme issues them), the other papers it comes with. */
  readonly paperwork: readonly (readonly PaperType[])[];
}
