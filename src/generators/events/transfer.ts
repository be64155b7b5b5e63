import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import {
  COMMON_TRANSACTION_COUNTRIES,
  COUNTRY_CODES,
  isHighRisk,
  isTaxHaven,
} from '../data/countries.js';
import { CURRENCIES, isRoundAmount, MAJOR_TRANSACTION_CURRENCIES } from '../data/money.js';
import { identifiers } from '../identifiers.js';
import { cityName, merchantName } from '../names.js';
import { pickOther } from '../pick.js';
import { cents, justBelowThreshold, randomAmount, score, thresholdFor } from '../money.js';
import { eventTime } from '../event-time.js';
import { isoDate, isoTimestamp, MS_PER_DAY } from '../time.js';

const TYPES = [
  ['transfer', 0.3],
  ['payment', 0.25],
  ['deposit', 0.15],
  ['withdrawal', 0.1],
  ['wire', 0.08],
  ['ach', 0.05],
  ['pos', 0.03],
  ['atm', 0.02],
  ['online', 0.01],
  ['check', 0.01],
] as const;

const FEE_RATE: Readonly<Record<string, number>> = {
  wire: 0.01,
  transfer: 0.005,
  payment: 0.003,
  ach: 0.002,
  pos: 0.025,
  atm: 0.02,
};
const CHANNEL: Readonly<Record<string, string>> = {
  transfer: 'online',
  payment: 'online',
  deposit: 'branch',
  withdrawal: 'branch',
  wire: 'wire',
  ach: 'online',
  pos: 'pos',
  atm: 'atm',
  online: 'online',
  check: 'branch',
};
const DESCRIPTION: Readonly<Record<string, string>> = {
  transfer: 'Account transfer',
  payment: 'Bill payment',
  deposit: 'Cash deposit',
  withdrawal: 'Cash withdrawal',
  wire: 'Wire transfer',
  ach: 'ACH transfer',
  pos: 'Card purchase',
  atm: 'ATM withdrawal',
  online: 'Online purchase',
  check: 'Check deposit',
};
const MERCHANT_CATEGORIES = [
  'retail',
  'grocery',
  'restaurant',
  'gas_station',
  'hotel',
  'airline',
  'entertainment',
  'healthcare',
  'utilities',
  'insurance',
];

/** Deposits just under the reporting threshold made by honest customers: look-alikes for structuring. */
const NEAR_THRESHOLD_PROBABILITY = 0.01;
const STATUSES = [
  ['completed', 0.92],
  ['pending', 0.05],
  ['failed', 0.02],
  ['reversed', 0.01],
] as const;
const NO_ALERTS: readonly string[] = Object.freeze([]);

/** What a caller decides about a transfer; the builder draws the rest. */
export interface TransferParts {
  readonly from: number;
  readonly to: number;
  readonly timestampMs: number;
  readonly amount: number;
  readonly currency: string;
  readonly type: string;
  readonly originatingCountry: string;
  readonly destinationCountry: string;
  /** Pattern money movements complete; background ones follow the status distribution. */
  readonly status?: string;
  readonly description?: string;
}

/**
 * Builds a transfer edge. Every derived field (round-amount flag, threshold proximity, risk,
 * alerts, fee) is computed from the final amount and countries, so injected transfers carry
 * consistent flags — the original kept flags computed for an amount it later overwrote.
 */
export function transferEdge(
  ctx: GeneratorContext,
  id: string,
  parts: TransferParts,
): EdgeRecord<'transfer'> {
  const { rng, config } = ctx;
  const { amount, currency, type, timestampMs } = parts;
  const origin = parts.originatingCountry;
  const destination = parts.destinationCountry;
  const threshold = thresholdFor(origin);
  const converted = rng.chance(0.1);
  const localCurrency = converted ? rng.pick(CURRENCIES) : null;
  const rate = converted ? Math.round(rng.float(0.5, 2) * 1e6) / 1e6 : null;
  const channel = CHANNEL[type] ?? 'online';
  const hasMerchant = type === 'pos' || type === 'online' || type === 'payment';
  const isRound = isRoundAmount(amount);
  const belowThreshold =
    currency === threshold.currency &&
    amount >= threshold.amount * 0.9 &&
    amount < threshold.amount;
  const risk =
    (amount > 100_000 ? 0.2 : amount > 50_000 ? 0.1 : 0) +
    (isRound ? 0.15 : 0) +
    (belowThreshold ? 0.25 : 0) +
    (isHighRisk(origin) ? 0.2 : 0) +
    (isHighRisk(destination) ? 0.2 : 0) +
    (isTaxHaven(origin) || isTaxHaven(destination) ? 0.15 : 0) +
    (origin !== destination ? 0.1 : 0);
  const flagged = risk > 0.5 || rng.chance(config.suspiciousTransactionRate);
  const postingMs = timestampMs + rng.int(0, 2) * MS_PER_DAY;
  return {
    label: 'transfer',
    id,
    outV: vertexId('account', parts.from),
    inV: vertexId('account', parts.to),
    properties: {
      transaction_id: id,
      reference_number: 'REF' + rng.digits(10),
      transaction_type: type,
      channel,
      timestamp: isoTimestamp(timestampMs),
      posting_date: isoTimestamp(postingMs),
      value_date: isoDate(postingMs),
      amount,
      currency,
      amount_local: rate === null ? null : cents(amount * rate),
      currency_local: localCurrency,
      exchange_rate: rate,
      fee_amount: cents(Math.max(1, amount * (FEE_RATE[type] ?? 0.005))),
      originating_country: origin,
      destination_country: destination,
      location: cityName(ctx),
      ip_address: channel === 'online' || channel === 'wire' ? identifiers.ipv4(rng) : null,
      description: parts.description ?? DESCRIPTION[type] ?? 'Transaction',
      merchant_name: hasMerchant ? merchantName(ctx) : null,
      merchant_category: hasMerchant ? rng.pick(MERCHANT_CATEGORIES) : null,
      status: parts.status ?? rng.weighted(STATUSES),
      is_round_amount: isRound,
      risk_score: score(risk),
      is_flagged: flagged,
      alert_ids: flagged
        ? Array.from({ length: rng.int(1, 3) }, () => 'ALERT' + rng.hex(8).toUpperCase())
        : NO_ALERTS,
    },
  };
}

/** The id of the transfer with generation index `index`. */
export function transferId(index: number): string {
  return formatId(EDGE_ID_PREFIX.transfer, index);
}

/**
 * A background transfer between two distinct generated accounts, with the original's
 * distributions. Timestamps are UTC: 70 % in business hours, 30 % at any time of day.
 */
export function generateTransfer(ctx: GeneratorContext, index: number): [EdgeRecord<'transfer'>] {
  const { rng, population } = ctx;
  const from = rng.int(0, population.accountCount - 1);
  const to = rng.intExcept(population.accountCount, from);
  const type = rng.weighted(TYPES);
  const timestampMs = eventTime(ctx);
  const origin = rng.chance(0.7) ? rng.pick(COMMON_TRANSACTION_COUNTRIES) : rng.pick(COUNTRY_CODES);
  const destination = rng.chance(0.15) ? pickOther(rng, COUNTRY_CODES, origin) : origin;
  let currency = rng.chance(0.85) ? rng.pick(MAJOR_TRANSACTION_CURRENCIES) : rng.pick(CURRENCIES);
  let amount: number;
  if (rng.chance(NEAR_THRESHOLD_PROBABILITY)) {
    const threshold = thresholdFor(origin);
    currency = threshold.currency;
    amount = justBelowThreshold(rng, threshold.amount);
  } else {
    amount = randomAmount(rng, 10, 1_000_000);
  }
  return [
    transferEdge(ctx, transferId(index), {
      from,
      to,
      timestampMs,
      amount,
      currency,
      type,
      originatingCountry: origin,
      destinationCountry: destination,
    }),
  ];
}
