import { performance } from 'node:perf_hooks';
import type { GenerationConfig } from '../config/index.js';
import { FileSink } from '../sinks/files/file-sink.js';
import { OutputDirectory } from '../sinks/files/output-directory.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import type { GroundTruth, Sink, SinkStats, VerificationRow } from '../sinks/sink.js';
import type { GraphBatch, Label } from '../model/index.js';
import { VERSION } from '../version.js';
import { fanOut } from './fan-out.js';
import { generateBatches } from './generate-batches.js';
import { planRun } from './plan.js';
import { RunCounter } from './run-stats.js';
import { verifySinks } from './verify-sinks.js';

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

export interface Progress {
  readonly elements: number;
  readonly elapsedMs: number;
  /** Elements expected in all, when known in advance (a load from files); gives an ETA. */
  readonly totalElements?: number;
}

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
}

/** Settings that change how fast output is produced, never what it is: left out of the manifest. */
const OUTPUT_NEUTRAL_SETTINGS = new Set(['batchSize', 'enableParallel', 'numWorkers']);

/**
 * The manifest: what was generated, from which config, with checksums. It holds no wall-clock time
 * and no output-neutral settings, so the same seed and config reproduce it byte for byte.
 */
export function buildManifest(
  config: GenerationConfig,
  counts: Readonly<Record<Label, number>>,
  files: readonly WrittenFile[],
  chunkSize: number,
) {
  return {
    generator: 'fingraph',
    version: VERSION,
    seed: config.seed,
    chunk_size: chunkSize,
    config: Object.fromEntries(
      Object.entries(config).filter(([name]) => !OUTPUT_NEUTRAL_SETTINGS.has(name)),
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
  const output =
    options.outDir === undefined
      ? undefined
      : await OutputDirectory.open(options.outDir, options.overwrite ?? false);
  const fileSinks =
    output === undefined
      ? []
      : config.formats.map((format) => new FileSink(output.staging, format, clock));
  let opened: readonly Sink[];
  try {
    opened = (await options.openSinks?.()) ?? [];
  } catch (error) {
    await output?.discard();
    throw error;
  }
  const sinks: Sink[] = [...fileSinks, ...(options.extraSinks ?? []), ...opened];
  const counter = new RunCounter();
  const startedMs = clock();
  let peakRss = options.memory?.() ?? 0;
  const onBatch = (batch: GraphBatch) => {
    counter.add(batch);
    if (options.memory) peakRss = Math.max(peakRss, options.memory());
    options.onProgress?.({ elements: counter.total, elapsedMs: clock() - startedMs });
  };
  try {
    const result = await fanOut(
      generateBatches(plan, { batchSize: config.batchSize, signal: options.signal }),
      sinks,
      {
        onBatch,
        writeGroundTruth: config.includeGroundTruth,
      },
    );
    const timeMs = clock() - startedMs;
    const expected = {
      ...counter.counts,
      ...(config.includeGroundTruth
        ? {
            patterns: result.groundTruth.patterns.length,
            event_labels: result.groundTruth.eventLabels.length,
          }
        : {}),
    };
    const verification = await verifySinks(sinks, expected);
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
    };
    if (output !== undefined) {
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

/** The original's GenerationStats fields (per-kind counts, time, rate, errors, warnings), plus ours. */
function generationStats(report: GenerateReport) {
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

function countByTypology(truth: GroundTruth): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const pattern of truth.patterns)
    counts[pattern.typology] = (counts[pattern.typology] ?? 0) + 1;
  return counts;
}
