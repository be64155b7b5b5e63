/** 44 fiat currencies and 5 crypto-assets (the original's 49). */
export const CURRENCIES: readonly string[] = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'NZD',
  'CNY',
  'HKD',
  'SGD',
  'INR',
  'KRW',
  'TWD',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'VND',
  'PKR',
  'BDT',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'QAR',
  'KWD',
  'EGP',
  'ZAR',
  'NGN',
  'KES',
  'MAD',
  'BRL',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'BTC',
  'ETH',
  'USDT',
  'USDC',
  'XRP',
];

export const MAJOR_ACCOUNT_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD'] as const;
export const MAJOR_TRANSACTION_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF'] as const;

/** Country of the bank that holds an account in a currency (IBAN/SWIFT country). */
export const CURRENCY_COUNTRY: Readonly<Record<string, string>> = {
  USD: 'US',
  EUR: 'DE',
  GBP: 'GB',
  JPY: 'JP',
  CHF: 'CH',
  CAD: 'CA',
  AUD: 'AU',
  CNY: 'CN',
  INR: 'IN',
  SGD: 'SG',
  HKD: 'HK',
};

/** Approximate USD value of one unit, to express thresholds and amounts across currencies. */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  JPY: 0.0067,
  CHF: 1.12,
  CAD: 0.74,
  AUD: 0.66,
  NZD: 0.61,
  CNY: 0.14,
  HKD: 0.128,
  SGD: 0.74,
  INR: 0.012,
  KRW: 0.00075,
  TWD: 0.031,
  THB: 0.028,
  MYR: 0.21,
  IDR: 0.000064,
  PHP: 0.018,
  VND: 0.00004,
  PKR: 0.0036,
  BDT: 0.0091,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.145,
  PLN: 0.25,
  CZK: 0.043,
  HUF: 0.0028,
  RON: 0.22,
  TRY: 0.031,
  ILS: 0.27,
  AED: 0.27,
  SAR: 0.27,
  QAR: 0.27,
  KWD: 3.25,
  EGP: 0.021,
  ZAR: 0.054,
  NGN: 0.00065,
  KES: 0.0077,
  MAD: 0.1,
  BRL: 0.2,
  MXN: 0.058,
  ARS: 0.0011,
  CLP: 0.0011,
  COP: 0.00025,
  BTC: 42000,
  ETH: 2300,
  USDT: 1,
  USDC: 1,
  XRP: 0.55,
};

/**
 * Cash-reporting thresholds in local currency (CTR and equivalents). Structuring keeps each deposit
 * just below the threshold of the country where the deposit is made; unknown countries use the US.
 */
export const STRUCTURING_THRESHOLDS: Readonly<Record<string, number>> = {
  US: 10_000,
  GB: 10_000,
  EU: 10_000,
  CA: 10_000,
  AU: 10_000,
  SG: 20_000,
  HK: 120_000,
  JP: 1_000_000,
  CH: 15_000,
};

/** Currency in which each threshold country's limit is expressed. */
export const THRESHOLD_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  GB: 'GBP',
  EU: 'EUR',
  CA: 'CAD',
  AU: 'AUD',
  SG: 'SGD',
  HK: 'HKD',
  JP: 'JPY',
  CH: 'CHF',
};

const EURO_AREA = new Set([
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'BE',
  'AT',
  'PT',
  'FI',
  'IE',
  'LU',
  'GR',
  'MT',
  'CY',
]);

/** The threshold region of a country: itself when it has a threshold, EU for the euro area, else US. */
export function thresholdRegion(country: string): string {
  if (country in STRUCTURING_THRESHOLDS) return country;
  if (EURO_AREA.has(country)) return 'EU';
  return 'US';
}

export const ROUND_AMOUNTS: readonly number[] = [
  1000, 2000, 5000, 10000, 15000, 20000, 25000, 50000, 75000, 100000, 150000, 200000, 250000,
  500000, 1000000,
];

export function isRoundAmount(amount: number): boolean {
  for (const round of ROUND_AMOUNTS) if (Math.abs(amount - round) <= 0.01) return true;
  return false;
}
