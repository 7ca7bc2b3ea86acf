/**
 * Least-squares fit of y on a natural cubic spline in x with `df` basis functions including the
 * intercept (the space of R's `splines::ns(x, df, intercept = TRUE)`): knots at the boundary
 * (min, max) and df − 2 interior knots at the quantiles (type 7) k/(df − 1). The basis used is the
 * truncated-power form of a natural spline (Hastie, Tibshirani & Friedman, ESL eq. 5.4–5.5),
 * which spans the same space, so fitted values and residual sums of squares agree.
 * Returns fitted values and the residual mean square RSS/(n − rank). O(n·df²).
 */
import { qrDecompose, applyQt, solveR } from './qr.js';
import { quantileSorted } from '../stats/quantile.js';

export function naturalSplineFit(x: Float64Array, y: Float64Array, df: number): { fitted: Float64Array; residualVariance: number; rank: number } {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  let unique = 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) unique++;
  df = Math.min(df, unique);
  const knots: number[] = [sorted[0]];
  for (let k = 1; k <= df - 2; k++) knots.push(quantileSorted(sorted, k / (df - 1)));
  knots.push(sorted[n - 1]);
  const K = knots.length;
  const p = Math.max(1, Math.min(df, K));
  // Centre and scale x for conditioning.
  const mid = (sorted[0] + sorted[n - 1]) / 2;
  const sc = (sorted[n - 1] - sorted[0]) / 2 || 1;
  const z = (v: number): number => (v - mid) / sc;
  const kz = knots.map(z);
  const cube = (v: number): number => (v > 0 ? v * v * v : 0);
  const d = (v: number, k: number): number => (cube(v - kz[k]) - cube(v - kz[K - 1])) / (kz[K - 1] - kz[k]);
  const A = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const v = z(x[i]);
    A[i] = 1;
    if (p > 1) A[n + i] = v;
    for (let k = 0; k < p - 2; k++) A[(k + 2) * n + i] = d(v, k) - d(v, K - 2);
  }
  const f = qrDecompose(A, n, p, 1e-10);
  const fitted = new Float64Array(n);
  if (f.rank < p) return naturalSplineFit(x, y, df - 1);
  const e = Float64Array.from(y);
  applyQt(f, e);
  const b = new Float64Array(p);
  solveR(f, e, b);
  let rss = 0;
  for (let i = p; i < n; i++) rss += e[i] * e[i];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += A[j * n + i] * b[j];
    fitted[i] = s;
  }
  return { fitted, residualVariance: rss / (n - p), rank: p };
}
