/** One transfer with purpose `salary`. */
export interface SalaryPayment {
  readonly from: string;
  readonly to: string;
  readonly utcMs: number;
}

/** Whether every employed person is paid by their employer every month. */
export interface SalaryCoverage {
  /** Persons with an employer, an account of their own, and an employer that has an account. */
  readonly eligiblePersons: number;
  /** Calendar months (UTC, YYYY-MM) lying entirely inside the event window. */
  readonly months: readonly string[];
  /** Eligible persons paid a salary by their employer in every one of those months. */
  readonly coveredPersons: number;
  /** coveredPersons ÷ eligiblePersons; null without eligible persons or whole months. */
  readonly share: number | null;
}

export interface SalaryInput {
  /** person → employer companies (employed_by edges). */
  readonly employers: ReadonlyMap<string, readonly string[]>;
  /** owner (person or company) → accounts it owns (owns edges). */
  readonly accountsOf: ReadonlyMap<string, readonly string[]>;
  readonly payments: readonly SalaryPayment[];
  /** The event window: first and last transfer, epoch ms. */
  readonly windowStartMs: number;
  readonly windowEndMs: number;
}

function monthKey(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 7);
}

/** The UTC calendar months that start at or after `startMs` and end at or before `endMs`. */
export function wholeMonths(startMs: number, endMs: number): string[] {
  const months: string[] = [];
  const start = new Date(startMs);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  // The first month that begins at or after the window start.
  if (Date.UTC(year, month, 1) < startMs) month++;
  for (;;) {
    const begin = Date.UTC(year, month, 1);
    const end = Date.UTC(year, month + 1, 1) - 1;
    if (end > endMs) break;
    months.push(monthKey(begin));
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  return months;
}

/**
 * Salary coverage: among persons who have an employed_by edge, own at least one account, and whose
 * employer owns at least one account, the share who receive, in every calendar month lying
 * entirely inside the event window, at least one salary transfer from an account of an employer
 * into an account of their own.
 */
export function salaryCoverage(input: SalaryInput): SalaryCoverage {
  const months = wholeMonths(input.windowStartMs, input.windowEndMs);
  const owners = new Map<string, string[]>();
  for (const [owner, accounts] of input.accountsOf)
    for (const account of accounts) {
      const list = owners.get(account);
      if (list) list.push(owner);
      else owners.set(account, [owner]);
    }
  const eligible: string[] = [];
  for (const [person, companies] of input.employers)
    if (
      (input.accountsOf.get(person)?.length ?? 0) > 0 &&
      companies.some((c) => (input.accountsOf.get(c)?.length ?? 0) > 0)
    )
      eligible.push(person);
  const paid = new Set<string>();
  for (const payment of input.payments) {
    const payers = owners.get(payment.from) ?? [];
    for (const person of owners.get(payment.to) ?? []) {
      const employers = input.employers.get(person) ?? [];
      if (payers.some((p) => employers.includes(p)))
        paid.add(`${person}|${monthKey(payment.utcMs)}`);
    }
  }
  const covered = eligible.filter((person) =>
    months.every((month) => paid.has(`${person}|${month}`)),
  ).length;
  return {
    eligiblePersons: eligible.length,
    months,
    coveredPersons: covered,
    share: eligible.length === 0 || months.length === 0 ? null : covered / eligible.length,
  };
}
