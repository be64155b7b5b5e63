import type { GraphBatch, GroundTruth } from '../model/index.js';
import type { Sink, SinkStats } from '../sinks/sink.js';

export interface FanOutResult {
  readonly sinks: Readonly<Record<string, SinkStats>>;
  readonly groundTruth: GroundTruth;
}

export interface FanOutOptions {
  readonly onBatch?: (batch: GraphBatch) => void;
  /** Hand the ground truth to the sinks that take it (files, OpenSearch). */
  readonly writeGroundTruth: boolean;
}

/**
 * Hands every batch to every sink and waits for all of them before pulling the next batch: the
 * slowest sink sets the pace and memory stays bounded. The stream's return value, the ground
 * truth, goes to the sinks last. On any failure every sink is aborted and the error propagates.
 */
export async function fanOut(
  batches: AsyncGenerator<GraphBatch, GroundTruth>,
  sinks: readonly Sink[],
  options: FanOutOptions,
): Promise<FanOutResult> {
  try {
    let step = await batches.next();
    while (step.done !== true) {
      const batch = step.value;
      // Every write settles before a failure is acted on: aborting (and a discard of the staging
      // directory) while another sink is still writing the batch races with that write.
      const written = await Promise.allSettled(sinks.map((sink) => sink.write(batch)));
      const failed = written.find((result) => result.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      options.onBatch?.(batch);
      step = await batches.next();
    }
    const groundTruth = step.value;
    for (const sink of sinks) {
      if (options.writeGroundTruth || sink.needsGroundTruth === true)
        await sink.writeGroundTruth?.(groundTruth);
    }
    const stats: Record<string, SinkStats> = {};
    for (const sink of sinks) stats[sink.name] = await sink.close();
    return { sinks: stats, groundTruth };
  } catch (error) {
    await Promise.allSettled(sinks.map((sink) => sink.abort(error)));
    throw error;
  }
}
