import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FingraphError, SchemaError } from '../errors.js';

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
