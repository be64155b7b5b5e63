import { expect } from 'vitest';
import type { GenerationConfig } from '../../src/config/index.js';
import type { EdgeRecord, GraphRecord, PatternTruth, GroundTruth } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';
import { MAX_CASH_OUTS, MIN_CASH_OUTS } from '../../src/generators/patterns/cash-out.js';

export interface Run {
  readonly records: readonly GraphRecord[];
  readonly truth: GroundTruth;
  /** Every record by `${label}:${id}`. */
  readonly byKey: ReadonlyMap<string, GraphRecord>;
  /** Vertices by id. */
  readonly vertices: ReadonlyMap<string, GraphRecord>;
}

/** Runs generation in memory and returns the records and the ground truth. */
export async function runWithTruth(config: GenerationConfig): Promise<Run> {
  const records: GraphRecord[] = [];
  const stream = generateBatches(planRun(config), { batchSize: 500 });
  let step = await stream.next();
  while (step.done !== true) {
    records.push(...step.value.vertices, ...step.value.edges);
    step = await stream.next();
  }
  const byKey = new Map(records.map((r) => [`${r.label}:${r.id}`, r]));
  const vertices = new Map(records.filter((r) => !('outV' in r)).map((r) => [r.id, r]));
  return { records, truth: step.value, byKey, vertices };
}

/** The event records of a pattern, by label, resolved from the output. */
export function eventsOf(run: Run, pattern: PatternTruth): Record<string, GraphRecord[]> {
  const events: Record<string, GraphRecord[]> = {};
  for (const [label, ids] of Object.entries(pattern.event_ids as Record<string, string[]>)) {
    events[label] = ids.map((id) => {
      const record = run.byKey.get(`${label}:${id}`);
      if (record === undefined)
        throw new Error(`${pattern.pattern_id}: ${label} ${id} is not in the output`);
      return record;
    });
  }
  return events;
}

/** Participants of a pattern with a role. */
export function withRole(pattern: PatternTruth, role: string): string[] {
  return (pattern.participants as { id: string; role: string }[])
    .filter((p) => p.role === role)
    .map((p) => p.id);
}

/** A card or online purchase at a company-held (merchant) account. */
export function isPurchase(run: Run, transfer: EdgeRecord<'transfer'>): boolean {
  const merchant = run.vertices.get(transfer.inV);
  return (
    (transfer.properties.purpose === 'online_purchase' ||
      transfer.properties.purpose === 'card_purchase') &&
    merchant?.label === 'account' &&
    merchant.properties.owner_type === 'company'
  );
}

/**
 * Checks a cash-out (see src/generators/patterns/cash-out.ts): 3–8 ATM withdrawals, purchases
 * and bills (invoices from a company's account), all after the money arrived at `arrivedMs` and
 * within five days of it.
 */
export function expectCashOut(spends: readonly EdgeRecord<'transfer'>[], arrivedMs: number): void {
  expect(spends.length).toBeGreaterThanOrEqual(MIN_CASH_OUTS);
  expect(spends.length).toBeLessThanOrEqual(MAX_CASH_OUTS);
  for (const spend of spends) {
    expect([
      'card_purchase',
      'atm_withdrawal',
      'online_purchase',
      'utility_bill',
      'subscription',
      'supplier_invoice',
      'salary',
      'vendor_payout',
    ]).toContain(spend.properties.purpose);
    const after = Date.parse(spend.properties.timestamp) - arrivedMs;
    expect(after, `${spend.id} follows the money`).toBeGreaterThanOrEqual(0);
    expect(after, `${spend.id} within days`).toBeLessThanOrEqual(5 * 86_400_000);
  }
}
