import type { DetectionContext, Detector, Hit } from '../detector.js';
import { gremlinRows, groupBy, unique } from './gremlin.js';
import { offshore } from './offshore.js';

/** Effective ownership from which a person is an ultimate beneficial owner (FATF / EU AMLD). */
const UBO_PERCENT = 25;
/** Longest holds_share path followed. */
const MAX_DEPTH = 6;

interface Share {
  id: string;
  from: string;
  fromLabel: string;
  to: string;
  pct: number;
}

interface CompanyInfo {
  id: string;
  shell: boolean;
  country: string;
  havens: string;
}

interface Structure {
  shares: Share[];
  out: Map<string, Share[]>;
  companies: Map<string, CompanyInfo>;
  peps: Set<string>;
}

async function structure(ctx: DetectionContext): Promise<Structure> {
  const shares = await gremlinRows<Share>(
    ctx,
    "g.E().hasLabel('holds_share').project('id','from','fromLabel','to','pct')" +
      ".by('relationship_id').by(outV().id()).by(outV().label()).by(inV().id()).by('percentage')",
  );
  const companies = await gremlinRows<CompanyInfo>(
    ctx,
    "g.V().hasLabel('company').project('id','shell','country','havens')" +
      ".by(id()).by('is_shell_company').by('registration_country')" +
      ".by(coalesce(values('tax_havens'), constant('[]')))",
  );
  const peps = await gremlinRows<string>(
    ctx,
    "g.V().has('person','is_pep',true).where(outE('holds_share')).id()",
  );
  return {
    shares: shares,
    out: groupBy(shares, (s) => s.from),
    companies: new Map(companies.map((c) => [c.id, c])),
    peps: new Set(peps),
  };
}

/** Every simple holds_share path from `start` (as lists of edges), up to MAX_DEPTH. */
function paths(s: Structure, start: string): Share[][] {
  const found: Share[][] = [];
  const walk = (node: string, path: Share[], visited: Set<string>) => {
    for (const edge of s.out.get(node) ?? []) {
      if (visited.has(edge.to)) continue;
      const next = [...path, edge];
      found.push(next);
      if (next.length < MAX_DEPTH) walk(edge.to, next, new Set([...visited, edge.to]));
    }
  };
  walk(start, [], new Set([start]));
  return found;
}

const product = (path: readonly Share[]) => path.reduce((p, e) => (p * e.pct) / 100, 100);

/**
 * Effective ownership of `owner` in every company it reaches: the share matrix summed over all
 * walks (so a holding that owns part of itself through a cycle lifts its owner), by fixed point.
 */
function effective(s: Structure, owner: string): Map<string, number> {
  let frontier = new Map<string, number>([[owner, 1]]);
  const total = new Map<string, number>();
  for (let step = 0; step < 60 && frontier.size > 0; step += 1) {
    const next = new Map<string, number>();
    for (const [node, weight] of frontier) {
      for (const e of s.out.get(node) ?? []) {
        const w = (weight * e.pct) / 100;
        if (w < 1e-6) continue;
        next.set(e.to, (next.get(e.to) ?? 0) + w);
      }
    }
    for (const [node, w] of next) total.set(node, (total.get(node) ?? 0) + w);
    frontier = next;
  }
  return total;
}

function persons(s: Structure): string[] {
  return unique(s.shares.filter((e) => e.fromLabel === 'person').map((e) => e.from));
}

/** Persons owning ≥ 25 % of a company through layers that include a shell or a tax haven. */
export const ownershipLayeredUboDetector: Detector = {
  name: 'ownership-layered-ubo-gremlin',
  typology: 'ownership_chain',
  subtypes: [
    'two_layer_holding',
    'shell_company_chain',
    'complex_multi_ubo',
    'pep_sanctioned',
    'nominee_arrangement',
    'regulatory_threshold',
    'circular_ownership',
  ],
  backend: 'janusgraph',
  description:
    'a person whose holds_share paths into a company multiply to ≥ 25 % effective ownership, at least one path passing through a shell or tax-haven company',
  async run(ctx) {
    const s = await structure(ctx);
    const hits: Hit[] = [];
    for (const person of persons(s)) {
      const eff = effective(s, person);
      const all = paths(s, person);
      for (const [target, share] of eff) {
        if (share * 100 < UBO_PERCENT - 1e-9) continue;
        const into = all.filter((p) => p.at(-1)?.to === target);
        const layered = into.filter(
          (p) => p.length > 1 && p.slice(0, -1).some((e) => offshore(s.companies.get(e.to))),
        );
        if (layered.length === 0) continue;
        // Edges that carry the ownership: the paths into the target and any cycle they pass.
        const onPath = new Set(into.flatMap((p) => p.map((e) => e.to)));
        const cycleEdges = s.shares.filter(
          (e) => onPath.has(e.from) && onPath.has(e.to) && e.to !== target,
        );
        const edges = unique([...into.flat(), ...cycleEdges].map((e) => e.id));
        hits.push({
          typology: 'ownership_chain',
          entities: unique([person, target, ...into.flat().map((e) => e.to)]),
          events: edges,
          explanation:
            `${person} effectively owns ${(share * 100).toFixed(1)} % of ${target} through ` +
            layered.map((p) => p.map((e) => `${e.pct}%→${e.to}`).join(' ')).join('; ') +
            ' (offshore/shell layer)',
        });
      }
    }
    return hits;
  },
};

/** Persons owning ≥ 25 % of a company directly: the plain UBO register entry. */
export const ownershipDirectUboDetector: Detector = {
  name: 'ownership-direct-ubo-gremlin',
  typology: 'ownership_chain',
  subtypes: ['simple_direct', 'complex_multi_ubo'],
  backend: 'janusgraph',
  description: 'a person holding ≥ 25 % of a company directly (one holds_share edge)',
  async run(ctx) {
    const s = await structure(ctx);
    return s.shares
      .filter((e) => e.fromLabel === 'person' && e.pct >= UBO_PERCENT)
      .map((e) => ({
        typology: 'ownership_chain',
        entities: [e.from, e.to],
        events: [e.id],
        explanation: `${e.from} holds ${e.pct} % of ${e.to} directly`,
      }));
  },
};

/** Politically exposed persons at the top of a holds_share chain. */
export const ownershipPepDetector: Detector = {
  name: 'ownership-pep-owner-gremlin',
  typology: 'ownership_chain',
  subtypes: ['pep_sanctioned'],
  backend: 'janusgraph',
  description: 'a PEP (is_pep) holding shares, through 2+ layers, in a company: the full chain',
  async run(ctx) {
    const s = await structure(ctx);
    const hits: Hit[] = [];
    for (const pep of s.peps) {
      const long = paths(s, pep).filter((p) => p.length >= 2);
      for (const [target, list] of groupBy(long, (p) => p.at(-1)?.to ?? '')) {
        if (s.out.has(target)) continue; // report the end of the chain only
        hits.push({
          typology: 'ownership_chain',
          entities: unique([pep, ...list.flat().map((e) => e.to)]),
          events: unique(list.flat().map((e) => e.id)),
          explanation: `PEP ${pep} holds ${target} through ${list[0]?.length ?? 0} layers (effective ${product(list[0] ?? []).toFixed(1)} %)`,
        });
      }
    }
    return hits;
  },
};

/** Directed holds_share cycles: companies that own themselves. */
export const ownershipCycleDetector: Detector = {
  name: 'ownership-circular-gremlin',
  typology: 'ownership_chain',
  subtypes: ['circular_ownership'],
  backend: 'janusgraph',
  description: 'a directed cycle of holds_share edges among companies (A → … → A)',
  async run(ctx) {
    const s = await structure(ctx);
    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const company of s.companies.keys()) {
      for (const p of paths(s, company)) {
        const last = p.at(-1);
        // paths() never revisits the start; close the cycle with an edge back to it.
        const back = (s.out.get(last?.to ?? '') ?? []).find((e) => e.to === company);
        if (!back) continue;
        const cycle = [...p, back];
        const key = cycle
          .map((e) => e.id)
          .sort()
          .join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          typology: 'ownership_chain',
          entities: unique(cycle.map((e) => e.from)),
          events: cycle.map((e) => e.id),
          explanation: `circular ownership ${cycle.map((e) => `${e.from} –${e.pct}%→`).join(' ')} ${company} (${product(cycle).toFixed(1)} % of itself)`,
        });
      }
    }
    return hits;
  },
};

/** A shell whose officer is not its owner: a nominee director in front of the real owner. */
export const ownershipNomineeDetector: Detector = {
  name: 'ownership-nominee-officer-gremlin',
  typology: 'ownership_chain',
  subtypes: ['nominee_arrangement'],
  backend: 'janusgraph',
  description:
    'an offshore shell that holds shares in another company, owned by one person and officered by another who holds no shares in it',
  async run(ctx) {
    const s = await structure(ctx);
    const shells = [...s.companies.values()]
      .filter((c) => c.shell && s.out.has(c.id))
      .map((c) => c.id);
    if (shells.length === 0) return [];
    const officers = await gremlinRows<{ company: string; officer: string; rel: string }>(
      ctx,
      "g.V(ids).inE('officer_of').project('company','officer','rel')" +
        ".by(inV().id()).by(outV().id()).by('relationship_id')",
      { ids: shells },
    );
    const hits: Hit[] = [];
    for (const [shell, list] of groupBy(officers, (o) => o.company)) {
      const owners = s.shares.filter((e) => e.to === shell);
      const personOwners = owners.filter((e) => e.fromLabel === 'person');
      if (personOwners.length === 0) continue;
      const nominees = list.filter((o) => !owners.some((e) => e.from === o.officer));
      if (nominees.length === 0) continue;
      const holdings = s.out.get(shell) ?? [];
      hits.push({
        typology: 'ownership_chain',
        entities: unique([
          shell,
          ...nominees.map((o) => o.officer),
          ...personOwners.map((e) => e.from),
          ...holdings.map((e) => e.to),
        ]),
        events: unique([...personOwners, ...holdings].map((e) => e.id)),
        explanation: `shell ${shell} is owned by ${personOwners.map((e) => e.from).join(', ')} but officered by ${nominees.map((o) => o.officer).join(', ')}, and holds ${holdings.map((e) => `${e.pct} % of ${e.to}`).join(', ')}`,
      });
    }
    return hits;
  },
};

export const OWNERSHIP_CHAIN_DETECTORS: readonly Detector[] = [
  ownershipLayeredUboDetector,
  ownershipDirectUboDetector,
  ownershipPepDetector,
  ownershipCycleDetector,
  ownershipNomineeDetector,
];
