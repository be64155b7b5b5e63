import { describe, expect, it } from 'vitest';
import { configOf, randomSeeds } from '../helpers/collect.js';
import { runWithTruth, type Run } from '../helpers/patterns.js';
import { TYPOLOGY_REGISTRY } from '../../src/generators/patterns/registry.js';
import { OPTION_DESCRIPTORS } from '../../src/config/index.js';

/** Every typology the registry knows, a few instances each, on the small population. */
function everyTypology(seed: number) {
  const counts: Record<string, number> = {};
  for (const d of OPTION_DESCRIPTORS)
    if (d.group === 'typologies' && d.name.endsWith('Patterns') && d.restrictedTo === undefined)
      counts[d.name] = 3;
  return configOf('small', {
    seed,
    transactionCount: 2_000,
    communicationCount: 200,
    tradeCount: 200,
    documentCount: 200,
    loginCount: 300,
    ...counts,
  });
}

function checkIntegrity(run: Run): void {
  const { truth, byKey, vertices } = run;
  expect(truth.patterns.length).toBeGreaterThan(0);
  const labelled = new Set<string>();
  const patternIds = new Set<string>();
  for (const pattern of truth.patterns) {
    expect(patternIds.has(pattern.pattern_id), `duplicate ${pattern.pattern_id}`).toBe(false);
    patternIds.add(pattern.pattern_id);
    for (const participant of pattern.participants as {
      id: string;
      label: string;
      role: string;
    }[]) {
      const vertex = vertices.get(participant.id);
      expect(vertex, `${pattern.pattern_id}: participant ${participant.id} exists`).toBeDefined();
      expect(vertex?.label).toBe(participant.label);
    }
    for (const id of pattern.added_entities)
      expect(vertices.has(id), `${pattern.pattern_id}: added ${id} exists`).toBe(true);
    let events = 0;
    for (const [label, ids] of Object.entries(pattern.event_ids as Record<string, string[]>)) {
      for (const id of ids) {
        expect(byKey.has(`${label}:${id}`), `${pattern.pattern_id}: ${label} ${id} exists`).toBe(
          true,
        );
        labelled.add(`${label}:${id}`);
        events++;
      }
    }
    expect(pattern.event_count).toBe(events);
    expect(Date.parse(pattern.window_start)).toBeLessThanOrEqual(Date.parse(pattern.window_end));
  }
  // The label file lists exactly the pattern events, each with patterns that exist.
  const listed = new Set(truth.eventLabels.map((e) => `${e.label}:${e.event_id}`));
  expect(listed).toEqual(labelled);
  for (const entry of truth.eventLabels)
    for (const id of entry.pattern_ids) expect(patternIds.has(id)).toBe(true);
}

describe('ground truth', () => {
  it('every typology count option drives exactly one registered typology, and every typology has one', () => {
    const countOptions = OPTION_DESCRIPTORS.filter(
      (d) => d.group === 'typologies' && d.name.endsWith('Patterns'),
    );
    const driven = new Set<string>();
    for (const d of countOptions) {
      const config = configOf('small', { [d.name]: 3 });
      const entries = TYPOLOGY_REGISTRY.filter((entry) => entry.count(config) === 3);
      expect(
        entries.map((e) => e.typology.name),
        d.name,
      ).toHaveLength(1);
      driven.add(entries[0]?.typology.name ?? '');
    }
    expect([...driven].sort()).toEqual(TYPOLOGY_REGISTRY.map((e) => e.typology.name).sort());
  });

  for (const seed of randomSeeds(2)) {
    it(`every id resolves to an output element and every labelled event is in a pattern (seed ${seed})`, async () => {
      checkIntegrity(await runWithTruth(everyTypology(seed)));
    });
  }

  it('same seed gives byte-identical ground truth', async () => {
    const a = await runWithTruth(everyTypology(77));
    const b = await runWithTruth(everyTypology(77));
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
  });

  it('injected elements are spread among background ids, not appended after them', async () => {
    const run = await runWithTruth(everyTypology(5));
    const transferIds = run.records.filter((r) => r.label === 'transfer').map((r) => r.id);
    const injected = new Set(
      run.truth.eventLabels.filter((e) => e.label === 'transfer').map((e) => e.event_id),
    );
    const positions = transferIds.flatMap((id, i) =>
      injected.has(id) ? [i / transferIds.length] : [],
    );
    expect(positions.length).toBeGreaterThan(0);
    expect(Math.min(...positions)).toBeLessThan(0.5);
    // ids are in stream order, so the files hold them in id order as well
    expect([...transferIds].sort()).toEqual(transferIds);
  });
});
