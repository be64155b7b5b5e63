import type { GraphBatch, GroundTruth, Label } from '../model/index.js';
import type { Sink, SinkStats, VerificationRow } from '../sinks/sink.js';
import { fanOut } from './fan-out.js';
import { RunCounter } from './run-stats.js';
import { reconcileRefusals } from './reconcile-refusals.js';
import { verifySinks } from './verify-sinks.js';

/** One run of a batch stream into sinks: what generate, load and merge have in common. */
export interface RunSpec {
  readonly batches: AsyncGenerator<GraphBatch, GroundTruth>;
  readonly sinks: readonly Sink[];
  /** Hand the ground truth to the sinks that take it (shard 0 of a run, or the whole run). */
  readonly writeGroundTruth: boolean;
  /** Monotonic milliseconds, for timings only. */
  readonly clock: () => number;
  /** After each batch went to every sink: elements so far and the time since the start. */
  readonly onBatch?: (batch: GraphBatch, elements: number, elapsedMs: number) => void;
  /**
   * Counts per label the sinks that can count must hold afterwards; default: what flowed through.
   * The ground-truth tables are added when it was written.
   */
  readonly expected?: Readonly<Record<string, number>>;
  /** One shard's part of a dataset that others load into the same backends: at least the counts. */
  readonly partial?: boolean;
}

/** What every run reports. */
export interface RunOutcome {
  readonly counts: Readonly<Record<Label, number>>;
  readonly totalRecords: number;
  readonly batches: number;
  readonly timeMs: number;
  readonly recordsPerSecond: number;
  readonly sinks: Readonly<Record<string, SinkStats>>;
  readonly groundTruth: GroundTruth;
  /** Post-run counts per sink that can count (backends); empty for files only. */
  readonly verification: Readonly<Record<string, readonly VerificationRow[]>>;
}

/**
 * The spine of every run: fans the stream out to the sinks (the slowest sets the pace), counts
 * what flowed, removes from every backend what another one refused (reconcile-refusals.ts), then
 * has every sink that can count verify what landed (a difference throws a VerificationError).
 * On a failure the sinks are aborted and the error propagates.
 */
export async function runStream(spec: RunSpec): Promise<RunOutcome> {
  const counter = new RunCounter();
  const startedMs = spec.clock();
  const result = await fanOut(spec.batches, spec.sinks, {
    onBatch: (batch) => {
      counter.add(batch);
      spec.onBatch?.(batch, counter.total, spec.clock() - startedMs);
    },
    writeGroundTruth: spec.writeGroundTruth,
  });
  const timeMs = spec.clock() - startedMs;
  const expected = {
    ...(spec.expected ?? counter.counts),
    ...(spec.writeGroundTruth
      ? {
          patterns: result.groundTruth.patterns.length,
          event_labels: result.groundTruth.eventLabels.length,
        }
      : {}),
  };
  await reconcileRefusals(spec.sinks);
  const verification = await verifySinks(spec.sinks, expected, spec.partial === true);
  return {
    counts: counter.counts,
    totalRecords: counter.total,
    batches: counter.batches,
    timeMs,
    recordsPerSecond: timeMs > 0 ? Math.round((counter.total / timeMs) * 1000) : 0,
    sinks: result.sinks,
    groundTruth: result.groundTruth,
    verification,
  };
}
