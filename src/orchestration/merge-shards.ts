import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig, type GenerationConfig } from '../config/index.js';
import { ConfigError } from '../errors.js';
import type { GraphBatch, GroundTruth } from '../model/index.js';
import {
  countByTypology,
  MANIFEST_FILE,
  OutputDirectory,
  readGenerationTimeMs,
  writeRunMetadata,
  type OutputManifest,
} from '../output/index.js';
import { fileOutputs } from '../sinks/exports/index.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import { readOutputDirectory, type OutputSource } from '../sources/index.js';
import { VERSION } from '../version.js';
import { runStream } from './run.js';

/** Options of {@link mergeShards}: the shard directories and where to write the whole. */
export interface MergeOptions {
  /** The shards' output directories, in any order. */
  readonly shards: readonly string[];
  readonly outDir: string;
  readonly overwrite?: boolean;
  readonly signal?: AbortSignal;
}

/** What {@link mergeShards} returns. */
export interface MergeReport {
  readonly outDir: string;
  readonly totalRecords: number;
  readonly files: readonly WrittenFile[];
}

/** The shards in shard order, after checking they are the N parts of one run of this version. */
function orderShards(sources: readonly OutputSource[]): OutputSource[] {
  const count = sources.length;
  const ordered: OutputSource[] = [];
  const first = sources[0];
  for (const source of sources) {
    const { shard, version, config } = source.manifest;
    const where = join(source.directory, MANIFEST_FILE);
    if (shard === undefined)
      throw new ConfigError('shard', where, 'is not a shard (its manifest has no shard field)');
    if (shard.count !== count)
      throw new ConfigError(
        'shard',
        where,
        `is part ${shard.index} of ${shard.count}, but ${count} directories were given`,
      );
    if (ordered[shard.index] !== undefined)
      throw new ConfigError('shard', where, `repeats part ${shard.index}`);
    if (version !== VERSION)
      throw new ConfigError(
        'version',
        where,
        `was written by fingraph ${version}; merge it with that version (this is ${VERSION})`,
      );
    if (JSON.stringify(config) !== JSON.stringify(first?.manifest.config))
      throw new ConfigError(
        'config',
        where,
        `differs from ${first?.directory ?? ''}: shards must share seed and config`,
      );
    ordered[shard.index] = source;
  }
  return ordered;
}

/**
 * Every shard's batches, shard after shard; returns shard 0's ground truth (the run's), whose
 * event labels also label the other shards' events (they hold no ground truth of their own).
 */
async function* concatenated(
  sources: readonly OutputSource[],
): AsyncGenerator<GraphBatch, GroundTruth> {
  let truth: GroundTruth = { patterns: [], eventLabels: [] };
  for (const [index, source] of sources.entries()) {
    const shardTruth = yield* source.batches({ eventLabels: truth.eventLabels });
    if (index === 0) truth = shardTruth;
  }
  return truth;
}

/**
 * Merges the N parts of a sharded run into the unsharded output, byte for byte (manifest
 * included; generation_stats.json sums the shards' times): each file is the shard files'
 * records in shard order, rewritten in every format of the run. The shards are checked against
 * their manifests first.
 */
export async function mergeShards(options: MergeOptions): Promise<MergeReport> {
  if (options.shards.length === 0)
    throw new ConfigError('shards', '', 'give the shard directories to merge');
  const sources = orderShards(
    await Promise.all(
      options.shards.map((dir) => readOutputDirectory(dir, { signal: options.signal })),
    ),
  );
  const first = sources[0] as OutputSource;
  const config = unshardedConfig(first.manifest, join(first.directory, MANIFEST_FILE));
  const output = await OutputDirectory.open(options.outDir, options.overwrite ?? false);
  const clock = () => performance.now();
  const sinks = fileOutputs(output.staging, config, clock, true);
  try {
    const run = await runStream({
      batches: concatenated(sources),
      sinks,
      writeGroundTruth: config.includeGroundTruth,
      clock,
    });
    const files = sinks.flatMap((sink) => sink.files());
    // The merge's own time is not generation: the stats hold the shards' times added up.
    let timeMs = 0;
    for (const source of sources) timeMs += await readGenerationTimeMs(source.directory);
    await writeRunMetadata(output, {
      config,
      shard: { index: 0, count: 1 },
      files,
      chunkSize: first.manifest.chunk_size ?? 0,
      figures: {
        counts: run.counts,
        groundTruth: run.groundTruth,
        patterns: countByTypology(run.groundTruth),
        totalRecords: run.totalRecords,
        timeMs,
        recordsPerSecond: timeMs > 0 ? Math.round((run.totalRecords / timeMs) * 1000) : 0,
        peakRssBytes: null,
        sinks: run.sinks,
      },
    });
    await output.commit();
    return { outDir: output.target, totalRecords: run.totalRecords, files };
  } catch (error) {
    await output.discard();
    throw error;
  }
}

/**
 * The unsharded run's config, from a shard's manifest: validated like any other config (the
 * manifest is a file a user can edit), with the shard setting back to the whole run.
 */
function unshardedConfig(manifest: OutputManifest, where: string): GenerationConfig {
  try {
    return resolveConfig({
      layers: [{ source: 'file', values: { ...manifest.config, shard: '0/1' } }],
    });
  } catch (error) {
    throw new ConfigError(
      'config',
      where,
      `holds a config this version refuses: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
