import type { EdgeRecord, VertexRecord } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { documentRecords, type LineItem } from '../../events/document.js';
import { cents } from '../../money.js';

/** Price-moving announcements, good and bad news. */
export const GOOD_NEWS: readonly string[] = [
  'Quarterly earnings well above consensus',
  'Agreed takeover offer at a premium',
  'Regulatory approval of lead product',
  'Award of a major multi-year contract',
  'Full-year guidance raised',
];
export const BAD_NEWS: readonly string[] = [
  'Profit warning',
  'Quarterly earnings well below consensus',
  'Regulatory investigation opened',
  'Loss of largest customer',
  'Full-year guidance withdrawn',
];

/** What the announcement says: drawn at plan time with the rest of the instance. */
export interface AnnouncementFacts {
  readonly atMs: number;
  readonly goodNews: boolean;
  readonly headline: string;
  /** Expected move of the share price, percent, signed. */
  readonly priceMovePct: number;
}

/**
 * A material announcement: a `document` of type announcement issued by the listed company, with
 * no recipient (so no billed_to edge). Its single line item carries the headline and the
 * direction: category `good_news` or `bad_news` (also its goods_category), and the announced
 * figure (deal value, earnings…) as the amount.
 */
export function announcementRecords(
  ctx: GeneratorContext,
  index: number,
  issuer: number,
  facts: AnnouncementFacts,
): [VertexRecord<'document'>, EdgeRecord<'issued'>] {
  const figure = cents(ctx.rng.float(1_000_000, 500_000_000));
  const sign = facts.priceMovePct > 0 ? '+' : '';
  const item: LineItem = {
    line_number: 1,
    description: `${facts.headline} (${facts.goodNews ? 'good' : 'bad'} news, expected share price move ${sign}${facts.priceMovePct.toFixed(1)} %)`,
    category: facts.goodNews ? 'good_news' : 'bad_news',
    quantity: 1,
    unit_price: figure,
    amount: figure,
  };
  const records = documentRecords(ctx, index, {
    issuer,
    recipient: null,
    issuedMs: facts.atMs,
    type: 'announcement',
    items: [item],
    shipmentId: null,
  });
  const [document, issued] = records;
  return [document, issued];
}
