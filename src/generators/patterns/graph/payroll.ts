import type { Rng } from '../../../random/index.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_DAY, MS_PER_HOUR, startOfDay } from '../../time.js';
import { accountOfPerson, drawAccount } from './accounts.js';
import { centsBetween } from './amounts.js';

/** A company account and one account of each of (up to `n` of) the company's employees. */
export interface Payroll {
  readonly payer: number;
  /** Distinct employee accounts; fewer than `n` when the employer has fewer employees. */
  readonly payees: readonly number[];
}

/**
 * An employer paying its own employees, for the look-alikes of dispersal shapes: a company
 * account and accounts of persons employed by that company (`employeesOf` + `accountsOfPerson`).
 * Prefers, at random, an employer with at least `n` employees holding an account, else the one
 * with the most. With no employer at all (tiny populations), any company account paying nobody
 * yet; callers top the payees up with other person accounts.
 */
export function payrollOf(ctx: GeneratorContext, n: number, used: Set<number>): Payroll {
  const { population, rng } = ctx;
  const candidates: { company: number; accounts: number[]; staff: number[] }[] = [];
  for (const [company, accounts] of population.accountsOfCompany) {
    if (population.added.company.has(company)) continue;
    const own = accounts.filter((a) => !population.added.account.has(a) && !used.has(a));
    if (own.length === 0) continue;
    const staff = (population.employeesOf.get(company) ?? []).filter(
      (p) =>
        !population.added.person.has(p) && (population.accountsOfPerson.get(p) ?? []).length > 0,
    );
    if (staff.length > 0) candidates.push({ company, accounts: own, staff });
  }
  if (candidates.length === 0) return { payer: drawAccount(ctx, used, 'company'), payees: [] };
  const bigEnough = candidates.filter((c) => c.staff.length >= n);
  const most = Math.max(...candidates.map((c) => c.staff.length));
  const employer = rng.pick(
    bigEnough.length > 0 ? bigEnough : candidates.filter((c) => c.staff.length === most),
  );
  const payer = rng.pick(employer.accounts);
  used.add(payer);
  const payees: number[] = [];
  for (const person of rng.sample(employer.staff, employer.staff.length)) {
    if (payees.length >= n) break;
    const account = accountOfPerson(ctx, person, used);
    if (account < 0) continue;
    used.add(account);
    payees.push(account);
  }
  return { payer, payees };
}

/** `list` topped up to `n` distinct accounts with person-held background accounts. */
export function topUp(
  ctx: GeneratorContext,
  list: readonly number[],
  n: number,
  used: Set<number>,
): number[] {
  const out = [...list];
  while (out.length < n) out.push(drawAccount(ctx, used, 'person'));
  return out;
}

/**
 * `periods` pay days two weeks apart (closer when the event window is short), the first near
 * `wantedFirstMs`; the payroll batch runs at 06:00 UTC when that stays inside the window.
 */
export function payDays(ctx: GeneratorContext, wantedFirstMs: number, periods: number): number[] {
  const { windowStartMs, referenceMs } = ctx.time;
  const room = referenceMs - windowStartMs - 2 * MS_PER_HOUR;
  const period = Math.min(14 * MS_PER_DAY, Math.floor(room / Math.max(1, periods)));
  const earliest = windowStartMs + MS_PER_HOUR;
  const latest = referenceMs - MS_PER_HOUR - (periods - 1) * period;
  let first = Math.min(Math.max(wantedFirstMs, earliest), latest);
  const morning = startOfDay(first) + 6 * MS_PER_HOUR;
  if (morning >= earliest && morning <= latest) first = morning;
  return Array.from({ length: periods }, (_, k) => first + k * period);
}

/** Net salaries of `n` colleagues in cents: one company-wide base, each within ±10 % of it. */
export function salaries(rng: Rng, n: number): number[] {
  const base = centsBetween(rng, 2_500, 6_000);
  return Array.from({ length: n }, () => Math.round(base * rng.float(0.9, 1.1)));
}
