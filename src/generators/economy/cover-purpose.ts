import type { Rng, Weighted } from '../../random/index.js';
import { PURPOSE_SPECS, type Purpose } from '../data/payment-purposes.js';
import type { CompanyRole } from './economy.js';

/**
 * The purpose a crime's payment is booked under when its definition leaves it free. Launderers
 * dress money movements up as the payments honest customers make between the same kinds of holder
 * (FATF, "Money Laundering and Terrorist Financing Red Flag Indicators", and its trade-based
 * typologies: funds moved as invoices, payroll, rent and family transfers; front businesses that
 * take card payments for goods never sold, "transaction laundering"), so the purpose alone says
 * little. A person pays a company what the background's persons pay such a company: purchases at
 * a merchant, a bill to a utility, rent to a landlord, an invoice to anyone else; a company pays
 * persons wages or payouts; abroad it is a remittance. The weights follow the background's own
 * mix within each pair (as `fingraph audit` reads it, complete seed 5), and hold only purposes the
 * background itself pays between those holders: a purpose it never uses between them would single
 * the crime out. Cash stays out of the cover: a crime's cash-out draws it (cash-out.ts).
 */
const COVER: Readonly<Record<EndpointKinds, Weighted<Purpose>>> = {
  // Between persons the background pays no rent (landlords bank as companies here).
  'person>person': [['person_to_person', 1]],
  'person>person abroad': [
    ['remittance', 0.85],
    ['person_to_person', 0.15],
  ],
  // Card purchases 30 %, online orders 8 % of background transfers.
  'person>merchant': [
    ['card_purchase', 0.8],
    ['online_purchase', 0.2],
  ],
  'person>utility': [['utility_bill', 1]],
  'person>landlord': [['rent', 1]],
  'person>company': [['supplier_invoice', 1]],
  // Wages to people who do no work ("ghost employees") move money out of a company as payroll;
  // companies pay persons wages and payouts in the background in about these proportions
  // (complete seed 5: salary 4.2 %, vendor payout 2.1 % of background transfers).
  'company>person': [
    ['salary', 0.65],
    ['vendor_payout', 0.35],
  ],
  // Between companies the background pays invoices, and card purchases one time in ten (a payout
  // goes to a person): a crime's company-to-company payment is an invoice.
  'company>company': [['supplier_invoice', 1]],
};

type EndpointKinds =
  | 'person>person'
  | 'person>person abroad'
  | 'person>merchant'
  | 'person>utility'
  | 'person>landlord'
  | 'person>company'
  | 'company>person'
  | 'company>company';

/** The cover table restricted to purposes that pay by `type` (built once per pair and type). */
const BY_TYPE = new Map<string, Weighted<Purpose>>();

function coverFor(kinds: EndpointKinds, type: string | undefined): Weighted<Purpose> {
  if (type === undefined) return COVER[kinds];
  const key = `${kinds}|${type}`;
  let table = BY_TYPE.get(key);
  if (table === undefined) {
    table = COVER[kinds].filter(([purpose]) =>
      PURPOSE_SPECS[purpose].types.some(([t]) => t === type),
    );
    BY_TYPE.set(key, table);
  }
  return table;
}

/** Who pays and who is paid: a person or a company, and what kind of company the payee is. */
export interface Endpoints {
  readonly payerIsPerson: boolean;
  /** `undefined` for a person. */
  readonly payee: CompanyRole | undefined;
  readonly crossCurrency: boolean;
}

function kindsOf({ payerIsPerson, payee, crossCurrency }: Endpoints): EndpointKinds {
  if (!payerIsPerson) return payee === undefined ? 'company>person' : 'company>company';
  if (payee === undefined) return crossCurrency ? 'person>person abroad' : 'person>person';
  // Cash and mortgages stay out of the cover: a lender is paid an invoice, as a supplier is.
  return payee === 'supplier' || payee === 'lender' ? 'person>company' : `person>${payee}`;
}

/**
 * A cover purpose for a payment between these holders, paid by `type` when the typology's
 * definition names one; `undefined` when no cover purpose pays by that type.
 */
export function coverPurpose(
  rng: Rng,
  endpoints: Endpoints,
  type: string | undefined,
): Purpose | undefined {
  const table = coverFor(kindsOf(endpoints), type);
  return table.length === 0 ? undefined : rng.weighted(table);
}
