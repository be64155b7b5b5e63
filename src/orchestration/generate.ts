import { performance } from 'node:perf_hooks';
import type { GenerationConfig } from '../config/index.js';
import { countByTypology, OutputDirectory, writeRunMetadata } from '../output/index.js';
import { fileOutputs } from '../sinks/exports/index.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import type { Sink, SinkStats, VerificationRow } from '../sinks/sink.js';
import type { Label, GroundTruth } from '../model/index.js';
import { generateBatches } from './generate-batches.js';
import { planRun, type Plan } from './plan.js';
import { shardOf, shardUnits, type Shard } from './shard.js';
import { runStream } from './run.js';
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
  let peakRss = options.memory?.() ?? 0;
  try {
    const run = await runStream({
      batches: batchStream(plan, emitted, sinks, options.signal),
      sinks,
      // The ground truth is the whole run's: shard 0 writes and loads it, once.
      writeGroundTruth: config.includeGroundTruth && shard.index === 0,
      clock,
      onBatch: (_batch, elements, elapsedMs) => {
        if (options.memory) peakRss = Math.max(peakRss, options.memory());
        options.onProgress?.({ elements, elapsedMs });
      },
      partial: shard.count > 1,
    });
    const files = fileSinks.flatMap((sink) => sink.files());
    const report: GenerateReport = {
      counts: run.counts,
      totalRecords: run.totalRecords,
      batches: run.batches,
      timeMs: run.timeMs,
      recordsPerSecond: run.recordsPerSecond,
      peakRssBytes: options.memory ? peakRss : null,
      sinks: run.sinks,
      files,
      outDir: output?.target ?? null,
      patterns: countByTypology(run.groundTruth),
      groundTruth: run.groundTruth,
      verification: run.verification,
      shard,
    };
    if (output !== undefined) {
      await writeRunMetadata(output, {
        config,
        shard,
        files,
        chunkSize: plan.chunkSize,
        figures: report,
      });
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
    sink.encodedFormat === undefined ? [] : [sink.encodedFormat],
  );
  return generateBatchesInWorkers(plan, {
    workers: config.numWorkers,
    emitted,
    textFormats,
    records: textFormats.length < sinks.length,
    signal,
  });
}
