import type { Rng } from '../../../random/index.js';
import { DOCUMENT_TYPES } from '../../events/document.js';

/** A document a shipment carries besides its invoice and its bill of lading. */
export type PaperType =
  'purchase_order' | 'contract' | 'customs_declaration' | 'certificate_of_origin' | 'packing_list';

/** Papers about the goods themselves, which only a shipment that ships has. */
const SHIPPING_PAPERS: ReadonlySet<PaperType> = new Set([
  'customs_declaration',
  'certificate_of_origin',
  'packing_list',
]);

const weightOf = (type: string): number => DOCUMENT_TYPES.find(([t]) => t === type)?.[1] ?? 0;

/**
 * The chance that one invoiced shipment carries each paper: the background's weight of that type
 * over the invoice's (document.ts), so the papers of a scheme come in the background's mix of
 * types and a document's type alone no longer gives a scheme away (issue #13: the type scored a
 * rank AUC of 0.80 while schemes issued invoices and bills of lading only). Real trade carries
 * them: ICC UCP 600 (arts. 14, 18–28) names the commercial invoice and the transport document
 * beside "other documents" such as packing lists, certificates of origin and customs papers, and
 * a purchase order or contract precedes the sale.
 */
const PAPER_CHANCES: readonly (readonly [PaperType, number])[] = (
  [
    'purchase_order',
    'contract',
    'customs_declaration',
    'certificate_of_origin',
    'packing_list',
  ] as const
).map((type) => [type, weightOf(type) / weightOf('invoice')] as const);

/**
 * Draws the papers of one invoice at plan time (the count reserves their slots). `ships`: the
 * goods move (a phantom shipment or a duplicate invoice has only a purchase order or a contract).
 */
export function drawPaperwork(rng: Rng, ships: boolean): PaperType[] {
  const papers: PaperType[] = [];
  for (const [type, chance] of PAPER_CHANCES) {
    if (!ships && SHIPPING_PAPERS.has(type)) continue;
    if (rng.next() < chance) papers.push(type);
  }
  return papers;
}
