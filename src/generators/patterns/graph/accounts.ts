import type { GeneratorContext } from '../../context.js';
import { anyAccount, inHomeCurrency } from '../participants.js';

/**
 * Which holders an account is preferably drawn from; falls back to any background account. The
 * crimes draw their mules, sources and recipients from `any`: launderers use persons' and
 * companies' accounts alike (AMLworld, Altman et al. 2023, draws laundering accounts from
 * individuals and businesses), so a crime's payments are booked under the purposes both kinds of
 * holder use (cover-purpose.ts). Look-alikes name the holder their honest story needs.
 */
export type Holder = 'person' | 'company' | 'any';

/**
 * One background account, not in `used` (and added to it), held preferably by a `holder`. When
 * the population has no such account left, any background account will do: the shape matters
 * more than who holds the account.
 */
export function drawAccount(ctx: GeneratorContext, used: Set<number>, holder: Holder): number {
  const { population, rng } = ctx;
  const wanted = holder === 'person' ? 0 : 1;
  const accept = (a: number) =>
    !used.has(a) &&
    !population.added.account.has(a) &&
    (holder === 'any' || population.accountOwnerKind[a] === wanted);
  let account = -1;
  if (holder !== 'any') {
    const home = (a: number) => accept(a) && inHomeCurrency(ctx, a);
    for (let attempt = 0; attempt < 200 && account < 0; attempt++) {
      const a = rng.int(0, population.accountCount - 1);
      if (home(a)) account = a;
    }
    for (let a = 0; a < population.accountCount && account < 0; a++) if (home(a)) account = a;
    for (let a = 0; a < population.accountCount && account < 0; a++) if (accept(a)) account = a;
  }
  if (account < 0) account = anyAccount(ctx, used);
  used.add(account);
  return account;
}

/** `n` distinct background accounts, none in `used` (all added to it). */
export function drawAccounts(
  ctx: GeneratorContext,
  n: number,
  used: Set<number>,
  holder: Holder,
): number[] {
  return Array.from({ length: n }, () => drawAccount(ctx, used, holder));
}

/** A background account of person `person` not in `used`, or -1. */
export function accountOfPerson(ctx: GeneratorContext, person: number, used: Set<number>): number {
  const { population } = ctx;
  if (population.added.person.has(person)) return -1;
  const accounts = (population.accountsOfPerson.get(person) ?? []).filter(
    (a) => !population.added.account.has(a) && !used.has(a),
  );
  return accounts.length === 0 ? -1 : ctx.rng.pick(accounts);
}
