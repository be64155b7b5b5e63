/**
 * fingraph's public API. Everything a library user needs is exported here, by name: generating a
 * bank ({@link generate}), loading it ({@link load}), seeding your own backends for a detection
 * test ({@link seedBank}) and scoring hits against the ground truth ({@link scoreHits}).
 *
 * @packageDocumentation
 * @example
 * import { generate, resolveConfig } from 'fingraph';
 * const config = resolveConfig({ preset: 'small', layers: [{ source: 'flag', values: { seed: 7 } }] });
 * const report = await generate({ config, outDir: './bank' });
 */
export { ConfigError, FingraphError, SchemaError, SinkError } from './errors.js';
export {
  OPTION_DESCRIPTORS,
  optionsMarkdown,
  OUTPUT_FORMATS,
  PRESET_NAMES,
  PRESETS,
  resolveConfig,
  type ConfigInput,
  type ConfigLayer,
  type GenerationConfig,
  type OptionDescriptor,
  type OutputFormat,
  type PresetName,
} from './config/index.js';
export {
  columnsOf,
  EDGE_LABELS,
  LABELS,
  toRow,
  VERTEX_LABELS,
  VOCABULARY,
  vocabularyMarkdown,
  zodOf,
  type AnyEdgeRecord,
  type AnyVertexRecord,
  type EdgeLabel,
  type EdgeRecord,
  type GraphBatch,
  type GraphRecord,
  type GroundTruth,
  type Label,
  type PropertiesOf,
  type VertexLabel,
  type VertexRecord,
} from './model/index.js';
export {
  generate,
  type GenerateOptions,
  type GenerateReport,
  type Progress,
} from './orchestration/generate.js';
export { generateBatches, type BatchOptions } from './orchestration/generate-batches.js';
export { planRun, type Plan } from './orchestration/plan.js';
export { mergeShards, type MergeOptions, type MergeReport } from './orchestration/merge-shards.js';
export { tuneHeapForStreaming } from './orchestration/heap-tuning.js';
export { typologiesMarkdown } from './generators/patterns/typology-table.js';
export { load, type LoadOptions, type LoadReport } from './orchestration/load.js';
export { VerificationError } from './orchestration/verify-sinks.js';
export { readOutputDirectory, type OutputSource, type ReadOutputOptions } from './sources/index.js';
export { FileSink } from './sinks/files/file-sink.js';
export {
  applyJanusGraphSchema,
  applyOpenSearchSchema,
  BACKENDS,
  Checkpoint,
  connectBackends,
  connectJanusGraph,
  connectOpenSearch,
  JanusGraphSink,
  OpenSearchSink,
  type Backend,
  type BackendKind,
  type BackendSession,
  type JanusGraphConnection,
  type JanusGraphOptions,
  type JanusGraphSinkOptions,
  type OpenSearchConnection,
  type OpenSearchOptions,
  type OpenSearchSinkOptions,
} from './backends/index.js';
export { janusGraphSchema, openSearchIndexes, schemaArtifacts } from './schema/index.js';
export type { DroppedRecord, Sink, SinkStats, VerificationRow } from './sinks/sink.js';
export { VERSION } from './version.js';
export type { DetectionContext, Detector, Hit } from './detection/detector.js';
export { DETECTORS } from './detection/registry.js';
export {
  runDetection,
  type DetectionRun,
  type DetectorOutcome,
  type RunDetectionOptions,
} from './detection/run-detection.js';
export {
  hitMatchesPattern,
  matchingPatterns,
  patternEventIds,
  scoreHits,
  truthPattern,
  truthPatterns,
  type DetectionScore,
  type PatternParticipant,
  type ScoreOptions,
  type SubtypeScore,
  type TruthPattern,
  type TypologyScore,
} from './detection/score.js';
export {
  periodOf,
  readTruthDirectory,
  type DetectionPeriod,
  type TruthDirectory,
} from './detection/truth-directory.js';
export {
  renderDetectionReport,
  type EventEndpoints,
  type ReportInput,
} from './detection/report-html.js';
export { drawingWants, type DrawingFacts } from './detection/drawing-facts.js';
export { readDrawingFactsFromFiles } from './detection/drawing-facts-files.js';
export { readDrawingFactsFromOpenSearch } from './detection/drawing-facts-opensearch.js';
export { readOpenSearchTruth, type OpenSearchTruth } from './detection/truth-opensearch.js';
export { readLookAlikesFile, type LookAlike } from './detection/look-alikes.js';
export { seedBank, type SeedBankOptions, type SeededBank } from './testing/seed-bank.js';
export { auditDirectory, MAIN_EVENT_LABELS, type AuditOptions } from './audit/audit-directory.js';
export type {
  Amounts,
  AuditReport,
  LabelCount,
  Laundering,
  PurposeAmounts,
  TypologyRate,
} from './audit/audit-report.js';
export type { Activity, DayOfMonthActivity } from './audit/activity.js';
export type { Distribution } from './audit/distribution.js';
export type { InDegree, DegreePoint } from './audit/in-degree.js';
export type { LogBin, LogHistogram } from './audit/log-histogram.js';
export {
  AMOUNT_FIELDS,
  AMOUNT_LEAK_THRESHOLD,
  LEAK_SAMPLE_LIMIT,
  LEAK_THRESHOLD,
  type LeakField,
  type LeakTable,
} from './audit/leak-table.js';
export {
  REALISM_TARGETS,
  type RealismFigure,
  type RealismFigures,
  type Target,
  type TargetCheck,
} from './audit/realism-targets.js';
export type { SalaryCoverage } from './audit/salary-coverage.js';
export { renderAuditHtml } from './audit/report-html.js';
export { renderAuditText } from './audit/report-text.js';
