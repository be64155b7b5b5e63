import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenSearchConnection } from '../backends/index.js';
import type { Hit } from './detector.js';
import { isIndexMissing, scrollAll } from './opensearch-scroll.js';
import { matchingPatterns, type TruthPattern } from './score.js';

/**
 * A near-miss the generator placed on purpose: the shape of a typology without the crime. Not
 * ground truth (a detector that flags one is wrong), but naming it tells an analyst why a false
 * positive happened. Read from `ground_truth/look_alikes.jsonl` (or a `<prefix>look_alikes`
 * index), one record per look-alike:
 * `{look_alike_id, typology, subtype, participant_ids: [ids], event_ids: [ids] | {label: [ids]}}`.
 */
export interface LookAlike {
  readonly lookAlikeId: string;
  readonly typology: string;
  readonly subtype: string;
  readonly participantIds: readonly string[];
  readonly eventIds: readonly string[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Decodes one look-alike record; null when it has no id. */
export function lookAlikeOf(row: unknown): LookAlike | null {
  const r = row as Readonly<Record<string, unknown>> | null;
  if (r === null || typeof r !== 'object' || typeof r['look_alike_id'] !== 'string') return null;
  const events = r['event_ids'];
  const eventIds =
    events !== null && typeof events === 'object' && !Array.isArray(events)
      ? Object.values(events as Record<string, unknown>).flatMap(strings)
      : strings(events);
  return {
    lookAlikeId: r['look_alike_id'],
    typology: typeof r['typology'] === 'string' ? r['typology'] : '',
    subtype: typeof r['subtype'] === 'string' ? r['subtype'] : '',
    participantIds: strings(r['participant_ids']),
    eventIds,
  };
}

/** `ground_truth/look_alikes.jsonl` of an output directory; empty when the file is not there. */
export async function readLookAlikesFile(directory: string): Promise<LookAlike[]> {
  let text: string;
  try {
    text = await readFile(join(directory, 'ground_truth', 'look_alikes.jsonl'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => lookAlikeOf(JSON.parse(line)))
    .filter((l): l is LookAlike => l !== null);
}

/** The `<prefix>look_alikes` index of a loaded OpenSearch; empty when there is none. */
export async function readLookAlikesIndex(
  connection: OpenSearchConnection,
  indexPrefix: string,
): Promise<LookAlike[]> {
  try {
    return (await scrollAll(connection, `${indexPrefix}look_alikes`))
      .map(lookAlikeOf)
      .filter((l): l is LookAlike => l !== null);
  } catch (error) {
    if (isIndexMissing(error)) return [];
    throw error;
  }
}

/** The look-alikes a hit points at, by the scorer's rule: a shared event, or two shared entities. */
export function matchingLookAlikes(hit: Hit, lookAlikes: readonly LookAlike[]): LookAlike[] {
  const asPatterns: TruthPattern[] = lookAlikes.map((l) => ({
    patternId: l.lookAlikeId,
    typology: hit.typology,
    subtype: l.subtype,
    participants: l.participantIds.map((id) => ({ id, label: '', role: '' })),
    eventIds: { any: l.eventIds },
  }));
  const ids = new Set(matchingPatterns(hit, asPatterns).map((p) => p.patternId));
  const found = lookAlikes.filter((l) => ids.has(l.lookAlikeId));
  // The detector's own typology first: that is the look-alike it was fooled by.
  return [
    ...found.filter((l) => l.typology === hit.typology),
    ...found.filter((l) => l.typology !== hit.typology),
  ];
}
