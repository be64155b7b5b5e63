import type { Weighted } from '../../random/index.js';

export const INDUSTRIES: Weighted<string> = [
  ['technology', 0.15],
  ['financial_services', 0.12],
  ['healthcare', 0.1],
  ['retail', 0.1],
  ['manufacturing', 0.08],
  ['real_estate', 0.08],
  ['consulting', 0.07],
  ['construction', 0.06],
  ['transportation', 0.05],
  ['energy', 0.04],
  ['telecommunications', 0.04],
  ['hospitality', 0.03],
  ['education', 0.03],
  ['legal', 0.02],
  ['entertainment', 0.02],
  ['agriculture', 0.01],
];

export const INDUSTRY_NAMES: readonly string[] = INDUSTRIES.map(([name]) => name);

export const SUB_INDUSTRIES: Readonly<Record<string, readonly string[]>> = {
  technology: ['software', 'hardware', 'semiconductors', 'it_services', 'internet'],
  financial_services: ['banking', 'insurance', 'asset_management', 'payments', 'brokerage'],
  healthcare: [
    'pharmaceuticals',
    'biotechnology',
    'medical_devices',
    'hospitals',
    'health_insurance',
  ],
  retail: ['e_commerce', 'grocery', 'apparel', 'electronics_retail', 'department_stores'],
  manufacturing: ['automotive', 'aerospace', 'chemicals', 'machinery', 'consumer_goods'],
};

export const REVENUE_PER_EMPLOYEE: Readonly<Record<string, number>> = {
  technology: 250_000,
  financial_services: 300_000,
  healthcare: 200_000,
  retail: 150_000,
  manufacturing: 180_000,
};
export const DEFAULT_REVENUE_PER_EMPLOYEE = 200_000;

export const BUSINESS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  technology: 'Develops software products and technology services for business customers.',
  financial_services: 'Provides banking, investment and payment services.',
  healthcare: 'Delivers healthcare products and medical services.',
  retail: 'Sells consumer goods through stores and online channels.',
  manufacturing: 'Manufactures industrial and consumer products.',
};
export const GENERIC_BUSINESS_DESCRIPTION = 'Provides products and services to its customers.';

/**
 * Industries that handle much cash. The original listed business kinds that never matched an
 * industry value, so its cash-intensive risk factor never fired; these are industry values.
 */
export const CASH_INTENSIVE_INDUSTRIES = new Set([
  'retail',
  'hospitality',
  'construction',
  'entertainment',
  'agriculture',
]);

export const COMPANY_TYPES: Weighted<string> = [
  ['corporation', 0.4],
  ['llc', 0.3],
  ['partnership', 0.15],
  ['sole_proprietorship', 0.1],
  ['non_profit', 0.03],
  ['government', 0.01],
  ['trust', 0.01],
];

export const PRODUCT_CATEGORIES = [
  'electronics',
  'machinery',
  'textiles',
  'chemicals',
  'food_products',
  'metals',
  'pharmaceuticals',
  'vehicles',
  'jewelry',
  'furniture',
] as const;
