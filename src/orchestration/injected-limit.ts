import { ConfigError } from '../errors.js';
import type {
  EntityLabel,
  EventStage,
  PatternDraft,
  Typology,
} from '../generators/patterns/typology.js';

/**
 * Most elements of one label the typologies may inject. Injected events wait in memory for their
 * id slots, so instances × instance size must stay bounded even when each is within its own limit.
 */
export const MAX_INJECTED_PER_LABEL = 1_000_000;

/**
 * Throws a ConfigError, before any slot is laid out, when the drafted instances would inject more
 * than MAX_INJECTED_PER_LABEL elements of one label; it names the typology that injects the most.
 */
export function checkInjectedCounts(
  drafted: readonly { typology: Typology; draft: PatternDraft }[],
  reserved: Readonly<Record<EntityLabel | EventStage, number>>,
): void {
  for (const [stage, total] of Object.entries(reserved)) {
    if (total <= MAX_INJECTED_PER_LABEL) continue;
    const byTypology = new Map<string, { instances: number; elements: number }>();
    for (const { typology, draft } of drafted) {
      const own =
        (draft.entities as Partial<Record<string, number>>)[stage] ??
        (draft.events as Partial<Record<string, number>>)[stage] ??
        0;
      const entry = byTypology.get(typology.name) ?? { instances: 0, elements: 0 };
      byTypology.set(typology.name, {
        instances: entry.instances + 1,
        elements: entry.elements + own,
      });
    }
    const [name, worst] = [...byTypology].sort(([, a], [, b]) => b.elements - a.elements)[0] ?? [];
    throw new ConfigError(
      `${name ?? 'typology'} instances (look-alikes included)`,
      worst?.instances ?? 0,
      `would inject ${total.toLocaleString('en-US')} ${stage} elements in all (${(worst?.elements ?? 0).toLocaleString('en-US')} of them its own); a run injects at most ${MAX_INJECTED_PER_LABEL.toLocaleString('en-US')} per label: lower the instance counts or sizes`,
    );
  }
}
