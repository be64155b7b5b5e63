import type { GraphBatch } from '../model/index.js';
import type { Sink, SinkStats } from '../sinks/sink.js';

export interface FanOutResult {
  readonly sinks: Readonly<Record<string, SinkStats>>;
}

/**
 * Hands every batch to every sink and waits for all of them before pulling the next batch: the
 * slowest sink sets the pace and memory stays bounded. On any failure every sink is aborted and
 * the error propagates.
 */
export async function fanOut(
  batches: AsyncIterable<GraphBatch>,
  sinks: readonly Sink[],
  onBatch?: (batch: GraphBatch) => void,
): Promise<FanOutResult> {
  try {
    for await (const batch of batches) {
      await Promise.all(sinks.map((sink) => sink.write(batch)));
      onBatch?.(batch);
    }
    const stats: Record<string, SinkStats> = {};
    for (const sink of sinks) stats[sink.name] = await sink.close();
    return { sinks: stats };
  } catch (error) {
    await Promise.allSettled(sinks.map((sink) => sink.abort(error)));
    throw error;
  }
}
