import { roleOfAccount } from '../economy/economy.js';
import type { GeneratorContext } from '../context.js';

/**
 * Draws participants from the background population. Entities a typology added are skipped, so
 * one pattern's mule is never another pattern's victim by accident.
 */
function drawIndex(
  ctx: GeneratorContext,
  count: number,
  accept: (index: number) => boolean,
  what: string,
): number {
  const { rng } = ctx;
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const index = rng.int(0, count - 1);
    if (accept(index)) return index;
  }
  for (let index = 0; index < count; index++) if (accept(index)) return index;
  throw new Error(`no ${what} available in the population`);
}

/** Whether account `a` is in the instance's home currency (always, outside an instance). */
export function inHomeCurrency(ctx: GeneratorContext, a: number): boolean {
  return ctx.homeCurrency === undefined || ctx.population.accountCurrency[a] === ctx.homeCurrency;
}

/** An account satisfying `accept`, in the home currency when one does. */
function drawAccountIndex(
  ctx: GeneratorContext,
  accept: (a: number) => boolean,
  what: string,
): number {
  const { population } = ctx;
  try {
    return drawIndex(
      ctx,
      population.accountCount,
      (a) => accept(a) && inHomeCurrency(ctx, a),
      what,
    );
  } catch {
    return drawIndex(ctx, population.accountCount, accept, what);
  }
}

/** A background account whose holder is of `kind` (0 person, 1 company), not in `exclude`. */
function heldAccount(
  ctx: GeneratorContext,
  kind: 0 | 1,
  exclude: ReadonlySet<number>,
  what: string,
): number {
  const { population } = ctx;
  return drawAccountIndex(
    ctx,
    (a) =>
      population.accountOwnerKind[a] === kind &&
      !population.added.account.has(a) &&
      !exclude.has(a),
    what,
  );
}

/** A background account held by a person, not in `exclude`. */
export function personAccount(
  ctx: GeneratorContext,
  exclude: ReadonlySet<number> = new Set(),
): number {
  return heldAccount(ctx, 0, exclude, 'person-held account');
}

/** A background account held by a company, not in `exclude`. */
export function companyAccount(
  ctx: GeneratorContext,
  exclude: ReadonlySet<number> = new Set(),
): number {
  return heldAccount(ctx, 1, exclude, 'company-held account');
}

/** Any background account not in `exclude`. */
export function anyAccount(
  ctx: GeneratorContext,
  exclude: ReadonlySet<number> = new Set(),
): number {
  const { population } = ctx;
  return drawAccountIndex(
    ctx,
    (a) => !population.added.account.has(a) && !exclude.has(a),
    'account',
  );
}

/** A background person not in `exclude`. */
export function anyPerson(ctx: GeneratorContext, exclude: ReadonlySet<number> = new Set()): number {
  const { population } = ctx;
  return drawIndex(
    ctx,
    population.personCount,
    (p) => !population.added.person.has(p) && !exclude.has(p),
    'person',
  );
}

/** Whether account `a` is held by a merchant: a company that takes card payments from the public. */
export function isMerchantAccount(ctx: GeneratorContext, a: number): boolean {
  return roleOfAccount(ctx.population, a) === 'merchant';
}

/**
 * Whether account `a` is held by a company the public does not pay (not a merchant, utility,
 * landlord or lender): a shell's or a supplier's account, with little going through it.
 */
export function isSupplierAccount(ctx: GeneratorContext, a: number): boolean {
  return roleOfAccount(ctx.population, a) === 'supplier';
}

/** The owner (label and index) of an account. */
export function ownerOf(
  ctx: GeneratorContext,
  account: number,
): { label: 'person' | 'company'; index: number } {
  const { population } = ctx;
  return {
    label: population.accountOwnerKind[account] === 0 ? 'person' : 'company',
    index: population.accountOwnerIndex[account] ?? 0,
  };
}
