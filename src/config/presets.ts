import type { GenerationConfig } from './generation-config.js';
import { TYPOLOGY_DEFAULTS } from './typologies/index.js';

/** The presets, smallest first; `aml-hi` and `aml-li` are AMLworld-like laundering rates. */
export const PRESET_NAMES = ['tiny', 'small', 'complete', 'large', 'aml-hi', 'aml-li'] as const;
/** One of {@link PRESET_NAMES}. */
export type PresetName = (typeof PRESET_NAMES)[number];

/** Instance counts for every typology: `n` of each. */
function everyTypology(n: number) {
  return {
    insiderTradingPatterns: n,
    tbmlPatterns: n,
    fraudRingPatterns: n,
    muleChainPatterns: n,
    structuringPatterns: n,
    catoPatterns: n,
    ownershipChainPatterns: n,
    fanOutPatterns: n,
    fanInPatterns: n,
    cyclePatterns: n,
    scatterGatherPatterns: n,
    gatherScatterPatterns: n,
    bipartitePatterns: n,
    stackPatterns: n,
    peelChainPatterns: n,
  };
}

/** Settings shared by every preset. */
const BASE: GenerationConfig = {
  seed: 42,
  referenceDate: '2026-01-15T12:00:00.000Z',
  startDate: null,
  durationDays: 90,
  personCount: 100,
  companyCount: 20,
  accountCount: 200,
  deviceCount: 150,
  transactionCount: 10_000,
  communicationCount: 200,
  tradeCount: 1_000,
  travelCount: 500,
  documentCount: 2_000,
  loginCount: 1_000,
  ...TYPOLOGY_DEFAULTS,
  suspiciousTransactionRate: 0.02,
  suspiciousCommunicationRate: 0.05,
  baseCurrency: 'USD',
  launderingRate: null,
  batchSize: 1_000,
  formats: ['jsonl'],
  includeGroundTruth: true,
  withLabels: false,
  split: '60/20/20',
  includeMetadata: true,
  enableParallel: false,
  numWorkers: 1,
  shard: '0/1',
};

/** Enough instances of each typology that every subtype appears (instance i has subtype i mod n). */
const EVERY_SUBTYPE = {
  ...everyTypology(2),
  insiderTradingPatterns: 5,
  tbmlPatterns: 5,
  fraudRingPatterns: 5,
  structuringPatterns: 5,
  catoPatterns: 5,
  ownershipChainPatterns: 8,
};

/**
 * The population and event counts of the AML benchmark presets: a mid-sized bank (the `large`
 * preset's customers) with a million transfers, enough that one instance of every typology stays
 * under AMLworld's rates (one of each moves 300–330 transfers, its cash-outs included; at 1 in
 * 1,900 that needs about 630,000). Customers grow with the transfers, so each still makes about as
 * many payments as on `complete` and the recurring ones keep their rhythm of the month.
 */
const AML_BANK = {
  personCount: 10_000,
  companyCount: 2_000,
  accountCount: 20_000,
  deviceCount: 15_000,
  transactionCount: 1_000_000,
  communicationCount: 40_000,
  tradeCount: 10_000,
  travelCount: 2_000,
  documentCount: 10_000,
  loginCount: 100_000,
  ...everyTypology(1),
  batchSize: 5_000,
};

/**
 * Presets, each with every typology. `small` is the original GenerationConfig's defaults (with
 * enough instances that every subtype appears), `complete` its complete banking scenario, `large`
 * its large-scale example; `tiny` is the smallest bank that hosts one instance of each typology,
 * for quick looks. `aml-hi` and `aml-li` set the share of labelled transfers to AMLworld's
 * published HI and LI rates (about 1 in 900 and 1 in 1,900, IBM, NeurIPS 2023), fitting the
 * typology counts to it.
 */
export const PRESETS: Readonly<Record<PresetName, GenerationConfig>> = {
  tiny: {
    ...BASE,
    personCount: 60,
    companyCount: 12,
    accountCount: 120,
    deviceCount: 80,
    transactionCount: 2_000,
    communicationCount: 200,
    tradeCount: 60,
    travelCount: 40,
    documentCount: 100,
    loginCount: 300,
    ...everyTypology(1),
  },
  small: { ...BASE, ...EVERY_SUBTYPE },
  complete: {
    ...BASE,
    personCount: 1_000,
    companyCount: 200,
    accountCount: 2_000,
    deviceCount: 1_500,
    transactionCount: 50_000,
    communicationCount: 10_000,
    tradeCount: 1_000,
    travelCount: 500,
    documentCount: 2_000,
    loginCount: 10_000,
    ...everyTypology(3),
  },
  large: {
    ...BASE,
    personCount: 10_000,
    companyCount: 2_000,
    accountCount: 20_000,
    deviceCount: 15_000,
    transactionCount: 1_000_000,
    loginCount: 50_000,
    // The original's large-scale example: 10 insider, 5 TBML, 15 fraud-ring, 20 structuring and
    // 10 account-takeover instances; 5 of each typology it lacked.
    ...everyTypology(5),
    insiderTradingPatterns: 10,
    fraudRingPatterns: 15,
    structuringPatterns: 20,
    catoPatterns: 10,
    suspiciousTransactionRate: 0.05,
    suspiciousCommunicationRate: 0.02,
    batchSize: 5_000,
  },
  'aml-hi': { ...BASE, ...AML_BANK, launderingRate: 1 / 900 },
  'aml-li': { ...BASE, ...AML_BANK, launderingRate: 1 / 1_900 },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
