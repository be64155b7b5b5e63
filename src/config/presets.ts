import type { GenerationConfig } from './generation-config.js';
import { TYPOLOGY_DEFAULTS } from './typologies/index.js';

export const PRESET_NAMES = ['tiny', 'small', 'complete', 'large'] as const;
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

/**
 * Presets. `small` is the original GenerationConfig's defaults, `complete` its complete banking
 * scenario, `large` its large-scale example — each with a mix of every typology; `tiny` is
 * background only, for quick looks and tests.
 */
export const PRESETS: Readonly<Record<PresetName, GenerationConfig>> = {
  tiny: {
    ...BASE,
    personCount: 20,
    companyCount: 5,
    accountCount: 30,
    deviceCount: 25,
    transactionCount: 200,
    communicationCount: 40,
    tradeCount: 30,
    travelCount: 20,
    documentCount: 20,
    loginCount: 60,
  },
  small: { ...BASE, ...everyTypology(2) },
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
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
