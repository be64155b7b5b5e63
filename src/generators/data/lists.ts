import type { Weighted } from '../../random/index.js';

export const SANCTIONS_LISTS = [
  'OFAC_SDN',
  'UN_SANCTIONS',
  'EU_SANCTIONS',
  'UK_SANCTIONS',
  'DFAT_SANCTIONS',
  'SECO_SANCTIONS',
  'CONSOLIDATED_LIST',
] as const;

export const PEP_CATEGORIES = [
  'head_of_state',
  'head_of_government',
  'minister',
  'deputy_minister',
  'member_of_parliament',
  'supreme_court_judge',
  'central_bank_board',
  'ambassador',
  'military_officer',
  'state_enterprise_executive',
  'political_party_official',
  'international_organisation_official',
  'regional_governor',
  'mayor',
  'family_member_of_pep',
] as const;

/** Exchanges and the currency their listings trade in. */
export const STOCK_EXCHANGES: Readonly<Record<string, string>> = {
  NYSE: 'USD',
  NASDAQ: 'USD',
  LSE: 'GBP',
  TSE: 'JPY',
  HKEX: 'HKD',
  SSE: 'CNY',
  SZSE: 'CNY',
  Euronext: 'EUR',
  TSX: 'CAD',
  ASX: 'AUD',
  BSE: 'INR',
  NSE: 'INR',
  KRX: 'KRW',
  SIX: 'CHF',
  BME: 'EUR',
  B3: 'BRL',
};
export const EXCHANGE_NAMES: readonly string[] = Object.keys(STOCK_EXCHANGES);

export const GENDERS: Weighted<string> = [
  ['male', 0.49],
  ['female', 0.49],
  ['non_binary', 0.01],
  ['prefer_not_to_say', 0.01],
];

export const EDUCATION_LEVELS: Weighted<string> = [
  ['high_school', 0.25],
  ['associate', 0.15],
  ['bachelor', 0.35],
  ['master', 0.15],
  ['doctorate', 0.05],
  ['professional', 0.05],
];

export const MARITAL_STATUSES: Weighted<string> = [
  ['single', 0.35],
  ['married', 0.45],
  ['divorced', 0.12],
  ['widowed', 0.05],
  ['separated', 0.03],
];

export const EMAIL_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'icloud.com',
] as const;
export const SOCIAL_PLATFORMS = ['twitter', 'linkedin', 'facebook', 'instagram'] as const;

export const OFFICER_ROLES = [
  'ceo',
  'cfo',
  'coo',
  'cto',
  'director',
  'secretary',
  'general_counsel',
] as const;

export const PERSON_RELATIONSHIP_TYPES: Weighted<string> = [
  ['spouse', 0.12],
  ['sibling', 0.1],
  ['parent', 0.06],
  ['child', 0.06],
  ['friend', 0.3],
  ['colleague', 0.16],
  ['business_partner', 0.08],
  ['acquaintance', 0.12],
];

export const MONITORING_REASONS = [
  'high_value_transactions',
  'unusual_activity_pattern',
  'multiple_currency_transactions',
  'high_risk_jurisdiction',
  'structuring_suspicion',
  'pep_related',
  'sanctions_screening',
  'fraud_alert',
] as const;
