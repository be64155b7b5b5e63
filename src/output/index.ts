/**
 * An output directory: staged and committed as a whole (OutputDirectory), described by its
 * manifest (written and read here) and its stats.
 */
export {
  buildManifest,
  MANIFEST_FILE,
  readManifest,
  type ManifestFile,
  type OutputManifest,
} from './manifest.js';
export {
  discardPendingStagingSync,
  OutputDirectory,
  OutputDirectoryError,
} from './output-directory.js';
export { writeRunMetadata, type RunMetadata } from './run-metadata.js';
export {
  countByTypology,
  generationStats,
  readGenerationTimeMs,
  STATS_FILE,
  type RunFigures,
} from './stats.js';
