import type { OutputFormat } from './options.js';

/** A validated, frozen generation config. Every field is set (presets supply the defaults). */
export interface GenerationConfig {
  readonly seed: number;
  readonly referenceDate: string;
  readonly startDate: string | null;
  readonly durationDays: number;
  readonly personCount: number;
  readonly companyCount: number;
  readonly accountCount: number;
  readonly deviceCount: number;
  readonly transactionCount: number;
  readonly communicationCount: number;
  readonly tradeCount: number;
  readonly travelCount: number;
  readonly documentCount: number;
  readonly loginCount: number;
  readonly insiderTradingPatterns: number;
  readonly tbmlPatterns: number;
  readonly fraudRingPatterns: number;
  readonly muleChainPatterns: number;
  readonly structuringPatterns: number;
  readonly catoPatterns: number;
  readonly nearMissRate: number;
  readonly muleChainMinLength: number;
  readonly muleChainMaxLength: number;
  readonly muleHopMinMinutes: number;
  readonly muleHopMaxMinutes: number;
  readonly suspiciousTransactionRate: number;
  readonly suspiciousCommunicationRate: number;
  readonly batchSize: number;
  readonly formats: readonly OutputFormat[];
  readonly includeGroundTruth: boolean;
  readonly includeMetadata: boolean;
  readonly enableParallel: boolean;
  readonly numWorkers: number;
}
