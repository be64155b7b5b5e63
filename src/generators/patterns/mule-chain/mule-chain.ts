import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { vertexId, type EdgeRecord, type Participant } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { eventWindowMs } from '../../event-window.js';
import { transferEdge, transferId } from '../../events/transfer.js';
import { cents } from '../../money.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../time.js';
import { cashOutCount, cashOutPayments } from '../cash-out.js';
import { anyAccount, ownerOf, personAccount } from '../participants.js';
import { patternTransfer } from '../ring/transfer.js';
import { buildTruth } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';

export interface MuleChainParams {
  /** Accounts in the chain, victim and cash-out included. */
  readonly length: number;
  readonly startAmount: number;
  readonly firstHopMs: number;
  /** Delay before each hop after the first, minutes. */
  readonly hopDelaysMinutes: readonly number[];
  /** Share of the amount each mule passes on (keeps 94–98 %). */
  readonly keepRates: readonly number[];
  /** Cash withdrawals and purchases the last account makes with the money. */
  readonly cashOuts: number;
}

/**
 * Authorised-push-payment fraud cashed out through a chain of mules: the victim pays the first
 * mule, each mule forwards 94–98 % of what it received within minutes, the last account cashes
 * out in 8–20 payments (ATM withdrawals, purchases, bills) within four days (see cash-out.ts). The
 * mule accounts are new (opened 3–45 days before the first hop) and held by recruited background
 * persons. Invariant: every hop follows the previous one within the configured delay and keeps
 * 94–98 % of its amount; the cash-out payments follow the last hop.
 */
export const muleChain: Typology<MuleChainParams> = {
  name: 'mule_chain',
  subtypes: ['app_mule_chain'],
  describe: {
    app_mule_chain:
      'victim account → 1–4 newly opened mule accounts → cash-out account: one `transfer` per hop, each 5–30 min after the previous and 94–98 % of its amount; then 8–20 cash-out payments (ATM withdrawals, purchases, bills; see cash-out.ts) from the cash-out account within four days',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<MuleChainParams> {
    const { rng, config, time } = ctx;
    const length = rng.int(config.muleChainMinLength, config.muleChainMaxLength);
    const hops = length - 1;
    const hopDelaysMinutes = Array.from({ length: hops - 1 }, () =>
      lookAlike
        ? rng.int(24 * 60, 4 * 24 * 60)
        : rng.int(config.muleHopMinMinutes, config.muleHopMaxMinutes),
    );
    const spanMs = hopDelaysMinutes.reduce((sum, m) => sum + m, 0) * MS_PER_MINUTE;
    const latestStart = time.referenceMs - spanMs - MS_PER_HOUR;
    const firstHopMs = Math.floor(
      time.windowStartMs + rng.next() * Math.max(0, latestStart - time.windowStartMs),
    );
    // A look-alike's last account spends too: people spend money they receive.
    const cashOuts = cashOutCount(rng);
    return {
      subtype,
      params: {
        length,
        startAmount: rng.int(5_000, 25_000),
        firstHopMs,
        hopDelaysMinutes,
        keepRates: Array.from({ length: hops - 1 }, () =>
          lookAlike ? rng.float(0.5, 1.5) : rng.float(0.94, 0.98),
        ),
        cashOuts,
      },
      // A look-alike moves money along existing accounts; a real chain opens its mule accounts.
      entities: lookAlike ? {} : { account: length - 2 },
      events: { transfer: hops + cashOuts },
    };
  },

  entityOverrides(draft, _slots, ctx) {
    const mules = draft.entities.account ?? 0;
    // Opened 3–45 days before the first hop: young accounts, but never younger than their use.
    const daysBeforeFirstHop = Math.ceil(
      (ctx.time.referenceMs - draft.params.firstHopMs) / MS_PER_DAY,
    );
    return {
      account: Array.from({ length: mules }, () => ({
        owner: { label: 'person' as const, index: ctx.rng.int(0, ctx.totals.person - 1) },
        type: 'checking',
        openedDaysAgo: daysBeforeFirstHop + ctx.rng.int(3, 45),
      })),
    };
  },

  realize(ctx, draft, slots) {
    return chain(ctx, draft, slots, false);
  },

  realizeLookAlike(ctx, draft, slots) {
    return chain(ctx, draft, slots, true);
  },
};

function chain(
  ctx: GeneratorContext,
  draft: PatternDraft<MuleChainParams>,
  slots: PatternSlots,
  lookAlike: boolean,
): PatternOutput {
  const { params } = draft;
  const victim = personAccount(ctx);
  const used = new Set([victim]);
  const middle = Array.from({ length: params.length - 2 }, (_, k) => {
    const account = lookAlike ? anyAccount(ctx, used) : slots.entity('account', k);
    used.add(account);
    return account;
  });
  const cashOut = anyAccount(ctx, used);
  const accounts = [victim, ...middle, cashOut];

  const transfers: EdgeRecord<'transfer'>[] = [];
  const times: number[] = [];
  let amount = params.startAmount;
  let at = params.firstHopMs;
  for (let hop = 0; hop < accounts.length - 1; hop++) {
    if (hop > 0) {
      at += (params.hopDelaysMinutes[hop - 1] ?? 0) * MS_PER_MINUTE;
      amount = cents(amount * (params.keepRates[hop - 1] ?? 1));
    }
    const from = accounts[hop] as number;
    const to = accounts[hop + 1] as number;
    times.push(at);
    transfers.push(
      transferEdge(ctx, transferId(slots.event('transfer', hop)), {
        from,
        to,
        timestampMs: at,
        amount,
        currency: 'USD',
        type: hop === 0 ? 'transfer' : 'wire',
        status: 'completed',
      }),
    );
  }
  const hops = transfers.length;
  const total = transfers.reduce((sum, t) => sum + t.properties.amount_base, 0);
  for (const payment of cashOutPayments(ctx, cashOut, at, params.cashOuts, {
    exclude: new Set(accounts),
  })) {
    times.push(payment.atMs);
    transfers.push(patternTransfer(ctx, slots, transfers.length, payment));
  }
  const units = { transfer: transfers.map((t) => [t]) };
  if (lookAlike) return { units, links: [], truth: null };

  const participants: Participant[] = accounts.flatMap((account, k) => {
    const role = k === 0 ? 'victim' : k === accounts.length - 1 ? 'cash_out' : 'mule';
    const owner = ownerOf(ctx, account);
    return [
      { id: vertexId('account', account), label: 'account', role },
      { id: vertexId(owner.label, owner.index), label: owner.label, role: `${role}_holder` },
    ];
  });
  const indicators = [
    'app_fraud_suspected',
    'rapid_multi_hop_transfers',
    'mule_account_chain',
    'cash_out_pattern',
  ];
  const redFlags = [
    'velocity_across_intermediary_accounts',
    'funds_dispersal_and_extraction',
    'newly_opened_accounts',
  ];
  return {
    units,
    links: [],
    truth: buildTruth({
      patternId: slots.patternId,
      typology: 'mule_chain',
      subtype: draft.subtype,
      participants,
      addedEntities: middle.map((a) => vertexId('account', a)),
      events: transfers,
      eventTimesMs: times,
      totalValue: total,
      currency: ctx.config.baseCurrency,
      indicators,
      redFlags,
      severity:
        0.5 * 0.7 +
        Math.min(hops * 0.08, 0.25) +
        (total >= 100_000 ? 0.2 : total >= 50_000 ? 0.1 : 0),
      parameters: { ...params, first_hop: new Date(params.firstHopMs).toISOString() },
    }),
  };
}

/** Chain lengths and delays the config asks for must be possible. */
export function validateMuleChain(config: GenerationConfig): void {
  if (config.muleChainMinLength < 3) {
    throw new ConfigError(
      'mule_chain_min_length',
      config.muleChainMinLength,
      'must be ≥ 3 (victim, at least one mule, cash-out)',
    );
  }
  if (config.muleChainMaxLength < config.muleChainMinLength) {
    throw new ConfigError(
      'mule_chain_max_length',
      config.muleChainMaxLength,
      `must be ≥ mule_chain_min_length (${config.muleChainMinLength})`,
    );
  }
  if (config.muleHopMaxMinutes < config.muleHopMinMinutes) {
    throw new ConfigError(
      'mule_hop_max_minutes',
      config.muleHopMaxMinutes,
      `must be ≥ mule_hop_min_minutes (${config.muleHopMinMinutes})`,
    );
  }
  if (config.muleChainPatterns === 0) return;
  const windowMs = eventWindowMs(config);
  const longestChainMs =
    (config.muleChainMaxLength - 2) * config.muleHopMaxMinutes * MS_PER_MINUTE + MS_PER_HOUR;
  if (longestChainMs > windowMs) {
    throw new ConfigError(
      'duration_days',
      windowMs / MS_PER_DAY,
      `is shorter than the longest mule chain needs (${(longestChainMs / MS_PER_HOUR).toFixed(1)} h)`,
    );
  }
  if (config.accountCount < 2 || config.personCount < 1) {
    throw new ConfigError(
      'mule_chain_patterns',
      config.muleChainPatterns,
      'needs a person-held victim account and a cash-out account: account_count ≥ 2 and person_count ≥ 1',
    );
  }
}
