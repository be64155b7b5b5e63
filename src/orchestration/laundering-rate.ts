import type { GenerationConfig } from '../config/index.js';
import { ConfigError } from '../errors.js';
import type { TimeFrame } from '../generators/context.js';
import type { TypologyEntry } from '../generators/patterns/registry.js';
import type { DraftContext } from '../generators/patterns/typology.js';
import { deriveSeed, Rng } from '../random/index.js';

/** How close to the asked rate the scaled counts land (the contract is ±10 %). */
const TOLERANCE = 0.05;

const MAX_ROUNDS = 40;

/**
 * Instance counts per typology that make `config.launderingRate` of all transfers carry a crime
 * label. Every typology keeps its share of the mix (counts scale by one factor; each typology
 * asked for keeps at least one instance), and the factor is fitted on the instances' own drafts,
 * which are what the plan will realise: a real instance's transfers are exactly its draft's.
 * With no rate set, the counts as configured.
 */
export function typologyCounts(
  config: GenerationConfig,
  time: TimeFrame,
  registry: readonly TypologyEntry[],
  baseEntityCounts: DraftContext['baseCounts'],
): Map<TypologyEntry, number> {
  const configured = new Map(registry.map((e) => [e, e.count(config)]));
  const rate = config.launderingRate;
  if (rate === null) return configured;
  const anyAsked = [...configured.values()].some((n) => n > 0);
  const base = new Map(registry.map((e) => [e, anyAsked ? (configured.get(e) ?? 0) : 1]));
  const target = (rate * config.transactionCount) / (1 - rate);

  const transfersOf = new Map<TypologyEntry, number[]>();
  const costOf = (entry: TypologyEntry, n: number): number => {
    const known = transfersOf.get(entry) ?? [];
    const subtypes = entry.subtypes(config);
    for (let i = known.length; i < n; i++) {
      const ctx: DraftContext = {
        rng: new Rng(deriveSeed(config.seed, `pattern:${entry.typology.name}:real`, i)),
        config,
        time,
        baseCounts: baseEntityCounts,
      };
      const draft = entry.typology.draft(ctx, subtypes[i % subtypes.length] ?? '', false);
      known.push(draft.events.transfer ?? 0);
    }
    transfersOf.set(entry, known);
    return known.slice(0, n).reduce((a, b) => a + b, 0);
  };
  const countsAt = (factor: number) =>
    new Map(
      registry.map((e) => {
        const b = base.get(e) ?? 0;
        return [e, b === 0 ? 0 : Math.max(1, Math.round(b * factor))];
      }),
    );
  const labelledAt = (counts: Map<TypologyEntry, number>) =>
    registry.reduce((sum, e) => sum + costOf(e, counts.get(e) ?? 0), 0);

  // One factor for every typology, fitted from below; then instances one at a time, each to the
  // typology whose next instance brings the labelled count closest to the target, so that small
  // counts (where one more instance is +50 %) still land near it.
  let factor = 1;
  let counts = countsAt(factor);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const labelled = labelledAt(counts);
    if (labelled === 0 || Math.abs(labelled / target - 1) <= TOLERANCE / 2) break;
    factor *= target / labelled;
    counts = countsAt(factor);
  }
  const floor = labelledAt(countsAt(0));
  while (labelledAt(counts) > target && labelledAt(counts) > floor) {
    factor *= 0.9;
    counts = countsAt(factor);
  }
  for (;;) {
    const labelled = labelledAt(counts);
    let best: TypologyEntry | undefined;
    let bestGap = Math.abs(labelled - target);
    for (const entry of registry) {
      if ((base.get(entry) ?? 0) === 0) continue;
      const n = counts.get(entry) ?? 0;
      const gap = Math.abs(labelled + costOf(entry, n + 1) - costOf(entry, n) - target);
      if (gap < bestGap) {
        best = entry;
        bestGap = gap;
      }
    }
    if (best === undefined) break;
    counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  if (Math.abs(labelledAt(counts) / target - 1) <= TOLERANCE) return counts;
  if (floor > target * (1 + TOLERANCE))
    throw new ConfigError(
      'laundering_rate',
      rate,
      `is below what one instance of each typology asked for moves (${floor} labelled transfers in ${config.transactionCount} background ones); raise transaction_count to at least ${Math.ceil((floor * (1 - rate)) / rate)} or set some typology counts to 0`,
    );
  return counts;
}
