import {
  GROUND_TRUTH_TABLES,
  type EventLabel,
  type PatternTruth,
  type TableSpec,
  type GroundTruth,
} from '../model/index.js';
import type { ManifestFile } from '../output/index.js';
import { RowValidator } from './row-validator.js';
import type { SourceRow, TableReader } from './table-reader.js';
import { checkRecordCount, pathIn } from './verify-files.js';

/** The ground-truth tables by the name the manifest lists them under. */
export type GroundTruthTable = keyof typeof GROUND_TRUTH_TABLES;

export function isGroundTruthTable(name: string): name is GroundTruthTable {
  return Object.hasOwn(GROUND_TRUTH_TABLES, name);
}

/** Reads and validates every row of a (small) ground-truth table. */
async function readTable(
  reader: TableReader,
  directory: string,
  file: ManifestFile | undefined,
  table: TableSpec,
): Promise<SourceRow[]> {
  if (file === undefined) return [];
  const path = pathIn(directory, file);
  const validator = new RowValidator(table.shape, `the ${file.label} ground-truth schema`);
  const origin = { path, unit: reader.unit };
  const rows: SourceRow[] = [];
  for await (const chunk of reader.read(path, table)) {
    chunk.rows.forEach((row, i) => {
      validator.check(origin, chunk.positions[i] ?? 0, row);
      rows.push(row);
    });
  }
  checkRecordCount(path, file, rows.length);
  return rows;
}

/**
 * Reads `ground_truth/patterns` and `ground_truth/event_labels` in the chosen format; a table the
 * manifest does not list is empty (a run without ground truth).
 */
export async function readGroundTruth(
  reader: TableReader,
  directory: string,
  files: Partial<Readonly<Record<GroundTruthTable, ManifestFile>>>,
): Promise<GroundTruth> {
  // Rows are validated against the ground-truth shapes, whose value types these are.
  const patterns = (await readTable(
    reader,
    directory,
    files.patterns,
    GROUND_TRUTH_TABLES.patterns,
  )) as unknown as PatternTruth[];
  const eventLabels = (await readTable(
    reader,
    directory,
    files.event_labels,
    GROUND_TRUTH_TABLES.event_labels,
  )) as unknown as EventLabel[];
  return { patterns, eventLabels };
}
