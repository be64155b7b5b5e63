import { resolveConfig } from '../../src/config/index.js';
import type { GraphBatch, GraphRecord, GroundTruth } from '../../src/model/index.js';
import { generateBatches } from '../../src/orchestration/generate-batches.js';
import { planRun } from '../../src/orchestration/plan.js';
import { INDEXED_LABELS, indexNameOf } from '../../src/schema/index.js';
import type { OpenSearchConnection } from '../../src/backends/opensearch/connection.js';
import type { OpenSearchSink } from '../../src/backends/opensearch/opensearch-sink.js';
import type { SinkStats } from '../../src/sinks/sink.js';

/** A generated run, held in memory so several loads can replay it. */
export interface Generated {
  readonly batches: readonly GraphBatch[];
  readonly truth: GroundTruth;
  readonly records: readonly GraphRecord[];
  /** What verify expects: every label, plus the ground-truth tables. */
  readonly expected: Readonly<Record<string, number>>;
}

/**
 * A preset run in memory. The presets inject no patterns by default; a few mule chains give the
 * ground-truth indexes something to hold.
 */
export async function generatePreset(
  preset: 'tiny' | 'small' | 'complete',
  overrides: Record<string, unknown> = { muleChainPatterns: 3 },
): Promise<Generated> {
  const config = resolveConfig({ preset, layers: [{ source: 'file', values: overrides }] });
  const stream = generateBatches(planRun(config), { batchSize: 1000 });
  const batches: GraphBatch[] = [];
  let step = await stream.next();
  while (step.done !== true) {
    batches.push(step.value);
    step = await stream.next();
  }
  const truth = step.value;
  const records = batches.flatMap((batch) => [...batch.vertices, ...batch.edges]);
  const expected: Record<string, number> = {
    patterns: truth.patterns.length,
    event_labels: truth.eventLabels.length,
  };
  for (const record of records) expected[record.label] = (expected[record.label] ?? 0) + 1;
  return { batches, truth, records, expected };
}

/** Drives a sink the way fan-out does: every batch, the ground truth, then close. */
export async function load(
  sink: OpenSearchSink,
  data: Pick<Generated, 'batches' | 'truth'>,
): Promise<SinkStats> {
  try {
    for (const batch of data.batches) await sink.write(batch);
    await sink.writeGroundTruth(data.truth);
    return await sink.close();
  } catch (error) {
    await sink.abort(error);
    throw error;
  }
}

/** Documents of the indexed labels plus the ground truth: what the sink should report. */
export function documentCount(data: Generated): number {
  const labels = INDEXED_LABELS.reduce((sum, label) => sum + (data.expected[label] ?? 0), 0);
  return labels + data.truth.patterns.length + data.truth.eventLabels.length;
}

/** Counted after a refresh, straight from the server. */
export async function countsOf(
  connection: OpenSearchConnection,
  index: (kind: string) => string,
): Promise<Record<string, number>> {
  const kinds = [...INDEXED_LABELS.map(indexNameOf), 'patterns', 'event_labels'];
  await connection.client.indices.refresh({ index: kinds.map(index).join(',') });
  const counts: Record<string, number> = {};
  for (const kind of kinds)
    counts[kind] = (await connection.client.count({ index: index(kind) })).body.count;
  return counts;
}

/** Expected counts by index kind. */
export function expectedByKind(data: Generated): Record<string, number> {
  const counts: Record<string, number> = {
    patterns: data.truth.patterns.length,
    event_labels: data.truth.eventLabels.length,
  };
  for (const label of INDEXED_LABELS) counts[indexNameOf(label)] = data.expected[label] ?? 0;
  return counts;
}

/** refresh_interval and number_of_replicas as the server has them now (null: not set). */
export async function loadSettingsOf(
  connection: OpenSearchConnection,
  index: string,
): Promise<{ refresh: string | null; replicas: string | null }> {
  const body = (await connection.client.indices.getSettings({ index, flat_settings: true }))
    .body as Record<string, { settings: Record<string, string | undefined> }>;
  const settings = body[index]?.settings ?? {};
  return {
    refresh: settings['index.refresh_interval'] ?? null,
    replicas: settings['index.number_of_replicas'] ?? null,
  };
}
