import type { Population } from '../../population.js';
import {
  C_LEVEL_ROLES,
  insidersOf,
  listedIssuers,
  officerRole,
  officersOf,
  outsidersOf,
} from './insiders.js';

/** Who takes part in an instance. */
export interface Cast {
  readonly issuer: number;
  /** Trading persons, one per opened account (a shape may get fewer than it asked for). */
  readonly traders: readonly number[];
  /** Sender of the tip-off messages, or -1 when the shape has none. */
  readonly tipper: number;
  /** Tipping fallback: the tipper and tippee were not related, the instance links them. */
  readonly linkTip: boolean;
  /** Role of the (first) trader or tipper at the issuer when they are an officer of it. */
  readonly officerRole: string | null;
}

/** What the cast is drawn with: the subtype, uniform draws made at plan time, the instance number. */
export interface CastInput {
  readonly subtype: string;
  readonly lookAlike: boolean;
  /** Uniform draws in [0, 1) made at plan time. */
  readonly picks: readonly number[];
  /** Traders the shape asks for. */
  readonly traders: number;
  readonly hasMessages: boolean;
}

/** How many picks a cast may use. */
export const CAST_PICKS = 8;

/** The element of a non-empty list a uniform draw points at. */
function pickBy<T>(list: readonly T[], u: number): T {
  return list[Math.min(list.length - 1, Math.floor(u * list.length))] as T;
}

/** `k` distinct elements chosen by successive uniform draws. */
function sampleBy<T>(list: readonly T[], k: number, picks: readonly number[]): T[] {
  const rest = list.slice();
  const chosen: T[] = [];
  for (let j = 0; j < k && rest.length > 0; j++) {
    const at = Math.min(rest.length - 1, Math.floor((picks[j] ?? 0) * rest.length));
    chosen.push(...rest.splice(at, 1));
  }
  return chosen;
}

/**
 * Draws the cast from the population alone (listed companies, officers, employees, relations) and
 * plan-time draws — no random stream — so the accounts the instance opens (whose owner is named
 * when the account is generated) and the events (emitted later) agree on who trades.
 */
export function castOf(population: Population, input: CastInput): Cast {
  const issuers = listedIssuers(population);
  const u = (k: number) => input.picks[k] ?? 0;
  const cast = (issuer: number, traders: number[], tipper = -1, linkTip = false): Cast => ({
    issuer,
    traders,
    tipper,
    linkTip,
    officerRole: officerRole(population, issuer, tipper >= 0 ? tipper : (traders[0] ?? -1)) ?? null,
  });
  if (input.lookAlike) {
    // Same shape, people with no link to the issuer: a lucky or well-read outsider.
    const issuer = pickBy(issuers, u(0));
    const outsiders = outsidersOf(population, issuer);
    if (outsiders.length === 0) throw new Error('insider trading: no outsider in the population');
    const chosen = sampleBy(outsiders, input.traders + 1, input.picks.slice(1));
    const traders = chosen.slice(0, input.traders);
    const others = outsiders.filter((p) => !traders.includes(p));
    const sender = input.hasMessages ? (chosen[input.traders] ?? others[0] ?? -1) : -1;
    if (input.hasMessages && sender < 0) throw new Error('insider trading: too few persons');
    return cast(issuer, traders, sender);
  }
  const pairs = (people: (issuer: number) => number[]) =>
    issuers.flatMap((issuer) => people(issuer).map((person) => ({ issuer, person })));
  switch (input.subtype) {
    case 'pre_announcement_trading': {
      const { issuer, person } = pickBy(
        nonEmpty(
          pairs((c) => insidersOf(population, c)),
          input.subtype,
        ),
        u(0),
      );
      return cast(issuer, [person]);
    }
    case 'coordinated_insider_trading': {
      // Issuers with several insiders; a population without any degrades to the best one.
      const byCount = issuers.map((issuer) => ({ issuer, people: insidersOf(population, issuer) }));
      const several = byCount.filter((c) => c.people.length >= 2);
      const { issuer, people } =
        several.length > 0
          ? pickBy(several, u(0))
          : byCount.reduce((best, c) => (c.people.length > best.people.length ? c : best));
      const traders = sampleBy(
        nonEmpty(people, input.subtype),
        input.traders,
        input.picks.slice(1),
      );
      return cast(issuer, traders);
    }
    case 'executive_trading_pattern': {
      // C-level officers; a population without one falls back to any officer.
      const officers = pairs((c) => officersOf(population, c));
      const executives = officers.filter((o) =>
        C_LEVEL_ROLES.has(officerRole(population, o.issuer, o.person) ?? ''),
      );
      const pool = executives.length > 0 ? executives : officers;
      const { issuer, person } = pickBy(nonEmpty(pool, input.subtype), u(0));
      return cast(issuer, [person]);
    }
    case 'beneficial_owner_pattern': {
      const issuer = pickBy(issuers, u(0));
      return cast(issuer, [pickBy(nonEmpty(outsidersOf(population, issuer), input.subtype), u(1))]);
    }
    case 'tipping_pattern': {
      const triples = issuers.flatMap((issuer) => {
        const insiders = insidersOf(population, issuer);
        const inside = new Set(insiders);
        return insiders.flatMap((tipper) =>
          (population.relatedOf.get(tipper) ?? [])
            .filter((p) => !inside.has(p) && !population.added.person.has(p))
            .map((tippee) => ({ issuer, tipper, tippee })),
        );
      });
      if (triples.length > 0) {
        const { issuer, tipper, tippee } = pickBy(triples, u(0));
        return cast(issuer, [tippee], tipper);
      }
      // No insider has a relative outside the company: the tip goes to a friend, linked here.
      const { issuer, person } = pickBy(
        nonEmpty(
          pairs((c) => insidersOf(population, c)),
          input.subtype,
        ),
        u(0),
      );
      const friends = outsidersOf(population, issuer).filter((p) => p !== person);
      return cast(issuer, [pickBy(nonEmpty(friends, input.subtype), u(1))], person, true);
    }
    default:
      throw new Error(`insider trading: unknown subtype ${input.subtype}`);
  }
}

function nonEmpty<T>(list: readonly T[], subtype: string): readonly T[] {
  if (list.length === 0)
    throw new Error(`${subtype}: no insider of a listed company in the population`);
  return list;
}
