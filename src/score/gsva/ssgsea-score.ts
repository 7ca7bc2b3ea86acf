/**
 * ssGSEA enrichment of one set in one sample (Barbie et al. 2009, doi:10.1038/nature08460;
 * GSVA 1.46 variant).
 *
 * Genes are ranked by expression (ascending, ties averaged, truncated to integers: r_g) and listed
 * by decreasing rank (ties in gene order), pos_g = 1…n. With weights w_g = r_g^α the walk
 * D(k) = Σ_{g∈S,pos_g≤k} w_g / Σ_S w − #{g∉S : pos_g ≤ k}/(n − K) is summed over k = 1…n, which
 * in closed form is
 *   ES = Σ_S w_g·(n − pos_g + 1) / Σ_S w  −  (n(n+1)/2 − Σ_S (n − pos_g + 1)) / (n − K).
 * `rankWeight[r]` = r^α for r = 1…n (rankWeights). O(K) per set once the sample is ranked. Checked against GSVA 1.46.0 `method = "ssgsea"`.
 */
export function ssgseaSetScore(
  rows: Int32Array, r0: number, r1: number, n: number,
  rank: Int32Array, pos: Int32Array, rankWeight: Float64Array,
): number {
  const K = r1 - r0;
  let sw = 0;
  let swStep = 0;
  let sStep = 0;
  for (let a = r0; a < r1; a++) {
    const g = rows[a];
    const w = rankWeight[rank[g]];
    const step = n - pos[g] + 1;
    sw += w;
    swStep += w * step;
    sStep += step;
  }
  return swStep / sw - ((n * (n + 1)) / 2 - sStep) / (n - K);
}

/** r^α for r = 0…n (index r). */
export function rankWeights(n: number, alpha: number): Float64Array {
  const w = new Float64Array(n + 1);
  for (let r = 1; r <= n; r++) w[r] = alpha === 1 ? r : Math.pow(r, alpha);
  return w;
}
