import { vertexId, type Participant } from '../../../model/index.js';
import type { Rng } from '../../../random/index.js';
import type { GeneratorContext } from '../../context.js';
import { MS_PER_DAY, startOfDay } from '../../time.js';
import { inHomeCurrency, isMerchantAccount, ownerOf } from '../participants.js';

/**
 * Participant draws shared by the fraud-ring and account-takeover families. Unlike the plain
 * helpers in participants.ts they take a predicate (an account type, an owner with a device) and
 * degrade gracefully on a small population: first the predicate is dropped, then the exclusions,
 * so a tiny preset still hosts a pattern (with a repeated participant) instead of failing.
 */

/**
 * Accounts typologies added are never drawn, nor background accounts held by a person or company
 * a typology added (a background account may be drawn to an attacker or a synthetic identity):
 * one pattern's mule is not another's victim, and an attacker never phishes himself.
 */
function isBackground(ctx: GeneratorContext, account: number): boolean {
  const { added, accountOwnerKind, accountOwnerIndex } = ctx.population;
  if (added.account.has(account)) return false;
  const owner = accountOwnerIndex[account] ?? 0;
  return accountOwnerKind[account] === 0 ? !added.person.has(owner) : !added.company.has(owner);
}

function scan(ctx: GeneratorContext, accept: (a: number) => boolean): number | undefined {
  const { rng, population } = ctx;
  const n = population.accountCount;
  for (let attempt = 0; attempt < 200; attempt++) {
    const a = rng.int(0, n - 1);
    if (accept(a)) return a;
  }
  // Few accounts qualify: walk from a random start so the choice still varies with the seed.
  const start = rng.int(0, n - 1);
  for (let k = 0; k < n; k++) {
    const a = (start + k) % n;
    if (accept(a)) return a;
  }
  return undefined;
}

/**
 * A background account satisfying `accept` and not in `exclude`. Falls back to any background
 * account not excluded, then to any background account at all.
 */
export function drawAccount(
  ctx: GeneratorContext,
  accept: (account: number) => boolean,
  exclude: ReadonlySet<number> = new Set(),
): number {
  const found =
    scan(
      ctx,
      (a) => isBackground(ctx, a) && !exclude.has(a) && accept(a) && inHomeCurrency(ctx, a),
    ) ??
    scan(ctx, (a) => isBackground(ctx, a) && !exclude.has(a) && accept(a)) ??
    scan(ctx, (a) => isBackground(ctx, a) && !exclude.has(a)) ??
    scan(ctx, (a) => isBackground(ctx, a));
  if (found === undefined) throw new Error('no background account in the population');
  return found;
}

/**
 * `count` background accounts satisfying `accept`, with distinct owners where the population
 * allows (a ring of one person would not be a ring).
 */
export function drawRingAccounts(
  ctx: GeneratorContext,
  count: number,
  accept: (account: number) => boolean,
  exclude: ReadonlySet<number> = new Set(),
): number[] {
  const chosen: number[] = [];
  const used = new Set(exclude);
  const owners = new Set<string>();
  for (let k = 0; k < count; k++) {
    const account = drawAccount(ctx, (a) => accept(a) && !owners.has(ownerKey(ctx, a)), used);
    chosen.push(account);
    used.add(account);
    owners.add(ownerKey(ctx, account));
  }
  return chosen;
}

function ownerKey(ctx: GeneratorContext, account: number): string {
  const owner = ownerOf(ctx, account);
  return `${owner.label}:${owner.index}`;
}

/** Accounts held by a person. */
export function personHeld(ctx: GeneratorContext): (account: number) => boolean {
  return (a) => ctx.population.accountOwnerKind[a] === 0;
}

/** Accounts held by a company: merchants, suppliers, payment hubs. */
export function companyHeld(ctx: GeneratorContext): (account: number) => boolean {
  return (a) => ctx.population.accountOwnerKind[a] === 1;
}

/** Accounts held by a merchant (see isMerchantAccount): a front business, when a ring owns it. */
export function merchantHeld(ctx: GeneratorContext): (account: number) => boolean {
  return (a) => isMerchantAccount(ctx, a);
}

/** Person-held accounts of one of `types`. */
export function personHeldOfType(
  ctx: GeneratorContext,
  types: readonly string[],
): (account: number) => boolean {
  return (a) =>
    ctx.population.accountOwnerKind[a] === 0 && types.includes(ctx.population.accountType[a] ?? '');
}

/** Person-held accounts whose holder owns at least one (background) device. */
export function personHeldWithDevice(ctx: GeneratorContext): (account: number) => boolean {
  return (a) =>
    ctx.population.accountOwnerKind[a] === 0 &&
    ctx.population.devicesOfPerson(ctx.population.accountOwnerIndex[a] ?? 0).length > 0;
}

/**
 * One of the devices the account's holder owns, or, when the holder has none (more persons than
 * devices), a background device nobody added.
 */
export function ownDevice(ctx: GeneratorContext, account: number): number {
  const { rng, population } = ctx;
  const devices = population.devicesOfPerson(population.accountOwnerIndex[account] ?? 0);
  if (devices.length > 0) return rng.pick(devices);
  for (let attempt = 0; attempt < 200; attempt++) {
    const d = rng.int(0, population.deviceCount - 1);
    if (!population.added.device.has(d)) return d;
  }
  throw new Error('no background device in the population');
}

/** The account and its holder as participants: role `role` and `${role}_holder`. */
export function accountParticipants(
  ctx: GeneratorContext,
  account: number,
  role: string,
): Participant[] {
  const owner = ownerOf(ctx, account);
  return [
    { id: vertexId('account', account), label: 'account', role },
    { id: vertexId(owner.label, owner.index), label: owner.label, role: `${role}_holder` },
  ];
}

/** A uniform instant in [fromMs, toMs). */
export function between(rng: Rng, fromMs: number, toMs: number): number {
  return fromMs + Math.floor(rng.next() * Math.max(0, toMs - fromMs));
}

/** `total` split into `parts` positive integers (each ≥ 1), randomly. */
export function spread(rng: Rng, total: number, parts: number): number[] {
  const counts = Array.from({ length: parts }, () => 1);
  for (let k = parts; k < total; k++) {
    const i = rng.int(0, parts - 1);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * `openedDaysAgo` (an account override) for an account opened on the day of `ms` or earlier:
 * openings are midnights counted back from the reference day.
 */
export function daysAgoAt(referenceMs: number, ms: number): number {
  return Math.max(0, Math.ceil((startOfDay(referenceMs) - ms) / MS_PER_DAY));
}

/** The instant (midnight) of an opening `daysAgo` days before the reference day. */
export function openingMs(referenceMs: number, daysAgo: number): number {
  return startOfDay(referenceMs) - daysAgo * MS_PER_DAY;
}

/** `count` distinct indexes below `n` (fewer when n is smaller), e.g. owners of added accounts. */
export function distinctIndexes(rng: Rng, n: number, count: number): number[] {
  const chosen = new Set<number>();
  for (let attempt = 0; chosen.size < Math.min(count, n) && attempt < count * 50; attempt++) {
    chosen.add(rng.int(0, n - 1));
  }
  const list = [...chosen];
  while (list.length < count) list.push(rng.int(0, n - 1));
  return list;
}

/** Sum of some counts. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
