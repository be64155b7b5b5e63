import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { GenerationConfig } from '../config/index.js';
import { FingraphError, SchemaError } from '../errors.js';
import type { Label } from '../model/index.js';
import type { WrittenFile } from '../sinks/files/row-writer.js';
import { VERSION } from '../version.js';

/** The name of the manifest inside an output directory. */
export const MANIFEST_FILE = 'manifest.json';

const manifestFileSchema = z.object({
  path: z.string().min(1),
  format: z.string(),
  label: z.string(),
  records: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
});

const manifestSchema = z.looseObject({
  generator: z.string(),
  version: z.string(),
  seed: z.unknown(),
  chunk_size: z.number().optional(),
  /** Present on a shard's part only. */
  shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }).optional(),
  config: z.record(z.string(), z.unknown()),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  total_records: z.number().int().nonnegative(),
  files: z.array(manifestFileSchema),
});

/** One file of an output directory, as `manifest.json` lists it. */
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/**
 * The `manifest.json` of an output directory (see `buildManifest`): the config it was generated
 * from, the record count per label and every file with its format, label, records, size and
 * SHA-256.
 */
export type OutputManifest = z.infer<typeof manifestSchema>;

/**
 * Reads and checks `manifest.json` in `directory`. A directory without one is refused: without
 * checksums there is no telling a complete output from a partial or corrupt one.
 */
export async function readManifest(directory: string): Promise<OutputManifest> {
  const path = join(directory, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FingraphError(
      `${path}: cannot read the manifest (${(error as NodeJS.ErrnoException).code ?? String(error)}); ` +
        `an output directory must hold the manifest.json written by fingraph generate`,
      { path },
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaError(
      `${path}: is not valid JSON (${(error as Error).message})`,
      { path },
      { cause: error },
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new SchemaError(
      `${path}: field ${where === '' ? '(root)' : where} ${issue?.message ?? 'is invalid'}; ` +
        `expected a manifest written by fingraph generate`,
      { path, field: where },
    );
  }
  return parsed.data;
}

/** Settings that change how fast output is produced, never what it is: left out of the manifest. */
const OUTPUT_NEUTRAL_SETTINGS = new Set(['batchSize', 'enableParallel', 'numWorkers']);

/** The shard is not part of the dataset's config: a shard's manifest names it on its own line. */
const MANIFEST_EXCLUDED = new Set([...OUTPUT_NEUTRAL_SETTINGS, 'shard']);

/**
 * The manifest: what was generated, from which config, with checksums. It holds no wall-clock time
 * and no output-neutral settings, so the same seed and config reproduce it byte for byte. A
 * shard's manifest says which part it holds; merging the parts gives the unsharded manifest.
 */
export function buildManifest(
  config: GenerationConfig,
  shard: { readonly index: number; readonly count: number },
  counts: Readonly<Record<Label, number>>,
  files: readonly WrittenFile[],
  chunkSize: number,
) {
  return {
    generator: 'fingraph',
    version: VERSION,
    seed: config.seed,
    chunk_size: chunkSize,
    ...(shard.count > 1 ? { shard } : {}),
    config: Object.fromEntries(
      Object.entries(config).filter(([name]) => !MANIFEST_EXCLUDED.has(name)),
    ),
    counts,
    total_records: Object.values(counts).reduce((sum, n) => sum + n, 0),
    files: [...files].sort((a, b) => a.path.localeCompare(b.path)),
  };
}
