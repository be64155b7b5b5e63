import type { GeneratorContext } from '../../context.js';

/** Account types cash is deposited into or recorded against, in order of preference. */
const CASH_TYPES = ['checking', 'savings', 'business', 'investment'];

/** Background accounts a person holds as primary owner, cash accounts first. */
export function cashAccountsOf(ctx: GeneratorContext, person: number): number[] {
  const { population } = ctx;
  const rank = (a: number) => {
    const r = CASH_TYPES.indexOf(population.accountType[a] ?? '');
    return r < 0 ? CASH_TYPES.length : r;
  };
  return (population.accountsOfPerson.get(person) ?? [])
    .filter((a) => !population.added.account.has(a))
    .sort((a, b) => rank(a) - rank(b) || a - b);
}

/** Background persons holding at least `minAccounts` background accounts, not in `exclude`. */
export function holders(
  ctx: GeneratorContext,
  minAccounts = 1,
  exclude: ReadonlySet<number> = new Set(),
): number[] {
  const { population } = ctx;
  const list: number[] = [];
  for (let p = 0; p < population.personCount; p++) {
    if (population.added.person.has(p) || exclude.has(p)) continue;
    if (cashAccountsOf(ctx, p).length >= minAccounts) list.push(p);
  }
  return list;
}

/** `count` distinct depositors (at least `min`), each with their first cash account. */
export function drawDepositors(
  ctx: GeneratorContext,
  count: number,
  exclude: ReadonlySet<number>,
  min: number,
  what: string,
): { person: number; account: number }[] {
  const chosen = ctx.rng.sample(holders(ctx, 1, exclude), count);
  if (chosen.length < min)
    throw new Error(`${what}: fewer than ${min} persons holding an account in the population`);
  return chosen.map((person) => ({ person, account: cashAccountsOf(ctx, person)[0] as number }));
}
