import {
  eventLabelShape,
  eventTruthShape,
  patternShape,
  TRUTH_GRAPH,
  type TruthGraphLabel,
} from './ground-truth.js';
import type { PropertyDescriptor, PropertyShape } from './property-kinds.js';
import { columnsOf, hasTruthColumns } from './rows.js';
import { VOCABULARY, type Label } from './vocabulary.js';

/** A file-shaped table: where its rows go and what columns they have. */
export interface TableSpec {
  /** Path relative to the output directory, without extension, e.g. "transfers" or "ground_truth/patterns". */
  readonly path: string;
  readonly columns: readonly string[];
  readonly shape: PropertyShape;
}

/**
 * The table of a graph label; with `withLabels` (the run's `--with-labels`), an event label's
 * table also has the ground-truth columns is_laundering and pattern_ids.
 */
export function labelTable(label: Label, withLabels = false): TableSpec {
  const definition = VOCABULARY[label];
  const shape: PropertyShape = hasTruthColumns(label, withLabels)
    ? { ...definition.shape, ...eventTruthShape }
    : definition.shape;
  return { path: definition.fileStem, columns: columnsOf(label, withLabels), shape };
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

/**
 * The definition of any element label a graph store holds: the vocabulary's, or the truth
 * graph's (`pattern`, `involves`, see TRUTH_GRAPH).
 */
export function elementDefinition(label: string): {
  readonly kind: 'vertex' | 'edge';
  readonly key: string;
  readonly shape: PropertyShape;
} {
  if (isTruthGraphLabel(label)) return TRUTH_GRAPH[label];
  return VOCABULARY[label as Label];
}

export function isTruthGraphLabel(label: string): label is TruthGraphLabel {
  return Object.hasOwn(TRUTH_GRAPH, label);
}

/** The kind of property `name` of elements of `label` (ground-truth columns included). */
export function propertyKindOf(
  label: string,
  name: string,
): PropertyDescriptor['kind'] | undefined {
  const shape = elementDefinition(label).shape;
  return (shape[name] ?? (eventTruthShape as PropertyShape)[name])?.kind;
}
