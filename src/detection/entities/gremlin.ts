import { toPlain } from '../../backends/index.js';
import type { DetectionContext } from '../detector.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * Runs one Gremlin script (values always as bindings) and returns its results as plain objects.
 * Fails loudly: a detector that cannot query must not report "nothing found".
 */
export async function gremlinRows<T>(
  ctx: DetectionContext,
  script: string,
  bindings: Record<string, unknown> = {},
): Promise<T[]> {
  if (!ctx.janusgraph) throw new Error('this detector needs a JanusGraph connection');
  const result = await ctx.janusgraph.client.submit(script, bindings);
  return result.toArray().map((item) => toPlain(item) as T);
}

/** Epoch ms of a timestamp as Gremlin returns it (Date, number or ISO string). */
export function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

/** The first element of a valueMap list, or the value itself. */
export function one<T>(value: T | readonly T[] | undefined): T | undefined {
  return Array.isArray(value) ? (value[0] as T | undefined) : (value as T | undefined);
}

/** A transfer as the detectors use it. */
export interface TransferRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** In the base currency (`amount_base`): accounts in different currencies compare directly. */
  readonly amount: number;
  /** The base currency. */
  readonly currency: string;
  readonly type: string;
  readonly ms: number;
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
    ms: toMs(r.ts),
  }));
}

/** Groups values by a key. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

export const money = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export const isoOf = (ms: number): string => new Date(ms).toISOString();
