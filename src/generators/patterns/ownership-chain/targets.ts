import type { GeneratorContext } from '../../context.js';
import type { Population } from '../../population.js';

/** Edge ordinals of a background company that background links never use (they use 0–4). */
const FIRST_FREE_ORDINAL = 5;
const LAST_FREE_ORDINAL = 9;

interface Claim {
  percentage: number;
  links: number;
}

/**
 * What ownership instances have already put into each background company during one run. Keyed by
 * the run's population, so runs never share it; instances realise in plan order, so it is
 * deterministic. It keeps every company's shareholdings at or below 100 % and gives each stake
 * in a background company an edge id no other instance uses.
 */
const CLAIMS = new WeakMap<Population, Map<number, Claim>>();

export interface Target {
  readonly company: number;
  /** The stakes as asked for, or scaled down to fit when the claim was flexible. */
  readonly stakes: readonly number[];
  /** One free edge ordinal (5–9) of the target per stake, for ids `company × 10 + ordinal`. */
  readonly ordinals: readonly number[];
}

/**
 * A background company that can take `stakes` more shareholdings: one with room for them below
 * 100 % (background holders included) and enough free edge ordinals. When none has room, the
 * one with the most room: a `flexible` claim (a look-alike's) then scales its stakes down to
 * fit, a fixed one keeps them (a scenario whose own stakes exceed 100 % is never refused).
 */
export function claimTarget(
  ctx: GeneratorContext,
  asked: readonly number[],
  flexible = false,
): Target {
  const { population, rng } = ctx;
  let claims = CLAIMS.get(population);
  if (claims === undefined) {
    claims = new Map();
    CLAIMS.set(population, claims);
  }
  const needed = asked.reduce((sum, s) => sum + s, 0);
  const fitting: number[] = [];
  let roomiest: number | undefined;
  let mostRoom = -Infinity;
  for (let company = 0; company < population.companyCount; company++) {
    if (population.added.company.has(company)) continue;
    const claim = claims.get(company);
    if ((claim?.links ?? 0) + asked.length > LAST_FREE_ORDINAL - FIRST_FREE_ORDINAL + 1) continue;
    const room = 100 - (population.sharesHeld.get(company) ?? 0) - (claim?.percentage ?? 0);
    if (room >= needed - 1e-9) fitting.push(company);
    if (room > mostRoom) {
      mostRoom = room;
      roomiest = company;
    }
  }
  const company = fitting.length > 0 ? rng.pick(fitting) : roomiest;
  if (company === undefined)
    throw new Error('ownership_chain: no background company is left to be a target');
  const claim = claims.get(company) ?? { percentage: 0, links: 0 };
  const scale = flexible && fitting.length === 0 && mostRoom > 0 ? mostRoom / needed : 1;
  const stakes = asked.map((s) => (scale < 1 ? Math.floor(s * scale * 100) / 100 : s));
  const ordinals = asked.map((_, j) => FIRST_FREE_ORDINAL + claim.links + j);
  const claimed = stakes.reduce((sum, s) => sum + s, 0);
  claims.set(company, {
    percentage: claim.percentage + claimed,
    links: claim.links + asked.length,
  });
  return { company, stakes, ordinals };
}
