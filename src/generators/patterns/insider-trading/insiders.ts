import type { Population } from '../../population.js';

/** Officer roles that count as executives (C-level) for the executive-trading subtype. */
export const C_LEVEL_ROLES: ReadonlySet<string> = new Set(['ceo', 'cfo', 'coo', 'cto']);

/** Listed background companies, in index order (typology-added companies are never listed). */
export function listedIssuers(population: Population): number[] {
  const listed = population.listedCompanies.filter((c) => !population.added.company.has(c));
  if (listed.length === 0) throw new Error('insider trading: no listed company in the population');
  return listed;
}

/** Background officers of a company. */
export function officersOf(population: Population, company: number): number[] {
  return (population.officersOf.get(company) ?? []).filter((p) => !population.added.person.has(p));
}

/** Background officers and employees of a company: the people who learn of announcements first. */
export function insidersOf(population: Population, company: number): number[] {
  const people = new Set([
    ...officersOf(population, company),
    ...(population.employeesOf.get(company) ?? []).filter((p) => !population.added.person.has(p)),
  ]);
  return [...people].sort((a, b) => a - b);
}

/** The officer role of a person at a company, or undefined when they are no officer of it. */
export function officerRole(
  population: Population,
  company: number,
  person: number,
): string | undefined {
  return population.officerRoles.get(`${company}:${person}`);
}

/**
 * Background persons with no link to an issuer: not its officers or employees and not related to
 * any of them. The traders of look-alikes, and the holders a beneficial owner is drawn from. Only
 * when the population is too small for that, persons merely not working there.
 */
export function outsidersOf(population: Population, company: number): number[] {
  const insiders = new Set(insidersOf(population, company));
  const close = new Set(insiders);
  for (const insider of insiders)
    for (const other of population.relatedOf.get(insider) ?? []) close.add(other);
  const candidates = (excluded: ReadonlySet<number>) => {
    const list: number[] = [];
    for (let p = 0; p < population.personCount; p++)
      if (!population.added.person.has(p) && !excluded.has(p)) list.push(p);
    return list;
  };
  const strict = candidates(close);
  return strict.length > 0 ? strict : candidates(insiders);
}
