import { EDGE_ID_PREFIX, formatId, vertexId, type EdgeRecord } from '../../model/index.js';
import type { GeneratorContext } from '../context.js';
import { isHighRisk, isTaxHaven } from '../data/countries.js';
import {
  CHANNEL_OF_TYPE,
  MERCHANT_CATEGORY_OF_INDUSTRY,
  PURPOSE_SPECS,
  type Purpose,
} from '../data/payment-purposes.js';
import { niceStep } from '../economy/amounts.js';
import { backgroundPayment, invoiceNumber } from '../economy/background-payment.js';
import { coverPurpose } from '../economy/cover-purpose.js';
import { roleOfAccount } from '../economy/economy.js';
import { convert, exchangeRate, roundToCurrency } from '../economy/fx.js';
import { identifiers } from '../identifiers.js';
import { cityName } from '../names.js';
import { score, thresholdFor } from '../money.js';
import { isoDate, isoTimestamp, MS_PER_DAY } from '../time.js';

const STATUSES = [
  ['completed', 0.97],
  ['pending', 0.015],
  ['failed', 0.01],
  ['reversed', 0.005],
] as const;
const NO_ALERTS: readonly string[] = Object.freeze([]);

/** What a caller decides about a transfer; the builder derives the rest from the accounts. */
export interface TransferParts {
  readonly from: number;
  readonly to: number;
  readonly timestampMs: number;
  /** The amount, in `currency`. */
  readonly amount: number;
  /**
   * The currency `amount` is expressed in. The transfer itself is always in the sending account's
   * currency: a different one here is converted with the FX table (patterns draw in US dollars).
   */
  readonly currency: string;
  /** Why the money moves: sets type, channel and description as for any customer. */
  readonly purpose?: Purpose;
  /** A type the typology's definition requires (a cash deposit, a check); else drawn. */
  readonly type?: string;
  /** Where the transaction was made, when not the sending account's country (cash abroad). */
  readonly originatingCountry?: string;
  /** Pattern money movements complete; background ones follow the status distribution. */
  readonly status?: string;
  /** The invoice a supplier payment settles (shown in its description, as banks do). */
  readonly invoiceNumber?: string;
}

/**
 * Builds a transfer edge, for the background and for every typology alike: currency, countries,
 * type, channel, description, merchant, fees and the bank's risk flags all follow from the two
 * accounts, the purpose and the amount, so a crime differs from honest traffic only by its shape.
 */
export function transferEdge(
  ctx: GeneratorContext,
  id: string,
  parts: TransferParts,
): EdgeRecord<'transfer'> {
  const { rng, config, population } = ctx;
  const { from, to, timestampMs } = parts;
  const currency = population.accountCurrency[from] ?? 'USD';
  const receiverCurrency = population.accountCurrency[to] ?? currency;
  const origin = parts.originatingCountry ?? population.countryOfAccount(from);
  const destination = population.accountCountry[to] ?? origin;
  const amount = convert(parts.amount, parts.currency, currency);
  const amountBase = convert(parts.amount, parts.currency, config.baseCurrency);
  const amountUsd = convert(parts.amount, parts.currency, 'USD');
  const purpose = parts.purpose ?? inferPurpose(ctx, from, to, parts.type);
  const spec = PURPOSE_SPECS[purpose];
  const type =
    parts.type !== undefined && spec.types.some(([t]) => t === parts.type)
      ? parts.type
      : rng.weighted(spec.types);
  const channel = rng.weighted(CHANNEL_OF_TYPE[type] ?? [['online', 1]]);
  const crossCurrency = receiverCurrency !== currency;
  const international = origin !== destination;
  const payeeIsCompany = population.accountOwnerKind[to] === 1;
  const payee = population.accountOwnerIndex[to] ?? 0;
  const hasMerchant =
    payeeIsCompany &&
    (purpose === 'card_purchase' ||
      purpose === 'online_purchase' ||
      purpose === 'subscription' ||
      purpose === 'utility_bill');

  const threshold = thresholdFor(origin);
  const thresholdHere = convert(threshold.amount, threshold.currency, currency);
  const isRound = amount >= thresholdHere / 10 && amount % niceStep(1_000, currency) === 0;
  const belowThreshold = amount >= thresholdHere * 0.9 && amount < thresholdHere;
  const risk =
    (amountUsd > 100_000 ? 0.2 : amountUsd > 50_000 ? 0.1 : 0) +
    (isRound ? 0.15 : 0) +
    (belowThreshold ? 0.25 : 0) +
    (isHighRisk(origin) ? 0.2 : 0) +
    (isHighRisk(destination) ? 0.2 : 0) +
    (isTaxHaven(origin) || isTaxHaven(destination) ? 0.15 : 0) +
    (international ? 0.1 : 0);
  const flagged = risk > 0.5 || rng.chance(config.suspiciousTransactionRate);
  const postingMs =
    timestampMs + (type === 'pos' || type === 'atm' ? rng.int(0, 2) : 0) * MS_PER_DAY;
  const rate = crossCurrency ? exchangeRate(currency, receiverCurrency) : null;
  return {
    label: 'transfer',
    id,
    outV: vertexId('account', from),
    inV: vertexId('account', to),
    properties: {
      transaction_id: id,
      reference_number: 'REF' + rng.digits(10),
      transaction_type: type,
      channel,
      purpose,
      timestamp: isoTimestamp(timestampMs),
      posting_date: isoTimestamp(postingMs),
      value_date: isoDate(postingMs),
      amount,
      currency,
      amount_base: amountBase,
      base_currency: config.baseCurrency,
      amount_local: crossCurrency ? convert(amount, currency, receiverCurrency) : null,
      currency_local: crossCurrency ? receiverCurrency : null,
      exchange_rate: rate,
      fee_amount: feeOf(type, amount, currency, international, crossCurrency),
      originating_country: origin,
      destination_country: destination,
      location: cityName(ctx),
      ip_address:
        channel === 'online' || channel === 'mobile' || channel === 'wire'
          ? identifiers.ipv4(rng)
          : null,
      // Every invoice payment names its invoice, a crime's cover one too: a bare "Invoice
      // payment" would be a line no honest supplier payment carries.
      description:
        purpose === 'supplier_invoice'
          ? `Payment ${parts.invoiceNumber ?? invoiceNumber(ctx, timestampMs)}`
          : spec.description,
      merchant_name: hasMerchant ? (population.companyName[payee] ?? null) : null,
      merchant_category: hasMerchant
        ? (MERCHANT_CATEGORY_OF_INDUSTRY[population.companyIndustry[payee] ?? ''] ?? 'other')
        : null,
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

/**
 * What customers pay in fees: a wire costs a flat fee (more abroad), a card or cash withdrawal
 * abroad a foreign-transaction charge; everyday domestic payments are free.
 */
function feeOf(
  type: string,
  amount: number,
  currency: string,
  international: boolean,
  crossCurrency: boolean,
): number {
  if (type === 'wire') return convert(international ? 35 : 15, 'USD', currency);
  if ((type === 'pos' || type === 'online') && crossCurrency)
    return roundToCurrency(amount * 0.03, currency);
  if (type === 'atm' && (international || crossCurrency)) return convert(3, 'USD', currency);
  return 0;
}

/**
 * The purpose a cash, card or check type fixes, and whether the background pays that purpose only
 * to a company's account (a merchant, a lender's ATM, a supplier).
 */
const PURPOSE_OF_TYPE: Readonly<Record<string, { purpose: Purpose; toCompany: boolean }>> = {
  deposit: { purpose: 'cash_deposit', toCompany: false },
  withdrawal: { purpose: 'atm_withdrawal', toCompany: true },
  atm: { purpose: 'atm_withdrawal', toCompany: true },
  pos: { purpose: 'card_purchase', toCompany: true },
  online: { purpose: 'online_purchase', toCompany: true },
  // A check may go to anyone (check kiting passes checks between persons' accounts, and its
  // detector looks for the check type).
  check: { purpose: 'supplier_invoice', toCompany: false },
};

/**
 * The purpose of a typology's transfer when it names at most a type: a cash, card or check type
 * fixes it, where the payee can take such a payment (a card purchase paid into a person's account
 * is a payment no customer makes); otherwise it is a cover purpose, drawn as the payments honest
 * customers make between the same kinds of holder (see cover-purpose.ts), so the purpose alone
 * does not give the crime away.
 */
function inferPurpose(ctx: GeneratorContext, from: number, to: number, type?: string): Purpose {
  const { population } = ctx;
  const payerIsPerson = population.accountOwnerKind[from] === 0;
  const payeeIsPerson = population.accountOwnerKind[to] === 0;
  const fixed = type === undefined ? undefined : PURPOSE_OF_TYPE[type];
  if (fixed !== undefined && !(fixed.toCompany && payeeIsPerson)) return fixed.purpose;
  const sameOwner =
    population.accountOwnerKind[from] === population.accountOwnerKind[to] &&
    population.accountOwnerIndex[from] === population.accountOwnerIndex[to];
  // Persons move money between their own accounts; the background's companies do not (their
  // payments between two accounts are invoices), so a company's own accounts take its cover.
  if (sameOwner && payerIsPerson) return 'own_transfer';
  const endpoints = {
    payerIsPerson,
    payee: roleOfAccount(population, to),
    crossCurrency: population.accountCurrency[from] !== population.accountCurrency[to],
  };
  return (
    coverPurpose(ctx.rng, endpoints, type) ??
    coverPurpose(ctx.rng, endpoints, undefined) ??
    'person_to_person'
  );
}

/** The id of the transfer with generation index `index`. */
export function transferId(index: number): string {
  return formatId(EDGE_ID_PREFIX.transfer, index);
}

/**
 * A background transfer: one payment of the background economy (a wage, a rent, a card purchase
 * at a usual shop …), built like every other transfer. `ordinal` numbers the stage's background
 * transfers densely (typology slots sit among them).
 */
export function generateTransfer(
  ctx: GeneratorContext,
  index: number,
  ordinal: number,
): [EdgeRecord<'transfer'>] {
  const payment = backgroundPayment(ctx, ordinal);
  return [
    transferEdge(ctx, transferId(index), {
      from: payment.from,
      to: payment.to,
      timestampMs: payment.timestampMs,
      amount: payment.amount,
      currency: payment.currency,
      purpose: payment.purpose,
      ...(payment.invoiceNumber === undefined ? {} : { invoiceNumber: payment.invoiceNumber }),
    }),
  ];
}
