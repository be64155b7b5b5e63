/**
 * Which dataset a backend holds. Recorded in the backend before the first write (a graph-level
 * marker in JanusGraph, `_meta` on every OpenSearch index) and checked by every later load, so
 * one dataset is never loaded over another.
 */
export interface DatasetIdentity {
  readonly seed: unknown;
  /** Hash of the config, without the settings that change speed or the part, never the data. */
  readonly digest: string;
  /** This loader's part (0 of 1 unless sharded): the parts of one dataset are the same dataset. */
  readonly shard: { readonly index: number; readonly count: number };
}

/** What a backend records: the dataset, without the part this loader happens to load. */
export interface DatasetMarker {
  readonly seed: unknown;
  readonly digest: string;
}

export function markerOf(dataset: DatasetIdentity): DatasetMarker {
  return { seed: dataset.seed, digest: dataset.digest };
}

export function sameDataset(a: DatasetMarker, b: DatasetMarker): boolean {
  return a.digest === b.digest && JSON.stringify(a.seed) === JSON.stringify(b.seed);
}

/** `seed 42, config 1a2b3c4d5e6f7a8b`, for messages. */
export function describeDataset(marker: DatasetMarker): string {
  return `seed ${JSON.stringify(marker.seed)}, config ${marker.digest}`;
}

/** Reads a marker back from its stored JSON; undefined when it is not one. */
export function parseMarker(text: unknown): DatasetMarker | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = JSON.parse(text) as Partial<DatasetMarker> | null;
    return typeof value?.digest === 'string'
      ? { seed: value.seed, digest: value.digest }
      : undefined;
  } catch {
    return undefined;
  }
}
