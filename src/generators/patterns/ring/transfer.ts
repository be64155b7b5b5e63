import type { EdgeRecord } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import type { Purpose } from '../../data/payment-purposes.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import type { PatternSlots } from '../typology.js';

/** What a pattern decides about one of its transfers. */
export interface PatternTransfer {
  readonly from: number;
  readonly to: number;
  readonly atMs: number;
  readonly amount: number;
  /** Left out, the purpose (and its type) is a cover purpose: see cover-purpose.ts. */
  readonly type?: string;
  readonly purpose?: Purpose;
}

/**
 * The pattern's k-th transfer, drawn in USD and paid in the sending account's currency, completed. Used by
 * both the fraud-ring and the account-takeover families so their money moves the same way.
 */
export function patternTransfer(
  ctx: GeneratorContext,
  slots: PatternSlots,
  k: number,
  t: PatternTransfer,
): EdgeRecord<'transfer'> {
  return transferEdge(ctx, transferId(slots.event('transfer', k)), {
    from: t.from,
    to: t.to,
    timestampMs: t.atMs,
    amount: t.amount,
    currency: 'USD',
    ...(t.type === undefined ? {} : { type: t.type }),
    status: 'completed',
    ...(t.purpose === undefined ? {} : { purpose: t.purpose }),
  });
}

/** Sum of the amounts of some transfers in the base currency, to the cent. */
export function totalOf(transfers: readonly EdgeRecord<'transfer'>[]): number {
  return Math.round(transfers.reduce((sum, t) => sum + t.properties.amount_base, 0) * 100) / 100;
}
