/**
 * Area under the ROC curve of a score for a binary outcome, with DeLong's variance:
 * AUC = (1/(mn)) Σᵢ Σⱼ ψ(xᵢ, yⱼ), ψ = 1 if x > y, ½ if equal, 0 otherwise (x: scores of cases,
 * y: of controls); equals W/(mn) of the rank-sum test. V₁₀ᵢ = mean_j ψ(xᵢ, yⱼ),
 * V₀₁ⱼ = mean_i ψ(xᵢ, yⱼ), Var = s²(V₁₀)/m + s²(V₀₁)/n, CI = AUC ± z·√Var clipped to [0, 1]
 * (as pROC's `ci.auc(method = "delong")`). Computed from mid-ranks in O(N log N).
 * Reference: DeLong, DeLong & Clarke-Pearson 1988, doi:10.2307/2531595.
 */
import { averageRanks } from './ranks.js';
import { qnorm } from './tails.js';

export interface AucResult {
  auc: number;
  lower: number;
  upper: number;
  se: number;
  n: number;
}

/** AUC of `cases` against `controls` (NaN dropped) with a DeLong CI at `level` (default 0.95). */
export function aucDeLong(cases: ArrayLike<number>, controls: ArrayLike<number>, options: { level?: number } = {}): AucResult {
  const x = Float64Array.from(cases as ArrayLike<number>).filter((v) => !Number.isNaN(v));
  const y = Float64Array.from(controls as ArrayLike<number>).filter((v) => !Number.isNaN(v));
  const m = x.length, n = y.length;
  if (m === 0 || n === 0) return { auc: NaN, lower: NaN, upper: NaN, se: NaN, n: m + n };
  const all = new Float64Array(m + n);
  all.set(x); all.set(y, m);
  const rAll = averageRanks(all).ranks;
  const rx = averageRanks(x).ranks;
  const ry = averageRanks(y).ranks;
  // V10_i = (rank of x_i among all − rank among x) / n ; V01_j = 1 − (rank of y_j among all − rank among y)/m
  let sum = 0;
  const v10 = new Float64Array(m), v01 = new Float64Array(n);
  for (let i = 0; i < m; i++) { v10[i] = (rAll[i] - rx[i]) / n; sum += v10[i]; }
  const auc = sum / m;
  for (let j = 0; j < n; j++) v01[j] = 1 - (rAll[m + j] - ry[j]) / m;
  const variance = (a: Float64Array, mean: number): number => {
    if (a.length < 2) return NaN;
    let s = 0;
    for (let i = 0; i < a.length; i++) s += (a[i] - mean) ** 2;
    return s / (a.length - 1);
  };
  const se = Math.sqrt(variance(v10, auc) / m + variance(v01, auc) / n);
  const z = qnorm(1 - (1 - (options.level ?? 0.95)) / 2);
  return { auc, lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se), se, n: m + n };
}
