/**
 * Prior variance v₀ of the non-zero log-fold-changes, for the B-statistic (Smyth 2004,
 * doi:10.2202/1544-6115.1027, §6.3). Under the two-component mixture the marginal tail of |t| is
 * (1 − π)·p₀(t) + π·p₀(t/√(1 + v₀/u²)), with p₀ the upper t tail. The ⌈πG/2⌉ largest |t|
 * are matched to their order-statistic tail probability (r − ½)/(2G): for each, the target tail
 * of the non-null component is ((r − ½)/(2G) − (1 − π)p₀(t))/π and v₀ solves
 * t/√(1 + v₀/u²) = p₀⁻¹(target) (0 when the target is not above p₀(t)), clamped to `lim`; the
 * estimate is their mean, with π raised to ⌈πG/2⌉/G when that is larger. Genes on other
 * degrees of freedom are first mapped to the largest df through equal tail probabilities.
 * O(G log G).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Upper tail P(T > t) on df (normal for infinite df). */
function ptUpper(t: number, df: number): number {
  return df > 1e12 ? normalCdf(-t, 0, 1) : tCdf(-t, df);
}
/** Upper quantile: t with P(T > t) = p. */
function qtUpper(p: number, df: number): number {
  return df > 1e12 ? -normalQuantile(p, 0, 1) : -tQuantile(p, df);
}

export function tmixture(tstat: Float64Array, stdevUnscaled: Float64Array, df: Float64Array, proportion: number, lim: [number, number]): number {
  const idx: number[] = [];
  for (let g = 0; g < tstat.length; g++) if (!Number.isNaN(tstat[g])) idx.push(g);
  const G = idx.length;
  const ntarget = Math.ceil((proportion / 2) * G);
  if (ntarget < 1) return NaN;
  const p = Math.max(ntarget / G, proportion);
  let maxDf = -Infinity;
  for (const g of idx) maxDf = Math.max(maxDf, df[g]);
  const at = new Float64Array(G);
  const v1 = new Float64Array(G);
  for (let i = 0; i < G; i++) {
    const g = idx[i];
    let a = Math.abs(tstat[g]);
    if (df[g] < maxDf) a = qtUpper(ptUpper(a, df[g]), maxDf);
    at[i] = a;
    v1[i] = stdevUnscaled[g] * stdevUnscaled[g];
  }
  const order = Array.from(at.keys()).sort((a, b) => at[b] - at[a] || a - b).slice(0, ntarget);
  let sum = 0;
  order.forEach((i, pos) => {
    // rank among the selected, largest |t| → r = 1
    const r = pos + 1;
    const tt = at[i];
    const p0 = ptUpper(tt, maxDf); // one-sided tail, matched to the one-sided target
    const ptarget = ((r - 0.5) / 2 / G - (1 - p) * p0) / p;
    let v0 = 0;
    if (ptarget > p0) {
      const q = qtUpper(ptarget, maxDf);
      v0 = v1[i] * ((tt / q) * (tt / q) - 1);
    }
    sum += Math.min(Math.max(v0, lim[0]), lim[1]);
  });
  return sum / ntarget;
}
