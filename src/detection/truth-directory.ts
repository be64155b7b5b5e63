import { MS_PER_DAY } from '../model/index.js';
import { resolve } from 'node:path';
import { FingraphError } from '../errors.js';
import type { GroundTruth } from '../model/index.js';
import { isGroundTruthTable, readGroundTruth } from '../sources/ground-truth-reader.js';
import { readManifest, type ManifestFile } from '../output/index.js';
import { READERS } from '../sources/readers.js';
import { chooseFormat } from '../sources/source-format.js';
import { verifyFiles } from '../sources/verify-files.js';

/** The period a dataset covers, epoch ms: what detection queries take as "now" and window. */
export interface DetectionPeriod {
  readonly referenceMs: number;
  readonly windowStartMs: number;
}

/**
 * The event window of a config (`referenceDate`, `startDate`, `durationDays`), as the generator
 * draws it: from `startDate` when set, otherwise `durationDays` before the reference date.
 */
export function periodOf(config: Readonly<Record<string, unknown>>): DetectionPeriod {
  const reference = config['referenceDate'];
  const referenceMs = typeof reference === 'string' ? Date.parse(reference) : Number.NaN;
  if (!Number.isFinite(referenceMs))
    throw new FingraphError(`the config has no valid referenceDate (${String(reference)})`);
  const start = config['startDate'];
  if (typeof start === 'string') return { referenceMs, windowStartMs: Date.parse(start) };
  const days = Number(config['durationDays']);
  if (!Number.isFinite(days) || days <= 0)
    throw new FingraphError(
      `the config has no valid durationDays (${String(config['durationDays'])})`,
    );
  return { referenceMs, windowStartMs: referenceMs - days * MS_PER_DAY };
}

/** The ground truth of an output directory and the period its data covers. */
export interface TruthDirectory extends DetectionPeriod {
  readonly directory: string;
  readonly truth: GroundTruth;
}

/**
 * Reads the ground truth (`ground_truth/patterns.*`, `event_labels.*`) of a directory written by
 * `fingraph generate --out`, checking those files against the manifest's checksums, and the period
 * from the manifest's config. A directory generated without ground truth is refused.
 */
export async function readTruthDirectory(directory: string): Promise<TruthDirectory> {
  const root = resolve(directory);
  const manifest = await readManifest(root);
  const format = chooseFormat(manifest, undefined, root);
  const files: Partial<Record<'patterns' | 'event_labels', ManifestFile>> = {};
  for (const file of manifest.files)
    if (file.format === format && isGroundTruthTable(file.label)) files[file.label] = file;
  if (files.patterns === undefined)
    throw new FingraphError(
      `${root}: no ground_truth/patterns.${format} in the manifest (generated with include_ground_truth off?)`,
      { directory: root },
    );
  await verifyFiles(root, Object.values(files));
  const truth = await readGroundTruth(READERS[format], root, files);
  return { directory: root, truth, ...periodOf(manifest.config) };
}
