import type { GeneratorContext } from '../../context.js';
import { anyAccount, inHomeCurrency, isMerchantAccount } from '../participants.js';

/**
 * Which holders an account is preferably drawn from; falls back to any background account.
 * Look-alikes name the holder their honest story needs (`person`, `company`). A crime names the
 * account's place in the flow, and the holder is drawn for it (LAUNDERING_COMPANY_SHARES):
 * - `source`: where the money enters the shape (placed by mules and smurfs, mostly persons);
 * - `any`: every other account, a person's or a company's alike.
 */
export type Holder = 'person' | 'company' | LaunderingRole;
export type LaunderingRole = 'source' | 'any' | 'collector';

/**
 * Share of a laundering shape's accounts held by companies, by their place in the flow.
 * Launderers favour legal persons, shell and front companies above all, for the distance they put
 * between the money and its owner: the World Bank and UNODC's StAR study of 150 grand-corruption
 * cases ("The Puppet Masters", 2011) found corporate vehicles in 128 of them, and the FATF and
 * Egmont Group's 106 case studies ("Concealment of Beneficial Ownership", 2018) are led by shell
 * companies; so half the accounts the money passes through and lands in are companies'. It enters
 * mostly from persons' accounts (mules, smurfs, victims): one source in five is a company's, as
 * companies make 18 % of the background's payments (complete seed 5, `fingraph audit`). Measured
 * with the audit, this mix keeps the crime's payer and payee kinds, and so its purposes, from
 * standing out, where the background's one company account in five made four crime payments in
 * ten run between persons (docs/economy.md).
 */
export const LAUNDERING_COMPANY_SHARES: Readonly<Record<LaunderingRole, number>> = {
  source: 0.2,
  any: 0.5,
  collector: 0.75,
};

/**
 * Share of those companies that are front businesses: merchants that take card payments from the
 * public (shops, restaurants, clinics, transport), whose takings can hide dirty money among
 * honest sales (FATF, "Money Laundering and Terrorist Financing Red Flag Indicators", cash-
 * intensive businesses; the "transaction laundering" of card schemes). A person's payment into
 * one is then booked as a purchase, as honest customers' are (cover-purpose.ts).
 */
export const FRONT_BUSINESS_SHARE = 0.7;

/**
 * One background account, not in `used` (and added to it), held preferably by a `holder`. When
 * the population has no such account left, any background account will do: the shape matters
 * more than who holds the account.
 */
export function drawAccount(ctx: GeneratorContext, used: Set<number>, wanted: Holder): number {
  const { population, rng } = ctx;
  const laundering = wanted !== 'person' && wanted !== 'company';
  const holder = !laundering
    ? wanted
    : rng.chance(LAUNDERING_COMPANY_SHARES[wanted])
      ? 'company'
      : 'person';
  const kind = holder === 'person' ? 0 : 1;
  const front = laundering && holder === 'company' && rng.chance(FRONT_BUSINESS_SHARE);
  const accept = (a: number) =>
    !used.has(a) && !population.added.account.has(a) && population.accountOwnerKind[a] === kind;
  const home = (a: number) => accept(a) && inHomeCurrency(ctx, a);
  const preferred = front ? (a: number) => home(a) && isMerchantAccount(ctx, a) : home;
  let account = -1;
  for (let attempt = 0; attempt < 200 && account < 0; attempt++) {
    const a = rng.int(0, population.accountCount - 1);
    if (preferred(a)) account = a;
  }
  for (let a = 0; a < population.accountCount && account < 0; a++) if (home(a)) account = a;
  for (let a = 0; a < population.accountCount && account < 0; a++) if (accept(a)) account = a;
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
