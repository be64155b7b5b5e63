import { performance } from 'node:perf_hooks';
import type { GenerationConfig } from '../config/index.js';
import { DATA_PACKAGE_FILE, dataPackage } from '../sinks/files/data-package.js';
import { FileSink } from '../sinks/files/file-sink.js';
import { OutputDirectory } from '../sinks/files/output-directory.js';
import { fileOutputs } from '../sinks/exports/index.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import type { GroundTruth, Sink, SinkStats, VerificationRow } from '../sinks/sink.js';
import type { GraphBatch, Label } from '../model/index.js';
import { VERSION } from '../version.js';
import { fanOut } from './fan-out.js';
import { isTextFormat } from '../sinks/files/text-encoding.js';
import { generateBatches } from './generate-batches.js';
import { planRun, type Plan } from './plan.js';
import { RunCounter } from './run-stats.js';
import { shardOf, shardUnits, type Shard } from './shard.js';
import { verifySinks } from './verify-sinks.js';
import type { UnitRange } from './work-units.js';
import { generateBatchesInWorkers } from './workers/parallel-batches.js';

/** Options of {@link generate}: the resolved config, where to write, and extra sinks. */
export interface GenerateOptions {
  readonly config: GenerationConfig;
  /** Output directory; omit to generate only into `extraSinks`. */
  readonly outDir?: string;
  /** Replace a non-empty output directory. */
  readonly overwrite?: boolean;
  /** More sinks (e.g. backends) that receive the same stream. */
  readonly extraSinks?: readonly Sink[];
  /**
   * Opens more sinks once the config and the output directory have been checked, so bad input
   * never touches a backend. Called at most once.
   */
  readonly openSinks?: () => Promise<readonly Sink[]>;
  /** Monotonic milliseconds, for timings only. */
  readonly clock?: () => number;
  /** Resident memory in bytes, sampled for the stats. */
  readonly memory?: () => number;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/** A progress event of a run, for a progress bar. */
export interface Progress {
  readonly elements: number;
  readonly elapsedMs: number;
  /** Elements expected in all, when known in advance (a load from files); gives an ETA. */
  readonly totalElements?: number;
}

/**
 * What {@link generate} returns: counts per label, timings, per-sink stats and the ground truth.
 */
export interface GenerateReport {
  readonly counts: Readonly<Record<Label, number>>;
  readonly totalRecords: number;
  readonly batches: number;
  readonly timeMs: number;
  readonly recordsPerSecond: number;
  readonly peakRssBytes: number | null;
  readonly sinks: Readonly<Record<string, SinkStats>>;
  readonly files: readonly WrittenFile[];
  readonly outDir: string | null;
  /** Injected pattern instances by typology. */
  readonly patterns: Readonly<Record<string, number>>;
  readonly groundTruth: GroundTruth;
  /** Post-load counts per backend sink (empty when only files were written). */
  readonly verification: Readonly<Record<string, readonly VerificationRow[]>>;
  /** The part of the run this was (0 of 1 unless --shard). */
  readonly shard: Shard;
}

/** Settings that change how fast output is produced, never what it is: left out of the manifest. */
const OUTPUT_NEUTRAL_SETTINGS = new Set(['batchSize', 'enableParallel', 'numWorkers']);

/** The shard is not part of the dataset's config: a shard's manifest names it on its own line. */
const MANIFEST_EXCLUDED = new Set([...OUTPUT_NEUTRAL_SETTINGS, 'shard']);

/**
 * The manifest: what was generated, from which config, with checksums. It holds no wall-clock time
 * and no output-neutral settings, so the same seed and config reproduce it byte for byte. A
 * shard's manifest says which part it holds; merging the parts gives the unsharded manifest.
 */
export function buildManifest(
  config: GenerationConfig,
  counts: Readonly<Record<Label, number>>,
  files: readonly WrittenFile[],
  chunkSize: number,
) {
  const shard = shardOf(config);
  return {
    generator: 'fingraph',
    version: VERSION,
    seed: config.seed,
    chunk_size: chunkSize,
    ...(shard.count > 1 ? { shard } : {}),
    config: Object.fromEntries(
      Object.entries(config).filter(([name]) => !MANIFEST_EXCLUDED.has(name)),
    ),
    counts,
    total_records: Object.values(counts).reduce((sum, n) => sum + n, 0),
    files: [...files].sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/**
 * Generates a dataset from a validated config: into files (written to a staging directory and
 * moved into place only on success), into extra sinks, or both.
 *
 * @example
 * const report = await generate({ config: resolveConfig({ preset: 'tiny', layers: [] }), outDir: './out' });
 */
export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const clock = options.clock ?? (() => performance.now());
  const { config } = options;
  const plan = planRun(config); // validates typologies before anything is written
  const shard = shardOf(config);
  // All of the planning happens before the staging directory exists: the event loop is busy
  // while it runs, so a Ctrl-C is only seen once it is done, and there is then nothing to clean.
  const emitted = shardUnits(plan, shard);
  options.signal?.throwIfAborted();
  const output =
    options.outDir === undefined
      ? undefined
      : await OutputDirectory.open(options.outDir, options.overwrite ?? false);
  const fileSinks =
    output === undefined ? [] : fileOutputs(output.staging, config, clock, shard.count === 1);
  let opened: readonly Sink[];
  try {
    opened = (await options.openSinks?.()) ?? [];
  } catch (error) {
    await output?.discard();
    throw error;
  }
  const sinks: Sink[] = [...fileSinks, ...(options.extraSinks ?? []), ...opened];
  const counter = new RunCounter();
  // The ground truth is the whole run's: shard 0 writes and loads it, once.
  const writeGroundTruth = config.includeGroundTruth && shard.index === 0;
  const startedMs = clock();
  let peakRss = options.memory?.() ?? 0;
  const onBatch = (batch: GraphBatch) => {
    counter.add(batch);
    if (options.memory) peakRss = Math.max(peakRss, options.memory());
    options.onProgress?.({ elements: counter.total, elapsedMs: clock() - startedMs });
  };
  try {
    const result = await fanOut(batchStream(plan, emitted, sinks, options.signal), sinks, {
      onBatch,
      writeGroundTruth,
    });
    const timeMs = clock() - startedMs;
    const expected = {
      ...counter.counts,
      ...(writeGroundTruth
        ? {
            patterns: result.groundTruth.patterns.length,
            event_labels: result.groundTruth.eventLabels.length,
          }
        : {}),
    };
    const verification = await verifySinks(sinks, expected, shard.count > 1);
    const files = fileSinks.flatMap((sink) => sink.files());
    const report: GenerateReport = {
      counts: counter.counts,
      totalRecords: counter.total,
      batches: counter.batches,
      timeMs,
      recordsPerSecond: timeMs > 0 ? Math.round((counter.total / timeMs) * 1000) : 0,
      peakRssBytes: options.memory ? peakRss : null,
      sinks: result.sinks,
      files,
      outDir: output?.target ?? null,
      patterns: countByTypology(result.groundTruth),
      groundTruth: result.groundTruth,
      verification,
      shard,
    };
    if (output !== undefined) {
      const descriptor = dataPackage(files);
      if (descriptor !== undefined) await output.writeJson(DATA_PACKAGE_FILE, descriptor);
      if (config.includeMetadata) {
        await output.writeJson(
          'manifest.json',
          buildManifest(config, counter.counts, files, plan.chunkSize),
        );
        await output.writeJson('generation_stats.json', generationStats(report));
      }
      await output.commit();
    }
    return report;
  } catch (error) {
    await output?.discard();
    throw error;
  }
}

/**
 * The batch stream for this run: sequential, or from worker threads that also encode the rows of
 * text files (the sinks get records only when one needs them: a backend, Parquet).
 */
function batchStream(plan: Plan, emitted: UnitRange, sinks: readonly Sink[], signal?: AbortSignal) {
  const { config } = plan;
  if (config.numWorkers === 1)
    return generateBatches(plan, { batchSize: config.batchSize, signal, emitted });
  const textFormats = sinks.flatMap((sink) =>
    sink instanceof FileSink && isTextFormat(sink.format) ? [sink.format] : [],
  );
  return generateBatchesInWorkers(plan, {
    workers: config.numWorkers,
    emitted,
    textFormats,
    records: textFormats.length < sinks.length,
    signal,
  });
}

/** The original's GenerationStats fields (per-kind counts, time, rate, errors, warnings), plus ours. */
export function generationStats(
  report: Pick<
    GenerateReport,
    | 'counts'
    | 'groundTruth'
    | 'patterns'
    | 'totalRecords'
    | 'timeMs'
    | 'recordsPerSecond'
    | 'peakRssBytes'
    | 'sinks'
  >,
) {
  const c = report.counts;
  return {
    persons_generated: c.person,
    companies_generated: c.company,
    accounts_generated: c.account,
    devices_generated: c.device,
    transactions_generated: c.transfer,
    communications_generated: c.communicated,
    trades_generated: c.trade,
    travels_generated: c.travel,
    documents_generated: c.document,
    logins_generated: c.logged_in,
    patterns_generated: report.groundTruth.patterns.length,
    patterns_by_typology: report.patterns,
    counts_by_label: c,
    total_records: report.totalRecords,
    generation_time_seconds: Math.round(report.timeMs) / 1000,
    records_per_second: report.recordsPerSecond,
    peak_rss_mb: report.peakRssBytes === null ? null : Math.round(report.peakRssBytes / 1048576),
    sinks: report.sinks,
    errors: [],
    warnings: [],
  };
}

export function countByTypology(truth: GroundTruth): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pattern of truth.patterns)
    counts[pattern.typology] = (counts[pattern.typology] ?? 0) + 1;
  return counts;
}
