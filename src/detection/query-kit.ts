import { toPlain } from '../backends/index.js';
import type { DetectionContext } from './detector.js';

/**
 * Runs one Gremlin script (values always as bindings) and returns its results as plain objects.
 * Fails loudly: a detector that cannot query must not report "nothing found".
 */
export async function gremlinRows<T>(
  ctx: DetectionContext,
  script: string,
  bindings: Record<string, unknown> = {},
): Promise<T[]> {
  if (ctx.janusgraph === undefined) throw new Error('this detector needs a JanusGraph connection');
  const result = await ctx.janusgraph.client.submit(script, bindings);
  return result.toArray().map((item) => toPlain(item) as T);
}

/** One transfer as the detectors see it. */
export interface Transfer {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Epoch ms. */
  readonly at: number;
  /** In the base currency (`amount_base`): accounts in different currencies compare directly. */
  readonly amount: number;
  /** The base currency. */
  readonly currency: string;
}

/** Epoch ms of a timestamp as Gremlin returns it (Date, number or ISO string); NaN otherwise. */
export function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return Number.NaN;
}

/** Groups items by a key, each group in input order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

export const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

/** An amount in a hit's explanation: two decimals, no grouping. */
export const money = (n: number): string => n.toFixed(2);

/**
 * Parses a JSON-encoded property (addresses, tax havens…) of a loaded element. Invalid JSON is
 * data the loader should never have written: it fails, naming the element, instead of reading
 * as "nothing there" (which would hide a crime).
 */
export function parseJsonProperty(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${what} is not valid JSON (${(error as Error).message}): ${text.slice(0, 80)}`,
    );
  }
}
