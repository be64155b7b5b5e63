/** Folds of the out-of-fold target encoding. */
export const FOLDS = 5;

/** Weight of the prior in a value's smoothed labelled rate, in pseudo-events. */
export const SMOOTHING = 10;

/**
 * Out-of-fold target encoding of a categorical column: each event's value is replaced by the
 * smoothed labelled rate of that value among the events of the *other* folds,
 * (labelled + SMOOTHING × prior) ÷ (events + SMOOTHING), with prior the overall labelled rate. A
 * value seen in one fold only (an id, a reference number) gets the prior, the same for every such
 * event, so it cannot look like a separator; a value that really goes with the label keeps its
 * rate across folds.
 *
 * @param codes the value of each event, as a small integer (equal values, equal codes)
 * @param folds the fold (0..FOLDS−1) of each event, fixed by its id
 * @param positive 1 for a labelled event, else 0
 */
export function outOfFoldEncoding(
  codes: Int32Array,
  folds: Uint8Array,
  positive: Uint8Array,
): Float64Array {
  const n = codes.length;
  let values = 0;
  for (let i = 0; i < n; i++) values = Math.max(values, (codes[i] ?? 0) + 1);
  const seen = new Float64Array(values * FOLDS);
  const hits = new Float64Array(values * FOLDS);
  const total = new Float64Array(values);
  const totalHits = new Float64Array(values);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const cell = (codes[i] ?? 0) * FOLDS + (folds[i] ?? 0);
    const p = positive[i] ?? 0;
    seen[cell] = (seen[cell] ?? 0) + 1;
    hits[cell] = (hits[cell] ?? 0) + p;
    positives += p;
  }
  for (let v = 0; v < values; v++)
    for (let f = 0; f < FOLDS; f++) {
      total[v] = (total[v] ?? 0) + (seen[v * FOLDS + f] ?? 0);
      totalHits[v] = (totalHits[v] ?? 0) + (hits[v * FOLDS + f] ?? 0);
    }
  const prior = n === 0 ? 0 : positives / n;
  const encoded = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const code = codes[i] ?? 0;
    const cell = code * FOLDS + (folds[i] ?? 0);
    const others = (total[code] ?? 0) - (seen[cell] ?? 0);
    const otherHits = (totalHits[code] ?? 0) - (hits[cell] ?? 0);
    encoded[i] = (otherHits + SMOOTHING * prior) / (others + SMOOTHING);
  }
  return encoded;
}
