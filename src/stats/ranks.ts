/**
 * Average ranks (R's `rank(x, ties.method = "average")`) and the tie term Σ(t³ − t) used by the
 * tie-corrected variances of rank statistics. NaN values are not allowed (callers drop them).
 * O(n log n) with an index sort over a `Uint32Array`.
 */
export interface RankResult {
  /** 1-based average ranks, in input order. */
  ranks: Float64Array;
  /** Σ over tie groups of t³ − t (0 when there are no ties). */
  tieSum: number;
  /** Whether any two values are equal. */
  hasTies: boolean;
}

/** Indices 0..n−1 sorted by x (stable). */
export function argsort(x: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(x.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => x[a] - x[b] || a - b);
  return idx;
}

/** Average ranks of `x` with the tie term. */
export function averageRanks(x: ArrayLike<number>): RankResult {
  const n = x.length;
  const order = argsort(x);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    const v = x[order[i]];
    while (j < n && x[order[j]] === v) j++;
    const t = j - i;
    const r = (i + 1 + j) / 2; // mean of ranks i+1..j
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    if (t > 1) tieSum += t * t * t - t;
    i = j;
  }
  return { ranks, tieSum, hasTies: tieSum > 0 };
}
