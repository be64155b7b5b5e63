import { isTableFormat, TABLE_FORMATS, type TableFormat } from '../config/index.js';
import { ConfigError, FingraphError } from '../errors.js';
import { isVertexLabel, isEdgeLabel } from '../model/index.js';
import type { OutputManifest } from '../output/index.js';

/**
 * Which format to read when several were written: JSONL first (the cheapest to parse), then
 * Parquet (typed), then CSV, then JSON arrays.
 */
export const FORMAT_PREFERENCE: readonly TableFormat[] = ['jsonl', 'parquet', 'csv', 'json'];

/** The formats the manifest lists graph-label or ground-truth files for, in preference order. */
export function formatsIn(manifest: OutputManifest): TableFormat[] {
  const listed = new Set(manifest.files.map((file) => file.format));
  return FORMAT_PREFERENCE.filter((format) => listed.has(format));
}

/**
 * Picks the format to read: `requested` if given (it must be listed in the manifest), else the
 * first listed in {@link FORMAT_PREFERENCE}. A manifest listing graph records but no files is
 * refused.
 */
export function chooseFormat(
  manifest: OutputManifest,
  requested: string | undefined,
  where: string,
): TableFormat {
  const available = formatsIn(manifest);
  if (requested !== undefined) {
    if (!isTableFormat(requested))
      throw new ConfigError(
        'format',
        requested,
        `is not a format that can be read back; use one of ${TABLE_FORMATS.join(', ')}`,
      );
    if (!available.includes(requested))
      throw new ConfigError(
        'format',
        requested,
        `has no files in ${where}; it holds ${available.length === 0 ? 'none' : available.join(', ')}`,
      );
    return requested;
  }
  const first = available[0];
  if (first !== undefined) return first;
  const records = Object.entries(manifest.counts)
    .filter(([label]) => isVertexLabel(label) || isEdgeLabel(label))
    .reduce((sum, [, n]) => sum + n, 0);
  if (records > 0)
    throw new FingraphError(
      `${where}: the manifest counts ${records} records but lists no files in any format that can be read back (${TABLE_FORMATS.join(', ')})`,
      { where },
    );
  return 'jsonl';
}
