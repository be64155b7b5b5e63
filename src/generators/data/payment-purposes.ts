/**
 * Why money moves, and what each reason looks like on a bank statement. Every transfer, background
 * or criminal, has one purpose; the purpose sets its type, channel and description, the size of
 * its amount and when in the day and week it happens. A crime shows itself by its shape, not by a
 * purpose that honest customers never use.
 *
 * Amounts are log-normal in US dollars (the FX table converts them to the account's currency):
 * `medianUsd` is the median, `sigma` the standard deviation of the log. Sources, by purpose:
 * - card and online purchases: Federal Reserve Payments Study 2022 (2021 data): average debit card
 *   payment about $45, credit card about $90; a log-normal with median $35 and sigma 1.0 has a
 *   mean near $58, between the two.
 * - ATM cash: the same study puts the average ATM withdrawal near $120–$140; notes only.
 * - salary: the annual income on the person's `employed_by` edge, paid in twelve monthly parts
 *   (incomes: BLS Current Population Survey, median usual weekly earnings of full-time workers
 *   about $1,150 in 2024, i.e. about $60,000 a year; see person.ts).
 * - rent: US Census Bureau, American Community Survey 2023: median gross rent $1,406.
 * - mortgage: the same survey: median monthly owner costs with a mortgage $1,902.
 * - utilities: US Energy Information Administration: average residential electricity bill about
 *   $140 a month in 2023; telecom bills are of the same order.
 * - subscriptions: list prices of the common streaming and software plans ($5–$20).
 * - person-to-person: Early Warning (Zelle) 2023: $806 billion in 2.9 billion payments, about $280
 *   on average; median $90 and sigma 1.2 give a mean near $185, most payments small.
 * - supplier invoices and vendor payouts: the Payments Study's ACH credit transfers average a few
 *   thousand dollars; median $2,000 and sigma 1.3.
 * - cash deposits and own-account transfers: no single public figure; small, rounded amounts
 *   (median $300) so that most deposits are far below any reporting threshold, as in life.
 */
export const PURPOSES = [
  'salary',
  'rent',
  'mortgage',
  'utility_bill',
  'subscription',
  'card_purchase',
  'online_purchase',
  'atm_withdrawal',
  'person_to_person',
  'remittance',
  'own_transfer',
  'cash_deposit',
  'supplier_invoice',
  'vendor_payout',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** When in the day (local hour weights 0–23) and week (Monday … Sunday) a purpose happens. */
export type TimeProfile = 'retail' | 'evening' | 'business' | 'overnight_batch' | 'cash';

/** How people round the amount: cents, whole units, or to a step (notes, round rents). */
export type Rounding = 'cents' | 'units' | 'tens' | 'fifties' | 'notes' | 'price';

export interface PurposeSpec {
  /** Transaction types the purpose is paid by, weighted. */
  readonly types: readonly (readonly [string, number])[];
  /** What the statement says. */
  readonly description: string;
  /** Median amount in US dollars (converted to the account's currency). */
  readonly medianUsd: number;
  /** Standard deviation of the amount's logarithm. */
  readonly sigma: number;
  readonly rounding: Rounding;
  readonly profile: TimeProfile;
}

export const PURPOSE_SPECS: Readonly<Record<Purpose, PurposeSpec>> = {
  salary: {
    types: [['ach', 1]],
    description: 'Salary',
    medianUsd: 5_000,
    sigma: 0.6,
    rounding: 'cents',
    profile: 'overnight_batch',
  },
  rent: {
    types: [
      ['ach', 0.7],
      ['transfer', 0.3],
    ],
    description: 'Rent',
    medianUsd: 1_406,
    sigma: 0.35,
    rounding: 'tens',
    profile: 'overnight_batch',
  },
  mortgage: {
    types: [['ach', 1]],
    description: 'Mortgage payment',
    medianUsd: 1_902,
    sigma: 0.4,
    rounding: 'cents',
    profile: 'overnight_batch',
  },
  utility_bill: {
    types: [
      ['payment', 0.6],
      ['ach', 0.4],
    ],
    description: 'Utility bill',
    medianUsd: 120,
    sigma: 0.45,
    rounding: 'cents',
    profile: 'overnight_batch',
  },
  subscription: {
    types: [['online', 1]],
    description: 'Subscription',
    medianUsd: 13,
    sigma: 0.5,
    rounding: 'price',
    profile: 'overnight_batch',
  },
  card_purchase: {
    types: [['pos', 1]],
    description: 'Card purchase',
    medianUsd: 35,
    sigma: 1.0,
    rounding: 'cents',
    profile: 'retail',
  },
  online_purchase: {
    types: [['online', 1]],
    description: 'Online purchase',
    medianUsd: 45,
    sigma: 1.0,
    rounding: 'price',
    profile: 'evening',
  },
  atm_withdrawal: {
    types: [['atm', 1]],
    description: 'ATM withdrawal',
    medianUsd: 100,
    sigma: 0.7,
    rounding: 'notes',
    profile: 'cash',
  },
  person_to_person: {
    types: [['transfer', 1]],
    description: 'Person-to-person transfer',
    medianUsd: 90,
    sigma: 1.2,
    rounding: 'units',
    profile: 'evening',
  },
  remittance: {
    types: [['wire', 1]],
    description: 'International transfer',
    medianUsd: 300,
    sigma: 0.9,
    rounding: 'tens',
    profile: 'evening',
  },
  own_transfer: {
    types: [['transfer', 1]],
    description: 'Transfer to own account',
    medianUsd: 300,
    sigma: 1.1,
    rounding: 'fifties',
    profile: 'evening',
  },
  cash_deposit: {
    types: [['deposit', 1]],
    description: 'Cash deposit',
    medianUsd: 300,
    sigma: 1.1,
    rounding: 'tens',
    profile: 'cash',
  },
  supplier_invoice: {
    types: [
      ['ach', 0.6],
      ['wire', 0.3],
      ['check', 0.1],
    ],
    description: 'Invoice payment',
    medianUsd: 2_000,
    sigma: 1.3,
    rounding: 'cents',
    profile: 'business',
  },
  vendor_payout: {
    types: [
      ['ach', 0.8],
      ['transfer', 0.2],
    ],
    description: 'Payment',
    medianUsd: 600,
    sigma: 1.1,
    rounding: 'cents',
    profile: 'business',
  },
};

/** The channel a transaction type goes through. */
export const CHANNEL_OF_TYPE: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  transfer: [
    ['mobile', 0.6],
    ['online', 0.4],
  ],
  payment: [
    ['online', 0.7],
    ['mobile', 0.3],
  ],
  ach: [['online', 1]],
  wire: [
    ['wire', 0.8],
    ['branch', 0.2],
  ],
  deposit: [
    ['branch', 0.6],
    ['atm', 0.4],
  ],
  withdrawal: [['branch', 1]],
  atm: [['atm', 1]],
  pos: [['pos', 1]],
  online: [
    ['online', 0.6],
    ['mobile', 0.4],
  ],
  check: [['branch', 1]],
};

/**
 * Local-hour weights (0–23) and weekday weights (Monday … Sunday) per time profile. Card spending
 * peaks at lunch and after work and goes on at weekends (Federal Reserve Diary of Consumer Payment
 * Choice: purchases spread over all days, fewer on Sundays); business payments and scheduled
 * batches run on working days only; cash peaks on Fridays.
 */
export const HOUR_WEIGHTS: Readonly<Record<TimeProfile, readonly number[]>> = {
  retail: [
    0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.2, 1.5, 1.8, 2.2, 2.8, 2.6, 2.0, 1.9, 2.1, 2.5,
    2.6, 2.2, 1.6, 1.1, 0.7, 0.4,
  ],
  evening: [
    0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.7, 1.0, 1.1, 1.2, 1.3, 1.5, 1.4, 1.3, 1.3, 1.4, 1.7, 2.1,
    2.5, 2.6, 2.3, 1.6, 0.9,
  ],
  business: [
    0, 0, 0, 0, 0, 0, 0.1, 0.5, 1.5, 2.5, 2.8, 2.6, 1.6, 2.0, 2.6, 2.5, 2.0, 1.0, 0.3, 0.1, 0, 0, 0,
    0,
  ],
  // Direct debits and payroll credits are posted in the early hours of the due day.
  overnight_batch: [
    0.5, 1.5, 2.5, 3, 3, 2.5, 2, 1.5, 0.8, 0.4, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0, 0, 0, 0,
    0, 0,
  ],
  cash: [
    0.1, 0.05, 0.02, 0.02, 0.02, 0.05, 0.2, 0.6, 1.0, 1.3, 1.6, 1.9, 2.3, 2.1, 1.8, 1.8, 2.0, 2.4,
    2.3, 1.9, 1.4, 0.9, 0.5, 0.2,
  ],
};

export const WEEKDAY_WEIGHTS: Readonly<Record<TimeProfile, readonly number[]>> = {
  retail: [0.95, 0.95, 1.0, 1.05, 1.2, 1.15, 0.7],
  evening: [1.0, 1.0, 1.0, 1.0, 1.1, 0.8, 0.6],
  business: [1.05, 1.0, 1.0, 1.0, 0.95, 0, 0],
  overnight_batch: [1, 1, 1, 1, 1, 0, 0],
  cash: [0.9, 0.9, 0.95, 1.05, 1.4, 0.9, 0.4],
};

/** Subscription list prices (USD), as plans are priced. */
export const SUBSCRIPTION_PRICES_USD: readonly number[] = [
  4.99, 6.99, 9.99, 10.99, 11.99, 14.99, 15.49, 17.99, 19.99, 22.99,
];

/** Merchant category shown on card statements, by the merchant company's industry. */
export const MERCHANT_CATEGORY_OF_INDUSTRY: Readonly<Record<string, string>> = {
  retail: 'retail',
  hospitality: 'restaurant',
  entertainment: 'entertainment',
  healthcare: 'healthcare',
  transportation: 'travel',
  energy: 'utilities',
  telecommunications: 'telecommunications',
  technology: 'digital_goods',
  education: 'education',
  financial_services: 'financial_services',
  real_estate: 'real_estate',
};
