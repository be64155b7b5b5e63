import {
  EDGE_ID_PREFIX,
  formatId,
  vertexId,
  type EdgeRecord,
  type GraphRecord,
  type Participant,
  type PatternTruth,
} from '../../../model/index.js';
import type { Rng } from '../../../random/index.js';
import type { GeneratorContext } from '../../context.js';
import { communicationEdge, injectPhrases, messageContent } from '../../events/communication.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { TAKEOVER_PURCHASE_SHARE, takeoverPurchase } from '../cash-out.js';
import { ATTACKER_COUNTRIES } from '../ring/attackers.js';
import { between, companyHeld, daysAgoAt, drawAccount } from '../ring/draw.js';
import type { Overrides } from '../ring/shape.js';
import { patternTransfer } from '../ring/transfer.js';
import { anyPerson, ownerOf } from '../participants.js';
import { baseCurrencyOf, buildTruth } from '../truth.js';
import type { DraftContext, OverrideContext, PatternDraft, PatternSlots } from '../typology.js';

export { ATTACKER_COUNTRIES };

/** What every campaign draws first: who, how many, when. */
export interface Campaign {
  /** Victims (phishing: targets; look-alike: ordinary customers). */
  readonly victims: number;
  /** Attackers: added persons, each holding one added drop account. 0 in a look-alike. */
  readonly attackers: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Fraudulent transfers follow the takeover login within this long. */
  readonly maxDelayMs: number;
}

/** Victim and attacker counts and a campaign window inside the event window. */
export function drawCampaign(ctx: DraftContext, lookAlike: boolean): Campaign {
  const { rng, config, time } = ctx;
  const victims = lookAlike ? rng.int(1, 3) : rng.int(config.catoMinVictims, config.catoMaxVictims);
  const attackers = lookAlike ? 0 : rng.int(config.catoMinAttackers, config.catoMaxAttackers);
  const spanMs = config.catoCampaignDays * MS_PER_DAY;
  const startMs = between(rng, time.windowStartMs, time.referenceMs - spanMs);
  return {
    victims,
    attackers,
    startMs,
    endMs: startMs + spanMs,
    maxDelayMs: config.catoMaxTransferDelayMinutes * MS_PER_MINUTE,
  };
}

/** The instant at `share` of the way through the campaign. */
export function at(campaign: Campaign, share: number): number {
  return Math.floor(campaign.startMs + (campaign.endMs - campaign.startMs) * share);
}

/**
 * Overrides of what a real campaign adds: attacker persons (abroad, no job), one drop account
 * each (opened days before the campaign), and `devices` attacker devices first seen just before
 * the campaign starts.
 */
export function attackerOverrides(
  campaign: Campaign,
  devices: number,
  slots: PatternSlots,
  ctx: OverrideContext,
): Overrides {
  const { rng, time } = ctx;
  const before = daysAgoAt(time.referenceMs, campaign.startMs);
  return {
    person: Array.from({ length: campaign.attackers }, () => ({
      nationality: rng.pick(ATTACKER_COUNTRIES),
      unemployed: true,
    })),
    account: Array.from({ length: campaign.attackers }, (_, k) => ({
      owner: { label: 'person' as const, index: slots.entity('person', k) },
      type: 'checking',
      openedDaysAgo: before + rng.int(2, 30),
    })),
    device: Array.from({ length: devices }, () => ({
      country: rng.pick(ATTACKER_COUNTRIES),
      firstSeenMs: campaign.startMs - between(rng, 0, 12 * MS_PER_HOUR),
    })),
  };
}

/** Devices a look-alike adds (customers' new phones), first seen at the given instants. */
export function newPhoneOverrides(rng: Rng, firstSeenMs: readonly number[]): Overrides {
  return {
    device: firstSeenMs.map((ms) => ({
      country: rng.pick(['US', 'GB', 'DE', 'FR', 'CA', 'AU']),
      firstSeenMs: ms,
    })),
  };
}

/** A real campaign's attacker side: persons, their drop accounts, and attacker devices. */
export interface AttackerSide {
  readonly persons: readonly number[];
  readonly drops: readonly number[];
  readonly devices: readonly number[];
}

export function attackerSide(
  draft: PatternDraft<{ campaign: Campaign }>,
  slots: PatternSlots,
): AttackerSide {
  const n = draft.params.campaign.attackers;
  return {
    persons: Array.from({ length: n }, (_, k) => slots.entity('person', k)),
    drops: Array.from({ length: n }, (_, k) => slots.entity('account', k)),
    devices: Array.from({ length: draft.entities.device ?? 0 }, (_, k) =>
      slots.entity('device', k),
    ),
  };
}

/**
 * The person behind an account: its holder, or for a company account one of its officers (the
 * person a phishing mail or a carrier call would reach).
 */
export function holderPerson(ctx: GeneratorContext, account: number): number {
  const owner = ownerOf(ctx, account);
  if (owner.label === 'person') return owner.index;
  const officers = (ctx.population.officersOf.get(owner.index) ?? []).filter(
    (p) => !ctx.population.added.person.has(p),
  );
  return officers[0] ?? anyPerson(ctx);
}

/**
 * Appends the pattern's next fraudulent transfers; each follows `afterMs` within the delay. The
 * first moves money to an attacker's drop account; each later one is, with a chance of 60 %, a
 * purchase at a merchant paid from the victim's account instead (see cash-out.ts), as attackers
 * turn a taken-over account into goods.
 */
export function steal(
  ctx: GeneratorContext,
  slots: PatternSlots,
  out: EdgeRecord<'transfer'>[],
  parts: {
    readonly from: number;
    readonly drops: readonly number[];
    readonly afterMs: number;
    readonly count: number;
    readonly min: number;
    readonly max: number;
    readonly maxDelayMs: number;
  },
): void {
  const { rng } = ctx;
  const instants = Array.from(
    { length: parts.count },
    () => parts.afterMs + between(rng, MS_PER_MINUTE, parts.maxDelayMs + 1),
  ).sort((a, b) => a - b);
  for (const [k, instant] of instants.entries()) {
    // The first payment always moves money to a drop: that is the theft the others follow.
    const purchase =
      k > 0 && rng.chance(TAKEOVER_PURCHASE_SHARE)
        ? takeoverPurchase(ctx, parts.from, instant)
        : undefined;
    if (purchase !== undefined) {
      out.push(patternTransfer(ctx, slots, out.length, purchase));
      continue;
    }
    const amount = cents(rng.float(parts.min, parts.max));
    out.push(
      patternTransfer(ctx, slots, out.length, {
        from: parts.from,
        to: rng.pick(parts.drops),
        atMs: instant,
        amount,
        type: amount > 5_000 ? 'wire' : 'transfer',
      }),
    );
  }
}

/** Appends ordinary payments to merchants (look-alikes), `afterMs` + 5 min … 2 h. */
export function payMerchants(
  ctx: GeneratorContext,
  slots: PatternSlots,
  out: EdgeRecord<'transfer'>[],
  from: number,
  afterMs: number,
  count: number,
): void {
  const { rng } = ctx;
  for (let k = 0; k < count; k++) {
    out.push(
      patternTransfer(ctx, slots, out.length, {
        from,
        to: drawAccount(ctx, companyHeld(ctx), new Set([from])),
        atMs: afterMs + between(rng, 5 * MS_PER_MINUTE, 2 * MS_PER_HOUR),
        amount: cents(rng.float(20, 1_500)),
        type: 'payment',
      }),
    );
  }
}

/** The pattern's k-th message, `from` → `to` (person indexes); fraud phrases when `lure`. */
export function message(
  ctx: GeneratorContext,
  slots: PatternSlots,
  k: number,
  parts: { from: number; to: number; type: string; atMs: number; lure: boolean },
): EdgeRecord<'communicated'> {
  const plain = messageContent(ctx, parts.type);
  return communicationEdge(
    ctx,
    formatId(EDGE_ID_PREFIX.communicated, slots.event('communicated', k)),
    vertexId('person', parts.from),
    vertexId('person', parts.to),
    parts.type,
    parts.atMs,
    parts.lure ? injectPhrases(ctx, plain, 'fraud') : plain,
  );
}

/** Victim account and its holder, and the attacker side, as participants. */
function campaignParticipants(
  ctx: GeneratorContext,
  compromised: readonly number[],
  side: AttackerSide,
): Participant[] {
  return [
    ...compromised.flatMap((account) => [
      { id: vertexId('account', account), label: 'account', role: 'compromised_account' },
      { id: vertexId('person', holderPerson(ctx, account)), label: 'person', role: 'victim' },
    ]),
    ...side.persons.map((p) => ({ id: vertexId('person', p), label: 'person', role: 'attacker' })),
    ...side.drops.map((a) => ({
      id: vertexId('account', a),
      label: 'account',
      role: 'attacker_account',
    })),
    ...side.devices.map((d) => ({
      id: vertexId('device', d),
      label: 'device',
      role: 'attacker_device',
    })),
  ];
}

/** Everything a real campaign added, as ids. */
function addedIds(side: AttackerSide): string[] {
  return [
    ...side.persons.map((p) => vertexId('person', p)),
    ...side.drops.map((a) => vertexId('account', a)),
    ...side.devices.map((d) => vertexId('device', d)),
  ];
}

export interface CampaignTruthParts {
  readonly ctx: GeneratorContext;
  readonly slots: PatternSlots;
  readonly subtype: string;
  /** The compromised accounts: with their holders and the attacker side, the participants. */
  readonly compromised: readonly number[];
  readonly side: AttackerSide;
  /** Participants a subtype adds to those (infected devices, recipients who did not bite). */
  readonly moreParticipants?: readonly Participant[];
  readonly events: readonly GraphRecord[];
  readonly attackers: number;
  readonly subtypeIndicators: readonly string[];
  readonly subtypeRedFlags: readonly string[];
  readonly parameters: Readonly<Record<string, unknown>>;
}

function timeOf(record: GraphRecord): number {
  if ('outV' in record && 'timestamp' in record.properties)
    return Date.parse(record.properties.timestamp);
  throw new Error(`account_takeover: ${record.label} ${record.id} has no timestamp`);
}

/**
 * Ground truth of a campaign, with the original's CATO scoring on snake_case codes: confidence
 * (#indicators ≥ 20 .3 / ≥ 10 .2 / .1) + (#red flags ≥ 10 .3 / ≥ 5 .2 / .1) + (victims ≥ 10 .2 /
 * ≥ 5 .15 / .1) + (failed attempts > 100 .2 / > 50 .15 / > 0 .1); severity .4·confidence +
 * (stolen > 100k .3 / > 50k .2 / .1) + (victims ≥ 10 .2 / ≥ 5 .15 / .1) + (#indicators ≥ 20 .1).
 */
export function campaignTruth(parts: CampaignTruthParts): PatternTruth {
  const victims = parts.compromised.length;
  const transfers = parts.events.filter((e) => e.label === 'transfer');
  const logins = parts.events.filter((e) => e.label === 'logged_in');
  const stolen = transfers.reduce((sum, t) => sum + t.properties.amount_base, 0);
  const failed = logins.filter((l) => !l.properties.success).length;
  const indicators = ['account_takeover', 'coordinated_attack', ...parts.subtypeIndicators];
  if (failed > 0) indicators.push('failed_login_attempts');
  const redFlags = ['funds_to_attacker_accounts', 'newly_opened_beneficiary_accounts'];
  if (victims >= 5) redFlags.push('multiple_victims');
  if (stolen > 50_000) redFlags.push('high_value_theft');
  redFlags.push(...parts.subtypeRedFlags);
  const byVictims = victims >= 10 ? 0.2 : victims >= 5 ? 0.15 : 0.1;
  const confidence =
    (indicators.length >= 20 ? 0.3 : indicators.length >= 10 ? 0.2 : 0.1) +
    (redFlags.length >= 10 ? 0.3 : redFlags.length >= 5 ? 0.2 : 0.1) +
    byVictims +
    (failed > 100 ? 0.2 : failed > 50 ? 0.15 : failed > 0 ? 0.1 : 0);
  const severity =
    0.4 * confidence +
    (stolen > 100_000 ? 0.3 : stolen > 50_000 ? 0.2 : 0.1) +
    byVictims +
    (indicators.length >= 20 ? 0.1 : 0);
  const attackerIps = [...new Set(logins.map((l) => l.properties.ip_address))];
  return buildTruth({
    patternId: parts.slots.patternId,
    typology: 'account_takeover',
    subtype: parts.subtype,
    participants: [
      ...campaignParticipants(parts.ctx, parts.compromised, parts.side),
      ...(parts.moreParticipants ?? []),
    ],
    addedEntities: addedIds(parts.side),
    events: parts.events,
    eventTimesMs: parts.events.map(timeOf),
    totalValue: stolen,
    currency: baseCurrencyOf(transfers),
    indicators,
    redFlags,
    severity,
    parameters: {
      attack_type: parts.subtype,
      victim_count: victims,
      attacker_count: parts.attackers,
      failed_attempts: failed,
      total_stolen: Math.round(stolen * 100) / 100,
      login_ips: attackerIps,
      ...parts.parameters,
    },
  });
}
