/**
 * Predicted probability with a pointwise confidence band along a grid of one covariate, the
 * others held at given values (default: their means over the fitted rows is the caller's
 * choice; pass `at`). As R `predict(fit, newdata, type = "link", se.fit = TRUE)` then
 * plogis(η ± z·se): η = xᵀβ, se = √(xᵀVx), band = logistic(η ± z_{1−α/2}·se). O(g p²).
 * Oracle: R 4.2.2 `predict.glm(type = "link", se.fit = TRUE)` and `plogis`.
 */
import type { LogisticFit } from './logistic.js';
import { qnorm } from './tails.js';

export interface PredictOptions {
  /** Index (0-based, among covariates, not counting the intercept) of the varying covariate. Default 0. */
  covariate?: number;
  /** Values of all covariates (the varying one is overwritten); default zeros. */
  at?: ArrayLike<number>;
  /** Band level. Default 0.95. */
  level?: number;
}

export interface ProbabilityBand {
  x: Float64Array;
  /** Linear predictor and its standard error. */
  eta: Float64Array;
  se: Float64Array;
  probability: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

const plogis = (e: number): number => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));

/** Probability band of a fitted logistic model along `grid`. */
export function predictProbability(fit: LogisticFit, grid: ArrayLike<number>, options: PredictOptions = {}): ProbabilityBand {
  const p = fit.coefficients.length;
  const k = options.covariate ?? 0;
  const zq = qnorm(1 - (1 - (options.level ?? 0.95)) / 2);
  const g = grid.length;
  const out: ProbabilityBand = {
    x: Float64Array.from(grid as ArrayLike<number>), eta: new Float64Array(g), se: new Float64Array(g),
    probability: new Float64Array(g), lower: new Float64Array(g), upper: new Float64Array(g),
  };
  const v = new Float64Array(p);
  for (let t = 0; t < g; t++) {
    v[0] = 1;
    for (let j = 1; j < p; j++) v[j] = options.at ? options.at[j - 1] : 0;
    v[k + 1] = grid[t];
    let e = 0;
    for (let j = 0; j < p; j++) e += v[j] * fit.coefficients[j];
    let q = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) q += v[a] * fit.covariance[a * p + b] * v[b];
    const se = Math.sqrt(q);
    out.eta[t] = e;
    out.se[t] = se;
    out.probability[t] = plogis(e);
    out.lower[t] = plogis(e - zq * se);
    out.upper[t] = plogis(e + zq * se);
  }
  return out;
}
