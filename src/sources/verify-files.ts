import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { FingraphError } from '../errors.js';
import type { ManifestFile } from '../output/index.js';

/**
 * The absolute path of a manifest entry inside `directory`. Entries that would resolve outside it
 * (absolute paths, `..`) are refused, so a hand-edited manifest cannot make the loader read
 * arbitrary files.
 */
export function pathIn(directory: string, file: ManifestFile): string {
  const path = resolve(directory, file.path);
  const inside = relative(resolve(directory), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || isAbsolute(file.path))
    throw new FingraphError(
      `manifest.json: file path ${JSON.stringify(file.path)} leaves the output directory ${directory}; paths must be relative and inside it`,
      { path: file.path },
    );
  return path;
}

/** Streams a file through SHA-256 (constant memory). */
async function sha256Of(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { signal, highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks that every listed file exists with the listed size and SHA-256, before anything is read:
 * data must never be loaded from a partial or corrupt directory. The first mismatch is an error
 * naming the file, what the manifest expects and what is on disk.
 */
export async function verifyFiles(
  directory: string,
  files: readonly ManifestFile[],
  signal?: AbortSignal,
): Promise<void> {
  for (const file of files) {
    signal?.throwIfAborted();
    const path = pathIn(directory, file);
    const info = await stat(path).catch((error: unknown) => {
      throw new FingraphError(
        `${path}: listed in manifest.json (${file.records} ${file.label} records, ${file.bytes} bytes) but cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); the directory is incomplete`,
        { path, expected: file.bytes },
        { cause: error },
      );
    });
    if (!info.isFile() || info.size !== file.bytes)
      throw new FingraphError(
        `${path}: size ${info.isFile() ? `${info.size} bytes` : 'not a regular file'}, manifest.json lists ${file.bytes} bytes; the file is partial or was changed after generation`,
        { path, expected: file.bytes, actual: info.size },
      );
    const sha256 = await sha256Of(path, signal);
    if (sha256 !== file.sha256)
      throw new FingraphError(
        `${path}: SHA-256 ${sha256}, manifest.json lists ${file.sha256}; the file is corrupt or was changed after generation`,
        { path, expected: file.sha256, actual: sha256 },
      );
  }
}

/** After a file is read: it must have held exactly the records the manifest lists. */
export function checkRecordCount(path: string, file: ManifestFile, records: number): void {
  if (records !== file.records)
    throw new FingraphError(
      `${path}: holds ${records} ${file.label} records, manifest.json lists ${file.records}; the file does not belong to this manifest`,
      { path, expected: file.records, actual: records },
    );
}
