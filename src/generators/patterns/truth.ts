import type { EdgeRecord, GraphRecord, Participant, PatternTruth } from '../../model/index.js';
import { riskLevel } from '../money.js';
import { isoTimestamp, MS_PER_DAY } from '../time.js';

/**
 * The original's shared confidence formula: min(0.1·#indicators, 0.4) + min(0.15·#red flags, 0.3)
 * + value (> 1M: 0.2, > 100k: 0.1) + duration (> 90 days: 0.1), capped at 1.
 */
export function confidenceOf(
  indicators: number,
  redFlags: number,
  totalValue: number,
  durationDays: number,
): number {
  const score =
    Math.min(0.1 * indicators, 0.4) +
    Math.min(0.15 * redFlags, 0.3) +
    (totalValue > 1_000_000 ? 0.2 : totalValue > 100_000 ? 0.1 : 0) +
    (durationDays > 90 ? 0.1 : 0);
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

export interface TruthParts {
  readonly patternId: string;
  readonly typology: string;
  readonly subtype: string;
  readonly participants: readonly Participant[];
  readonly addedEntities?: readonly string[];
  /** Every event element of the pattern (edges, and document/travel vertices). */
  readonly events: readonly GraphRecord[];
  readonly totalValue: number;
  readonly currency: string;
  readonly indicators: readonly string[];
  readonly redFlags: readonly string[];
  readonly severity: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Time of each event, epoch ms (for the window). */
  readonly eventTimesMs: readonly number[];
}

/** The base currency that transfers' `amount_base` (and so a pattern's total value) is in. */
export function baseCurrencyOf(transfers: readonly EdgeRecord<'transfer'>[]): string {
  return transfers[0]?.properties.base_currency ?? 'USD';
}

/**
 * Builds a ground-truth record from what a typology produced. Event ids are taken from the
 * records themselves, so ground truth cannot name an element that was not emitted.
 */
export function buildTruth(parts: TruthParts): PatternTruth {
  const eventIds: Record<string, string[]> = {};
  for (const record of parts.events) (eventIds[record.label] ??= []).push(record.id);
  const start = Math.min(...parts.eventTimesMs);
  const end = Math.max(...parts.eventTimesMs);
  const durationDays = (end - start) / MS_PER_DAY;
  const confidence = confidenceOf(
    parts.indicators.length,
    parts.redFlags.length,
    parts.totalValue,
    durationDays,
  );
  const severity = Math.round(Math.min(1, Math.max(0, parts.severity)) * 1000) / 1000;
  const seen = new Set<string>();
  const participants = parts.participants.filter((p) => {
    const key = `${p.id}:${p.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    pattern_id: parts.patternId,
    typology: parts.typology,
    subtype: parts.subtype,
    participants: participants.map((p) => ({ id: p.id, label: p.label, role: p.role })),
    added_entities: [...(parts.addedEntities ?? [])],
    event_ids: eventIds,
    event_count: parts.events.length,
    window_start: isoTimestamp(start),
    window_end: isoTimestamp(end),
    total_value: Math.round(parts.totalValue * 100) / 100,
    currency: parts.currency,
    indicators: [...parts.indicators],
    red_flags: [...parts.redFlags],
    confidence,
    severity,
    risk_level: riskLevel(severity),
    parameters: parts.parameters,
  };
}
