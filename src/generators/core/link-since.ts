import type { Rng } from '../../random/index.js';
import { isoDate, MS_PER_DAY } from '../time.js';

/**
 * How far back a standing relationship of each kind may have begun, in years. The background
 * draws its `since` dates uniformly from 30 days to this many years before the reference date;
 * typologies that add such links draw from the same range, so a crime's stake or directorship
 * is no younger than anyone else's (an ownership structure is a standing arrangement, not an
 * event of the simulated window).
 */
export const LINK_SINCE_YEARS = {
  holds_share: 20,
  officer_of: 15,
  related_to: 30,
} as const;

/** Links begin at least this many days before the reference date. */
const MIN_DAYS_AGO = 30;

export type StandingLink = keyof typeof LINK_SINCE_YEARS;

/** Days before the reference date a link of this kind began, drawn as the background draws it. */
export function linkSinceDaysAgo(rng: Rng, kind: StandingLink): number {
  return rng.int(MIN_DAYS_AGO, LINK_SINCE_YEARS[kind] * 365);
}

/** The `since` date `daysAgo` days before the reference instant. */
export function linkSinceDate(referenceMs: number, daysAgo: number): string {
  return isoDate(referenceMs - daysAgo * MS_PER_DAY);
}
