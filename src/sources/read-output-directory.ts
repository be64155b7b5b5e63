import { resolve } from 'node:path';
import type { TableFormat } from '../config/index.js';
import { ConfigError, FingraphError, SchemaError } from '../errors.js';
import {
  EDGE_LABELS,
  isEdgeLabel,
  isVertexLabel,
  labelTable,
  LABELS,
  VERTEX_LABELS,
  type EventLabel,
  type GraphBatch,
  type Label,
  type GroundTruth,
} from '../model/index.js';
import { BatchBuilder } from './batch-builder.js';
import {
  isGroundTruthTable,
  readGroundTruth,
  type GroundTruthTable,
} from './ground-truth-reader.js';
import { readManifest, type ManifestFile, type OutputManifest } from '../output/index.js';
import { READERS } from './readers.js';
import { RecordDecoder } from './record-decoder.js';
import { chooseFormat } from './source-format.js';
import { checkRecordCount, pathIn, verifyFiles } from './verify-files.js';

/** Elements per batch when none is given (the generator's default). */
export const DEFAULT_READ_BATCH_SIZE = 1_000;

/** Options of {@link readOutputDirectory}. */
export interface ReadOutputOptions {
  /** Format to read; default: the first the manifest lists, in the order jsonl, parquet, csv, json. */
  readonly format?: TableFormat;
  /** Elements per batch (vertices + edges); every batch but the last has exactly this many. */
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}

/** A checked output directory, ready to be replayed. */
export interface OutputSource {
  /** The absolute path of the directory. */
  readonly directory: string;
  readonly manifest: OutputManifest;
  /** The format being read. */
  readonly format: TableFormat;
  /**
   * Streams the records as batches: every vertex label (in `VERTEX_LABELS` order), then every edge
   * label (in `EDGE_LABELS` order), each in file order, so every edge comes after its endpoints.
   * Returns the ground truth when the stream ends. Each call reads the files anew.
   *
   * Events of injected patterns come back with their `patternIds`, as generated: from the
   * ground-truth columns of a `--with-labels` run, else from the directory's
   * `ground_truth/event_labels`, else (a shard other than 0, which holds none) from `eventLabels`.
   */
  batches(options?: {
    readonly eventLabels?: readonly EventLabel[];
  }): AsyncGenerator<GraphBatch, GroundTruth, undefined>;
}

/** The files of one format, by graph label and ground-truth table. */
interface FormatFiles {
  readonly labels: ReadonlyMap<Label, ManifestFile>;
  readonly truth: Partial<Record<GroundTruthTable, ManifestFile>>;
}

/** Sorts the format's files by what they hold, refusing entries no reader knows. */
function filesOf(manifest: OutputManifest, format: TableFormat, directory: string): FormatFiles {
  const labels = new Map<Label, ManifestFile>();
  const truth: Partial<Record<GroundTruthTable, ManifestFile>> = {};
  const refuse = (file: ManifestFile, why: string) =>
    new SchemaError(
      `${directory}/manifest.json: file ${file.path} has label ${JSON.stringify(file.label)}, which ${why}`,
      { path: file.path, label: file.label },
    );
  for (const file of manifest.files.filter((f) => f.format === format)) {
    const { label } = file;
    if (isGroundTruthTable(label)) {
      if (truth[label] !== undefined) throw refuse(file, `is listed twice for format ${format}`);
      truth[label] = file;
    } else if (isVertexLabel(label) || isEdgeLabel(label)) {
      if (labels.has(label)) throw refuse(file, `is listed twice for format ${format}`);
      labels.set(label, file);
    } else {
      throw refuse(file, 'is neither a graph label nor a ground-truth table');
    }
  }
  for (const label of LABELS) {
    const count = manifest.counts[label] ?? 0;
    const listed = labels.get(label)?.records ?? 0;
    if (listed !== count)
      throw new FingraphError(
        `${directory}/manifest.json: counts ${count} ${label} records but lists ${labels.has(label) ? `${listed} in ${labels.get(label)?.path ?? ''}` : `no ${format} file for them`}`,
        { label, expected: count, actual: listed },
      );
  }
  // Shard 0 holds a sharded run's ground truth; the other parts have none.
  const holdsTruth = (manifest.shard?.index ?? 0) === 0;
  if (
    holdsTruth &&
    manifest.config['includeGroundTruth'] === true &&
    (!truth.patterns || !truth.event_labels)
  )
    throw new FingraphError(
      `${directory}/manifest.json: the run wrote ground truth but lists no ground_truth/${truth.patterns ? 'event_labels' : 'patterns'}.${format}`,
      { format },
    );
  return { labels, truth };
}

/** Pattern ids by `label:event_id`, from event-label rows. */
function patternIdsByEvent(
  eventLabels: readonly EventLabel[],
): (label: Label, id: string) => readonly string[] | undefined {
  const byEvent = new Map<string, readonly string[]>();
  for (const row of eventLabels) byEvent.set(`${row.label}:${row.event_id}`, row.pattern_ids);
  return (label, id) => (byEvent.size === 0 ? undefined : byEvent.get(`${label}:${id}`));
}

async function* streamBatches(
  directory: string,
  format: TableFormat,
  files: FormatFiles,
  batchSize: number,
  withLabels: boolean,
  signal: AbortSignal | undefined,
  eventLabels: readonly EventLabel[] | undefined,
): AsyncGenerator<GraphBatch, GroundTruth, undefined> {
  const reader = READERS[format];
  // Small, and read first so that a bad ground-truth file fails before any record is loaded.
  const truth = await readGroundTruth(reader, directory, files.truth);
  const labelsOf = patternIdsByEvent(
    truth.eventLabels.length > 0 ? truth.eventLabels : (eventLabels ?? []),
  );
  const builder = new BatchBuilder(batchSize);
  for (const label of [...VERTEX_LABELS, ...EDGE_LABELS]) {
    const file = files.labels.get(label);
    if (file === undefined) continue;
    signal?.throwIfAborted();
    const path = pathIn(directory, file);
    const origin = { path, unit: reader.unit };
    const decoder = new RecordDecoder(label, withLabels, labelsOf);
    let records = 0;
    for await (const { rows, positions } of reader.read(path, labelTable(label, withLabels))) {
      for (let i = 0; i < rows.length; i++) {
        const record = decoder.decode(origin, positions[i] ?? 0, rows[i] ?? {});
        records++;
        const batch = builder.add(record);
        if (batch) {
          signal?.throwIfAborted();
          yield batch;
        }
      }
    }
    checkRecordCount(path, file, records);
  }
  const last = builder.take();
  if (last) yield last;
  return truth;
}

/**
 * Opens an output directory written by `fingraph generate` for replay (`fingraph load --from`):
 * reads `manifest.json`, picks the format, and checks that every file the manifest lists for it
 * exists with the listed size and SHA-256, so nothing is ever loaded from a partial or corrupt
 * directory. The records are then streamed by `batches()`, with memory bounded by the batch size
 * (and one read chunk, or one Parquet row group); each becomes exactly the record the generator
 * produced, and a row that does not match its label's schema is an error naming file, line or
 * row, field and value.
 *
 * @example
 * const source = await readOutputDirectory('./output', { batchSize: 5_000 });
 * const stream = source.batches();
 * let next = await stream.next();
 * for (; !next.done; next = await stream.next()) await sink.write(next.value);
 * await sink.writeGroundTruth?.(next.value);
 */
export async function readOutputDirectory(
  directory: string,
  options: ReadOutputOptions = {},
): Promise<OutputSource> {
  const batchSize = options.batchSize ?? DEFAULT_READ_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new ConfigError('batchSize', batchSize, 'must be a whole number ≥ 1');
  const root = resolve(directory);
  const manifest = await readManifest(root);
  const format = chooseFormat(manifest, options.format, root);
  const files = filesOf(manifest, format, root);
  await verifyFiles(
    root,
    manifest.files.filter((file) => file.format === format),
    options.signal,
  );
  return {
    directory: root,
    manifest,
    format,
    batches: (replay) =>
      streamBatches(
        root,
        format,
        files,
        batchSize,
        manifest.config['withLabels'] === true,
        options.signal,
        replay?.eventLabels,
      ),
  };
}
