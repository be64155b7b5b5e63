import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../src/generators/events/document.js';
import { drawPaperwork } from '../../src/generators/patterns/tbml/paperwork.js';
import { Rng } from '../../src/random/index.js';

const weight = (type: string) => DOCUMENT_TYPES.find(([t]) => t === type)?.[1] ?? 0;

describe("a TBML shipment's other papers", () => {
  it("come, per invoice, in the background's proportion of each type to invoices", () => {
    const rng = new Rng('paperwork-7');
    const n = 40_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++)
      for (const paper of drawPaperwork(rng, true)) counts.set(paper, (counts.get(paper) ?? 0) + 1);
    for (const type of [
      'purchase_order',
      'contract',
      'customs_declaration',
      'certificate_of_origin',
      'packing_list',
    ])
      expect((counts.get(type) ?? 0) / n, type).toBeCloseTo(weight(type) / weight('invoice'), 1);
  });

  it('are an order or a contract at most when the goods do not ship', () => {
    const rng = new Rng('paperwork-11');
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) for (const paper of drawPaperwork(rng, false)) seen.add(paper);
    expect([...seen].sort()).toEqual(['contract', 'purchase_order']);
  });
});
