import { p } from '../property-kinds.js';

/** person → company: employment. */
export const employedByShape = {
  relationship_id: p.keyword('business id'),
  job_title: p.keyword('job title'),
  since: p.date('start of employment'),
  annual_income: p.double('annual income, USD'),
} as const;

/** person → company: an officer or director, the people who know about announcements first. */
export const officerOfShape = {
  relationship_id: p.keyword('business id'),
  role: p.keyword('ceo | cfo | coo | cto | director | secretary | general_counsel'),
  since: p.date('appointment date'),
} as const;

/** person/company → company: a shareholding. Chains of these are ownership structures. */
export const holdsShareShape = {
  relationship_id: p.keyword('business id'),
  percentage: p.double('percentage of the shares held, 0..100'),
  since: p.date('acquisition date'),
} as const;

/** person → person: family, friends and business contacts. */
export const relatedToShape = {
  relationship_id: p.keyword('business id'),
  relationship_type: p.keyword(
    'spouse | sibling | parent | child | friend | colleague | business_partner | acquaintance',
  ),
  since: p.date('since when they know each other'),
  strength: p.double('0..1'),
} as const;
