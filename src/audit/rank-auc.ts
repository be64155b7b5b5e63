/**
 * The rank AUC (Mann–Whitney U ÷ (positives × negatives)) of `scores` as a separator of
 * `positive[i] = 1` from `positive[i] = 0`: the chance that a random positive scores above a
 * random negative, ties counting one half. NaN scores (a missing value) rank together below every
 * number, so missingness that tracks the label shows up too. Null when either class is empty.
 *
 * @example rankAuc(Float64Array.of(1, 2, 3, 4), Uint8Array.of(0, 0, 1, 1)) // 1
 */
export function rankAuc(scores: Float64Array, positive: Uint8Array): number | null {
  const { u, pairs } = mannWhitney(scores, positive);
  return pairs === 0 ? null : u / pairs;
}

/**
 * The Mann–Whitney U of `scores` (positives over negatives, ties one half) and the number of
 * (positive, negative) pairs it counts over.
 */
export function mannWhitney(
  scores: Float64Array,
  positive: Uint8Array,
): { u: number; pairs: number } {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += positive[i] ?? 0;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return { u: 0, pairs: 0 };
  const keyed = Float64Array.from(scores, (s) => (Number.isNaN(s) ? -Infinity : s));
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (keyed[a] ?? 0) - (keyed[b] ?? 0),
  );
  // Sum of the (1-based, tie-averaged) ranks of the positives.
  let rankSum = 0;
  for (let start = 0; start < n;) {
    const value = keyed[order[start] ?? 0];
    let end = start + 1;
    while (end < n && keyed[order[end] ?? 0] === value) end++;
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) rankSum += (positive[order[i] ?? 0] ?? 0) * midRank;
    start = end;
  }
  return { u: rankSum - (positives * (positives + 1)) / 2, pairs: positives * negatives };
}

/**
 * The rank AUC counted over pairs within the same group only: ΣU ÷ Σ pairs over the groups. For
 * scores fitted out of fold, each fold's scores come from one fit (the other folds), so comparing
 * within a fold is fair, while comparing across folds would reward the fits' differences: a value
 * held by every event would score lower in the folds that hold more of the labelled events, and a
 * constant field would look like a separator.
 */
export function rankAucWithinGroups(
  scores: Float64Array,
  positive: Uint8Array,
  groups: Uint8Array,
  groupCount: number,
): number | null {
  let u = 0;
  let pairs = 0;
  for (let g = 0; g < groupCount; g++) {
    const members: number[] = [];
    for (let i = 0; i < groups.length; i++) if (groups[i] === g) members.push(i);
    const result = mannWhitney(
      Float64Array.from(members, (i) => scores[i] ?? 0),
      Uint8Array.from(members, (i) => positive[i] ?? 0),
    );
    u += result.u;
    pairs += result.pairs;
  }
  return pairs === 0 ? null : u / pairs;
}

/** How well a score separates the classes whichever way round: max(AUC, 1 − AUC). */
export function separation(auc: number | null): number | null {
  return auc === null ? null : Math.max(auc, 1 - auc);
}
