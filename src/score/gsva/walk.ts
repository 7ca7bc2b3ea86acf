/**
 * GSVA's random walk over one sample's ordering (Hänzelmann et al. 2013,
 * doi:10.1186/1471-2105-14-7).
 *
 * Genes are listed by decreasing statistic; the gene at position k (1-based) has rank score
 * r_k = |(n − k + 1) − n/2|. For a set S of K genes the walk after position k is
 *   D(k) = Σ_{g∈S, pos_g ≤ k} r^τ / Σ_{g∈S} r^τ  −  #{g∉S : pos_g ≤ k} / (n − K).
 * maxDiff: ES = max_k D + min_k D (absRanking: max_k D − min_k D); otherwise ES is whichever of
 * max_k D and min_k D is larger in magnitude.
 *
 * D rises only at set genes and falls linearly in between, so its maximum is reached at a set
 * gene and its minimum just before one (or at k = n): the walk costs O(K log K) per set (sorting
 * the set's positions), not O(n). Checked against GSVA 1.46.0.
 */

/** Rank-score weights r_k^τ for k = 1…n, stored at index k − 1. */
export function positionWeights(n: number, tau: number): Float64Array {
  const w = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    const r = Math.abs(n - k + 1 - n / 2);
    w[k - 1] = tau === 1 ? r : Math.pow(r, tau);
  }
  return w;
}

/**
 * Enrichment score of one set whose gene positions are `p[0…K)` (sorted ascending, distinct).
 * `w` from positionWeights.
 */
export function walkScore(p: Int32Array, K: number, n: number, w: Float64Array, maxDiff: boolean, absRanking: boolean): number {
  let W = 0;
  for (let a = 0; a < K; a++) W += w[p[a] - 1];
  const nMiss = n - K;
  let hit = 0;
  let maxD = -Infinity;
  let minD = Infinity;
  for (let a = 0; a < K; a++) {
    const k = p[a];
    // just before this set gene: a set genes and k − 1 − a other genes passed
    if (k - 1 > 0 && (a === 0 || p[a - 1] !== k - 1)) {
      const dBefore = hit / W - (k - 1 - a) / nMiss;
      if (dBefore > maxD) maxD = dBefore;
      if (dBefore < minD) minD = dBefore;
    }
    hit += w[k - 1];
    const d = hit / W - (k - 1 - a) / nMiss;
    if (d > maxD) maxD = d;
    if (d < minD) minD = d;
  }
  if (p[K - 1] < n) {
    const dEnd = hit / W - (n - K) / nMiss;
    if (dEnd > maxD) maxD = dEnd;
    if (dEnd < minD) minD = dEnd;
  }
  if (maxDiff) return absRanking ? maxD - minD : maxD + minD;
  return Math.abs(maxD) > Math.abs(minD) ? maxD : minD;
}
