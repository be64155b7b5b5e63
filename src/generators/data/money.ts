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
