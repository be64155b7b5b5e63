import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import type { Rng } from '../../../random/index.js';
import type { PersonOverrides } from '../../core/person.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR, startOfDay } from '../../time.js';
import { cashOutCount, cashOutPayments } from '../cash-out.js';
import { creditBuildingPurchase } from '../credit-building.js';
import type { PatternDraft } from '../typology.js';
import {
  accountParticipants,
  between,
  companyHeld,
  daysAgoAt,
  drawAccount,
  merchantHeld,
  openingMs,
  personHeld,
} from '../ring/draw.js';
import { LAUNDERING_COMPANY_SHARES } from '../graph/accounts.js';
import { drawFrame, ringTruth, type RingFrame, type RingShape } from '../ring/shape.js';
import { patternTransfer, totalOf } from '../ring/transfer.js';

/** Identity fragments synthetic identities reuse. */
export const IDENTITY_ATTRIBUTES = ['phone', 'email_domain', 'street', 'tax_id_prefix'] as const;
export type IdentityAttribute = (typeof IDENTITY_ATTRIBUTES)[number];

/** One fragment and the members (indexes among the identities) that carry it. */
export interface SharedFragment {
  readonly attribute: IdentityAttribute;
  readonly value: string;
  /** street only: the city that goes with it. */
  readonly city?: string;
  readonly members: readonly number[];
}

export interface SyntheticParams {
  readonly frame: RingFrame;
  /** The look-alike: an honest household sharing an address. */
  readonly household: boolean;
  /** Identities (added persons), each with one added account. */
  readonly identities: number;
  readonly fragments: readonly SharedFragment[];
  readonly openedDaysAgo: readonly number[];
  readonly unemployed: readonly boolean[];
  /** Cash-out payments from the cash-out account after the max-out; 0 in a look-alike. */
  readonly spends: number;
  /** Small credit-building transfers among the identities (look-alike: per member payments). */
  readonly buildUps: readonly number[];
}

/** Build-up payments stay below this; max-outs are above the largest possible one. */
export const BUILD_UP_MAX_AMOUNT = 400;
/** Share of the build-up payments after the first round that are purchases at merchants. */
const BUILD_UP_PURCHASE_SHARE = 0.9;
const MAX_OUT_MIN_AMOUNT = 2_500;
/** Openings in the first 20 % of the window, build-up to 85 %, max-out in the last 10 %. */
const OPENINGS_END = 0.2;
const BUILD_UP_END = 0.85;
const MAX_OUT_START = 0.9;

const STREETS = ['Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Lakeview', 'Hillcrest', 'Sunset'];
const STREET_TYPES = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Ct'];
const CITIES = ['Houston', 'Phoenix', 'Atlanta', 'Miami', 'Dallas', 'Newark', 'Fresno', 'Tampa'];
const TLDS = ['.net', '.info', '.biz', '.co'];

function fragmentValue(rng: Rng, attribute: IdentityAttribute): Omit<SharedFragment, 'members'> {
  switch (attribute) {
    case 'phone':
      return { attribute, value: `+1-${rng.int(201, 989)}-555-${rng.digits(4)}` };
    case 'email_domain':
      return { attribute, value: rng.letters(7).toLowerCase() + rng.pick(TLDS) };
    case 'street':
      return {
        attribute,
        value: `${rng.int(10, 9_999)} ${rng.pick(STREETS)} ${rng.pick(STREET_TYPES)}`,
        city: rng.pick(CITIES),
      };
    case 'tax_id_prefix':
      return { attribute, value: rng.digits(3) };
  }
}

/**
 * Which fragments the identities share: one fragment shared by all of them, and each other
 * fragment, half the time, by a subset of at least two.
 */
function drawFragments(rng: Rng, identities: number): SharedFragment[] {
  const everyone = Array.from({ length: identities }, (_, k) => k);
  const [primary, ...others] = rng.sample(IDENTITY_ATTRIBUTES, IDENTITY_ATTRIBUTES.length);
  const fragments: SharedFragment[] = [
    { ...fragmentValue(rng, primary ?? 'phone'), members: everyone },
  ];
  for (const attribute of others) {
    if (!rng.chance(0.5)) continue;
    const members = rng.sample(everyone, rng.int(2, identities)).sort((a, b) => a - b);
    fragments.push({ ...fragmentValue(rng, attribute), members });
  }
  return fragments;
}

/** The person overrides of identity k: the fragments it carries, US-formatted. */
function identityOverrides(
  rng: Rng,
  params: SyntheticParams,
  k: number,
  householdOnly: boolean,
): PersonOverrides {
  let overrides: PersonOverrides = {
    nationality: 'US',
    ...(householdOnly ? {} : { unemployed: params.unemployed[k] ?? false }),
  };
  for (const fragment of params.fragments) {
    if (!fragment.members.includes(k)) continue;
    switch (fragment.attribute) {
      case 'phone':
        overrides = { ...overrides, phone: fragment.value };
        break;
      case 'email_domain':
        overrides = {
          ...overrides,
          email: `${rng.letters(1).toLowerCase()}${rng.letters(6).toLowerCase()}${rng.digits(2)}@${fragment.value}`,
        };
        break;
      case 'street':
        overrides = { ...overrides, street: fragment.value, city: fragment.city ?? 'Houston' };
        break;
      case 'tax_id_prefix':
        overrides = { ...overrides, taxId: `${fragment.value}-${rng.digits(2)}-${rng.digits(4)}` };
        break;
    }
  }
  return overrides;
}

/**
 * Synthetic-identity ring: new persons (added) built from shared identity fragments — a phone,
 * an email domain, a street address or a tax-id prefix — each opening a credit-card account in
 * the first days of the window; they build credit with small purchases at ordinary merchants
 * and small transfers among themselves, then each maxes out in one large cash-advance to the
 * organiser's account at the end.
 */
export const syntheticIdentity: RingShape<SyntheticParams> = {
  describe:
    'added `person`s sharing a phone, email domain, street or tax-id prefix, each opening a credit-card `account` early in the window; small `transfer`s (< 400) round a cycle of them, then mostly purchases at ordinary merchants and now and then another among them, then one max-out transfer each (≥ 2 500) in the last days to the organiser account (held by a person or, as often, by a front business), which spends it in 8–20 cash-out payments (see cash-out.ts)',

  draft(ctx, subtype, lookAlike): PatternDraft<SyntheticParams> {
    const { rng, time } = ctx;
    const frame = drawFrame(ctx);
    if (lookAlike) {
      // A household: 2–4 honest people at one address, long-standing accounts, separate payees.
      const members = rng.int(2, 4);
      const payments = Array.from({ length: members }, () => rng.int(2, 4));
      return {
        subtype,
        params: {
          frame,
          household: true,
          identities: members,
          fragments: [
            {
              ...fragmentValue(rng, 'street'),
              members: Array.from({ length: members }, (_, k) => k),
            },
          ],
          openedDaysAgo: Array.from({ length: members }, () => rng.int(30, 3_000)),
          unemployed: Array.from({ length: members }, () => false),
          spends: 0,
          buildUps: payments,
        },
        entities: { person: members, account: members },
        events: { transfer: payments.reduce((a, b) => a + b, 0) },
      };
    }
    const identities = frame.size;
    const openingsEnd = frame.startMs + (frame.endMs - frame.startMs) * OPENINGS_END;
    // Midnights inside [start, openingsEnd]: the window is at least 5 days, so there is one.
    const newest = daysAgoAt(time.referenceMs, openingsEnd);
    const oldest = Math.max(
      newest,
      Math.floor((startOfDay(time.referenceMs) - frame.startMs) / MS_PER_DAY),
    );
    const openedDaysAgo = Array.from({ length: identities }, () => rng.int(newest, oldest));
    const buildUps = Math.max(identities, frame.transactions - identities);
    const spends = cashOutCount(rng);
    return {
      subtype,
      params: {
        frame,
        household: false,
        identities,
        fragments: drawFragments(rng, identities),
        openedDaysAgo,
        unemployed: Array.from({ length: identities }, () => rng.chance(0.6)),
        spends,
        buildUps: [buildUps],
      },
      entities: { person: identities, account: identities },
      events: { transfer: buildUps + identities + spends },
    };
  },

  entityOverrides(draft, slots, ctx) {
    const { params } = draft;
    const lookAlike = params.household;
    return {
      person: Array.from({ length: params.identities }, (_, k) =>
        identityOverrides(ctx.rng, params, k, lookAlike),
      ),
      account: Array.from({ length: params.identities }, (_, k) => ({
        owner: { label: 'person' as const, index: slots.entity('person', k) },
        type: lookAlike ? 'checking' : 'credit_card',
        openedDaysAgo: params.openedDaysAgo[k] ?? 0,
      })),
    };
  },

  realize(ctx, draft, slots) {
    const { rng, time } = ctx;
    const { frame, identities, openedDaysAgo, buildUps, fragments, spends } = draft.params;
    const persons = Array.from({ length: identities }, (_, k) => slots.entity('person', k));
    const accounts = Array.from({ length: identities }, (_, k) => slots.entity('account', k));
    const opened = openedDaysAgo.map((days) => openingMs(time.referenceMs, days));
    const span = frame.endMs - frame.startMs;
    const buildUpEnd = frame.startMs + span * BUILD_UP_END;
    // The organiser's account: a person's, or as often a front business the identities "buy"
    // from, as a bust-out maxes cards out at a colluding merchant (graph/accounts.ts).
    const cashOut = drawAccount(
      ctx,
      rng.chance(LAUNDERING_COMPANY_SHARES.end) ? merchantHeld(ctx) : personHeld(ctx),
    );
    const transfers: EdgeRecord<'transfer'>[] = [];
    const times: number[] = [...opened];
    const count = buildUps[0] ?? identities;
    for (let k = 0; k < count; k++) {
      // The first round is a cycle, so every identity both pays and is paid; after it, each
      // build-up payment is a small purchase at an ordinary merchant, the way a new credit line
      // earns its limit (credit-building.ts), or now and then another transfer among them.
      const from = k < identities ? k : rng.int(0, identities - 1);
      const purchase =
        k >= identities && rng.chance(BUILD_UP_PURCHASE_SHARE)
          ? creditBuildingPurchase(
              ctx,
              accounts[from] ?? 0,
              {
                earliestMs: Math.max(opened[from] ?? 0, frame.startMs) + MS_PER_HOUR,
                latestMs: buildUpEnd,
              },
              BUILD_UP_MAX_AMOUNT,
              new Set([cashOut, ...accounts]),
            )
          : undefined;
      if (purchase !== undefined) {
        times.push(purchase.atMs);
        transfers.push(patternTransfer(ctx, slots, k, purchase));
        continue;
      }
      const to =
        k < identities ? (k + 1) % identities : (from + rng.int(1, identities - 1)) % identities;
      const after = Math.max(opened[from] ?? 0, opened[to] ?? 0, frame.startMs) + MS_PER_HOUR;
      const at = between(rng, after, buildUpEnd);
      times.push(at);
      transfers.push(
        patternTransfer(ctx, slots, k, {
          from: accounts[from] ?? 0,
          to: accounts[to] ?? 0,
          atMs: at,
          amount: cents(rng.float(25, BUILD_UP_MAX_AMOUNT)),
          type: 'transfer',
        }),
      );
    }
    accounts.forEach((account, k) => {
      const at = between(rng, frame.startMs + span * MAX_OUT_START, frame.endMs);
      times.push(at);
      transfers.push(
        patternTransfer(ctx, slots, count + k, {
          from: account,
          to: cashOut,
          atMs: at,
          amount: cents(rng.float(MAX_OUT_MIN_AMOUNT, 15_000)),
          type: 'transfer',
        }),
      );
    });
    const maxedOut = totalOf(transfers);
    // The cash-out account turns the credit into cash and goods (see cash-out.ts).
    for (const payment of cashOutPayments(ctx, cashOut, Math.max(...times), spends, {
      latestMs: frame.endMs,
    })) {
      times.push(payment.atMs);
      transfers.push(patternTransfer(ctx, slots, transfers.length, payment));
    }
    const participants: Participant[] = [
      ...persons.map((p) => ({
        id: vertexId('person', p),
        label: 'person',
        role: 'synthetic_identity',
      })),
      ...accounts.map((a) => ({
        id: vertexId('account', a),
        label: 'account',
        role: 'synthetic_account',
      })),
      ...accountParticipants(ctx, cashOut, 'cash_out'),
    ];
    return {
      units: { transfer: transfers.map((t) => [t]) },
      links: [],
      truth: ringTruth({
        slots,
        subtype: draft.subtype,
        ringSize: identities,
        participants,
        addedEntities: [
          ...persons.map((p) => vertexId('person', p)),
          ...accounts.map((a) => vertexId('account', a)),
        ],
        events: transfers,
        eventTimesMs: times,
        totalValue: maxedOut,
        subtypeIndicators: [
          'synthetic_identity_suspected',
          'fabricated_identity_indicators',
          'credit_building_pattern',
          'bust_out_preparation',
          'shared_identity_attributes',
          'newly_opened_accounts',
        ],
        subtypeRedFlags: ['identity_fabrication', 'credit_fraud_indicators'],
        parameters: {
          identities,
          shared_attributes: fragments.map((f) => ({
            attribute: f.attribute,
            value: f.value,
            members: f.members.length,
          })),
          build_up_transfers: count,
          duration_days: frame.durationDays,
        },
      }),
    };
  },

  /**
   * A household: honest people who share a street address (added persons), each with a
   * long-standing account, paying their own merchants — shared identity fragment, no credit
   * building among them, no max-out.
   */
  realizeLookAlike(ctx, draft, slots) {
    const { rng } = ctx;
    const { frame, identities, buildUps } = draft.params;
    const accounts = Array.from({ length: identities }, (_, k) => slots.entity('account', k));
    const transfers: EdgeRecord<'transfer'>[] = [];
    accounts.forEach((account, k) => {
      for (let t = 0; t < (buildUps[k] ?? 0); t++) {
        transfers.push(
          patternTransfer(ctx, slots, transfers.length, {
            from: account,
            to: drawAccount(ctx, companyHeld(ctx)),
            atMs: between(rng, frame.startMs, frame.endMs),
            amount: cents(rng.float(20, 800)),
            type: 'payment',
          }),
        );
      }
    });
    return { units: { transfer: transfers.map((t) => [t]) }, links: [], truth: null };
  },
};
