/**
 * Per-sample orderings used by the walks. Both give, for every gene, its 1-based position when
 * the genes are listed by decreasing value, ties kept in gene order (R's stable `order`).
 *
 * Method: sort a copy of the values ascending (native typed-array sort), then for each gene in
 * gene order binary-search the end of its run of equal values; the genes above it are those past
 * that end, and a counter per run gives the tied genes consecutive positions in gene order.
 * O(n log n) per sample, O(n) scratch.
 */

/** Scratch for one sample of n genes; allocate once per task. */
export interface RankScratch {
  sorted: Float64Array;
  seen: Int32Array;
}

export function rankScratch(n: number): RankScratch {
  return { sorted: new Float64Array(n), seen: new Int32Array(n + 1) };
}

/** Index of the first element of ascending `u[0…n)` greater than v. */
function upperBound(u: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ascending `u[0…n)` not less than v. */
function lowerBound(u: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions by decreasing value (1 = largest), ties in gene order: `pos[g]` for g < n.
 * Used by GSVA on the kernel statistic.
 */
export function decreasingPositions(values: Float64Array, n: number, pos: Int32Array, s: RankScratch): void {
  const u = s.sorted;
  u.set(values.subarray(0, n));
  u.sort();
  s.seen.fill(0);
  for (let g = 0; g < n; g++) {
    const ub = upperBound(u, n, values[g]);
    pos[g] = n - ub + s.seen[ub]++ + 1;
  }
}

/**
 * ssGSEA ordering: `rank[g]` = the ascending rank of gene g with ties averaged, truncated to an
 * integer (R's `as.integer(rank(x))`), and `pos[g]` its 1-based position by decreasing rank,
 * ties in gene order.
 */
export function ssgseaRanks(values: Float64Array, n: number, rank: Int32Array, pos: Int32Array, s: RankScratch): void {
  const u = s.sorted;
  u.set(values.subarray(0, n));
  u.sort();
  s.seen.fill(0);
  for (let g = 0; g < n; g++) {
    const v = values[g];
    const ub = upperBound(u, n, v);
    const lb = lowerBound(u, n, v);
    rank[g] = Math.floor((lb + 1 + ub) / 2);
    pos[g] = n - ub + s.seen[ub]++ + 1;
  }
}
