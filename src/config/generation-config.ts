import type { OutputFormat } from './option.js';
import type { TypologyConfig } from './typologies/index.js';

/** A validated, frozen generation config. Every field is set (presets supply the defaults). */
export interface GenerationConfig extends TypologyConfig {
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
  readonly suspiciousTransactionRate: number;
  /** Currency of every transfer's amount_base (a currency of the FX reference table). */
  readonly baseCurrency: string;
  /** Share of transfers that carry a crime label; null leaves the typology counts as given. */
  readonly launderingRate: number | null;
  readonly suspiciousCommunicationRate: number;
  readonly batchSize: number;
  readonly formats: readonly OutputFormat[];
  readonly includeGroundTruth: boolean;
  /** --with-labels: the ground-truth columns on event records, pattern vertices in graph stores. */
  readonly withLabels: boolean;
  /** "A/B/C": train/validation/test percentages of the pyg export's temporal split. */
  readonly split: string;
  readonly includeMetadata: boolean;
  readonly enableParallel: boolean;
  readonly numWorkers: number;
  /** "I/N": this run generates part I (from 0) of N; "0/1" is the whole output. */
  readonly shard: string;
}
