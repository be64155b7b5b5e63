import {
  eventTruthShape,
  GROUND_TRUTH_TABLES,
  LABELS,
  TRUTH_GRAPH,
  VOCABULARY,
  type PropertyKind,
  type PropertyShape,
} from '../model/index.js';
import { SchemaError } from '../errors.js';

/** Java class each property kind is stored as in JanusGraph. Lists and nested values are JSON text. */
export const JANUS_CLASS: Readonly<Record<PropertyKind, string>> = {
  keyword: 'java.lang.String',
  name: 'java.lang.String',
  text: 'java.lang.String',
  long: 'java.lang.Long',
  double: 'java.lang.Double',
  boolean: 'java.lang.Boolean',
  timestamp: 'java.util.Date',
  date: 'java.lang.String',
  keywords: 'java.lang.String',
  json: 'java.lang.String',
};

/**
 * Every property name of the graph with its kind. JanusGraph property keys are global, so a name
 * must mean the same kind on every label that uses it; a clash is a model error.
 */
export function graphPropertyKinds(): Map<string, PropertyKind> {
  const kinds = new Map<string, PropertyKind>();
  const owner = new Map<string, string>();
  // The labels' properties, the ground-truth columns of --with-labels, then the truth graph's.
  const shapes: [string, PropertyShape][] = [
    ...LABELS.map((label): [string, PropertyShape] => [label, VOCABULARY[label].shape]),
    ['--with-labels', eventTruthShape],
    ...Object.entries(TRUTH_GRAPH).map(([label, d]): [string, PropertyShape] => [label, d.shape]),
  ];
  for (const [label, shape] of shapes) {
    for (const [name, d] of Object.entries(shape)) {
      const previous = kinds.get(name);
      if (previous !== undefined && JANUS_CLASS[previous] !== JANUS_CLASS[d.kind]) {
        throw new SchemaError(`model: property "${name}" is ${d.kind} on ${label} but ${previous} on ${owner.get(name) ?? '?'}`);
      }
      if (previous === undefined) {
        kinds.set(name, d.kind);
        owner.set(name, label);
      }
    }
  }
  return kinds;
}

/** Ground-truth tables are indexed in OpenSearch only, not loaded as graph properties. */
export const GROUND_TRUTH = GROUND_TRUTH_TABLES;
