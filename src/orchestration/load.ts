import { performance } from 'node:perf_hooks';
import type { TableFormat } from '../config/index.js';
import type { Label } from '../model/index.js';
import type { Sink, SinkStats, VerificationRow } from '../sinks/sink.js';
import { type OutputManifest } from '../output/index.js';
import { readOutputDirectory } from '../sources/index.js';
import { checkSource } from './load-check.js';
import { LabelsUnknownError } from './labels-unknown-error.js';
import type { Progress } from './generate.js';
import { runStream } from './run.js';

/** Options of {@link load}: the directory written by `generate` and the sinks to load it into. */
export interface LoadOptions {
  /** A directory written by `generate` (it must hold manifest.json). */
  readonly from: string;
  readonly format?: TableFormat;
  readonly sinks?: readonly Sink[];
  /** Opens the sinks once the directory has been checked against its manifest. */
  readonly openSinks?: () => Promise<readonly Sink[]>;
  readonly batchSize?: number;
  /**
   * The load puts the ground truth on the data (`--with-labels`): refused for a directory that
   * cannot say which events are crimes (no label columns and no ground truth).
   */
  readonly withLabels?: boolean;
  readonly clock?: () => number;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

/** What {@link load} returns: per-sink stats and the verification of the counts. */
export interface LoadReport {
  readonly format: TableFormat;
  readonly counts: Readonly<Record<Label, number>>;
  readonly totalRecords: number;
  readonly timeMs: number;
  readonly recordsPerSecond: number;
  readonly sinks: Readonly<Record<string, SinkStats>>;
  readonly verification: Readonly<Record<string, readonly VerificationRow[]>>;
  readonly manifest: OutputManifest;
}

/**
 * Replays files written earlier through the given sinks, so generation and loading can happen on
 * different machines. The directory is checked against its manifest (sizes and checksums), and
 * every row against its schema, ids and edge endpoints (checkSource), before anything is sent;
 * the backends are verified against the manifest's counts afterwards.
 *
 * @example
 * await load({ from: './output', sinks: [await JanusGraphSink.open({ connection: { url } })] });
 */
export async function load(options: LoadOptions): Promise<LoadReport> {
  const clock = options.clock ?? (() => performance.now());
  const source = await readOutputDirectory(options.from, {
    format: options.format,
    batchSize: options.batchSize,
    signal: options.signal,
  });
  // Every row, id and endpoint is checked before a backend is even opened: bad input writes nothing.
  await checkSource(source, options.signal);
  if (options.withLabels === true) checkLabelsKnown(source.manifest, options.from);
  const sinks = [...(options.sinks ?? []), ...((await options.openSinks?.()) ?? [])];
  // A shard's part: only shard 0 carries the ground truth; the backend may hold other parts too.
  const shard = source.manifest.shard ?? { index: 0, count: 1 };
  const run = await runStream({
    batches: source.batches(),
    sinks,
    writeGroundTruth: shard.index === 0,
    clock,
    onBatch: (_batch, elements, elapsedMs) => {
      options.onProgress?.({ elements, elapsedMs, totalElements: source.manifest.total_records });
    },
    expected: source.manifest.counts,
    partial: shard.count > 1,
  });
  return {
    format: source.format,
    counts: run.counts,
    totalRecords: run.totalRecords,
    timeMs: run.timeMs,
    recordsPerSecond: run.recordsPerSecond,
    sinks: run.sinks,
    verification: run.verification,
    manifest: source.manifest,
  };
}

/**
 * `--with-labels` needs to know which events are crimes: from the files' ground-truth columns
 * (generated with --with-labels) or from ground_truth/event_labels (shard 0 of a sharded run, or
 * an unsharded run with ground truth).
 */
function checkLabelsKnown(manifest: OutputManifest, from: string): void {
  if (manifest.config['withLabels'] === true) return;
  if (manifest.files.some((file) => file.label === 'event_labels')) return;
  throw new LabelsUnknownError(from, manifest.shard?.index ?? 0);
}
