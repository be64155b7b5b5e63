import type { PatternTruth, GroundTruth } from '../model/index.js';
import { formatValue, SchemaError } from '../errors.js';
import type { Hit } from './detector.js';

/** One entity of a pattern, with its role in it. */
export interface PatternParticipant {
  readonly id: string;
  readonly label: string;
  readonly role: string;
}

/** The parts of an injected pattern scoring looks at, with its JSON columns decoded. */
export interface TruthPattern {
  readonly patternId: string;
  readonly typology: string;
  readonly subtype: string;
  readonly participants: readonly PatternParticipant[];
  /** Event ids by element label. */
  readonly eventIds: Readonly<Record<string, readonly string[]>>;
}

/** Recall of one subtype (hits carry no subtype, so precision is only per typology). */
export interface SubtypeScore {
  readonly subtype: string;
  readonly injected: number;
  readonly found: number;
  /** found / injected; null when nothing was injected. */
  readonly recall: number | null;
}

/** How well the hits of one typology match what was injected for it. */
export interface TypologyScore {
  readonly typology: string;
  readonly injected: number;
  /** Patterns matched by at least one hit of the typology. */
  readonly found: number;
  /** found / injected; null when nothing was injected. */
  readonly recall: number | null;
  readonly hits: number;
  /** Hits that match at least one injected pattern of the typology. */
  readonly trueHits: number;
  /** trueHits / hits; null when there were no hits. */
  readonly precision: number | null;
  /** Time the typology's detectors took, ms (null when unknown). */
  readonly queryTimeMs: number | null;
  readonly subtypes: readonly SubtypeScore[];
  /** Ids of the patterns no hit matched. */
  readonly missed: readonly string[];
}

/** The whole score: per typology, and the totals over every pattern and hit. */
export interface DetectionScore {
  readonly typologies: readonly TypologyScore[];
  readonly injected: number;
  readonly found: number;
  readonly recall: number | null;
  readonly hits: number;
  readonly trueHits: number;
  readonly precision: number | null;
}

/**
 * A column the stores keep as JSON text (CSV, JanusGraph) or as a value (JSONL, in memory).
 * Ground truth that does not parse is an error: scoring it as empty would report a miss.
 */
function decoded(patternId: string, field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw new SchemaError(
      `ground truth: pattern ${formatValue(patternId)} field ${field} is not valid JSON: ${formatValue(value.slice(0, 80))}`,
      { patternId, field },
      { cause: error },
    );
  }
}

function malformed(patternId: string, field: string, value: unknown, rule: string): SchemaError {
  return new SchemaError(
    `ground truth: pattern ${formatValue(patternId)} field ${field} ${rule}, got ${formatValue(value)}`,
    { patternId, field },
  );
}

function participantsOf(patternId: string, value: unknown): PatternParticipant[] {
  const list = decoded(patternId, 'participants', value);
  if (!Array.isArray(list)) {
    throw malformed(patternId, 'participants', list, 'must be a list of {id, label, role}');
  }
  return list.flatMap((item: unknown) => {
    const p = item as Record<string, unknown> | null;
    if (p === null || typeof p !== 'object' || typeof p['id'] !== 'string') return [];
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return [{ id: p['id'], label: text(p['label']), role: text(p['role']) }];
  });
}

function eventIdsOf(patternId: string, value: unknown): Record<string, string[]> {
  const map = decoded(patternId, 'event_ids', value);
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw malformed(patternId, 'event_ids', map, 'must be an object {label: [ids]}');
  }
  return Object.fromEntries(
    Object.entries(map as Record<string, unknown>).map(([label, ids]) => [
      label,
      Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [],
    ]),
  );
}

/** Decodes one ground-truth pattern row; a JSON column that does not parse is a SchemaError. */
export function truthPattern(row: PatternTruth): TruthPattern {
  return {
    patternId: row.pattern_id,
    typology: row.typology,
    subtype: row.subtype,
    participants: participantsOf(row.pattern_id, row.participants),
    eventIds: eventIdsOf(row.pattern_id, row.event_ids),
  };
}

/** Decodes every pattern of a ground truth. */
export function truthPatterns(truth: Pick<GroundTruth, 'patterns'>): TruthPattern[] {
  return truth.patterns.map(truthPattern);
}

/** Every event id of a pattern. */
export function patternEventIds(pattern: TruthPattern): string[] {
  return Object.values(pattern.eventIds).flat();
}

/** A pattern indexed for matching. */
interface IndexedPattern {
  readonly pattern: TruthPattern;
  readonly events: ReadonlySet<string>;
  readonly entities: ReadonlySet<string>;
}

function indexed(pattern: TruthPattern): IndexedPattern {
  return {
    pattern,
    events: new Set(patternEventIds(pattern)),
    entities: new Set(pattern.participants.map((p) => p.id)),
  };
}

function matchesIndexed(hit: Hit, p: IndexedPattern): boolean {
  if (hit.events.length > 0) return hit.events.some((id) => p.events.has(id));
  let shared = 0;
  for (const id of new Set(hit.entities)) if (p.entities.has(id) && ++shared >= 2) return true;
  return false;
}

/**
 * Whether a hit points at an injected pattern: they share at least one event, or — for a hit
 * that names no events — at least two entities. The typology is not compared here.
 */
export function hitMatchesPattern(hit: Hit, pattern: TruthPattern): boolean {
  return matchesIndexed(hit, indexed(pattern));
}

/** The patterns of the hit's typology that the hit matches. */
export function matchingPatterns(hit: Hit, patterns: readonly TruthPattern[]): TruthPattern[] {
  return patterns
    .filter((p) => p.typology === hit.typology)
    .filter((p) => hitMatchesPattern(hit, p));
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Options of {@link scoreHits}. */
export interface ScoreOptions {
  /** Query time per typology, ms. */
  readonly queryTimeMs?: Readonly<Record<string, number>>;
  /**
   * Typologies to report even with neither patterns nor hits (e.g. every typology a detector
   * exists for). Typologies with patterns or hits are always reported.
   */
  readonly typologies?: readonly string[];
}

/**
 * Scores hits against the ground truth, per typology (and per subtype): injected, found, recall,
 * hits, true hits, precision. A hit counts only for its own typology. Pure: same input, same score.
 *
 * @example
 * const score = scoreHits(hits, truth);
 * expect(score.typologies.find((t) => t.typology === 'cycle')?.recall).toBe(1);
 */
export function scoreHits(
  hits: readonly Hit[],
  truth: Pick<GroundTruth, 'patterns'> | readonly TruthPattern[],
  options: ScoreOptions = {},
): DetectionScore {
  const patterns = Array.isArray(truth)
    ? (truth as readonly TruthPattern[])
    : truthPatterns(truth as Pick<GroundTruth, 'patterns'>);
  const byTypology = new Map<string, IndexedPattern[]>();
  for (const p of patterns) {
    const list = byTypology.get(p.typology) ?? [];
    list.push(indexed(p));
    byTypology.set(p.typology, list);
  }
  const hitsByTypology = new Map<string, Hit[]>();
  for (const hit of hits) {
    const list = hitsByTypology.get(hit.typology) ?? [];
    list.push(hit);
    hitsByTypology.set(hit.typology, list);
  }
  const names = [
    ...new Set([
      ...byTypology.keys(),
      ...hitsByTypology.keys(),
      ...(options.typologies ?? []),
      ...Object.keys(options.queryTimeMs ?? {}),
    ]),
  ].sort();
  const typologies = names.map((typology): TypologyScore => {
    const injected = byTypology.get(typology) ?? [];
    const typologyHits = hitsByTypology.get(typology) ?? [];
    const found = new Set<string>();
    let trueHits = 0;
    for (const hit of typologyHits) {
      let matched = false;
      for (const p of injected) {
        if (matchesIndexed(hit, p)) {
          matched = true;
          found.add(p.pattern.patternId);
        }
      }
      if (matched) trueHits++;
    }
    const subtypeNames = [...new Set(injected.map((p) => p.pattern.subtype))].sort();
    const subtypes = subtypeNames.map((subtype): SubtypeScore => {
      const of = injected.filter((p) => p.pattern.subtype === subtype);
      const n = of.filter((p) => found.has(p.pattern.patternId)).length;
      return { subtype, injected: of.length, found: n, recall: ratio(n, of.length) };
    });
    return {
      typology,
      injected: injected.length,
      found: found.size,
      recall: ratio(found.size, injected.length),
      hits: typologyHits.length,
      trueHits,
      precision: ratio(trueHits, typologyHits.length),
      queryTimeMs: options.queryTimeMs?.[typology] ?? null,
      subtypes,
      missed: injected.map((p) => p.pattern.patternId).filter((id) => !found.has(id)),
    };
  });
  const sum = (pick: (t: TypologyScore) => number) =>
    typologies.reduce((total, t) => total + pick(t), 0);
  const injected = sum((t) => t.injected);
  const found = sum((t) => t.found);
  const hitCount = sum((t) => t.hits);
  const trueHits = sum((t) => t.trueHits);
  return {
    typologies,
    injected,
    found,
    recall: ratio(found, injected),
    hits: hitCount,
    trueHits,
    precision: ratio(trueHits, hitCount),
  };
}
