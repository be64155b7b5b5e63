/**
 * Quantile `q` (0..1) of values sorted ascending, interpolated linearly between the two nearest
 * ranks (the "type 7" definition of R and numpy's default); null for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? 0;
  return low + (high - low) * (position - below);
}

/** The median of unsorted values (copied, not changed); null for none. */
export function median(values: ArrayLike<number>): number | null {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, 0.5);
}
