import {
  AMOUNT_FIELDS,
  AMOUNT_LEAK_THRESHOLD,
  LEAK_THRESHOLD,
  type LeakTable,
} from './leak-table.js';
import { meets, type TargetCheck } from './realism-targets.js';

/**
 * The leak targets per event kind: the strongest field other than the amount family at most
 * LEAK_THRESHOLD, and the strongest amount-family field at most AMOUNT_LEAK_THRESHOLD. The event's
 * own id and its endpoints count as fields: a unique id ranks ≈ 0.5 out of fold, and an endpoint
 * that separates means the crimes run through accounts that do nothing else.
 */
export function leakChecks(tables: readonly LeakTable[], labels: readonly string[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const label of labels) {
    const table = tables.find((t) => t.label === label);
    if (!table) continue;
    const other = table.fields.find((f) => !AMOUNT_FIELDS.has(f.field) && f.auc !== null);
    const amount = table.fields.find((f) => AMOUNT_FIELDS.has(f.field) && f.auc !== null);
    checks.push({
      figure: `${label}: strongest field but the amount${other ? ` (${other.field})` : ''}`,
      value: other?.auc ?? null,
      target: `≤ ${LEAK_THRESHOLD.toFixed(2)}`,
      unit: 'ratio',
      met: meets(other?.auc ?? null, undefined, LEAK_THRESHOLD),
    });
    if (amount)
      checks.push({
        figure: `${label}: strongest amount field (${amount.field})`,
        value: amount.auc,
        target: `≤ ${AMOUNT_LEAK_THRESHOLD.toFixed(2)}`,
        unit: 'ratio',
        met: meets(amount.auc, undefined, AMOUNT_LEAK_THRESHOLD),
      });
  }
  return checks;
}
