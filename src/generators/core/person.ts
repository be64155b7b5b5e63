import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type VertexRecord,
} from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { logNormal } from '../economy/amounts.js';
import {
  COMMON_NATIONALITIES,
  COUNTRY_CODES,
  isHighRisk,
  PRIMARY_LANGUAGE,
} from '../data/countries.js';
import { INDUSTRY_NAMES } from '../data/industries.js';
import {
  EDUCATION_LEVELS,
  EMAIL_DOMAINS,
  GENDERS,
  MARITAL_STATUSES,
  PEP_CATEGORIES,
  SANCTIONS_LISTS,
  SOCIAL_PLATFORMS,
} from '../data/lists.js';
import { identifiers } from '../identifiers.js';
import { cents, riskLevel, score } from '../money.js';
import { isoDate, MS_PER_DAY, MS_PER_YEAR, yearsBetween } from '../time.js';

interface Job {
  employer_id: string | null;
  employer_name: string;
  job_title: string;
  industry: string;
  start_date: string;
  end_date: string | null;
  annual_income: number;
  is_current: boolean;
}

/**
 * How a typology shapes a person it adds: synthetic identities share contact details and have no
 * employer; a politically exposed owner is a PEP.
 */
export interface PersonOverrides {
  readonly nationality?: string;
  readonly isPep?: boolean;
  readonly unemployed?: boolean;
  readonly phone?: string;
  readonly email?: string;
  readonly street?: string;
  readonly city?: string;
  readonly taxId?: string;
  readonly dateOfBirth?: string;
}

/**
 * A person with the original's distributions. Unlike the original, the current job's employer is
 * a generated company (an employed_by edge), ages and dates derive from the reference date, and
 * only the last job is current.
 */
export function generatePerson(
  ctx: GeneratorContext,
  index: number,
  overrides?: PersonOverrides,
): (VertexRecord<'person'> | EdgeRecord<'employed_by'>)[] {
  const { rng, faker, time } = ctx;
  const gender = rng.weighted(GENDERS);
  const sex = gender === 'male' || gender === 'female' ? gender : undefined;
  const firstName = faker.person.firstName(sex);
  const middleName = rng.chance(0.7) ? faker.person.firstName(sex) : null;
  const lastName = faker.person.lastName();
  const dobMs = time.referenceMs - rng.int(18 * 365, 85 * 365) * MS_PER_DAY;
  const age = yearsBetween(dobMs, time.referenceMs);
  const drawnNationality = rng.chance(0.7)
    ? rng.pick(COMMON_NATIONALITIES)
    : rng.pick(COUNTRY_CODES);
  const nationality = overrides?.nationality ?? drawnNationality;
  const citizenship = [nationality];
  if (rng.chance(0.1)) citizenship.push(rng.pick(COUNTRY_CODES.filter((c) => c !== nationality)));

  const addresses = Array.from(
    {
      length: rng.weighted([
        [1, 0.7],
        [2, 0.25],
        [3, 0.05],
      ]),
    },
    (_, i) => ({
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      postal_code: faker.location.zipCode(),
      state: nationality === 'US' ? faker.location.state({ abbreviated: true }) : null,
      country_code: nationality,
      latitude: Math.round(rng.float(-90, 90) * 1e4) / 1e4,
      longitude: Math.round(rng.float(-180, 180) * 1e4) / 1e4,
      address_type: rng.pick(['residential', 'business', 'mailing']),
      is_primary: i === 0,
    }),
  );
  const phones = Array.from(
    {
      length: rng.weighted([
        [1, 0.6],
        [2, 0.3],
        [3, 0.1],
      ]),
    },
    (_, i) => ({
      number: faker.phone.number(),
      country_code: nationality,
      phone_type: rng.pick(['mobile', 'home', 'work']),
      is_primary: i === 0,
      is_verified: rng.chance(0.8),
    }),
  );
  const localPart = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
  const emails = Array.from(
    {
      length: rng.weighted([
        [1, 0.6],
        [2, 0.3],
        [3, 0.1],
      ]),
    },
    (_, i) => ({
      address: `${localPart}${i === 0 ? '' : rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`,
      email_type: i === 0 ? 'personal' : 'work',
      is_primary: i === 0,
      is_verified: rng.chance(0.9),
    }),
  );
  const idDocs = [];
  if (rng.chance(0.7))
    idDocs.push(idDocument(ctx, 'passport', nationality, dobMs + 18 * MS_PER_YEAR, 10));
  if (rng.chance(0.8))
    idDocs.push(idDocument(ctx, 'drivers_license', nationality, dobMs + 16 * MS_PER_YEAR, 5));

  const jobs = overrides?.unemployed ? [] : retire(ctx, employment(ctx, dobMs), dobMs);
  const current = jobs.find((job) => job.is_current);
  const income = current ? current.annual_income : null;
  const netWorth =
    income === null ? null : cents((income * rng.float(0.5, 5) * Math.max(0, age - 22)) / 10);

  const isPep = rng.chance(0.01) || overrides?.isPep === true;
  const isSanctioned = rng.chance(0.001);
  const primaryLanguage = PRIMARY_LANGUAGE[nationality] ?? 'en';
  const extraLanguages = rng.sample(
    ['en', 'es', 'fr', 'de', 'zh'].filter((l) => l !== primaryLanguage),
    rng.weighted([
      [0, 0.5],
      [1, 0.35],
      [2, 0.15],
    ]),
  );
  const maritalStatus = rng.weighted(MARITAL_STATUSES);
  const dependents =
    maritalStatus === 'single'
      ? rng.weighted([
          [0, 0.8],
          [1, 0.15],
          [2, 0.05],
        ])
      : maritalStatus === 'married'
        ? rng.weighted([
            [0, 0.2],
            [1, 0.25],
            [2, 0.3],
            [3, 0.15],
            [4, 0.1],
          ])
        : rng.weighted([
            [0, 0.5],
            [1, 0.3],
            [2, 0.2],
          ]);
  const social: Record<string, string> = {};
  for (const platform of rng.sample(
    SOCIAL_PLATFORMS,
    rng.weighted([
      [0, 0.2],
      [1, 0.3],
      [2, 0.3],
      [3, 0.2],
    ]),
  )) {
    social[platform] = `https://${platform}.com/${localPart.replace(/\./g, '')}${rng.int(1, 999)}`;
  }
  const risk = isSanctioned ? 1 : (isPep ? 0.3 : 0) + (isHighRisk(nationality) ? 0.2 : 0);
  const pepSinceMs =
    Date.UTC(2000, 0, 1) +
    rng.int(0, Math.floor((time.referenceMs - Date.UTC(2000, 0, 1)) / MS_PER_DAY)) * MS_PER_DAY;

  const id = vertexId('person', index);
  const drawn: VertexRecord<'person'> = {
    label: 'person',
    id,
    properties: {
      person_id: id,
      first_name: firstName,
      middle_name: middleName,
      last_name: lastName,
      full_name: [firstName, middleName, lastName].filter((part) => part !== null).join(' '),
      gender,
      date_of_birth: isoDate(dobMs),
      age,
      nationality,
      citizenship,
      email: emails[0]?.address ?? '',
      phone: phones[0]?.number ?? '',
      city: addresses[0]?.city ?? '',
      country: nationality,
      addresses,
      phone_numbers: phones,
      email_addresses: emails,
      identification_documents: idDocs,
      employment_history: jobs,
      tax_id: identifiers.personTaxId(rng, nationality),
      annual_income: income,
      net_worth: netWorth,
      education_level: rng.weighted(EDUCATION_LEVELS),
      marital_status: maritalStatus,
      dependents,
      languages: [primaryLanguage, ...extraLanguages],
      social_media_profiles: social,
      online_activity_score: Math.round(rng.float(0.1, 0.9) * 1000) / 1000,
      is_pep: isPep,
      pep_category: isPep ? rng.pick(PEP_CATEGORIES) : null,
      pep_position: isPep ? faker.person.jobTitle() : null,
      pep_country: isPep ? nationality : null,
      pep_since: isPep ? isoDate(pepSinceMs) : null,
      is_sanctioned: isSanctioned,
      sanction_lists: isSanctioned ? rng.sample(SANCTIONS_LISTS, rng.int(1, 3)) : [],
      risk_score: score(risk),
      risk_level: riskLevel(risk),
    },
  };
  const person = overrides === undefined ? drawn : withOverrides(drawn, overrides);
  if (!current || current.employer_id === null) return [person];
  return [
    person,
    {
      label: 'employed_by',
      id: formatId(EDGE_ID_PREFIX.employed_by, index),
      outV: id,
      inV: current.employer_id,
      properties: {
        relationship_id: formatId(EDGE_ID_PREFIX.employed_by, index),
        job_title: current.job_title,
        since: current.start_date,
        annual_income: current.annual_income,
      },
    },
  ];
}

function idDocument(
  ctx: GeneratorContext,
  type: string,
  country: string,
  earliestMs: number,
  validYears: number,
) {
  const { rng, time } = ctx;
  const span = Math.max(0, Math.floor((time.referenceMs - earliestMs) / MS_PER_DAY));
  const issuedMs = earliestMs + rng.int(0, span) * MS_PER_DAY;
  return {
    document_type: type,
    number: type === 'passport' ? rng.letters(2) + rng.digits(6) : rng.letters(2) + rng.digits(7),
    issuing_country: country,
    issue_date: isoDate(issuedMs),
    expiry_date: isoDate(issuedMs + validYears * MS_PER_YEAR),
    is_verified: rng.chance(type === 'passport' ? 0.95 : 0.9),
  };
}

/**
 * Median annual earnings by age band, US dollars: BLS "Usual weekly earnings of wage and salary
 * workers" (full-time, 2024 annual averages: about $750, $1,100, $1,300, $1,350, $1,300 and
 * $1,200 a week for 16–24, 25–34, 35–44, 45–54, 55–64 and 65+) times 52. Incomes are
 * log-normal around them (sigma 0.55, the spread of the CPS earnings distribution), rounded to
 * $500, so a few earn several times the median and none earns a uniform draw up to $500k.
 */
const MEDIAN_EARNINGS_BY_AGE: readonly (readonly [number, number])[] = [
  [25, 39_000],
  [35, 57_000],
  [45, 68_000],
  [55, 70_000],
  [65, 68_000],
  [Infinity, 62_000],
];

function annualIncome(ctx: GeneratorContext, age: number): number {
  const median = (MEDIAN_EARNINGS_BY_AGE.find(([below]) => age < below) ?? [0, 62_000])[1];
  return Math.max(12_000, Math.round(logNormal(ctx.rng, median, 0.55) / 500) * 500);
}

/** 1–3 jobs from age 18–26; the last one still running at the reference date is current. */
function employment(ctx: GeneratorContext, dobMs: number): Job[] {
  const { rng, faker, time, population } = ctx;
  let startMs = dobMs + rng.int(18, 26) * 365 * MS_PER_DAY;
  if (startMs > time.referenceMs) return [];
  const jobs: Job[] = [];
  const count = rng.weighted([
    [1, 0.5],
    [2, 0.35],
    [3, 0.15],
  ]);
  for (let j = 0; j < count && startMs <= time.referenceMs; j++) {
    const endMs = startMs + rng.int(1, 10) * 365 * MS_PER_DAY;
    const isCurrent = j === count - 1 || endMs >= time.referenceMs;
    const employer = population.companyCount > 0 ? rng.int(0, population.companyCount - 1) : -1;
    jobs.push({
      employer_id: employer >= 0 ? vertexId('company', employer) : null,
      employer_name:
        employer >= 0
          ? (population.companyName[employer] ?? faker.company.name())
          : faker.company.name(),
      job_title: faker.person.jobTitle(),
      industry:
        employer >= 0
          ? (population.companyIndustry[employer] ?? rng.pick(INDUSTRY_NAMES))
          : rng.pick(INDUSTRY_NAMES),
      start_date: isoDate(startMs),
      end_date: isCurrent ? null : isoDate(endMs),
      annual_income: annualIncome(ctx, yearsBetween(dobMs, startMs)),
      is_current: isCurrent,
    });
    if (isCurrent) break;
    startMs = endMs + rng.int(30, 365) * MS_PER_DAY;
  }
  return jobs;
}

/** Most people past 67 have retired: their last job ended at 65–67 and none is current. */
function retire(ctx: GeneratorContext, jobs: Job[], dobMs: number): Job[] {
  const { rng, time } = ctx;
  const retired = yearsBetween(dobMs, time.referenceMs) >= 67 && rng.chance(0.85);
  const last = jobs[jobs.length - 1];
  if (!retired || last === undefined || !last.is_current) return jobs;
  const endMs = Math.max(
    Date.parse(`${last.start_date}T00:00:00Z`) + MS_PER_DAY,
    dobMs + rng.int(65, 66) * MS_PER_YEAR,
  );
  return [...jobs.slice(0, -1), { ...last, is_current: false, end_date: isoDate(endMs) }];
}

/** Applies a typology's identity overrides to a generated person. */
function withOverrides(person: VertexRecord<'person'>, o: PersonOverrides): VertexRecord<'person'> {
  const p = person.properties;
  const first = (p.addresses as Record<string, unknown>[])[0] ?? {};
  const addresses =
    o.street !== undefined || o.city !== undefined
      ? [{ ...first, street: o.street ?? first['street'], city: o.city ?? p.city }]
      : p.addresses;
  const dateOfBirth = o.dateOfBirth ?? p.date_of_birth;
  return {
    ...person,
    properties: {
      ...p,
      date_of_birth: dateOfBirth,
      email: o.email ?? p.email,
      phone: o.phone ?? p.phone,
      city: o.city ?? p.city,
      tax_id: o.taxId ?? p.tax_id,
      addresses,
      phone_numbers:
        o.phone === undefined
          ? p.phone_numbers
          : [
              {
                number: o.phone,
                country_code: p.nationality,
                phone_type: 'mobile',
                is_primary: true,
                is_verified: false,
              },
            ],
      email_addresses:
        o.email === undefined
          ? p.email_addresses
          : [{ address: o.email, email_type: 'personal', is_primary: true, is_verified: false }],
    },
  };
}
