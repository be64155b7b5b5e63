import { esc } from './html.js';
import type { Layout, Point } from './layout.js';
import type { GraphArrow, PatternGraph } from './pattern-graph.js';

/** Fill of an entity box, by vertex label. */
export const NODE_FILL: Readonly<Record<string, string>> = {
  account: '#e6f0ff',
  person: '#fff1dd',
  company: '#e3f5ea',
  device: '#f1e8ff',
  document: '#e2f4f5',
  travel: '#f1f2f6',
};

export const FLAGGED = '#d9534f';

/** How an arrow of each event kind looks: colour and dash pattern. */
export interface ArrowStyle {
  readonly color: string;
  readonly dash: string;
  /** Shown in the legend. */
  readonly name: string;
}

const STYLES: Readonly<Record<string, ArrowStyle>> = {
  transfer: { color: '#4f5b73', dash: '', name: 'transfer' },
  logged_in: { color: '#8a5cc7', dash: '2 3', name: 'login' },
  trade: { color: '#2f8f5b', dash: '7 2 2 2', name: 'trade' },
  communicated: { color: '#c77d12', dash: '7 3', name: 'message' },
  holds_share: { color: '#8d6e4a', dash: '', name: 'holds share' },
  owns: { color: '#a3abbd', dash: '3 3', name: 'owns (account holder)' },
  document: { color: '#1e8c93', dash: '', name: 'document (issuer → billed)' },
  other: { color: '#6f7a91', dash: '5 2', name: 'relationship' },
};

const RELATIONSHIPS = new Set(['officer_of', 'employed_by', 'related_to', 'traveled']);

/** The style of an arrow kind; document types (invoice, bill_of_lading…) share one. */
export function arrowStyle(kind: string): ArrowStyle {
  if (STYLES[kind]) return STYLES[kind];
  if (RELATIONSHIPS.has(kind)) return STYLES['other'] as ArrowStyle;
  return STYLES['document'] as ArrowStyle;
}

/** The styles for the legend, in order. */
export const LEGEND_STYLES: readonly ArrowStyle[] = Object.values(STYLES);

function pretty(name: string): string {
  return name.replaceAll('_', ' ');
}

/** Where the segment from the centre of a box towards `toward` leaves the box (plus a gap). */
function clip(centre: Point, toward: Point, halfW: number, halfH: number): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const t = Math.min(
    dx === 0 ? Infinity : halfW / Math.abs(dx),
    dy === 0 ? Infinity : halfH / Math.abs(dy),
  );
  return { x: centre.x + dx * t, y: centre.y + dy * t };
}

const f = (n: number) => n.toFixed(1);

function idList(ids: readonly string[]): string {
  return ids.length <= 24 ? ids.join(', ') : `${ids.slice(0, 24).join(', ')}, … (${ids.length})`;
}

/**
 * One pattern as SVG: entity boxes with their full ids (and role below), arrows for every event
 * (parallel events of one kind between the same pair drawn once, with ×n), dashed `owns` links.
 * Hovering a box or an arrow shows its ids in full. `uid` keeps the markers of several drawings
 * on one page apart.
 */
export function patternSvg(
  graph: PatternGraph,
  layout: Layout,
  uid: string,
  label: string,
): string {
  const { box, at } = layout;
  const halfW = box.width / 2 + 3;
  const halfH = box.height / 2 + 3;
  const colors = [...new Set([FLAGGED, ...graph.arrows.map((a) => arrowStyle(a.kind).color)])];
  const marker = (color: string) => `${uid}-m${colors.indexOf(color)}`;
  const defs = colors
    .map(
      (c) =>
        `<marker id="${marker(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    )
    .join('');
  // Arrows between the same two boxes (either way) bend apart so each stays visible.
  const pairs = new Map<string, GraphArrow[]>();
  for (const a of graph.arrows) {
    const key = [a.from, a.to].sort().join('|');
    pairs.set(key, [...(pairs.get(key) ?? []), a]);
  }
  const parts: string[] = [];
  const badges: string[] = [];
  for (const group of pairs.values()) {
    group.forEach((a, k) => {
      const p = at.get(a.from);
      const q = at.get(a.to);
      if (p === undefined || q === undefined) return;
      const style = arrowStyle(a.kind);
      const color = a.flagged ? FLAGGED : style.color;
      const width = a.kind === 'owns' ? 1 : a.flagged ? 2 : 1.4;
      const what =
        a.kind === 'owns'
          ? `${a.from} owns ${a.to}`
          : `${pretty(a.kind)} ×${a.eventIds.length}, ${a.from} → ${a.to}: ${idList(a.eventIds)}`;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      if (a.from === a.to) {
        const top = p.y - box.height / 2;
        parts.push(
          `<path d="M${f(p.x + 10)},${f(top)} C${f(p.x + 20)},${f(top - 30)} ${f(p.x + 50)},${f(top - 10)} ${f(p.x + box.width / 2)},${f(p.y - 4)}" fill="none" stroke="${color}" stroke-width="${width}"${dash} marker-end="url(#${marker(color)})"><title>${esc(what)}</title></path>`,
        );
        return;
      }
      // Offsets centred on the straight line; the sign follows the pair's sorted order, so A→B
      // and B→A bend to opposite sides.
      const base = (k - (group.length - 1) / 2) * 14 * (a.from < a.to ? 1 : -1);
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const len = Math.hypot(dx, dy) || 1;
      const control = (offset: number) => ({
        x: (p.x + q.x) / 2 - (dy / len) * offset,
        y: (p.y + q.y) / 2 + (dx / len) * offset,
      });
      // An arrow that would run through another box (a link that skips a layer, say) bends
      // away from it: the smallest extra bend that clears every box. Where none small does (a
      // dense block of layers), it stays straight: big detours would only add tangles.
      const others = [...at.entries()].filter(([id]) => id !== a.from && id !== a.to);
      const clear = (offset: number) => {
        const m = control(offset);
        for (let i = 2; i <= 18; i++) {
          const t = i / 20;
          const x = (1 - t) ** 2 * p.x + 2 * t * (1 - t) * m.x + t ** 2 * q.x;
          const y = (1 - t) ** 2 * p.y + 2 * t * (1 - t) * m.y + t ** 2 * q.y;
          for (const [, o] of others)
            if (Math.abs(x - o.x) < box.width / 2 + 2 && Math.abs(y - o.y) < box.height / 2 + 2)
              return false;
        }
        return true;
      };
      const sign = base === 0 ? 1 : Math.sign(base);
      const bend = [0, 40, -40, 80, -80].find((extra) => clear(base + sign * extra));
      const c = control(base + sign * (bend ?? 0));
      const s = clip(p, c, halfW, halfH);
      const e = clip(q, c, halfW, halfH);
      parts.push(
        `<path d="M${f(s.x)},${f(s.y)} Q${f(c.x)},${f(c.y)} ${f(e.x)},${f(e.y)}" fill="none" stroke="${color}" stroke-width="${width}"${dash} marker-end="url(#${marker(color)})"><title>${esc(what)}</title></path>`,
      );
      if (a.eventIds.length > 1) {
        const mx = 0.25 * s.x + 0.5 * c.x + 0.25 * e.x;
        const my = 0.25 * s.y + 0.5 * c.y + 0.25 * e.y;
        badges.push(
          `<text x="${f(mx)}" y="${f(my + 3)}" text-anchor="middle" class="count" fill="${color}">×${a.eventIds.length}<title>${esc(what)}</title></text>`,
        );
      }
    });
  }
  const owned = new Map<string, string[]>();
  for (const a of graph.arrows)
    if (a.kind === 'owns') owned.set(a.from, [...(owned.get(a.from) ?? []), a.to]);
  const ownerOf = new Map<string, string[]>();
  for (const a of graph.arrows)
    if (a.kind === 'owns') ownerOf.set(a.to, [...(ownerOf.get(a.to) ?? []), a.from]);
  const boxes = graph.nodes.map((n) => {
    const p = at.get(n.id) ?? { x: 0, y: 0 };
    const hover = [
      n.id,
      n.kind,
      n.role ? `role ${pretty(n.role)}` : '',
      owned.has(n.id) ? `owns ${(owned.get(n.id) ?? []).join(', ')}` : '',
      ownerOf.has(n.id) ? `owned by ${(ownerOf.get(n.id) ?? []).join(', ')}` : '',
      n.flagged ? 'flagged by a detector' : '',
    ]
      .filter((s) => s !== '')
      .join(' · ');
    const fill = NODE_FILL[n.kind] ?? '#f1f2f6';
    const stroke = n.flagged ? FLAGGED : '#8b93a7';
    return (
      `<g class="node"><title>${esc(hover)}</title>` +
      `<rect x="${f(p.x - box.width / 2)}" y="${f(p.y - box.height / 2)}" width="${box.width}" height="${box.height}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="${n.flagged ? 2 : 1}"/>` +
      `<text x="${f(p.x)}" y="${f(p.y + 3.5)}" text-anchor="middle" class="nid">${esc(n.id)}</text>` +
      (n.role && n.besideAccount === undefined
        ? `<text x="${f(p.x)}" y="${f(p.y + box.height / 2 + 11)}" text-anchor="middle" class="role">${esc(pretty(n.role))}</text>`
        : '') +
      `</g>`
    );
  });
  return (
    `<svg viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" style="min-width:${Math.round(layout.width * 0.7)}px" role="img" aria-label="${esc(label)}">` +
    `<defs>${defs}</defs>${parts.join('')}${boxes.join('')}${badges.join('')}</svg>`
  );
}
