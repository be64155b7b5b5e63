import type { GenerationConfig } from '../config/index.js';
import { DATA_PACKAGE_FILE, dataPackage } from '../sinks/files/data-package.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import { buildManifest, MANIFEST_FILE } from './manifest.js';
import type { OutputDirectory } from './output-directory.js';
import { generationStats, STATS_FILE, type RunFigures } from './stats.js';

/** What a run wrote and measured, for the files that describe its output. */
export interface RunMetadata {
  readonly config: GenerationConfig;
  readonly shard: { readonly index: number; readonly count: number };
  readonly files: readonly WrittenFile[];
  readonly chunkSize: number;
  readonly figures: RunFigures;
}

/**
 * Writes the files that describe a run's output into its staging directory, beside the data: the
 * data package descriptor (when the formats have one) and, with include_metadata, the manifest
 * and the stats. Generate and merge both finish this way, so a merged output equals the
 * unsharded one.
 */
export async function writeRunMetadata(output: OutputDirectory, run: RunMetadata): Promise<void> {
  const descriptor = dataPackage(run.files);
  if (descriptor !== undefined) await output.writeJson(DATA_PACKAGE_FILE, descriptor);
  if (!run.config.includeMetadata) return;
  await output.writeJson(
    MANIFEST_FILE,
    buildManifest(run.config, run.shard, run.figures.counts, run.files, run.chunkSize),
  );
  await output.writeJson(STATS_FILE, generationStats(run.figures));
}
