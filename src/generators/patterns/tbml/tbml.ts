import type { GenerationConfig } from '../../../config/index.js';
import { ConfigError } from '../../../errors.js';
import { eventWindowMs } from '../../event-window.js';
import { vertexId, type Participant, type PatternTruth } from '../../../model/index.js';
import type { GeneratorContext } from '../../context.js';
import { isTaxHaven, TAX_HAVENS } from '../../data/countries.js';
import { MS_PER_DAY, startOfDay } from '../../time.js';
import { baseCurrencyOf, buildTruth, confidenceOf } from '../truth.js';
import type { PatternDraft, PatternOutput, PatternSlots, Typology } from '../typology.js';
import { drawPaperwork } from './paperwork.js';
import type { TbmlParams } from './params.js';
import {
  carousel,
  duplicateInvoices,
  phantomShipments,
  repricedShipments,
  type SchemeResult,
} from './schemes.js';

const SUBTYPES = [
  'over_invoicing',
  'under_invoicing',
  'phantom_shipping',
  'multiple_invoicing',
  'carousel_fraud',
] as const;

/** Trade currencies, weighted as background documents draw them. */
const TRADE_CURRENCIES = [
  ['USD', 0.5],
  ['EUR', 0.2],
  ['GBP', 0.1],
  ['CNY', 0.08],
  ['CHF', 0.07],
  ['JPY', 0.05],
] as const;

/** VAT jurisdictions a carousel's missing trader registers in (intra-community VAT fraud). */
const VAT_COUNTRIES = ['GB', 'DE', 'FR', 'NL', 'BE', 'ES', 'IT', 'IE'];

/** Shortest and longest span of a shipment-based scheme (the original's 30–180 days). */
const MIN_SCHEME_DAYS = 30;
const MAX_SCHEME_DAYS = 180;
/** A carousel ring takes at most 3 days per trader: ≤ 48 h per leg, ≤ 24 h per payment. */
const CAROUSEL_DAYS_PER_TRADER = 3;

const SUBTYPE_INDICATORS: Readonly<Record<string, readonly string[]>> = {
  over_invoicing: [
    'over_invoicing_detected',
    'inflated_prices',
    'price_variance_exceeds_threshold',
    'market_price_deviation',
  ],
  under_invoicing: [
    'under_invoicing_detected',
    'deflated_prices',
    'price_variance_exceeds_threshold',
    'side_payment_to_offshore_account',
  ],
  phantom_shipping: [
    'phantom_shipping_detected',
    'no_bill_of_lading',
    'payment_without_shipment',
    'shell_company_counterparty',
  ],
  multiple_invoicing: [
    'multiple_invoicing_detected',
    'duplicate_shipment_reference',
    'repeated_payments_same_shipment',
    'invoice_count_exceeds_shipments',
  ],
  carousel_fraud: [
    'carousel_fraud_detected',
    'circular_trading_pattern',
    'goods_moving_in_circle',
    'vat_fraud_suspected',
  ],
};

const SUBTYPE_RED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  over_invoicing: ['significant_price_inflation', 'money_movement_suspected'],
  under_invoicing: [
    'customs_duty_evasion_suspected',
    'tax_evasion_indicator',
    'document_transaction_count_mismatch',
  ],
  phantom_shipping: ['no_physical_goods_movement', 'paper_transaction_only'],
  multiple_invoicing: [
    'invoice_fraud_suspected',
    'duplicate_billing',
    'document_transaction_count_mismatch',
  ],
  carousel_fraud: ['rapid_circular_payments', 'missing_trader_suspected'],
};

/**
 * Trade-based money laundering between real companies: invoices (`document` records issued by
 * the seller and billed to the buyer, with line items), bills of lading and the payments
 * (`transfer`s between the companies' accounts) that settle them, and the other papers a shipment
 * comes with (purchase orders, contracts, customs declarations, certificates of origin, packing
 * lists: paperwork.ts) in the background's proportions. Unlike the original, the
 * payments equal the invoice totals and every subtype has its own mechanics. Invariants: payment
 * amounts equal invoice totals; over/under-invoiced unit prices are the market price (stated by
 * the bill of lading) × the drawn factor; phantom invoices have no bill of lading; multiple
 * invoices share one shipment id; the carousel's payments form a cycle back to its origin.
 */
export const tbml: Typology<TbmlParams> = {
  name: 'tbml',
  subtypes: SUBTYPES,
  describe: {
    over_invoicing:
      'exporter → importer: per shipment an `invoice` at ×2–10 the market unit prices and a `bill_of_lading` at market prices (same shipment id); the importer pays the inflated invoice total by `transfer` 1–10 days later',
    under_invoicing:
      'as over-invoicing but at ×0.1–0.5 the market prices; the importer pays the invoice total to the exporter and the difference to the business account of an added offshore shell (tax haven) within 2 days',
    phantom_shipping:
      'an added offshore shell invoices a real importer at market prices for shipments no `bill_of_lading` mentions; each invoice is paid in full',
    multiple_invoicing:
      'one `bill_of_lading`, then 2+ identical invoices for the same shipment id over the following weeks, each paid in full by the importer',
    carousel_fraud:
      'goods invoiced round a ring of 3–5 traders (one an added missing trader with a young account), A → B → … → A within days, a bill of lading per leg; then the payments go round the ring the other way within hours and return to the origin account',
  },

  draft(ctx, subtype, lookAlike): PatternDraft<TbmlParams> {
    const { rng, config, time } = ctx;
    const windowMs = time.referenceMs - time.windowStartMs;
    const windowDays = Math.floor(windowMs / MS_PER_DAY);
    const ring = subtype === 'carousel_fraud';
    const legs = ring
      ? rng.int(config.tbmlCarouselMinCompanies, config.tbmlCarouselMaxCompanies)
      : subtype === 'multiple_invoicing' && !lookAlike
        ? rng.int(2, config.tbmlMaxDuplicateInvoices)
        : rng.int(config.tbmlMinShipments, config.tbmlMaxShipments);
    const durationMs =
      ring && !lookAlike
        ? legs * CAROUSEL_DAYS_PER_TRADER * MS_PER_DAY
        : rng.int(Math.min(MIN_SCHEME_DAYS, windowDays), Math.min(MAX_SCHEME_DAYS, windowDays)) *
          MS_PER_DAY;
    const factor = (min: number, max: number) => Math.round(rng.float(min, max) * 10_000) / 10_000;
    const priceFactors = lookAlike
      ? []
      : subtype === 'over_invoicing'
        ? Array.from({ length: legs }, () => factor(2, 10))
        : subtype === 'under_invoicing'
          ? Array.from({ length: legs }, () => factor(0.1, 0.5))
          : [];
    const margins =
      ring && !lookAlike ? Array.from({ length: legs - 1 }, () => factor(0.005, 0.03)) : [];
    // Goods that never ship (phantom) or were shipped once and are billed again (duplicates)
    // come with an order or a contract at most.
    const ships = lookAlike || !['phantom_shipping', 'multiple_invoicing'].includes(subtype);
    const paperwork = Array.from({ length: legs }, () => drawPaperwork(rng, ships));
    const params: TbmlParams = {
      legs,
      priceFactors,
      margins,
      startMs: time.windowStartMs + Math.floor(rng.next() * Math.max(0, windowMs - durationMs)),
      durationMs,
      currency: rng.weighted(TRADE_CURRENCIES),
      paperwork,
    };
    const shape = counts(subtype, legs, lookAlike);
    const papers = paperwork.reduce((sum, list) => sum + list.length, 0);
    return {
      subtype,
      params,
      ...shape,
      events: { ...shape.events, document: (shape.events.document ?? 0) + papers },
    };
  },

  entityOverrides(draft, slots, ctx) {
    if ((draft.entities.company ?? 0) === 0) return {};
    const { rng } = ctx;
    const ring = draft.subtype === 'carousel_fraud';
    // Opened before the scheme's first event: a missing trader's account shortly before it
    // starts trading, an offshore shell's account months or years before.
    const daysBeforeStart = Math.ceil(
      (startOfDay(ctx.time.referenceMs) - draft.params.startMs) / MS_PER_DAY,
    );
    return {
      company: [
        ring
          ? { country: rng.pick(VAT_COUNTRIES) }
          : { shell: true, country: rng.pick(TAX_HAVENS) },
      ],
      account: [
        {
          owner: { label: 'company' as const, index: slots.entity('company', 0) },
          type: 'business',
          currency: draft.params.currency,
          openedDaysAgo: daysBeforeStart + (ring ? rng.int(7, 60) : rng.int(30, 720)),
        },
      ],
    };
  },

  realize(ctx, draft, slots) {
    const scheme = schemeOf(ctx, draft, slots, false);
    return { ...unitsOf(scheme), links: [], truth: truthOf(draft, slots, scheme) };
  },

  realizeLookAlike(ctx, draft, slots) {
    return { ...unitsOf(schemeOf(ctx, draft, slots, true)), links: [], truth: null };
  },
};

/** Entities added and event units emitted, exactly, per subtype (the papers come on top). */
function counts(
  subtype: string,
  legs: number,
  lookAlike: boolean,
): Pick<PatternDraft, 'entities' | 'events'> {
  const shell = { company: 1, account: 1 };
  // Look-alikes trade honestly between background companies: an invoice, a bill of lading and
  // one payment per shipment (or per leg of a round trip).
  if (lookAlike) return { entities: {}, events: { document: 2 * legs, transfer: legs } };
  switch (subtype) {
    case 'over_invoicing':
      return { entities: {}, events: { document: 2 * legs, transfer: legs } };
    case 'under_invoicing':
      return { entities: shell, events: { document: 2 * legs, transfer: 2 * legs } };
    case 'phantom_shipping':
      return { entities: shell, events: { document: legs, transfer: legs } };
    case 'multiple_invoicing':
      return { entities: {}, events: { document: legs + 1, transfer: legs } };
    default:
      return { entities: shell, events: { document: 2 * legs, transfer: legs } };
  }
}

function schemeOf(
  ctx: GeneratorContext,
  draft: PatternDraft<TbmlParams>,
  slots: PatternSlots,
  lookAlike: boolean,
): SchemeResult {
  const { params } = draft;
  if (draft.subtype === 'carousel_fraud') return carousel(ctx, slots, params, lookAlike);
  if (lookAlike) return repricedShipments(ctx, slots, params, 'honest');
  switch (draft.subtype) {
    case 'over_invoicing':
      return repricedShipments(ctx, slots, params, 'over');
    case 'under_invoicing':
      return repricedShipments(ctx, slots, params, 'under');
    case 'phantom_shipping':
      return phantomShipments(ctx, slots, params);
    default:
      return duplicateInvoices(ctx, slots, params);
  }
}

function unitsOf(scheme: SchemeResult): Pick<PatternOutput, 'units'> {
  return {
    units: {
      document: scheme.records.documentUnits,
      transfer: scheme.records.transfers.map((t) => [t]),
    },
  };
}

function truthOf(
  draft: PatternDraft<TbmlParams>,
  slots: PatternSlots,
  scheme: SchemeResult,
): PatternTruth {
  const { records, roles, details } = scheme;
  const { subtype, params } = draft;
  const participants: Participant[] = roles.flatMap(([role, trader]) => [
    { id: vertexId('company', trader.company), label: 'company', role },
    { id: vertexId('account', trader.account), label: 'account', role: `${role}_account` },
  ]);
  const addedEntities =
    (draft.entities.company ?? 0) > 0
      ? [
          vertexId('company', slots.entity('company', 0)),
          vertexId('account', slots.entity('account', 0)),
        ]
      : [];
  const invoices = records.documents.filter((d) => d.properties.document_type === 'invoice');
  const total = records.paid();
  const indicators = [
    'trade_based_money_laundering_suspected',
    'unusual_trade_patterns',
    'document_anomalies',
    ...(SUBTYPE_INDICATORS[subtype] ?? []),
  ];
  if (records.documents.length > 10) indicators.push('high_volume_trade_activity');
  if (roles.length >= 4) indicators.push('multiple_entities_involved');
  if (invoices.some((d) => isTaxHaven(d.properties.origin_country)))
    indicators.push('tax_haven_origin');
  if (invoices.some((d) => isTaxHaven(d.properties.destination_country)))
    indicators.push('tax_haven_destination');
  const redFlags: string[] = [];
  if (total > 10_000_000) redFlags.push('very_high_transaction_value');
  else if (total > 5_000_000) redFlags.push('high_transaction_value');
  if (records.documents.length > 15) redFlags.push('unusually_high_document_volume');
  redFlags.push(...(SUBTYPE_RED_FLAGS[subtype] ?? []));

  const start = Math.min(...records.timesMs);
  const end = Math.max(...records.timesMs);
  const confidence = confidenceOf(
    indicators.length,
    redFlags.length,
    total,
    (end - start) / MS_PER_DAY,
  );
  // The original's TBML severity: .4·confidence + value tiers + indicator and red-flag counts.
  const severity =
    0.4 * confidence +
    (total > 10_000_000 ? 0.3 : total > 5_000_000 ? 0.2 : total > 1_000_000 ? 0.1 : 0) +
    (indicators.length >= 10 ? 0.2 : indicators.length >= 5 ? 0.1 : 0) +
    (redFlags.length >= 5 ? 0.1 : 0);
  return buildTruth({
    patternId: slots.patternId,
    typology: 'tbml',
    subtype,
    participants,
    addedEntities,
    events: records.events(),
    eventTimesMs: records.timesMs,
    totalValue: total,
    currency: baseCurrencyOf(records.transfers),
    indicators,
    redFlags,
    severity,
    parameters: {
      currency: params.currency,
      document_count: records.documents.length,
      invoice_count: invoices.length,
      payment_count: records.transfers.length,
      ...details,
    },
  });
}

/** Ranges must be ordered, and the population and the window must host the schemes asked for. */
export function validateTbml(config: GenerationConfig): void {
  if (config.tbmlMaxShipments < config.tbmlMinShipments) {
    throw new ConfigError(
      'tbml_max_shipments',
      config.tbmlMaxShipments,
      `must be ≥ tbml_min_shipments (${config.tbmlMinShipments})`,
    );
  }
  if (config.tbmlMaxDuplicateInvoices < 2) {
    throw new ConfigError(
      'tbml_max_duplicate_invoices',
      config.tbmlMaxDuplicateInvoices,
      'must be ≥ 2 (multiple invoicing bills one shipment at least twice)',
    );
  }
  if (config.tbmlCarouselMinCompanies < 3) {
    throw new ConfigError(
      'tbml_carousel_min_companies',
      config.tbmlCarouselMinCompanies,
      'must be ≥ 3 (a carousel is a ring of at least three traders)',
    );
  }
  if (config.tbmlCarouselMaxCompanies < config.tbmlCarouselMinCompanies) {
    throw new ConfigError(
      'tbml_carousel_max_companies',
      config.tbmlCarouselMaxCompanies,
      `must be ≥ tbml_carousel_min_companies (${config.tbmlCarouselMinCompanies})`,
    );
  }
  if (config.tbmlPatterns === 0) return;
  const windowDays = eventWindowMs(config) / MS_PER_DAY;
  const neededDays = Math.max(
    MIN_SCHEME_DAYS,
    CAROUSEL_DAYS_PER_TRADER * config.tbmlCarouselMaxCompanies,
  );
  if (windowDays < neededDays) {
    throw new ConfigError(
      'duration_days',
      windowDays,
      `is shorter than trade-based laundering needs (${neededDays} days: ${MIN_SCHEME_DAYS} for a scheme's shipments and payments, ${CAROUSEL_DAYS_PER_TRADER} per carousel trader)`,
    );
  }
  // A carousel look-alike trades round tbml_carousel_max_companies background companies, each
  // paying from an account it holds. Account holders are drawn at random and about a fifth of
  // accounts are company-held, so ask for twice the companies and twenty accounts per trader:
  // enough that the population almost surely has the traders (realize says so if it has not).
  const traders = config.tbmlCarouselMaxCompanies;
  if (config.companyCount < 2 * traders || config.accountCount < 20 * traders) {
    throw new ConfigError(
      'tbml_patterns',
      config.tbmlPatterns,
      `needs company_count ≥ ${2 * traders} and account_count ≥ ${20 * traders} (a carousel has up to ${traders} traders, background companies that hold accounts)`,
    );
  }
}
