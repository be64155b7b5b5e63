import { eventLabelShape, patternShape } from './ground-truth.js';
import type { PropertyShape } from './property-kinds.js';
import { columnsOf } from './rows.js';
import { VOCABULARY, type Label } from './vocabulary.js';

/** A file-shaped table: where its rows go and what columns they have. */
export interface TableSpec {
  /** Path relative to the output directory, without extension, e.g. "transfers" or "ground_truth/patterns". */
  readonly path: string;
  readonly columns: readonly string[];
  readonly shape: PropertyShape;
}

/** The table of a graph label. */
export function labelTable(label: Label): TableSpec {
  const definition = VOCABULARY[label];
  return { path: definition.fileStem, columns: columnsOf(label), shape: definition.shape };
}

export const GROUND_TRUTH_TABLES = {
  patterns: {
    path: 'ground_truth/patterns',
    columns: Object.keys(patternShape),
    shape: patternShape,
  },
  event_labels: {
    path: 'ground_truth/event_labels',
    columns: Object.keys(eventLabelShape),
    shape: eventLabelShape,
  },
} as const satisfies Record<string, TableSpec>;
