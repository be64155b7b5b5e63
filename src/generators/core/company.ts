import { vertexId, type VertexRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import {
  COMMON_REGISTRATION_COUNTRIES,
  COUNTRY_CODES,
  isHighRisk,
  isTaxHaven,
} from '../data/countries.js';
import {
  BUSINESS_DESCRIPTIONS,
  CASH_INTENSIVE_INDUSTRIES,
  COMPANY_TYPES,
  DEFAULT_REVENUE_PER_EMPLOYEE,
  GENERIC_BUSINESS_DESCRIPTION,
  INDUSTRIES,
  REVENUE_PER_EMPLOYEE,
  SUB_INDUSTRIES,
} from '../data/industries.js';
import { EXCHANGE_NAMES, SANCTIONS_LISTS } from '../data/lists.js';
import { identifiers } from '../identifiers.js';
import { cents, riskLevel, score } from '../money.js';
import { isoDate, MS_PER_DAY } from '../time.js';

const LEGAL_SUFFIX = /\s+(Inc|LLC|Ltd|Corp|Group)\.?$/;
const EARLIEST_REGISTRATION_MS = Date.UTC(1950, 0, 1);

/** How a typology shapes a company it adds: shells in tax havens, never listed. */
export interface CompanyOverrides {
  readonly shell?: boolean;
  readonly country?: string;
  readonly industry?: string;
}

/**
 * A company, with the original's distributions. The first background company (company 0 unless
 * a typology reserved that index) is always listed when the config has trades, so trades always
 * have an issuer.
 */
export function generateCompany(
  ctx: GeneratorContext,
  index: number,
  overrides?: CompanyOverrides,
): [VertexRecord<'company'>] {
  const { rng, faker } = ctx;
  const legalName = faker.company.name().replace(LEGAL_SUFFIX, '');
  const companyType = rng.weighted(COMPANY_TYPES);
  const industry = overrides?.industry ?? rng.weighted(INDUSTRIES);
  const subIndustries = SUB_INDUSTRIES[industry];
  const drawnCountry = rng.chance(0.7)
    ? rng.pick(COMMON_REGISTRATION_COUNTRIES)
    : rng.pick(COUNTRY_CODES);
  const country = overrides?.country ?? drawnCountry;
  const registeredMs =
    EARLIEST_REGISTRATION_MS +
    rng.int(0, Math.floor((ctx.time.referenceMs - EARLIEST_REGISTRATION_MS) / MS_PER_DAY)) *
      MS_PER_DAY;
  // Companies a typology adds are never listed; the first background company always is when
  // there are trades (company 0, unless a typology reserved that index).
  const drawnPublic =
    rng.chance(0.1) || (index === firstBackground(ctx) && ctx.config.tradeCount > 0);
  const isPublic = overrides === undefined && drawnPublic;
  const employeeCount = employees(ctx, companyType, isPublic);
  const revenue = cents(
    (REVENUE_PER_EMPLOYEE[industry] ?? DEFAULT_REVENUE_PER_EMPLOYEE) *
      employeeCount *
      rng.float(0.5, 1.5),
  );
  // Drawn even when overridden, so an override changes no other draw; `shell: false` forces it off.
  const drawnShell = rng.chance(0.02);
  const isShell = overrides?.shell ?? drawnShell;
  const isSanctioned = rng.chance(0.001);
  const operating = [
    country,
    ...rng.sample(
      COUNTRY_CODES.filter((c) => c !== country),
      rng.weighted([
        [0, 0.3],
        [1, 0.3],
        [2, 0.2],
        [3, 0.1],
        [4, 0.05],
        [5, 0.05],
      ]),
    ),
  ];
  const havens = operating.filter(isTaxHaven);
  const domain = legalName.toLowerCase().replace(/[\s,.'&-]/g, '');
  const city = faker.location.city();
  const extraOffices = rng.weighted([
    [0, 0.5],
    [1, 0.3],
    [2, 0.15],
    [3, 0.05],
  ]);
  const addresses = [
    {
      street: faker.location.streetAddress(),
      city,
      postal_code: faker.location.zipCode(),
      country_code: country,
      address_type: 'headquarters',
    },
    ...Array.from({ length: extraOffices }, () => ({
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      postal_code: faker.location.zipCode(),
      country_code: rng.pick(COUNTRY_CODES),
      address_type: rng.pick(['branch', 'subsidiary', 'regional']),
    })),
  ];
  const risk = isSanctioned
    ? 1
    : (isHighRisk(country) ? 0.2 : 0) +
      (havens.length > 0 ? 0.15 : 0) +
      (CASH_INTENSIVE_INDUSTRIES.has(industry) ? 0.15 : 0) +
      (isShell ? 0.3 : 0);
  const id = vertexId('company', index);
  return [
    {
      label: 'company',
      id,
      properties: {
        company_id: id,
        legal_name: legalName,
        trading_name: rng.chance(0.3) ? faker.company.name() : null,
        company_type: companyType,
        industry,
        sub_industry: subIndustries ? rng.pick(subIndustries) : null,
        registration_country: country,
        registration_date: isoDate(registeredMs),
        registration_number: identifiers.registrationNumber(rng, country),
        tax_id: identifiers.companyTaxId(rng, country),
        lei_code: rng.chance(0.3) ? identifiers.lei(rng) : null,
        city,
        addresses,
        is_public: isPublic,
        stock_ticker: isPublic ? identifiers.ticker(rng) : null,
        stock_exchange: isPublic ? rng.pick(EXCHANGE_NAMES) : null,
        employee_count: employeeCount,
        annual_revenue: revenue,
        market_cap: isPublic ? cents(revenue * rng.float(1, 10)) : null,
        is_shell_company: isShell,
        is_sanctioned: isSanctioned,
        sanction_lists: isSanctioned ? rng.sample(SANCTIONS_LISTS, rng.int(1, 2)) : [],
        operating_countries: operating,
        tax_havens: havens,
        website: `https://www.${domain}.com`,
        email: `info@${domain}.com`,
        phone: faker.phone.number(),
        business_description: BUSINESS_DESCRIPTIONS[industry] ?? GENERIC_BUSINESS_DESCRIPTION,
        risk_score: score(risk),
        risk_level: riskLevel(risk),
      },
    },
  ];
}

/** The lowest company index no typology reserved. */
function firstBackground(ctx: GeneratorContext): number {
  const added = ctx.population.added.company;
  let index = 0;
  while (added.has(index)) index++;
  return index;
}

function employees(ctx: GeneratorContext, companyType: string, isPublic: boolean): number {
  const { rng } = ctx;
  if (companyType === 'sole_proprietorship') return rng.int(1, 10);
  if (companyType === 'partnership') return rng.int(2, 50);
  if (companyType === 'llc') return rng.int(5, 500);
  if (isPublic) return rng.int(1_000, 100_000);
  return rng.int(10, 5_000);
}
