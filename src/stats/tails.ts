/**
 * Small-tail probabilities used by the tests, always computed on the side that is small
 * (never `1 − cdf`), from @stdlib's special functions (accurate to ~1e-14).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import gammainc from '@stdlib/math-base-special-gammainc';

/** P(Z ≤ z) for a standard normal. */
export const pnorm = (z: number): number => normalCdf(z, 0, 1);
/** P(Z > z) for a standard normal. */
export const pnormUpper = (z: number): number => normalCdf(-z, 0, 1);
/** Two-sided normal p: 2·P(Z > |z|). */
export const pnormTwoSided = (z: number): number => Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
/** Standard normal quantile. */
export const qnorm = (p: number): number => normalQuantile(p, 0, 1);
/** Upper tail of χ² with `df` degrees of freedom: Q(df/2, x/2). */
export const pchisqUpper = (x: number, df: number): number =>
  x <= 0 ? 1 : Number.isFinite(x) ? gammainc(x / 2, df / 2, true, true) : 0;
/** Two-sided t p: 2·P(T_df > |t|) as R's `2 * min(pt(t), pt(t, lower = FALSE))`. */
export const ptTwoSided = (t: number, df: number): number => Math.min(1, 2 * tCdf(-Math.abs(t), df));
