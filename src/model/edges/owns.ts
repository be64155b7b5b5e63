import { p } from '../property-kinds.js';

/** person/company → account: who holds an account, and in what role. */
export const ownsShape = {
  ownership_id: p.keyword('business id'),
  role: p.keyword('primary | joint | beneficial'),
  since: p.date('date the role began'),
} as const;
