import type { Backend, EndpointOptions } from './backend.js';
import { JANUSGRAPH_BACKEND } from './janusgraph/janusgraph-backend.js';
import { OPENSEARCH_BACKEND } from './opensearch/opensearch-backend.js';

/**
 * Every backend, by kind. Adding one is a folder under src/backends and a row here; the compiler
 * then lists every table keyed by `BackendKind` that does not handle it yet (CLI flags, load
 * tuning).
 */
const ROWS = {
  janusgraph: JANUSGRAPH_BACKEND,
  opensearch: OPENSEARCH_BACKEND,
} as const;

/** A backend fingraph loads into and detects on: one row of the backend table. */
export type BackendKind = keyof typeof ROWS;

/** A backend's connection options, load tuning and detection target, by kind. */
export type BackendTypes = {
  readonly [K in BackendKind]: (typeof ROWS)[K] extends Backend<
    infer Options,
    infer Tuning,
    infer Target
  >
    ? { readonly options: Options; readonly tuning: Tuning; readonly target: Target }
    : never;
};

export type OptionsOf<K extends BackendKind> = BackendTypes[K]['options'];
export type TuningOf<K extends BackendKind> = BackendTypes[K]['tuning'];
export type TargetOf<K extends BackendKind> = BackendTypes[K]['target'];

/** The table, typed so that a function generic in the kind gets that kind's own types. */
export const BACKENDS: {
  readonly [K in BackendKind]: Backend<OptionsOf<K>, TuningOf<K>, TargetOf<K>>;
} = ROWS;

/** The kinds, in the order commands open them (JanusGraph first: its lease refuses a second loader). */
export const BACKEND_KINDS = Object.keys(ROWS) as readonly BackendKind[];

/** What detection queries receive: one target per backend given. */
export type DetectionTargets = { readonly [K in BackendKind]?: TargetOf<K> };

/** Endpoint options of the backends a command names, by kind. */
export type BackendEndpoints = { readonly [K in BackendKind]?: OptionsOf<K> & EndpointOptions };
