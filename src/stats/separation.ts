/**
 * Detection of (quasi-)complete separation in a binary-outcome design (Albert & Anderson 1984,
 * doi:10.1093/biomet/71.1.1): some direction b has xᵢᵀb ≥ 0 for every event and ≤ 0 for every
 * non-event, so the maximum-likelihood estimate does not exist. With one covariate (plus the
 * intercept) the check is exact: the ranges of x among events and non-events overlap in at most
 * one point. With more covariates the fitted linear predictor of an unpenalised fit is examined
 * (`separatedByFit`): separation shows as a predictor that orders the classes perfectly with
 * fitted probabilities numerically 0 or 1. O(n p).
 */

/** Exact check for designs [1, x] (p = 2); for p > 2 returns false (use `separatedByFit`). */
export function detectSeparation(X: Float64Array, y: Float64Array, n: number, p: number): boolean {
  if (p !== 2) return false;
  let min1 = Infinity, max1 = -Infinity, min0 = Infinity, max0 = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = X[i * p + 1];
    if (y[i]) { if (v < min1) min1 = v; if (v > max1) max1 = v; }
    else { if (v < min0) min0 = v; if (v > max0) max0 = v; }
  }
  if (min1 === max1 && min0 === max0 && min1 === min0) return false; // constant: not separation
  return max0 <= min1 || max1 <= min0;
}

/** Separation judged from fitted probabilities μ: classes perfectly ordered and some μ at 0 or 1. */
export function separatedByFit(mu: Float64Array, y: Float64Array, n: number): boolean {
  let min1 = Infinity, max0 = -Infinity, extreme = false;
  for (let i = 0; i < n; i++) {
    if (y[i]) min1 = Math.min(min1, mu[i]);
    else max0 = Math.max(max0, mu[i]);
    if (mu[i] < 1e-10 || mu[i] > 1 - 1e-10) extreme = true;
  }
  return extreme && max0 <= min1;
}
