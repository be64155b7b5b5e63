import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type Participant,
} from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import { cents, justBelowThreshold, thresholdFor } from '../../money.js';
import { isoDate, MS_PER_DAY, startOfDay } from '../../time.js';
import { ownerOf, personAccount } from '../participants.js';
import { buildTruth, confidenceOf } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { amountsSummingBelow, toUsd } from './amounts.js';
import { DEPOSIT_CITIES } from './deposit-cities.js';
import { drawDepositPlan, type DepositPlan, type PlannedDeposit } from './deposit-plan.js';
import { cashAccountsOf, drawDepositors, holders } from './depositors.js';

export interface StructuringParams {
  readonly plan: DepositPlan;
  readonly lookAlike: boolean;
  /** Account hopping: currency and age (days) of the accounts the controller opens. */
  readonly hopCurrency: string;
  readonly hopOpenedDaysAgo: readonly number[];
  /** Account hopping: uniform draws naming each opened account's nominee holder. */
  readonly nomineePicks: readonly number[];
}

export const STRUCTURING_SUBTYPES = [
  'classic_structuring',
  'smurfing',
  'geographic_smurfing',
  'temporal_smurfing',
  'account_hopping',
] as const;

/** Currencies of the accounts opened for account hopping (each has a threshold of its own). */
const HOP_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF'] as const;

/** Who deposits, into what, and who is behind it. */
interface Cast {
  /** Per depositor: the person and the account the deposit is recorded against. */
  readonly depositors: readonly { person: number; account: number }[];
  /** Receiving accounts, by plan receiver index. */
  readonly receivers: readonly number[];
  readonly roles: { readonly depositor: string; readonly receiver: string };
  readonly addedAccounts: readonly number[];
}

/**
 * Structuring and smurfing: cash deposits (`transfer`, type deposit, channel branch) each kept
 * strictly below the cash-reporting threshold of the country they are made in, in that threshold's
 * currency, whose sum exceeds it. A deposit is an edge from the depositor's own account (the
 * bank's record of who brought the cash) to the credited account. Invariant: every deposit is
 * below its threshold and the deposits of an instance sum above it.
 */
export const structuring: Typology<StructuringParams> = {
  name: 'structuring',
  subtypes: STRUCTURING_SUBTYPES,
  describe: {
    classic_structuring:
      'one person makes 2+ cash deposits (`transfer`, type deposit) from their own account into another of their accounts within 1–3 days, each just below the threshold, together above it',
    smurfing:
      'several smurfs (persons) each deposit cash once or twice from their own account into one beneficiary account within hours to days, each below the threshold, together above it',
    geographic_smurfing:
      'smurfs deposit cash into one beneficiary account in different countries and cities, each in the local currency below that country\u2019s threshold, together above the highest of them',
    temporal_smurfing:
      'one depositor pays cash into a beneficiary account at a regular interval (daily to weekly, ± 15 min) over days or weeks, each deposit just below the threshold',
    account_hopping:
      'a controller deposits cash below the threshold into 2–4 newly opened accounts held by nominees and `owns` (beneficial) by the controller, then each forwards its deposits back in one `transfer`',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<StructuringParams> {
    const { rng, config, time } = ctx;
    const plan = drawDepositPlan(rng, config, time, subtype, lookAlike);
    const hopping = subtype === 'account_hopping' && !lookAlike;
    const firstMs = Math.min(...plan.deposits.map((d) => d.atMs));
    // Opened shortly before the first deposit: young accounts are part of the red flag.
    const daysBeforeFirst = Math.ceil((time.referenceMs - firstMs) / MS_PER_DAY);
    return {
      subtype,
      params: {
        plan,
        lookAlike,
        hopCurrency: rng.pick(HOP_CURRENCIES),
        hopOpenedDaysAgo: hopping
          ? Array.from({ length: plan.receivers }, () => daysBeforeFirst + rng.int(1, 30))
          : [],
        nomineePicks: hopping ? Array.from({ length: plan.receivers }, () => rng.next()) : [],
      },
      entities: hopping ? { account: plan.receivers } : {},
      events: { transfer: plan.deposits.length + plan.consolidationsMs.length },
    };
  },

  entityOverrides(draft, _slots, ctx) {
    const { params } = draft;
    return {
      account: params.hopOpenedDaysAgo.map((days, j) => ({
        // A background person holds it as nominee; the controller's beneficial ownership is a
        // pattern link. Named when generated, when it is known who is background.
        owner: (g: GeneratorContext) => ({
          label: 'person' as const,
          index: backgroundPerson(g, params.nomineePicks[j] ?? 0),
        }),
        type: ctx.rng.chance(0.5) ? 'checking' : 'savings',
        currency: params.hopCurrency,
        openedDaysAgo: days,
      })),
    };
  },

  realize(ctx, draft, slots) {
    return emit(ctx, draft, slots, castOf(ctx, draft, slots));
  },

  // The same cast and shape; draft.params.lookAlike switches the amounts and drops the truth.
  realizeLookAlike(ctx, draft, slots) {
    return emit(ctx, draft, slots, castOf(ctx, draft, slots));
  },
};

/** The background person a uniform draw points at. */
function backgroundPerson(ctx: GeneratorContext, u: number): number {
  const { population } = ctx;
  const background = population.personCount - population.added.person.size;
  let target = Math.min(background - 1, Math.floor(u * background));
  for (let p = 0; p < population.personCount; p++) {
    if (population.added.person.has(p)) continue;
    if (target-- === 0) return p;
  }
  throw new Error('account hopping: no background person to hold an account');
}

/** Depositors and receiving accounts from the population (and the accounts a controller opens). */
function castOf(
  ctx: GeneratorContext,
  draft: PatternDraft<StructuringParams>,
  slots: PatternSlots,
): Cast {
  const { rng, population } = ctx;
  const { plan, lookAlike } = draft.params;
  const subtype = draft.subtype;
  if (subtype === 'classic_structuring') {
    const people = holders(ctx, 2);
    let person: number;
    let from: number;
    let to: number;
    if (people.length > 0) {
      person = rng.pick(people);
      [from, to] = rng.sample(cashAccountsOf(ctx, person), 2) as [number, number];
    } else {
      // Nobody holds two accounts (fewer accounts than customers): the structurer pays the cash
      // into a relative's account, or failing that anyone else's.
      const single = holders(ctx, 1);
      if (single.length === 0)
        throw new Error('classic structuring: no person holds an account in the population');
      person = rng.pick(single);
      from = cashAccountsOf(ctx, person)[0] as number;
      const family = (population.relatedOf.get(person) ?? []).flatMap((q) =>
        population.added.person.has(q) ? [] : cashAccountsOf(ctx, q),
      );
      to = family.length > 0 ? rng.pick(family) : personAccount(ctx, new Set([from]));
    }
    return {
      depositors: [{ person, account: from }],
      receivers: [to],
      roles: { depositor: 'structurer', receiver: 'receiving_account' },
      addedAccounts: [],
    };
  }
  if (subtype === 'account_hopping') {
    // The controller is none of the nominees holding the accounts they control.
    const nominees = new Set(
      lookAlike
        ? []
        : Array.from(
            { length: plan.receivers },
            (_, j) => population.accountOwnerIndex[slots.entity('account', j)] ?? -1,
          ),
    );
    const controller = drawDepositors(ctx, 1, nominees, 1, subtype)[0] as {
      person: number;
      account: number;
    };
    const receivers: number[] = [];
    if (lookAlike) {
      // Honest: cash paid into other people's accounts (family, a landlord…), no control link.
      const excluded = new Set(population.accountsOfPerson.get(controller.person) ?? []);
      for (let j = 0; j < plan.receivers; j++) {
        const account = personAccount(ctx, excluded);
        excluded.add(account);
        receivers.push(account);
      }
    } else {
      for (let j = 0; j < plan.receivers; j++) receivers.push(slots.entity('account', j));
    }
    return {
      depositors: [controller],
      receivers,
      roles: { depositor: 'controller', receiver: 'controlled_account' },
      addedAccounts: lookAlike ? [] : receivers,
    };
  }
  // smurfing, geographic and temporal: depositors pay into someone else's account.
  const beneficiary = personAccount(ctx);
  const owner = population.accountOwnerIndex[beneficiary] ?? -1;
  const depositors = drawDepositors(
    ctx,
    plan.depositors,
    new Set([owner]),
    Math.min(2, plan.depositors),
    subtype,
  );
  return {
    depositors,
    receivers: [beneficiary],
    roles: { depositor: 'smurf', receiver: 'beneficiary_account' },
    addedAccounts: [],
  };
}

/** Emits the deposits (and consolidations), the control links and, for real instances, the truth. */
function emit(
  ctx: GeneratorContext,
  draft: PatternDraft<StructuringParams>,
  slots: PatternSlots,
  cast: Cast,
): PatternOutput {
  const { rng, population } = ctx;
  const { plan, lookAlike } = draft.params;
  const { subtype } = draft;
  const geographic = subtype === 'geographic_smurfing';

  // Where each deposit is made, and the threshold (and currency) that applies there.
  const placeOf = (d: PlannedDeposit) => {
    const to = cast.receivers[d.receiver] as number;
    const country = d.country ?? population.countryOfAccount(to);
    return { to, country, threshold: thresholdFor(country) };
  };
  const places = plan.deposits.map(placeOf);
  const amounts = lookAlike
    ? lookAlikeAmounts(ctx, draft, places)
    : places.map((p) => justBelowThreshold(rng, p.threshold.amount));

  const deposits = plan.deposits.map((d, k) => {
    const place = places[k] as (typeof places)[number];
    const depositor = cast.depositors[d.depositor % cast.depositors.length] as {
      account: number;
    };
    const edge = transferEdge(ctx, transferId(slots.event('transfer', k)), {
      from: depositor.account,
      to: place.to,
      timestampMs: d.atMs,
      amount: amounts[k] as number,
      currency: place.threshold.currency,
      type: 'deposit',
      originatingCountry: place.country,
      status: 'completed',
    });
    if (!geographic) return edge;
    // The branch's city, so the location agrees with the country the deposit is made in.
    const city = rng.pick(DEPOSIT_CITIES[place.country] ?? ['Unknown']);
    return { ...edge, properties: { ...edge.properties, location: city } };
  });

  // Account hopping: each opened account forwards everything it received to the controller.
  const controllerAccount = cast.depositors[0]?.account as number;
  const consolidations = plan.consolidationsMs.map((atMs, j) => {
    const from = cast.receivers[j] as number;
    const received = deposits.filter((t) => t.inV === vertexId('account', from));
    const amount = cents(received.reduce((sum, t) => sum + t.properties.amount_base, 0));
    return transferEdge(ctx, transferId(slots.event('transfer', plan.deposits.length + j)), {
      from,
      to: controllerAccount,
      timestampMs: atMs,
      amount,
      currency: ctx.config.baseCurrency,
      type: 'transfer',
      status: 'completed',
    });
  });

  const transfers = [...deposits, ...consolidations];
  const units = { transfer: transfers.map((t) => [t]) };
  if (lookAlike) return { units, links: [], truth: null };

  const controller = cast.depositors[0]?.person as number;
  const links: EdgeRecord<'owns'>[] =
    subtype === 'account_hopping'
      ? cast.receivers.map((account, j) => {
          const id = formatId(EDGE_ID_PREFIX.owns, account * 10 + 5);
          const since = isoDate(
            startOfDay(ctx.time.referenceMs) - (draft.params.hopOpenedDaysAgo[j] ?? 0) * MS_PER_DAY,
          );
          return {
            label: 'owns',
            id,
            outV: vertexId('person', controller),
            inV: vertexId('account', account),
            properties: { ownership_id: id, role: 'beneficial', since },
          };
        })
      : [];

  return { units, links, truth: truthOf(ctx, draft, slots, cast, deposits, consolidations) };
}

/** Look-alike amounts: per-deposit rules fire (or deposits are isolated), the sum rule does not. */
function lookAlikeAmounts(
  ctx: GeneratorContext,
  draft: PatternDraft<StructuringParams>,
  places: readonly { country: string; threshold: { amount: number; currency: string } }[],
): number[] {
  const { rng } = ctx;
  const { plan } = draft.params;
  // Isolated deposits weeks apart: each just below, the sum above — but no burst, no rhythm.
  if (draft.subtype === 'temporal_smurfing')
    return places.map((p) => justBelowThreshold(rng, p.threshold.amount, 0.1));
  const currencies = new Set(places.map((p) => p.threshold.currency));
  if (currencies.size === 1) {
    const threshold = places[0]?.threshold.amount ?? 10_000;
    return amountsSummingBelow(rng, places.length, threshold, plan.nearDeposit);
  }
  // Across thresholds: in USD, below the lowest threshold involved; the near deposit is made
  // where that lowest threshold applies.
  const usdThresholds = places.map((p) => toUsd(p.threshold.amount, p.threshold.currency));
  const lowest = usdThresholds.indexOf(Math.min(...usdThresholds));
  const usd = amountsSummingBelow(rng, places.length, usdThresholds[lowest] as number, lowest);
  return usd.map((amount, k) => {
    const { currency } = (places[k] as (typeof places)[number]).threshold;
    return Math.max(0.01, Math.floor((amount / toUsd(1, currency)) * 100) / 100);
  });
}

function truthOf(
  ctx: GeneratorContext,
  draft: PatternDraft<StructuringParams>,
  slots: PatternSlots,
  cast: Cast,
  deposits: readonly EdgeRecord<'transfer'>[],
  consolidations: readonly EdgeRecord<'transfer'>[],
) {
  const { subtype, params } = draft;
  const { plan } = params;
  const currency = ctx.config.baseCurrency;
  const total = deposits.reduce((sum, t) => sum + t.properties.amount_base, 0);
  const totalUsd = toUsd(total, currency);
  const participants: Participant[] = [];
  for (const d of cast.depositors) {
    participants.push(
      { id: vertexId('person', d.person), label: 'person', role: cast.roles.depositor },
      { id: vertexId('account', d.account), label: 'account', role: 'depositor_account' },
    );
  }
  for (const account of cast.receivers) {
    participants.push({
      id: vertexId('account', account),
      label: 'account',
      role: cast.roles.receiver,
    });
    const owner = ownerOf(ctx, account);
    const role =
      subtype === 'account_hopping'
        ? 'nominee_holder'
        : subtype === 'classic_structuring'
          ? cast.roles.depositor
          : 'beneficiary';
    participants.push({ id: vertexId(owner.label, owner.index), label: owner.label, role });
  }
  const smurfs = cast.depositors.length;
  const events = [...deposits, ...consolidations];
  const indicators = ['structuring_detected', 'below_threshold_transactions', 'aml_red_flag'];
  switch (subtype) {
    case 'classic_structuring':
      indicators.push('repeated_cash_deposits', 'own_account_deposits');
      break;
    case 'smurfing':
      indicators.push('multiple_smurfs', 'coordinated_deposits');
      break;
    case 'geographic_smurfing':
      indicators.push('geographic_distribution', 'multiple_locations', 'multiple_currencies');
      break;
    case 'temporal_smurfing':
      indicators.push('temporal_clustering', 'time_based_pattern', 'regular_interval_deposits');
      break;
    case 'account_hopping':
      indicators.push('multiple_accounts', 'account_switching', 'funds_consolidation');
      break;
    default:
      break;
  }
  if (smurfs >= 5) indicators.push('large_smurf_network');
  if (deposits.length >= 20) indicators.push('high_transaction_frequency');
  const redFlags = ['ctr_evasion_suspected', 'money_laundering_indicator'];
  if (totalUsd > 100_000) redFlags.push('high_total_value');
  if (deposits.length > 15) redFlags.push('excessive_transaction_count');
  if (subtype === 'account_hopping') redFlags.push('newly_opened_accounts', 'nominee_accounts');
  const times = events.map((t) => Date.parse(t.properties.timestamp));
  const durationDays = (Math.max(...times) - Math.min(...times)) / MS_PER_DAY;
  const confidence = confidenceOf(indicators.length, redFlags.length, total, durationDays);
  return buildTruth({
    patternId: slots.patternId,
    typology: 'structuring',
    subtype,
    participants,
    addedEntities: cast.addedAccounts.map((a) => vertexId('account', a)),
    events,
    eventTimesMs: times,
    totalValue: total,
    currency,
    indicators,
    redFlags,
    severity:
      0.5 * confidence +
      (totalUsd > 100_000 ? 0.2 : 0) +
      (smurfs >= 5 ? 0.2 : 0) +
      (indicators.length >= 5 ? 0.1 : 0),
    parameters: {
      deposit_count: deposits.length,
      smurf_count: smurfs,
      receiving_account_count: cast.receivers.length,
      time_window_hours: Math.round(plan.spanHours * 100) / 100,
      interval_hours: plan.intervalHours,
      countries: [...new Set(deposits.map((t) => t.properties.originating_country))],
      threshold_currencies: [...new Set(deposits.map((t) => t.properties.currency))],
      average_deposit: Math.round((total / Math.max(1, deposits.length)) * 100) / 100,
      below_threshold_count: deposits.length,
      consolidation_count: consolidations.length,
    },
  });
}
