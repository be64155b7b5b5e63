import type { GeneratorContext } from '../../context.js';
import {
  anyAccount,
  inHomeCurrency,
  isMerchantAccount,
  isSupplierAccount,
} from '../participants.js';

/**
 * Which holders an account is preferably drawn from; falls back to any background account.
 * Look-alikes name the holder their honest story needs (`person`, `company`). A crime names the
 * account's place in the flow, and the holder is drawn for it (LAUNDERING_COMPANY_SHARES):
 * - `source`: where the money enters the shape (placed by mules and smurfs, mostly persons);
 * - `through`: an account that passes the money on within days (a mule's or a shell's);
 * - `end`: where a payment of the shape comes to rest (a target, a beneficiary, a peel);
 * - `collector`: the one account many payments converge on and rest in (a fan-in's target, a
 *   scatter-gather's sink).
 */
export type Holder = 'person' | 'company' | LaunderingRole;
export type LaunderingRole = 'source' | 'through' | 'end' | 'collector';

/**
 * Share of a laundering shape's accounts held by companies, by their place in the flow.
 * Launderers favour legal persons, shell and front companies, for the distance they put between
 * the money and its owner (the World Bank and UNODC's StAR study "The Puppet Masters", 2011,
 * documents 150 grand-corruption cases in which corporate vehicles, companies above all, hid the
 * proceeds; FATF and Egmont Group, "Concealment of Beneficial Ownership", 2018). So half the
 * accounts the money passes through or rests in are companies', and three collection points in
 * four, where dirty money is best hidden among a business's takings. It enters mostly from
 * persons' accounts (mules, smurfs, victims): one source in five is a company's, as companies
 * make 18 % of the background's payments (complete seed 5, `fingraph audit`). No public figure
 * gives these shares; they are ours, and with them the crime's payer and payee kinds, and so its
 * purposes, do not stand out, where drawing accounts as the background holds them (one company
 * account in five) made half the crime payments run between persons (docs/economy.md).
 */
export const LAUNDERING_COMPANY_SHARES: Readonly<Record<LaunderingRole, number>> = {
  source: 0.2,
  through: 0.5,
  end: 0.5,
  collector: 0.75,
};

/**
 * Share of the companies where money rests (`end`, `collector`) that are front businesses:
 * merchants that take card payments from the public (shops, restaurants, clinics, transport), the
 * classic front of laundering typologies, whose takings hide dirty money among honest sales; the
 * card schemes' rules name the same trick "transaction laundering" (a merchant taking payments
 * for goods it never sold). A person's payment into one is then booked as a purchase, as honest
 * customers' are (cover-purpose.ts). The share is ours. A company that sends or passes the money
 * on is a shell or a supplier, an account the public does not pay (isSupplierAccount): a pass-
 * through is an account with little else going on.
 */
export const FRONT_BUSINESS_SHARE = 0.7;

/** Whether money rests in an account of this role (a front business may hold it). */
const RESTS: ReadonlySet<LaunderingRole> = new Set(['end', 'collector']);

/**
 * One background account, not in `used` (and added to it), held preferably by a `holder`. When
 * the population has no such account left, any background account will do: the shape matters
 * more than who holds the account.
 */
export function drawAccount(ctx: GeneratorContext, used: Set<number>, wanted: Holder): number {
  const { population, rng } = ctx;
  const role = wanted === 'person' || wanted === 'company' ? undefined : wanted;
  const holder =
    role === undefined
      ? wanted
      : rng.chance(LAUNDERING_COMPANY_SHARES[role])
        ? 'company'
        : 'person';
  const kind = holder === 'person' ? 0 : 1;
  const accept = (a: number) =>
    !used.has(a) && !population.added.account.has(a) && population.accountOwnerKind[a] === kind;
  const home = (a: number) => accept(a) && inHomeCurrency(ctx, a);
  let preferred = home;
  if (role !== undefined && holder === 'company')
    preferred =
      RESTS.has(role) && rng.chance(FRONT_BUSINESS_SHARE)
        ? (a) => home(a) && isMerchantAccount(ctx, a)
        : (a) => home(a) && isSupplierAccount(ctx, a);
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
