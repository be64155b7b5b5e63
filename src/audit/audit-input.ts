import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TableFormat } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { MANIFEST_FILE, readManifest, type OutputManifest } from '../output/index.js';
import { chooseFormat } from '../sources/source-format.js';

/** The name the errors give the audited directory (the command's argument). */
const ARGUMENT = 'audit DIR';

async function kindOf(path: string): Promise<'file' | 'directory' | 'other' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * Checks, before anything is read, that `directory` is an output directory with transfers to
 * audit: it exists, holds a manifest.json, and the manifest lists a transfer file (in the chosen
 * format) that is on disk. Each failure is a ConfigError naming the path and what is missing.
 */
export async function checkAuditInput(
  directory: string,
  format: TableFormat | undefined,
): Promise<{ root: string; manifest: OutputManifest; format: TableFormat }> {
  const root = resolve(directory);
  const kind = await kindOf(root);
  if (kind === 'missing') throw new ConfigError(ARGUMENT, root, 'does not exist');
  if (kind !== 'directory') throw new ConfigError(ARGUMENT, root, 'is not a directory');
  if ((await kindOf(join(root, MANIFEST_FILE))) !== 'file')
    throw new ConfigError(
      ARGUMENT,
      root,
      `has no ${MANIFEST_FILE}; give a directory written by fingraph generate --out`,
    );
  const manifest = await readManifest(root);
  const chosen = chooseFormat(manifest, format, root);
  const transfers = manifest.files.find((f) => f.format === chosen && f.label === 'transfer');
  if ((manifest.counts['transfer'] ?? 0) === 0 || transfers === undefined)
    throw new ConfigError(
      ARGUMENT,
      root,
      `has no transfers: ${MANIFEST_FILE} lists no ${chosen} transfer file with records`,
    );
  if ((await kindOf(join(root, transfers.path))) !== 'file')
    throw new ConfigError(
      ARGUMENT,
      root,
      `is missing ${transfers.path}, which ${MANIFEST_FILE} lists`,
    );
  return { root, manifest, format: chosen };
}
