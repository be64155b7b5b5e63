import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hit } from '../../src/detection/detector.js';
import { drawingWants, type DrawingFacts } from '../../src/detection/drawing-facts.js';
import { readDrawingFactsFromFiles } from '../../src/detection/drawing-facts-files.js';
import { layoutGraph, shapeOf, type Layout } from '../../src/detection/drawing/layout.js';
import { patternGraph } from '../../src/detection/drawing/pattern-graph.js';
import { lookAlikeOf, readLookAlikesFile } from '../../src/detection/look-alikes.js';
import { renderDetectionReport, type ReportInput } from '../../src/detection/report-html.js';
import type { DetectorOutcome } from '../../src/detection/run-detection.js';
import {
  patternEventIds,
  scoreHits,
  truthPatterns,
  type TruthPattern,
} from '../../src/detection/score.js';
import { readTruthDirectory } from '../../src/detection/truth-directory.js';
import { generate } from '../../src/orchestration/generate.js';
import { resolveConfig } from '../../src/config/index.js';

// The drawings of real patterns: the `small` preset (two instances of each of the 15 typologies),
// with one perfect hit per pattern, as a detector that finds everything would report.
const scratch = await mkdtemp(join(tmpdir(), 'fingraph-drawings-'));
const bank = join(scratch, 'bank');
let patterns: TruthPattern[];
let facts: DrawingFacts;
let hits: Hit[];
let outcomes: DetectorOutcome[];
let owns: { from_id: string; to_id: string }[];

beforeAll(async () => {
  const config = resolveConfig({
    preset: 'small',
    layers: [{ source: 'flag', values: { seed: 3 } }],
  });
  await generate({ config, outDir: bank });
  patterns = truthPatterns((await readTruthDirectory(bank)).truth);
  facts = await readDrawingFactsFromFiles(bank, drawingWants(patterns));
  hits = patterns.map((p) => ({
    typology: p.typology,
    entities: p.participants.map((x) => x.id),
    events: patternEventIds(p),
    explanation: `found ${p.patternId}`,
  }));
  outcomes = [...new Set(patterns.map((p) => p.typology))].map((typology) => ({
    status: 'ok',
    detector: `${typology}-test`,
    typology,
    backend: 'janusgraph',
    description: 'test',
    hits: hits.filter((h) => h.typology === typology),
    timeMs: 1,
  }));
  owns = (await readFile(join(bank, 'owns.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { from_id: string; to_id: string });
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function render(extra: Partial<ReportInput> = {}): string {
  const all = extra.hits ?? hits;
  return renderDetectionReport({
    score: scoreHits(all, patterns),
    outcomes,
    hits: all,
    patterns,
    facts,
    ...extra,
  });
}

/** The figures of a page, by pattern id. */
function figures(html: string): Map<string, string> {
  return new Map(
    html
      .split('<figure id="')
      .slice(1)
      .map((chunk) => [
        chunk.slice(0, chunk.indexOf('"')),
        chunk.slice(0, chunk.indexOf('</figure>')),
      ]),
  );
}

function byId(id: string): TruthPattern {
  const p = patterns.find((x) => x.patternId === id);
  if (!p) throw new Error(id);
  return p;
}

function firstOf(typology: string, subtype?: string): TruthPattern {
  const p = patterns.find((x) => x.typology === typology && (!subtype || x.subtype === subtype));
  if (!p) throw new Error(`${typology} ${subtype ?? ''}`);
  return p;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  what: string;
}

/** Entity boxes and role labels of a figure, from its SVG. */
function boxesOf(figure: string): Box[] {
  const boxes: Box[] = [];
  for (const m of figure.matchAll(
    /<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"[^>]*\/><text[^>]*class="nid">([^<]+)</g,
  ))
    boxes.push({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]!, what: `box ${m[5]!}` });
  for (const m of figure.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*class="role">([^<]+)</g)) {
    // 9.5 px text: about 5.4 px a character, 10 px high, centred on x, baseline at y.
    const w = m[3]!.length * 5.4;
    boxes.push({ x: +m[1]! - w / 2, y: +m[2]! - 8, w, h: 10, what: `role ${m[3]!}` });
  }
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  const slack = 1;
  return (
    a.x + slack < b.x + b.w &&
    b.x + slack < a.x + a.w &&
    a.y + slack < b.y + b.h &&
    b.y + slack < a.y + a.h
  );
}

function layoutOf(p: TruthPattern): { layout: Layout; transfers: [string, string][] } {
  const graph = patternGraph(p, [], facts);
  return {
    layout: layoutGraph(graph, shapeOf(p.typology, p.subtype)),
    transfers: graph.arrows.filter((a) => a.kind === 'transfer').map((a) => [a.from, a.to]),
  };
}

describe('pattern drawings in the HTML report', () => {
  it('draw one instance of every typology — fans, cycles, stacks, scatter-gather and peel chains too', () => {
    const typologies = [...new Set(patterns.map((p) => p.typology))].sort();
    expect(typologies).toHaveLength(15);
    const drawn = [...figures(render()).keys()].map((id) => byId(id).typology).sort();
    expect(drawn).toEqual(typologies);
    for (const t of ['fan_in', 'fan_out', 'cycle', 'stack', 'scatter_gather', 'peel_chain'])
      expect(drawn).toContain(t);
  });

  // `small` holds up to 8 instances of a typology (ownership chains: one per subtype).
  it('draw more instances per typology on request', () => {
    expect(figures(render({ drawingsPerTypology: 8 })).size).toBe(patterns.length);
  });

  it('draw a missed pattern too, marked missed, when none of its typology was found', () => {
    const cycleHits = hits.filter((h) => h.typology !== 'cycle');
    const html = render({ hits: cycleHits });
    const cycle = figures(html).get(firstOf('cycle').patternId) ?? '';
    expect(cycle).toContain('missed');
  });

  it('draw every entity and every event of the fraud ring: no entity or arrow left out', () => {
    const ring = firstOf('fraud_ring', 'money_mule_network');
    const figure = figures(render({ drawingsPerTypology: 8 })).get(ring.patternId) ?? '';
    expect(figure).not.toMatch(/not drawn/);
    for (const p of ring.participants) expect(figure).toContain(`class="nid">${p.id}<`);
    const titles = [...figure.matchAll(/<path [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    for (const id of ring.eventIds['transfer'] ?? [])
      expect(
        titles.some((t) => t.includes(id)),
        id,
      ).toBe(true);
    // A transfer arrow per distinct (sender, receiver), as many as the events make.
    const pairs = new Set(
      (ring.eventIds['transfer'] ?? []).map((id) => {
        const e = facts.endpoints.get(`transfer:${id}`);
        return `${e?.from}>${e?.to}`;
      }),
    );
    expect(titles.filter((t) => t.startsWith('transfer ×'))).toHaveLength(pairs.size);
  });

  it('keep entity boxes and role labels apart in every drawing (TBML and account takeover too)', () => {
    const all = figures(render({ drawingsPerTypology: 8 }));
    expect(all.size).toBe(patterns.length);
    for (const [id, figure] of all) {
      const boxes = boxesOf(figure);
      expect(boxes.filter((b) => b.what.startsWith('box')).length, id).toBeGreaterThan(1);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(
            overlaps(boxes[i]!, boxes[j]!),
            `${id} ${byId(id).typology}: ${boxes[i]!.what} overlaps ${boxes[j]!.what}`,
          ).toBe(false);
    }
  });

  it('link owners to their accounts', () => {
    const all = figures(render({ drawingsPerTypology: 8 }));
    let links = 0;
    for (const [id, figure] of all) {
      const members = new Set(byId(id).participants.map((p) => p.id));
      for (const o of owns.filter((x) => members.has(x.from_id) && members.has(x.to_id))) {
        expect(figure, `${id}: ${o.from_id} owns ${o.to_id}`).toContain(
          `<title>${o.from_id} owns ${o.to_id}</title>`,
        );
        links++;
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it('show full ids in the drawing, on hover and in a table', () => {
    for (const [id, figure] of figures(render())) {
      for (const p of byId(id).participants) {
        expect(figure).toContain(`class="nid">${p.id}<`);
        expect(figure).toMatch(new RegExp(`<title>${p.id} · `));
        expect(figure).toContain(`<td class="id">${p.id}</td>`);
      }
    }
  });

  it('lay out chains and stacks in layers, cycles on a ring, fans as hub and spokes', () => {
    for (const typology of ['mule_chain', 'stack', 'peel_chain', 'scatter_gather']) {
      const { layout, transfers } = layoutOf(firstOf(typology));
      expect(layout.shape).toBe('layers');
      for (const [from, to] of transfers)
        expect(layout.at.get(to)!.x, `${typology} ${from}→${to}`).toBeGreaterThan(
          layout.at.get(from)!.x,
        );
    }
    const cyclePattern = firstOf('cycle');
    const cycle = layoutOf(cyclePattern);
    expect(cycle.layout.shape).toBe('ring');
    // On a ring each transfer between the cycle's accounts joins neighbours: in angular order,
    // from one to the next; the cash-out's payees lie beyond the ring.
    const members = new Set(cyclePattern.participants.map((p) => p.id));
    const payees = [...new Set(cycle.transfers.flat())].filter((id) => !members.has(id));
    cycle.transfers = cycle.transfers.filter(([from, to]) => members.has(from) && members.has(to));
    const ids = [...new Set(cycle.transfers.flat())];
    const cx = ids.reduce((s, id) => s + cycle.layout.at.get(id)!.x, 0) / ids.length;
    const cy = ids.reduce((s, id) => s + cycle.layout.at.get(id)!.y, 0) / ids.length;
    const angle = (id: string) =>
      Math.atan2(cycle.layout.at.get(id)!.y - cy, cycle.layout.at.get(id)!.x - cx);
    const order = [...ids].sort((a, b) => angle(a) - angle(b));
    for (const [from, to] of cycle.transfers)
      expect(
        Math.min(
          (order.indexOf(to) - order.indexOf(from) + ids.length) % ids.length,
          (order.indexOf(from) - order.indexOf(to) + ids.length) % ids.length,
        ),
      ).toBe(1);
    expect(payees.length).toBeGreaterThan(0);
    const radius = (id: string) =>
      Math.hypot(cycle.layout.at.get(id)!.x - cx, cycle.layout.at.get(id)!.y - cy);
    const ringRadius = Math.max(...ids.map(radius));
    for (const payee of payees) expect(radius(payee)).toBeGreaterThan(ringRadius);
    for (const typology of ['fan_in', 'fan_out']) {
      const p = firstOf(typology, typology);
      const { layout, transfers } = layoutOf(p);
      expect(layout.shape).toBe('hub');
      const hub = p.participants.find(
        (x) => x.role === (typology === 'fan_in' ? 'target' : 'source'),
      )!;
      const spokes = [...new Set(transfers.flat())].filter((id) => id !== hub.id);
      const d = spokes.map((id) =>
        Math.hypot(
          layout.at.get(id)!.x - layout.at.get(hub.id)!.x,
          layout.at.get(id)!.y - layout.at.get(hub.id)!.y,
        ),
      );
      expect(Math.min(...d)).toBeGreaterThan(60);
      // The hub is in the middle of its spokes.
      const mx = spokes.reduce((s, id) => s + layout.at.get(id)!.x, 0) / spokes.length;
      expect(Math.abs(mx - layout.at.get(hub.id)!.x)).toBeLessThan(20);
    }
  });

  it('say how many of a hit’s events are the pattern’s own (insider trading: its trades, not the hit’s)', () => {
    const insider = firstOf('insider_trading', 'pre_announcement_trading');
    const own = insider.eventIds['trade'] ?? [];
    expect(own.length).toBeGreaterThan(1);
    const wide: Hit = {
      typology: 'insider_trading',
      entities: insider.participants.map((p) => p.id),
      events: [
        ...own,
        'TRD90000001',
        'TRD90000002',
        'TRD90000003',
        'TRD90000004',
        'TRD90000005',
        'TRD90000006',
      ],
      explanation: 'PER… made 9 sell trade(s) before the announcement',
    };
    const all = [...hits.filter((h) => h.typology !== 'insider_trading'), wide];
    const figure = figures(render({ hits: all })).get(insider.patternId) ?? '';
    expect(figure).toContain(`${own.length} trades`);
    expect(figure).toContain(`${own.length + 6} events, ${own.length} of them this pattern’s`);
  });

  it('list every false positive per detector, naming the look-alike it hit', async () => {
    const decoy = {
      look_alike_id: 'LKA00000001',
      typology: 'cycle',
      subtype: 'loan_repayment',
      participant_ids: ['ACC99999991', 'ACC99999992'],
      event_ids: ['TXN99999991', 'TXN99999992'],
    };
    await writeFile(join(bank, 'ground_truth', 'look_alikes.jsonl'), JSON.stringify(decoy) + '\n');
    const lookAlikes = await readLookAlikesFile(bank);
    const fooled: Hit = {
      typology: 'cycle',
      entities: decoy.participant_ids,
      events: decoy.event_ids,
      explanation: 'money came back',
    };
    const stray: Hit = {
      typology: 'cycle',
      entities: ['ACC99999993', 'ACC99999994'],
      events: ['TXN99999993'],
      explanation: 'money came back too',
    };
    const withFalse = outcomes.map((o) =>
      o.status === 'ok' && o.typology === 'cycle' ? { ...o, hits: [...o.hits, fooled, stray] } : o,
    );
    const html = render({ outcomes: withFalse, hits: [...hits, fooled, stray], lookAlikes });
    const section = html.slice(html.indexOf('<section id="false-positives">'));
    expect(section).toContain('False positives: 2');
    expect(section).toContain('cycle-test');
    expect(section).toContain('LKA00000001');
    expect(section).toContain('loan repayment');
    expect(section).toContain('not a known look-alike');
    expect(section).toContain('ACC99999993 ACC99999994');
  });

  it('fold a long list of false positives after the first ten, keeping every one in the page', () => {
    const strays: Hit[] = Array.from({ length: 25 }, (_, k) => ({
      typology: 'cycle',
      entities: [`ACC9999${String(k).padStart(4, '0')}`],
      events: [`TXN9999${String(k).padStart(4, '0')}`],
      explanation: 'money came back',
    }));
    const withFalse = outcomes.map((o) =>
      o.status === 'ok' && o.typology === 'cycle' ? { ...o, hits: [...o.hits, ...strays] } : o,
    );
    const html = render({ outcomes: withFalse, hits: [...hits, ...strays] });
    const section = html.slice(html.indexOf('<section id="false-positives">'));
    const folded = section.slice(section.indexOf('<details>'));
    expect(section).toContain('False positives: 25');
    expect(folded).toContain('<summary>15 more false positives</summary>');
    for (const [k, stray] of strays.entries())
      expect(
        k < 10
          ? section.indexOf(stray.entities[0] as string) < section.indexOf('<details>')
          : folded.includes(stray.entities[0] as string),
      ).toBe(true);
  });

  it('read look-alikes with their events as a list or by label, and skip rows without an id', () => {
    const base = { look_alike_id: 'LKA1', typology: 'fan_in', subtype: 'payroll' };
    expect(lookAlikeOf({ ...base, participant_ids: ['ACC1'], event_ids: ['TXN1'] })).toEqual({
      lookAlikeId: 'LKA1',
      typology: 'fan_in',
      subtype: 'payroll',
      participantIds: ['ACC1'],
      eventIds: ['TXN1'],
    });
    expect(
      lookAlikeOf({ ...base, event_ids: { transfer: ['TXN1'], logged_in: ['LGN1'] } })?.eventIds,
    ).toEqual(['TXN1', 'LGN1']);
    expect(lookAlikeOf({ typology: 'fan_in' })).toBeNull();
  });
});
