import type { GraphArrow, GraphNode, PatternGraph } from './pattern-graph.js';

/** How a pattern is laid out: layers for flows, a ring for cycles, hub and spokes for fans. */
export type LayoutShape = 'layers' | 'ring' | 'hub';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly shape: LayoutShape;
  /** Centre of each node's box, by id; the drawing spans [0, width] × [0, height]. */
  readonly at: ReadonlyMap<string, Point>;
  readonly width: number;
  readonly height: number;
  /** Size of every node box. */
  readonly box: { readonly width: number; readonly height: number };
}

/** The layout a typology's shape calls for. */
export function shapeOf(typology: string, subtype: string): LayoutShape {
  if (typology === 'cycle' || subtype === 'check_kiting_ring') return 'ring';
  if (typology === 'fan_in' || typology === 'fan_out') return 'hub';
  return 'layers';
}

const BOX_HEIGHT = 18;
/** Width of one character of the monospace id font (9.5 px), with room to spare. */
const CHAR_WIDTH = 6;
const MARGIN = 14;
/** Rows per column before a layer wraps into another column. */
const MAX_ROWS = 10;
/** Space under a box for its role, and above it for an owner drawn beside it. */
const ROLE_SPACE = 14;
const OWNER_SPACE = 26;

function mainNodes(graph: PatternGraph): GraphNode[] {
  return graph.nodes.filter((n) => n.besideAccount === undefined);
}

function flowArrows(graph: PatternGraph, main: ReadonlySet<string>): GraphArrow[] {
  return graph.arrows.filter((a) => a.from !== a.to && main.has(a.from) && main.has(a.to));
}

/**
 * Layers by longest path (after reversing the edges that close a cycle, found depth-first), then
 * orders each layer by the mean position of its neighbours, a few sweeps, to cut crossings.
 */
function layersOf(ids: readonly string[], arrows: readonly GraphArrow[]): string[][] {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const a of arrows) out.get(a.from)?.push(a.to);
  const state = new Map<string, 'open' | 'done'>();
  const edges: [string, string][] = [];
  const visit = (v: string) => {
    state.set(v, 'open');
    for (const w of out.get(v) ?? []) {
      if (state.get(w) === 'open') edges.push([w, v]);
      else {
        edges.push([v, w]);
        if (!state.has(w)) visit(w);
      }
    }
    state.set(v, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  // Longest path on a DAG: relax in rounds (graphs here are small; ids.length rounds suffice).
  for (let round = 0, changed = true; changed && round < ids.length; round++) {
    changed = false;
    for (const [u, v] of edges) {
      const next = (layer.get(u) ?? 0) + 1;
      if (next > (layer.get(v) ?? 0)) {
        layer.set(v, next);
        changed = true;
      }
    }
  }
  const count = Math.max(0, ...layer.values()) + 1;
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const id of ids) layers[layer.get(id) ?? 0]?.push(id);
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [u, v] of edges) {
    neighbours.get(u)?.push(v);
    neighbours.get(v)?.push(u);
  }
  const onward = new Map<string, number>();
  for (const [u] of edges) onward.set(u, (onward.get(u) ?? 0) + 1);
  for (let sweep = 0; sweep < 6; sweep++) {
    const position = new Map<string, number>();
    for (const l of layers) l.forEach((id, i) => position.set(id, (i + 0.5) / l.length));
    for (const l of layers) {
      const key = new Map(
        l.map((id, i) => {
          const ns = (neighbours.get(id) ?? []).map((n) => position.get(n) ?? 0.5);
          return [
            id,
            ns.length === 0 ? (i + 0.5) / l.length : ns.reduce((s, x) => s + x) / ns.length,
          ];
        }),
      );
      // Ties (the same neighbours) put the nodes that pass money on first: a chain's spine
      // stays on one row and what is peeled off hangs below it.
      l.sort(
        (a, b) =>
          (key.get(a) ?? 0) - (key.get(b) ?? 0) || (onward.get(b) ?? 0) - (onward.get(a) ?? 0),
      );
    }
  }
  return layers;
}

/** Follows arrows from the first node, so a cycle goes round the ring in its own order. */
function ringOrder(ids: readonly string[], arrows: readonly GraphArrow[]): string[] {
  const start = ids[0];
  if (start === undefined) return [];
  const order: string[] = [];
  const seen = new Set<string>();
  for (let v: string | undefined = start; v !== undefined && !seen.has(v);) {
    order.push(v);
    seen.add(v);
    const here: string = v;
    v = arrows.find((a) => a.from === here && !seen.has(a.to))?.to;
  }
  return [...order, ...ids.filter((id) => !seen.has(id))];
}

/** The node with the most distinct neighbours: the hub of a fan. */
function hubOf(ids: readonly string[], arrows: readonly GraphArrow[]): string | undefined {
  const degree = new Map<string, Set<string>>();
  for (const a of arrows) {
    degree.set(a.from, (degree.get(a.from) ?? new Set()).add(a.to));
    degree.set(a.to, (degree.get(a.to) ?? new Set()).add(a.from));
  }
  let best: string | undefined;
  for (const id of ids)
    if (best === undefined || (degree.get(id)?.size ?? 0) > (degree.get(best)?.size ?? 0))
      best = id;
  return best;
}

/** Places ids evenly round an ellipse wide enough that neighbouring boxes do not touch. */
function around(
  ids: readonly string[],
  boxWidth: number,
  minRadius: number,
  at: Map<string, Point>,
  centre: Point,
): { rx: number; ry: number } {
  const n = ids.length;
  // Boxes are wide and flat: the ellipse is wider than tall, and its perimeter fits every box.
  const step = boxWidth * 0.62 + 34;
  const ry = Math.max(minRadius, (n * step) / (2 * Math.PI) / 1.35);
  const rx = ry * 1.7;
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    at.set(id, { x: centre.x + rx * Math.cos(angle), y: centre.y + ry * Math.sin(angle) });
  });
  return { rx, ry };
}

/**
 * Places nodes off a ring beside it: a column per paying ring node, on that node's side of the
 * ring (centred on the origin), one row per node, clear of the ring's boxes.
 */
function outside(
  ids: readonly string[],
  arrows: readonly GraphArrow[],
  rx: number,
  box: { readonly width: number; readonly height: number },
  at: Map<string, Point>,
): void {
  const byPayer = new Map<string, string[]>();
  for (const id of ids) {
    const payer = arrows.find((a) => a.to === id && at.has(a.from))?.from ?? '';
    byPayer.set(payer, [...(byPayer.get(payer) ?? []), id]);
  }
  const pitch = box.height + ROLE_SPACE + 8;
  const used = { left: 0, right: 0 };
  for (const [payer, group] of byPayer) {
    const p = at.get(payer) ?? { x: 0, y: 0 };
    const side = p.x >= 0 ? 'right' : 'left';
    // A column leaves room for owners drawn beside the ring's accounts (one box width), and
    // columns on one side move outwards, so two payers' columns never overlap.
    const x = (side === 'right' ? 1 : -1) * (rx + (used[side] + 2) * (box.width + 40));
    used[side]++;
    group.forEach((id, k) => at.set(id, { x, y: p.y + (k - (group.length - 1) / 2) * pitch }));
  }
}

/**
 * Positions every node of a pattern graph: main nodes by the shape, owners drawn beside their
 * account (above it in layers; outside the ring or the spokes), then the whole shifted so that
 * every box, role label and owner lies inside [0, width] × [0, height].
 */
export function layoutGraph(graph: PatternGraph, shape: LayoutShape): Layout {
  const longest = Math.max(11, ...graph.nodes.map((n) => n.id.length));
  const box = { width: longest * CHAR_WIDTH + 12, height: BOX_HEIGHT };
  const main = mainNodes(graph);
  const ids = main.map((n) => n.id);
  const arrows = flowArrows(graph, new Set(ids));
  const at = new Map<string, Point>();
  // Owners drawn beside one account, at most: a row of the layers makes room for them all.
  const besides = new Map<string, number>();
  for (const n of graph.nodes)
    if (n.besideAccount !== undefined)
      besides.set(n.besideAccount, (besides.get(n.besideAccount) ?? 0) + 1);
  const ownerRows = Math.max(0, ...besides.values());
  let centre: Point | undefined;
  if (shape === 'ring' && ids.length >= 3) {
    centre = { x: 0, y: 0 };
    // The ring holds the accounts money goes round; payees outside it (a cash-out's shops and
    // ATMs) sit beyond the ring, next to the account that paid them.
    const looped = ids.filter(
      (id) => arrows.some((a) => a.from === id) && arrows.some((a) => a.to === id),
    );
    const ring = looped.length >= 3 ? looped : ids;
    const onRing = new Set(ring);
    const { rx } = around(
      ringOrder(
        ring,
        arrows.filter((a) => onRing.has(a.to)),
      ),
      box.width,
      70,
      at,
      centre,
    );
    outside(
      ids.filter((id) => !onRing.has(id)),
      arrows,
      rx,
      box,
      at,
    );
  } else if (shape === 'hub' && ids.length >= 3) {
    centre = { x: 0, y: 0 };
    const hub = hubOf(ids, arrows) ?? '';
    at.set(hub, centre);
    const into = ids.filter(
      (id) => id !== hub && arrows.some((a) => a.from === id && a.to === hub),
    );
    const rest = ids.filter((id) => id !== hub && !into.includes(id));
    // The hub's owners join the ring (at the top, between the spokes): beside the hub, its
    // spokes would run through them.
    const owners = graph.nodes.filter((n) => n.besideAccount === hub).map((n) => n.id);
    around([...owners, ...into, ...rest], box.width, 80, at, centre);
  } else {
    const rowPitch = box.height + ROLE_SPACE + ownerRows * OWNER_SPACE + 12;
    const subColumnPitch = box.width + 34;
    const columnGap = box.width + 120;
    const columns: string[][] = [];
    const wrapped: boolean[] = [];
    const gaps: number[] = [];
    for (const l of layersOf(ids, arrows)) {
      const wraps = Math.ceil(l.length / MAX_ROWS);
      const perColumn = Math.ceil(l.length / wraps);
      for (let c = 0; c < wraps; c++) {
        columns.push(l.slice(c * perColumn, (c + 1) * perColumn));
        gaps.push(c === 0 ? columnGap : subColumnPitch);
        wrapped.push(wraps > 1);
      }
    }
    const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const a of arrows) {
      neighbours.get(a.from)?.push(a.to);
      neighbours.get(a.to)?.push(a.from);
    }
    const rows = Math.max(1, ...columns.map((c) => c.length));
    const y = new Map<string, number>();
    let x = 0;
    columns.forEach((column, c) => {
      if (c > 0) x += gaps[c] ?? columnGap;
      for (const id of column) at.set(id, { x, y: 0 });
      if (wrapped[c] === true) {
        // A wrapped layer's columns are offset by half a row, so arrows pass between boxes.
        const top = ((rows - column.length) * rowPitch) / 2;
        const stagger = gaps[c] === subColumnPitch ? rowPitch / 2 : 0;
        column.forEach((id, r) => y.set(id, top + stagger + r * rowPitch));
        return;
      }
      // Each node as level as it can be with what feeds it (placed columns to the left), in
      // order and a row apart; then the column moves as one so that its best-connected node
      // (the spine of a chain) sits exactly level, or, with no such node, so it is centred.
      const desired = column.map((id) => {
        const placed = (neighbours.get(id) ?? []).flatMap((n) => {
          const v = y.get(n);
          return v === undefined ? [] : [v];
        });
        return placed.length === 0 ? undefined : placed.reduce((s, v) => s + v) / placed.length;
      });
      const ys: number[] = [];
      column.forEach((_, r) => {
        const want = desired[r] ?? (r === 0 ? 0 : (ys[r - 1] ?? 0) + rowPitch);
        ys.push(r === 0 ? want : Math.max(want, (ys[r - 1] ?? 0) + rowPitch));
      });
      const degree = column.map((id) => neighbours.get(id)?.length ?? 0);
      const top = Math.max(...degree);
      const spine = degree.filter((d) => d === top).length === 1 ? degree.indexOf(top) : -1;
      const wanted = desired.flatMap((d, r) => (d === undefined ? [] : [d - (ys[r] ?? 0)]));
      const shift =
        spine >= 0 && desired[spine] !== undefined
          ? (desired[spine] ?? 0) - (ys[spine] ?? 0)
          : wanted.length > 0
            ? wanted.reduce((s, v) => s + v) / wanted.length
            : 0;
      column.forEach((id, r) => y.set(id, (ys[r] ?? 0) + shift));
    });
    // The first column (nothing to its left) moves level with what it feeds.
    const first = columns[0] ?? [];
    if (wrapped[0] !== true && first.length > 0) {
      const desired = first.map((id) => {
        const next = (neighbours.get(id) ?? []).map((n) => y.get(n) ?? 0);
        return next.length === 0 ? undefined : next.reduce((s, v) => s + v) / next.length;
      });
      const wanted = desired.flatMap((d, r) =>
        d === undefined ? [] : [d - (y.get(first[r] ?? '') ?? 0)],
      );
      const shift = wanted.length > 0 ? wanted.reduce((s, v) => s + v) / wanted.length : 0;
      for (const id of first) y.set(id, (y.get(id) ?? 0) + shift);
    }
    for (const id of ids) at.set(id, { x: at.get(id)?.x ?? 0, y: y.get(id) ?? 0 });
  }
  for (const n of graph.nodes) {
    if (n.besideAccount === undefined || at.has(n.id)) continue;
    const account = at.get(n.besideAccount) ?? { x: 0, y: 0 };
    // Several owners of one account stack outward.
    const k = graph.nodes.filter(
      (o) => o.besideAccount === n.besideAccount && at.has(o.id) && o.id !== n.id,
    ).length;
    const atCentre = centre !== undefined && account.x === centre.x && account.y === centre.y;
    if (centre === undefined || atCentre) {
      at.set(n.id, { x: account.x, y: account.y - OWNER_SPACE * (k + 1) });
    } else {
      const dx = account.x - centre.x;
      const dy = account.y - centre.y;
      const len = Math.hypot(dx, dy) || 1;
      const ux = dx / len;
      const uy = dy / len;
      // Just far enough along the outward ray to clear the account's box (and, below it, its role).
      const clearX = box.width + 8;
      const clearY = box.height + 6 + (uy > 0 ? ROLE_SPACE : 0);
      const t = Math.min(
        ux === 0 ? Infinity : clearX / Math.abs(ux),
        uy === 0 ? Infinity : clearY / Math.abs(uy),
      );
      at.set(n.id, { x: account.x + ux * t * (k + 1), y: account.y + uy * t * (k + 1) });
    }
  }
  for (const n of graph.nodes) if (!at.has(n.id)) at.set(n.id, { x: 0, y: 0 });
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of graph.nodes) {
    const p = at.get(n.id) as Point;
    const roleWidth = n.besideAccount === undefined ? n.role.length * 5.4 : 0;
    const half = Math.max(box.width, roleWidth) / 2;
    minX = Math.min(minX, p.x - half);
    maxX = Math.max(maxX, p.x + half);
    minY = Math.min(minY, p.y - box.height / 2 - 4);
    maxY = Math.max(maxY, p.y + box.height / 2 + ROLE_SPACE);
  }
  if (!Number.isFinite(minX)) return { shape, at, width: 2 * MARGIN, height: 2 * MARGIN, box };
  const shifted = new Map<string, Point>();
  for (const [id, p] of at) shifted.set(id, { x: p.x - minX + MARGIN, y: p.y - minY + MARGIN });
  return {
    shape,
    at: shifted,
    width: Math.ceil(maxX - minX + 2 * MARGIN),
    height: Math.ceil(maxY - minY + 2 * MARGIN),
    box,
  };
}
