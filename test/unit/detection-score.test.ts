import { describe, expect, it } from 'vitest';
import type { Detector } from '../../src/detection/detector.js';
import { runDetection } from '../../src/detection/run-detection.js';
import {
  hitMatchesPattern,
  matchingPatterns,
  scoreHits,
  truthPattern,
  truthPatterns,
} from '../../src/detection/score.js';
import { periodOf } from '../../src/detection/truth-directory.js';
import { SchemaError } from '../../src/errors.js';
import type { PatternTruth } from '../../src/model/index.js';
import { hit, HITS, pattern, PATTERNS } from './detection-fixtures.js';

const cycle = pattern('P1', 'cycle', 'round_trip', ['A', 'B', 'C'], {
  transfer: ['T1', 'T2', 'T3'],
});

describe('hitMatchesPattern', () => {
  it('matches on one shared event', () => {
    expect(hitMatchesPattern(hit('cycle', [], ['T9', 'T2']), cycle)).toBe(true);
    expect(hitMatchesPattern(hit('cycle', ['A', 'B', 'C'], ['T9']), cycle)).toBe(false);
  });

  it('without events, matches on two shared entities, not one', () => {
    expect(hitMatchesPattern(hit('cycle', ['A', 'X'], []), cycle)).toBe(false);
    expect(hitMatchesPattern(hit('cycle', ['A', 'A'], []), cycle)).toBe(false);
    expect(hitMatchesPattern(hit('cycle', ['A', 'C', 'X'], []), cycle)).toBe(true);
  });

  it('matchingPatterns keeps to the hit’s typology', () => {
    const other = { ...cycle, patternId: 'P2', typology: 'fan_in' };
    expect(
      matchingPatterns(hit('cycle', [], ['T1']), [cycle, other]).map((p) => p.patternId),
    ).toEqual(['P1']);
  });
});

describe('scoreHits', () => {
  it('scores per typology: injected, found, recall, hits, true hits, precision, time', () => {
    const score = scoreHits(HITS, PATTERNS, { queryTimeMs: { cycle: 12.5 } });
    const byName = Object.fromEntries(score.typologies.map((t) => [t.typology, t]));
    expect(byName['cycle']).toMatchObject({
      injected: 2,
      found: 1,
      recall: 0.5,
      hits: 2,
      trueHits: 1,
      precision: 0.5,
      queryTimeMs: 12.5,
      missed: ['PTN2'],
    });
    expect(byName['fan_in']).toMatchObject({
      injected: 1,
      found: 1,
      recall: 1,
      precision: 1,
      queryTimeMs: null,
    });
    expect(byName['insider_trading']).toMatchObject({ recall: 1, precision: 1 });
    expect(score).toMatchObject({
      injected: 4,
      found: 3,
      recall: 0.75,
      hits: 4,
      trueHits: 3,
      precision: 0.75,
    });
  });

  it('a hit never counts for another typology', () => {
    const score = scoreHits([hit('fan_in', [], ['TXN1'])], PATTERNS);
    const cycleScore = score.typologies.find((t) => t.typology === 'cycle');
    const fanIn = score.typologies.find((t) => t.typology === 'fan_in');
    expect(cycleScore).toMatchObject({ found: 0, hits: 0, precision: null });
    expect(fanIn).toMatchObject({ found: 0, hits: 1, trueHits: 0, precision: 0 });
  });

  it('precision is null without hits; recall null without patterns; listed typologies appear', () => {
    const score = scoreHits([hit('structuring', ['X', 'Y'], [])], [], { typologies: ['cycle'] });
    expect(score.typologies.map((t) => t.typology)).toEqual(['cycle', 'structuring']);
    expect(score.typologies[0]).toMatchObject({
      injected: 0,
      recall: null,
      hits: 0,
      precision: null,
    });
    expect(score.typologies[1]).toMatchObject({ recall: null, hits: 1, precision: 0 });
    expect(score.recall).toBeNull();
  });

  it('several hits on one pattern find it once; one hit may find several patterns', () => {
    const p2 = pattern('P2', 'cycle', 'layered', ['D', 'E'], { transfer: ['T4'] });
    const score = scoreHits(
      [hit('cycle', [], ['T1']), hit('cycle', [], ['T2']), hit('cycle', [], ['T3', 'T4'])],
      [cycle, p2],
    );
    expect(score.typologies[0]).toMatchObject({ injected: 2, found: 2, hits: 3, trueHits: 3 });
    expect(score.typologies[0]?.subtypes).toEqual([
      { subtype: 'layered', injected: 1, found: 1, recall: 1 },
      { subtype: 'round_trip', injected: 1, found: 1, recall: 1 },
    ]);
  });

  it('reads ground-truth rows whose JSON columns are values or JSON text', () => {
    const row = {
      pattern_id: 'P9',
      typology: 'cycle',
      subtype: 's',
      participants: JSON.stringify([{ id: 'A', label: 'account', role: 'r' }]),
      event_ids: { transfer: ['T1'] },
    } as unknown as PatternTruth;
    expect(truthPattern(row)).toEqual({
      patternId: 'P9',
      typology: 'cycle',
      subtype: 's',
      participants: [{ id: 'A', label: 'account', role: 'r' }],
      eventIds: { transfer: ['T1'] },
    });
    const score = scoreHits([hit('cycle', [], ['T1'])], { patterns: [row] });
    expect(score.recall).toBe(1);
    expect(truthPatterns({ patterns: [row] })).toHaveLength(1);
  });
});

describe('runDetection', () => {
  const ctx = { referenceMs: 0, windowStartMs: 0, janusgraph: {} as never };
  const detector = (
    name: string,
    backend: Detector['backend'],
    run: Detector['run'],
  ): Detector => ({
    name,
    typology: 'cycle',
    backend,
    description: name,
    run,
  });

  it('runs what it can, skips with a reason, records errors per detector', async () => {
    let t = 0;
    const run = await runDetection(
      [
        detector('ok', 'janusgraph', () =>
          Promise.resolve([hit('cycle', [], ['T1']), hit('other', [], ['T2'])]),
        ),
        detector('needs-os', 'opensearch', () => Promise.resolve([])),
        detector('boom', 'janusgraph', () => Promise.reject(new Error('query timed out'))),
      ],
      ctx,
      { clock: () => (t += 10) },
    );
    expect(run.outcomes.map((o) => o.status)).toEqual(['ok', 'skipped', 'failed']);
    expect(run.outcomes[1]).toMatchObject({
      reason: expect.stringContaining('OpenSearch') as string,
    });
    expect(run.outcomes[2]).toMatchObject({ error: 'query timed out' });
    expect(run.hits.map((h) => h.typology)).toEqual(['cycle', 'cycle']);
    expect(run.queryTimeMs).toEqual({ cycle: 20 });
    expect([run.failed, run.skipped]).toEqual([1, 1]);
  });
});

describe('periodOf', () => {
  it('takes the window from durationDays or startDate', () => {
    expect(
      periodOf({ referenceDate: '2026-01-15T00:00:00.000Z', startDate: null, durationDays: 10 }),
    ).toEqual({
      referenceMs: Date.parse('2026-01-15T00:00:00.000Z'),
      windowStartMs: Date.parse('2026-01-05T00:00:00.000Z'),
    });
    expect(
      periodOf({
        referenceDate: '2026-01-15T00:00:00.000Z',
        startDate: '2026-01-01T00:00:00.000Z',
        durationDays: 10,
      }).windowStartMs,
    ).toBe(Date.parse('2026-01-01T00:00:00.000Z'));
    expect(() => periodOf({})).toThrow(/referenceDate/);
  });

  it('rejects ground truth whose JSON columns do not parse, naming the pattern and field', () => {
    const row = {
      pattern_id: 'P7',
      typology: 'cycle',
      subtype: 's',
      participants: '[{"id": "A"',
      event_ids: { transfer: ['T1'] },
    } as unknown as PatternTruth;
    expect(() => truthPattern(row)).toThrow(SchemaError);
    expect(() => truthPattern(row)).toThrow(/pattern "P7" field participants is not valid JSON/);
    expect(() => scoreHits([], { patterns: [row] })).toThrow(/"P7"/);
    const events = { ...row, participants: [], event_ids: 'not json' } as unknown as PatternTruth;
    expect(() => truthPattern(events)).toThrow(/pattern "P7" field event_ids is not valid JSON/);
    const shape = { ...row, participants: '{"id": "A"}' } as unknown as PatternTruth;
    expect(() => truthPattern(shape)).toThrow(/pattern "P7" field participants must be a list/);
  });
});
