import { DATA_PACKAGE_FILE, dataPackage } from '../sinks/files/data-package.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GenerationConfig } from '../config/index.js';
import { ConfigError } from '../errors.js';
import type { GraphBatch } from '../model/index.js';
import { fileOutputs } from '../sinks/exports/index.js';
import { OutputDirectory } from '../sinks/files/output-directory.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import type { GroundTruth } from '../sinks/sink.js';
import { readOutputDirectory, type OutputSource } from '../sources/index.js';
import { VERSION } from '../version.js';
import { fanOut } from './fan-out.js';
import { buildManifest, countByTypology, generationStats } from './generate.js';
import { RunCounter } from './run-stats.js';

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
    const where = `${source.directory}/manifest.json`;
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
  const config = { ...first.manifest.config, shard: '0/1' } as unknown as GenerationConfig;
  const output = await OutputDirectory.open(options.outDir, options.overwrite ?? false);
  const clock = () => performance.now();
  const sinks = fileOutputs(output.staging, config, clock, true);
  const counter = new RunCounter();
  try {
    const result = await fanOut(concatenated(sources), sinks, {
      onBatch: (batch) => {
        counter.add(batch);
      },
      writeGroundTruth: config.includeGroundTruth,
    });
    const files = sinks.flatMap((sink) => sink.files());
    const descriptor = dataPackage(files);
    if (descriptor !== undefined) await output.writeJson(DATA_PACKAGE_FILE, descriptor);
    const chunkSize = first.manifest.chunk_size ?? 0;
    await output.writeJson(
      'manifest.json',
      buildManifest(config, counter.counts, files, chunkSize),
    );
    const timeMs = await shardTimesMs(sources);
    await output.writeJson(
      'generation_stats.json',
      generationStats({
        counts: counter.counts,
        groundTruth: result.groundTruth,
        patterns: countByTypology(result.groundTruth),
        totalRecords: counter.total,
        timeMs,
        recordsPerSecond: timeMs > 0 ? Math.round((counter.total / timeMs) * 1000) : 0,
        peakRssBytes: null,
        sinks: result.sinks,
      }),
    );
    await output.commit();
    return { outDir: output.target, totalRecords: counter.total, files };
  } catch (error) {
    await output.discard();
    throw error;
  }
}

/** The shards' generation times added up, from their generation_stats.json where present. */
async function shardTimesMs(sources: readonly OutputSource[]): Promise<number> {
  let total = 0;
  for (const source of sources) {
    const text = await readFile(join(source.directory, 'generation_stats.json'), 'utf8').catch(
      () => '{}',
    );
    const seconds = (JSON.parse(text) as { generation_time_seconds?: number })
      .generation_time_seconds;
    total += (seconds ?? 0) * 1000;
  }
  return total;
}
