/**
 * Area under the ROC curve of a score for a binary outcome, with DeLong's variance:
 * AUC = (1/(mn)) Σᵢ Σⱼ ψ(xᵢ, yⱼ), ψ = 1 if x > y, ½ if equal, 0 otherwise (x: scores of cases,
 * y: of controls); m·n·AUC is the Mann–Whitney W of the rank-sum test. V₁₀ᵢ = mean_j ψ(xᵢ, yⱼ),
 * V₀₁ⱼ = mean_i ψ(xᵢ, yⱼ), Var = s²(V₁₀)/m + s²(V₀₁)/n, CI = AUC ± z·√Var clipped to [0, 1]
 * (as pROC's `ci.auc(method = "delong")`).
 * Method: both groups are sorted natively and merged once; each run of equal values gives its
 * placements, W and the pooled tie term Σ(t³ − t), so the rank-sum p needs no second ranking.
 * O(m log m + n log n). Reference: DeLong, DeLong & Clarke-Pearson 1988, doi:10.2307/2531595.
 */
import { qnorm } from './tails.js';

export interface AucResult {
  auc: number;
  lower: number;
  upper: number;
  se: number;
  /** Mann–Whitney W = m·n·AUC and the pooled tie term, for `rankSumPValue`. */
  statistic: number;
  tieSum: number;
  nx: number;
  ny: number;
  n: number;
}

const Z95 = qnorm(0.975);

function sortedFinite(a: ArrayLike<number>): Float64Array {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i]) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i]) out[k++] = a[i];
  return out.sort();
}

/** AUC of `cases` against `controls` (NaN dropped) with a DeLong CI at `level` (default 0.95). */
export function aucDeLong(cases: ArrayLike<number>, controls: ArrayLike<number>, options: { level?: number } = {}): AucResult {
  const xs = sortedFinite(cases);
  const ys = sortedFinite(controls);
  const m = xs.length, n = ys.length;
  const res: AucResult = { auc: NaN, lower: NaN, upper: NaN, se: NaN, statistic: NaN, tieSum: 0, nx: m, ny: n, n: m + n };
  if (m === 0 || n === 0) return res;
  // pass 1: W and the tie term; pass 2: variances of the placements around the AUC
  let W = 0, tieSum = 0;
  let i = 0, j = 0;
  while (i < m || j < n) {
    const v = j >= n || (i < m && xs[i] <= ys[j]) ? xs[i] : ys[j];
    let cx = 0, cy = 0;
    while (i + cx < m && xs[i + cx] === v) cx++;
    while (j + cy < n && ys[j + cy] === v) cy++;
    W += cx * (j + 0.5 * cy);
    const t = cx + cy;
    if (t > 1) tieSum += t * t * t - t;
    i += cx;
    j += cy;
  }
  const auc = W / (m * n);
  let s10 = 0, s01 = 0;
  i = 0; j = 0;
  while (i < m || j < n) {
    const v = j >= n || (i < m && xs[i] <= ys[j]) ? xs[i] : ys[j];
    let cx = 0, cy = 0;
    while (i + cx < m && xs[i + cx] === v) cx++;
    while (j + cy < n && ys[j + cy] === v) cy++;
    if (cx) { const d = (j + 0.5 * cy) / n - auc; s10 += cx * d * d; }
    if (cy) { const d = (m - i - 0.5 * cx) / m - auc; s01 += cy * d * d; }
    i += cx;
    j += cy;
  }
  const se = Math.sqrt(s10 / (m - 1) / m + s01 / (n - 1) / n);
  const z = options.level === undefined ? Z95 : qnorm(1 - (1 - options.level) / 2);
  res.auc = auc;
  res.se = se;
  res.lower = Math.max(0, auc - z * se);
  res.upper = Math.min(1, auc + z * se);
  res.statistic = W;
  res.tieSum = tieSum;
  return res;
}
