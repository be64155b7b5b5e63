import type { EdgeRecord } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import type { PatternSlots } from '../typology.js';

/** What a pattern decides about one of its transfers. */
export interface PatternTransfer {
  readonly from: number;
  readonly to: number;
  readonly atMs: number;
  readonly amount: number;
  readonly type: string;
  readonly description?: string;
}

/**
 * The pattern's k-th transfer, in USD, completed, between the accounts' bank countries. Used by
 * both the fraud-ring and the account-takeover families so their money moves the same way.
 */
export function patternTransfer(
  ctx: GeneratorContext,
  slots: PatternSlots,
  k: number,
  t: PatternTransfer,
): EdgeRecord<'transfer'> {
  const { population } = ctx;
  return transferEdge(ctx, transferId(slots.event('transfer', k)), {
    from: t.from,
    to: t.to,
    timestampMs: t.atMs,
    amount: t.amount,
    currency: 'USD',
    type: t.type,
    originatingCountry: population.accountCountry[t.from] ?? 'US',
    destinationCountry: population.accountCountry[t.to] ?? 'US',
    status: 'completed',
    ...(t.description === undefined ? {} : { description: t.description }),
  });
}

/** Sum of the amounts of some transfers, to the cent. */
export function totalOf(transfers: readonly EdgeRecord<'transfer'>[]): number {
  return Math.round(transfers.reduce((sum, t) => sum + t.properties.amount, 0) * 100) / 100;
}
