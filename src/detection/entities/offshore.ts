import { parseJsonProperty } from '../query-kit.js';

/** Jurisdictions commonly listed as tax havens / secrecy jurisdictions. */
export const TAX_HAVENS: ReadonlySet<string> = new Set([
  'AD', 'AG', 'AI', 'BB', 'BH', 'BM', 'BS', 'BZ', 'CK', 'CW', 'CY', 'DM', 'GG', 'GI', 'IM', 'JE',
  'KN', 'KY', 'LB', 'LC', 'LI', 'LR', 'LU', 'MC', 'MH', 'MO', 'MS', 'MT', 'MU', 'NR', 'NU', 'PA',
  'SC', 'SM', 'TC', 'VC', 'VG', 'VI', 'VU', 'WS', 'IE', 'CH', 'HK', 'SG', 'AE',
]); // prettier-ignore

/** A company as the offshore test reads it: `havens` is its `tax_havens` property (JSON list). */
export interface OffshoreFacts {
  readonly id: string;
  readonly shell: boolean;
  readonly country: string;
  readonly havens: string;
}

/** A shell, a company registered in a tax haven, or one that lists tax havens it operates in. */
export function offshore(c: OffshoreFacts | undefined): boolean {
  if (c === undefined) return false;
  const havens = parseJsonProperty(c.havens, `company ${c.id}: tax_havens`);
  return c.shell || TAX_HAVENS.has(c.country) || (Array.isArray(havens) && havens.length > 0);
}
