import type { Rng, Weighted } from '../../random/index.js';
import { PURPOSE_SPECS, type Purpose } from '../data/payment-purposes.js';

/**
 * The purpose a crime's payment is booked under when its definition leaves it free. Launderers
 * dress money movements up as the payments honest customers make between the same kinds of holder
 * (FATF, "Money Laundering and Terrorist Financing Red Flag Indicators", and its trade-based
 * typologies: funds moved as invoices, payroll, rent and family transfers), so the purpose alone
 * says little: a payment from a person to a company is an invoice or an online order, a company
 * pays persons as wages or payouts, abroad it is a remittance. The weights follow the
 * background's own mix within each pair of holder kinds (as `fingraph audit` reads it), and hold
 * only purposes the background itself pays between those kinds: a purpose it never uses between
 * them would single the crime out. Card purchases and cash stay out of the cover: a crime's
 * cash-out pays those (cash-out.ts).
 */
const COVER: Readonly<Record<EndpointKinds, Weighted<Purpose>>> = {
  // Between persons the background pays no rent (landlords bank as companies here).
  'person>person': [['person_to_person', 1]],
  'person>person abroad': [
    ['remittance', 0.85],
    ['person_to_person', 0.15],
  ],
  'person>company': [
    ['supplier_invoice', 0.5],
    ['online_purchase', 0.45],
    ['rent', 0.05],
  ],
  // Wages to people who do no work ("ghost employees") move money out of a company as payroll;
  // companies pay persons wages and payouts in the background in about these proportions
  // (complete seed 5: salary 4.2 %, vendor payout 2.1 % of background transfers).
  'company>person': [
    ['salary', 0.65],
    ['vendor_payout', 0.35],
  ],
  // Between companies the background pays only invoices and card purchases (a payout goes to a
  // person): a crime's company-to-company payment is an invoice, and card purchases are left to
  // the cash-outs as everywhere.
  'company>company': [['supplier_invoice', 1]],
};

type EndpointKinds =
  | 'person>person'
  | 'person>person abroad'
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

/**
 * A cover purpose for a payment between holders of these kinds, paid by `type` when the
 * typology's definition names one; `undefined` when no cover purpose pays by that type.
 */
export function coverPurpose(
  rng: Rng,
  payerIsPerson: boolean,
  payeeIsPerson: boolean,
  crossCurrency: boolean,
  type: string | undefined,
): Purpose | undefined {
  const kinds: EndpointKinds = payerIsPerson
    ? payeeIsPerson
      ? crossCurrency
        ? 'person>person abroad'
        : 'person>person'
      : 'person>company'
    : payeeIsPerson
      ? 'company>person'
      : 'company>company';
  const table = coverFor(kinds, type);
  return table.length === 0 ? undefined : rng.weighted(table);
}
