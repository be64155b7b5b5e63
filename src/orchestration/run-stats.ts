import { LABELS, type GraphBatch, type Label } from '../model/index.js';

/** Counts what flowed through the stream, per label. */
export class RunCounter {
  readonly counts: Record<Label, number> = Object.fromEntries(
    LABELS.map((label) => [label, 0]),
  ) as Record<Label, number>;
  batches = 0;

  add(batch: GraphBatch): void {
    this.batches++;
    if (batch.counts !== undefined) {
      for (const [label, n] of Object.entries(batch.counts) as [Label, number][]) {
        this.counts[label] += n;
      }
      return;
    }
    for (const v of batch.vertices) this.counts[v.label]++;
    for (const e of batch.edges) this.counts[e.label]++;
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0);
  }
}
