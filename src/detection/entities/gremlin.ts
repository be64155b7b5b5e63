import type { DetectionContext } from '../detector.js';
import { gremlinRows, toMs, type Transfer } from '../query-kit.js';

export { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../model/index.js';
export { gremlinRows, groupBy, toMs, unique } from '../query-kit.js';

/** The first element of a valueMap list, or the value itself. */
export function one<T>(value: T | readonly T[] | undefined): T | undefined {
  return Array.isArray(value) ? (value[0] as T | undefined) : (value as T | undefined);
}

/** A transfer as the entity detectors use it: the shared {@link Transfer} and its type. */
export interface TransferRow extends Transfer {
  readonly type: string;
}

interface RawTransfer {
  id: string;
  from: string;
  to: string;
  amount: unknown;
  currency: string;
  type: string;
  ts: unknown;
}

const TRANSFER_PROJECTION =
  ".project('id','from','to','amount','currency','type','ts')" +
  ".by('transaction_id').by(outV().id()).by(inV().id()).by('amount_base').by('base_currency')" +
  ".by('transaction_type').by('timestamp')";

/** Transfers selected by a traversal prefix over edges (e.g. `g.E().hasLabel('transfer')`). */
export async function transfers(
  ctx: DetectionContext,
  prefix: string,
  bindings: Record<string, unknown> = {},
): Promise<TransferRow[]> {
  const rows = await gremlinRows<RawTransfer>(ctx, prefix + TRANSFER_PROJECTION, bindings);
  return rows.map((r) => ({
    id: r.id,
    from: r.from,
    to: r.to,
    amount: Number(r.amount),
    currency: r.currency,
    type: r.type,
    at: toMs(r.ts),
  }));
}

export const isoOf = (ms: number): string => new Date(ms).toISOString();
