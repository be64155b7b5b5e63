import {
  AMOUNT_FIELDS,
  AMOUNT_LEAK_THRESHOLD,
  LEAK_THRESHOLD,
  type LeakField,
  type LeakTable,
} from './leak-table.js';
import { meets, type TargetCheck } from './realism-targets.js';

function check(
  label: string,
  what: string,
  field: LeakField | undefined,
  limit: number,
): TargetCheck {
  return {
    figure: `${label}: ${what}${field ? ` (${field.field})` : ''}`,
    value: field?.auc ?? null,
    target: `≤ ${limit.toFixed(2)}`,
    unit: 'ratio',
    met: meets(field?.auc ?? null, undefined, limit),
  };
}

/**
 * The leak targets per event kind: the strongest property other than the amount family at most
 * LEAK_THRESHOLD, and the strongest amount-family field at most AMOUNT_LEAK_THRESHOLD. The
 * endpoints get a line of their own, held to LEAK_THRESHOLD too: an endpoint id that separates
 * means the crimes run through accounts (or persons) that do little else, which a model learns as
 * surely as a leaking property, but it is a fact about the graph rather than about one field, so
 * it should not hide what the properties do. The event's own id is left out: out of fold it ranks
 * at 0.5 by construction.
 */
export function leakChecks(tables: readonly LeakTable[], labels: readonly string[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const label of labels) {
    const table = tables.find((t) => t.label === label);
    if (!table) continue;
    const ranked = table.fields.filter((f) => f.auc !== null);
    const property = ranked.find((f) => f.role === 'property' && !AMOUNT_FIELDS.has(f.field));
    const amount = ranked.find((f) => AMOUNT_FIELDS.has(f.field));
    const endpoint = ranked.find((f) => f.role === 'endpoint');
    checks.push(check(label, 'strongest field but the amount', property, LEAK_THRESHOLD));
    if (table.fields.some((f) => AMOUNT_FIELDS.has(f.field)))
      checks.push(check(label, 'strongest amount field', amount, AMOUNT_LEAK_THRESHOLD));
    if (table.fields.some((f) => f.role === 'endpoint'))
      checks.push(check(label, 'strongest endpoint id', endpoint, LEAK_THRESHOLD));
  }
  return checks;
}
