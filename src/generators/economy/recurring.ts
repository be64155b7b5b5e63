import { deriveSeed, Rng } from '../../random/index.js';
import type { GeneratorContext } from '../context.js';
import { PURPOSE_SPECS, SUBSCRIPTION_PRICES_USD, type Purpose } from '../data/payment-purposes.js';
import { MS_PER_DAY } from '../time.js';
import { logNormal } from './amounts.js';
import type { Economy } from './economy.js';
import {
  instantOnDay,
  localDayOf,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './local-time.js';

/**
 * The payments that come back every month: wages, rent or mortgage, utility bills,
 * subscriptions, and each company's regular suppliers. They are what makes a bank's data look
 * like a bank's: the same payer paying the same payee, on the same days of the month.
 */
export interface RecurringPayment {
  readonly from: number;
  readonly to: number;
  readonly purpose: Purpose;
  readonly timestampMs: number;
  readonly amountUsd: number;
}

/** Share of persons paying rent, or a mortgage (American Housing Survey: about a third rent). */
const RENTERS = 0.34;
const MORTGAGED = 0.4;

/**
 * Every recurring payment of the window, most essential first (wages, then housing, bills,
 * subscriptions, suppliers), so that a run too short to hold them all keeps the wages.
 */
export function recurringPayments(ctx: GeneratorContext, economy: Economy): RecurringPayment[] {
  const { population, time, config } = ctx;
  const rng = new Rng(deriveSeed(config.seed, 'economy:recurring'));
  const months = monthsOf(time.windowStartMs, time.referenceMs);
  const inWindow = (ms: number) => ms >= time.windowStartMs && ms <= time.referenceMs;
  const country = (a: number) => population.countryOfAccount(a);
  const tiers: RecurringPayment[][] = [[], [], [], [], []];
  const add = (
    tier: number,
    from: number,
    to: number,
    purpose: Purpose,
    day: number,
    usd: number,
  ) => {
    const ms = instantOnDay(rng, time, PURPOSE_SPECS[purpose].profile, country(from), day);
    if (to < 0 || from === to || !inWindow(ms) || localDayOf(ms, country(from)) !== day) return;
    tiers[tier]?.push({ from, to, purpose, timestampMs: ms, amountUsd: usd });
  };
  // Day number of the d-th day (1-based) of a month, on the payer's calendar (whole days: the
  // local offset only moves the hour).
  const dayOf = (month: number, d: number) => Math.floor(month / MS_PER_DAY) + d - 1;

  for (let p = 0; p < population.personCount; p++) {
    const employer = population.personEmployer[p] ?? -1;
    const payee = economy.payrollAccountOfPerson(p);
    const payroll = employer >= 0 ? economy.payrollAccountOfCompany(employer) : -1;
    const monthlyWage = Math.round(((population.personIncome[p] ?? 0) / 12) * 100) / 100;
    // Wages arrive on the last working day of the month.
    if (payee >= 0 && payroll >= 0 && monthlyWage > 0)
      for (const m of months)
        add(0, payroll, payee, 'salary', workingDayOnOrBefore(dayOf(m.start, m.days)), monthlyWage);

    if (population.added.person.has(p)) continue;
    const account = economy.accountOfPerson(p);
    if (account < 0) continue;
    const currency = population.accountCurrency[account];

    const housing = rng.next();
    // Most leases and mortgages fall due on the 1st; a few on another early day.
    const due = rng.chance(0.8) ? 1 : rng.int(2, 5);
    if (housing < RENTERS + MORTGAGED) {
      const rent = housing < RENTERS;
      const spec = PURPOSE_SPECS[rent ? 'rent' : 'mortgage'];
      const payee = (rent ? economy.landlords : economy.lenders).draw(rng, currency);
      const usd = logNormal(rng, spec.medianUsd, spec.sigma);
      for (const m of months)
        add(
          1,
          account,
          payee,
          rent ? 'rent' : 'mortgage',
          workingDayOnOrAfter(dayOf(m.start, due)),
          usd,
        );
    }

    const bills = rng.weighted([
      [0, 0.15],
      [1, 0.45],
      [2, 0.4],
    ]);
    for (let b = 0; b < bills; b++) {
      const payee = economy.utilities.draw(rng, currency);
      const day = rng.int(5, 28);
      const usual = logNormal(rng, PURPOSE_SPECS.utility_bill.medianUsd, 0.35);
      for (const m of months)
        add(
          2,
          account,
          payee,
          'utility_bill',
          workingDayOnOrAfter(dayOf(m.start, day)),
          usual * rng.float(0.8, 1.2),
        );
    }

    const subscriptions = rng.weighted([
      [0, 0.3],
      [1, 0.35],
      [2, 0.25],
      [3, 0.1],
    ]);
    for (let s = 0; s < subscriptions; s++) {
      const payee = economy.subscriptions.draw(rng);
      const day = rng.int(1, 28);
      const price = rng.pick(SUBSCRIPTION_PRICES_USD);
      for (const m of months) add(3, account, payee, 'subscription', dayOf(m.start, day), price);
    }
  }

  for (let c = 0; c < population.companyCount; c++) {
    if (population.added.company.has(c)) continue;
    const account = economy.accountOfCompany(c);
    if (account < 0) continue;
    const suppliers = rng.int(1, 3);
    for (let s = 0; s < suppliers; s++) {
      const payee = economy.suppliers.draw(rng, population.accountCurrency[account]);
      const day = rng.int(1, 28);
      const usual = logNormal(rng, PURPOSE_SPECS.supplier_invoice.medianUsd, 1.0);
      for (const m of months)
        add(
          4,
          account,
          payee,
          'supplier_invoice',
          workingDayOnOrAfter(dayOf(m.start, day)),
          usual * rng.float(0.7, 1.3),
        );
    }
  }
  return tiers.flat();
}

/** The calendar months the window touches: their first instant (UTC midnight) and length. */
function monthsOf(startMs: number, endMs: number): { start: number; days: number }[] {
  const months: { start: number; days: number }[] = [];
  const first = new Date(startMs);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1);
    if (start > endMs) break;
    const days = Math.round((Date.UTC(year, month + 1, 1) - start) / MS_PER_DAY);
    months.push({ start, days });
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return months;
}
