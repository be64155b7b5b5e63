import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { OFFICER_ROLES, PERSON_RELATIONSHIP_TYPES } from '../data/lists.js';
import { linkSinceDate, linkSinceDaysAgo, type StandingLink } from './link-since.js';

/** Per-entity edge ids: entity index × 10 + ordinal, so ids never depend on other entities. */
function childId(prefix: string, entityIndex: number, ordinal: number): string {
  return formatId(prefix, entityIndex * 10 + ordinal);
}

function sinceOf(ctx: GeneratorContext, kind: StandingLink): string {
  return linkSinceDate(ctx.time.referenceMs, linkSinceDaysAgo(ctx.rng, kind));
}

/**
 * 1–3 officers per company, taken from its employees when it has any; a listed company has 2–3,
 * among them its CEO and CFO. Officers are the insiders of listed companies, which the
 * insider-trading typology relies on.
 */
export function generateOfficers(
  ctx: GeneratorContext,
  company: number,
): EdgeRecord<'officer_of'>[] {
  const { rng, population } = ctx;
  if (population.personCount === 0) return [];
  // A listed company's officers are the insiders insider trading casts, which must be background
  // persons (not the actors other typologies add).
  const listed = population.companyTicker.has(company);
  const eligible = (person: number) => !listed || !population.added.person.has(person);
  const employees = (population.employeesOf.get(company) ?? []).filter(eligible);
  const background = population.personCount - (listed ? population.added.person.size : 0);
  // A listed company has at least a chief executive and a chief financial officer (both must
  // certify its reports: Sarbanes-Oxley Act §302), so it always has two insiders.
  const count = Math.min(rng.int(listed ? 2 : 1, 3), background);
  const chosen = rng.sample(employees, count);
  while (chosen.length < count) {
    const person = rng.int(0, population.personCount - 1);
    if (!chosen.includes(person) && eligible(person)) chosen.push(person);
  }
  const roles = rng.sample(OFFICER_ROLES, chosen.length);
  // A listed company always has a chief executive and a chief financial officer among them.
  if (listed && !roles.includes('ceo'))
    roles[roles[0] === 'cfo' && roles.length > 1 ? 1 : 0] = 'ceo';
  if (listed && roles.length > 1 && !roles.includes('cfo'))
    roles[roles[0] === 'ceo' ? 1 : 0] = 'cfo';
  return chosen.map((person, j) => {
    const id = childId(EDGE_ID_PREFIX.officer_of, company, j);
    return {
      label: 'officer_of',
      id,
      outV: vertexId('person', person),
      inV: vertexId('company', company),
      properties: {
        relationship_id: id,
        role: roles[j] ?? 'director',
        since: sinceOf(ctx, 'officer_of'),
      },
    };
  });
}

/**
 * Shareholders of a company. A private company has 1–2 owners (persons, or another company as
 * parent) holding most of it; a listed company has a few holders of small stakes. Percentages of
 * one company never sum above 100.
 */
export function generateShareholdings(
  ctx: GeneratorContext,
  company: number,
): EdgeRecord<'holds_share'>[] {
  const { rng, population } = ctx;
  const isListed = population.companyTicker.has(company);
  const holders = isListed
    ? rng.int(0, 3)
    : rng.weighted([
        [0, 0.2],
        [1, 0.5],
        [2, 0.3],
      ]);
  const edges: EdgeRecord<'holds_share'>[] = [];
  let remaining = 100;
  for (let j = 0; j < holders; j++) {
    const byCompany = population.companyCount > 1 && rng.chance(isListed ? 0.6 : 0.25);
    const holder = byCompany
      ? vertexId('company', rng.intExcept(population.companyCount, company))
      : population.personCount > 0
        ? vertexId('person', rng.int(0, population.personCount - 1))
        : null;
    if (holder === null || edges.some((e) => e.outV === holder)) continue;
    const percentage = isListed
      ? Math.round(rng.float(0.5, 8) * 100) / 100
      : Math.round((j === holders - 1 ? remaining : rng.float(0.3, 0.8) * remaining) * 100) / 100;
    remaining -= percentage;
    const id = childId(EDGE_ID_PREFIX.holds_share, company, j);
    edges.push({
      label: 'holds_share',
      id,
      outV: holder,
      inV: vertexId('company', company),
      properties: { relationship_id: id, percentage, since: sinceOf(ctx, 'holds_share') },
    });
  }
  return edges;
}

/**
 * 0–2 relationships per person to other persons (colleagues come from the same employer). Each
 * is one directed edge; the relation itself is symmetric.
 */
export function generateRelationships(
  ctx: GeneratorContext,
  person: number,
): EdgeRecord<'related_to'>[] {
  const { rng, population } = ctx;
  if (population.personCount < 2) return [];
  const count = rng.weighted([
    [0, 0.35],
    [1, 0.45],
    [2, 0.2],
  ]);
  const edges: EdgeRecord<'related_to'>[] = [];
  for (let j = 0; j < count; j++) {
    let type = rng.weighted(PERSON_RELATIONSHIP_TYPES);
    let other = rng.intExcept(population.personCount, person);
    if (type === 'colleague') {
      const employer = population.personEmployer[person] ?? -1;
      const colleagues = (population.employeesOf.get(employer) ?? []).filter((p) => p !== person);
      if (colleagues.length > 0) other = rng.pick(colleagues);
      else type = 'acquaintance';
    }
    const otherId = vertexId('person', other);
    if (edges.some((e) => e.inV === otherId)) continue;
    const id = childId(EDGE_ID_PREFIX.related_to, person, j);
    edges.push({
      label: 'related_to',
      id,
      outV: vertexId('person', person),
      inV: otherId,
      properties: {
        relationship_id: id,
        relationship_type: type,
        since: sinceOf(ctx, 'related_to'),
        strength: Math.round(rng.float(0.2, 1) * 100) / 100,
      },
    });
  }
  return edges;
}
