/**
 * Countries (ISO-3166 alpha-2 → name). The original's 74 plus the four high-risk codes it listed
 * as high-risk but forgot to define (YE, SO, SD, LY), so every code used anywhere resolves here.
 */
export const COUNTRIES: Readonly<Record<string, string>> = {
  // financial centres
  US: 'United States',
  GB: 'United Kingdom',
  CH: 'Switzerland',
  SG: 'Singapore',
  HK: 'Hong Kong',
  JP: 'Japan',
  DE: 'Germany',
  FR: 'France',
  LU: 'Luxembourg',
  NL: 'Netherlands',
  // offshore
  KY: 'Cayman Islands',
  BM: 'Bermuda',
  VG: 'British Virgin Islands',
  PA: 'Panama',
  LI: 'Liechtenstein',
  MC: 'Monaco',
  AD: 'Andorra',
  BS: 'Bahamas',
  BB: 'Barbados',
  MU: 'Mauritius',
  SC: 'Seychelles',
  MT: 'Malta',
  CY: 'Cyprus',
  IE: 'Ireland',
  // high risk
  RU: 'Russia',
  CN: 'China',
  IR: 'Iran',
  KP: 'North Korea',
  SY: 'Syria',
  VE: 'Venezuela',
  MM: 'Myanmar',
  AF: 'Afghanistan',
  YE: 'Yemen',
  SO: 'Somalia',
  SD: 'Sudan',
  LY: 'Libya',
  // other economies
  CA: 'Canada',
  AU: 'Australia',
  NZ: 'New Zealand',
  IT: 'Italy',
  ES: 'Spain',
  PT: 'Portugal',
  BE: 'Belgium',
  AT: 'Austria',
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  FI: 'Finland',
  PL: 'Poland',
  CZ: 'Czechia',
  HU: 'Hungary',
  GR: 'Greece',
  RO: 'Romania',
  TR: 'Turkey',
  IL: 'Israel',
  AE: 'United Arab Emirates',
  SA: 'Saudi Arabia',
  QA: 'Qatar',
  KW: 'Kuwait',
  EG: 'Egypt',
  ZA: 'South Africa',
  NG: 'Nigeria',
  KE: 'Kenya',
  MA: 'Morocco',
  IN: 'India',
  PK: 'Pakistan',
  BD: 'Bangladesh',
  TH: 'Thailand',
  MY: 'Malaysia',
  ID: 'Indonesia',
  PH: 'Philippines',
  VN: 'Vietnam',
  KR: 'South Korea',
  TW: 'Taiwan',
  BR: 'Brazil',
  MX: 'Mexico',
  AR: 'Argentina',
  CL: 'Chile',
  CO: 'Colombia',
  PE: 'Peru',
};

export const COUNTRY_CODES: readonly string[] = Object.keys(COUNTRIES);

export const FINANCIAL_CENTERS = [
  'US',
  'GB',
  'CH',
  'SG',
  'HK',
  'JP',
  'DE',
  'FR',
  'LU',
  'NL',
] as const;

export const TAX_HAVENS: readonly string[] = [
  'KY',
  'BM',
  'VG',
  'PA',
  'LI',
  'MC',
  'AD',
  'BS',
  'BB',
  'MU',
  'SC',
  'MT',
  'CY',
  'IE',
  'LU',
];

export const HIGH_RISK_COUNTRIES: readonly string[] = [
  'RU',
  'CN',
  'IR',
  'KP',
  'SY',
  'VE',
  'MM',
  'AF',
  'YE',
  'SO',
  'SD',
  'LY',
];

const TAX_HAVEN_SET = new Set(TAX_HAVENS);
const HIGH_RISK_SET = new Set(HIGH_RISK_COUNTRIES);

export function isTaxHaven(country: string): boolean {
  return TAX_HAVEN_SET.has(country);
}

export function isHighRisk(country: string): boolean {
  return HIGH_RISK_SET.has(country);
}

/** Nationalities drawn 70 % of the time (the original's common set). */
export const COMMON_NATIONALITIES = [
  'US',
  'GB',
  'DE',
  'FR',
  'JP',
  'CA',
  'AU',
  'IT',
  'ES',
  'NL',
] as const;
/** Registration countries drawn 70 % of the time. */
export const COMMON_REGISTRATION_COUNTRIES = [
  'US',
  'GB',
  'DE',
  'FR',
  'SG',
  'HK',
  'CA',
  'AU',
] as const;
/** Transaction origin countries drawn 70 % of the time. */
export const COMMON_TRANSACTION_COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'CA', 'AU'] as const;

/** Primary language per nationality; everything else speaks English. */
export const PRIMARY_LANGUAGE: Readonly<Record<string, string>> = {
  US: 'en',
  GB: 'en',
  CA: 'en',
  AU: 'en',
  FR: 'fr',
  DE: 'de',
  ES: 'es',
  IT: 'it',
  JP: 'ja',
  CN: 'zh',
  RU: 'ru',
  BR: 'pt',
};

/** 48 ISO-639-1 languages. */
export const LANGUAGES: readonly string[] = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'no',
  'da',
  'fi',
  'pl',
  'cs',
  'hu',
  'ro',
  'el',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'fa',
  'hi',
  'ur',
  'bn',
  'ta',
  'te',
  'th',
  'vi',
  'id',
  'ms',
  'tl',
  'zh',
  'ja',
  'ko',
  'sw',
  'am',
  'ha',
  'yo',
  'zu',
  'af',
  'sq',
  'sr',
  'hr',
  'bg',
  'sk',
  'sl',
  'lt',
];
