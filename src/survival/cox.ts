/**
 * Cox proportional-hazards regression (Cox 1972, doi:10.1111/j.2517-6161.1972.tb00899.x).
 *
 * coef = β̂ maximising the partial likelihood (Efron or Breslow ties, optional strata);
 * se = √diag(I(β̂)⁻¹); z = coef/se; p = 2Φ(−|z|); HR = e^coef with CI e^(coef ± z₍₁₋α/₂₎·se).
 * Global tests: Wald βᵀI(β̂)β, likelihood ratio 2(ℓ(β̂) − ℓ(0)), score U₀ᵀI₀⁻¹U₀, df = number of
 * estimable terms. Concordance as R's `concordance(fit)`. Monotone likelihood is flagged when the
 * next Newton step I⁻¹U at convergence is still > eps and > √eps·|β| (a coefficient running to ±∞).
 * Complexity O(n log n + iterations · n · p² + n² for the concordance).
 * Checked against R survival 3.5-3 `coxph` (coef, se, loglik, tests, concordance).
 */
import { DataError } from '../core/errors.js';
import { validateOptions } from '../core/validate.js';
import { chisqUpper, normalTwoSided, qnorm } from './dist.js';
import { checkLengths, factor } from './data.js';
import { concordance, type ConcordanceResult } from './concordance.js';
import { buildDesign, type CoxCovariates } from './cox-design.js';
import { coxFit } from './cox-fit.js';
import { orderDescending } from './order.js';
import { quadSolve } from './linalg.js';
import { survivalMsg } from './messages.js';

export interface CoxOptions {
  /** Tie handling: `efron` (default, as R) or `breslow`. */
  ties?: 'efron' | 'breslow';
  /** Stratum per subject (separate baseline hazards). Default: none. */
  strata?: ArrayLike<string | number | null> | null;
  /** Column names when covariates are a flat matrix (default x1…xp). */
  names?: readonly string[] | null;
  /** Newton–Raphson iteration limit, default 20 (≥ 1). */
  maxIter?: number;
  /** Convergence tolerance on the relative log-likelihood change, default 1e-9. */
  eps?: number;
  /** Confidence level of the hazard-ratio interval, default 0.95, in (0, 1). */
  confLevel?: number;
  /** Compute Harrell's concordance (O(n²)); default true. */
  concordance?: boolean;
}

const DEFAULTS: Required<CoxOptions> = {
  ties: 'efron', strata: null, names: null, maxIter: 20, eps: 1e-9, confLevel: 0.95, concordance: true,
};

export interface CoxTest {
  chisq: number;
  df: number;
  p: number;
}

export interface CoxResult {
  terms: string[];
  coef: Float64Array;
  se: Float64Array;
  hr: Float64Array;
  hrLower: Float64Array;
  hrUpper: Float64Array;
  z: Float64Array;
  p: Float64Array;
  /** p × p variance of coef, row-major. */
  variance: Float64Array;
  /** Means used for centring (R's `fit$means`). */
  means: Float64Array;
  /** [ℓ(0), ℓ(β̂)]. */
  loglik: [number, number];
  wald: CoxTest;
  lr: CoxTest;
  score: CoxTest;
  concordance: ConcordanceResult | null;
  /** Linear predictor (centred) per used subject, in input order of the used subjects. */
  linearPredictor: Float64Array;
  /** Input rows used (complete cases). */
  index: Int32Array;
  n: number;
  events: number;
  dropped: number;
  converged: boolean;
  iterations: number;
  params: { ties: string; maxIter: number; eps: number; confLevel: number; stratified: boolean };
  warnings: string[];
}

/** Fit a Cox model; see the module comment. Bad input throws; degenerate fits give NaN + warnings. */
export function coxph(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  covariates: CoxCovariates,
  options: CoxOptions = {},
): CoxResult {
  const o = validateOptions(options, DEFAULTS, {
    ties: { type: 'enum', values: ['efron', 'breslow'] },
    strata: { type: 'any' },
    names: { type: 'any' },
    maxIter: { type: 'number', min: 1, integer: true },
    eps: { type: 'number', min: 0, minExclusive: true },
    confLevel: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    concordance: { type: 'boolean' },
  });
  const nAll = time.length;
  checkLengths(time, event, ['strata', o.strata ?? undefined]);
  const design = buildDesign(covariates, nAll, o.names ?? undefined);
  const st = o.strata ? factor(o.strata) : null;
  const keep: number[] = [];
  for (let i = 0; i < nAll; i++) {
    if (design.missing[i] || Number.isNaN(time[i]) || Number.isNaN(event[i]) || (st && st.codes[i] < 0)) continue;
    keep.push(i);
  }
  const n = keep.length;
  const p = design.p;
  if (n === 0) throw new DataError(survivalMsg.noSubjects());
  const t = new Float64Array(n), e = new Uint8Array(n), X = new Float64Array(n * p);
  const strata = st ? new Int32Array(n) : undefined;
  let events = 0;
  keep.forEach((i, j) => {
    t[j] = time[i];
    e[j] = event[i] ? 1 : 0;
    events += e[j];
    for (let a = 0; a < p; a++) X[j * p + a] = design.X[i * p + a];
    if (strata) strata[j] = st!.codes[i];
  });
  const warnings: string[] = [];
  if (nAll - n > 0) warnings.push(survivalMsg.droppedMissing(nAll - n));
  const order = orderDescending(t, strata);
  const fit = coxFit(t, e, X, p, order, strata, { ties: o.ties, maxIter: o.maxIter, eps: o.eps });
  if (events === 0) warnings.push(survivalMsg.noEvents('Cox model'));
  if (!fit.converged) warnings.push(survivalMsg.notConverged(fit.iterations));
  const aliasedTerms = design.terms.filter((_, a) => fit.aliased[a]);
  if (aliasedTerms.length) warnings.push(survivalMsg.singular(aliasedTerms));

  const zc = qnorm(1 - (1 - o.confLevel) / 2);
  const se = new Float64Array(p), z = new Float64Array(p), pv = new Float64Array(p);
  const hr = new Float64Array(p), lo = new Float64Array(p), hi = new Float64Array(p);
  const monotone: string[] = [];
  for (let a = 0; a < p; a++) {
    se[a] = Math.sqrt(fit.variance[a * p + a]);
    z[a] = fit.beta[a] / se[a];
    pv[a] = normalTwoSided(z[a]);
    hr[a] = Math.exp(fit.beta[a]);
    lo[a] = Math.exp(fit.beta[a] - zc * se[a]);
    hi[a] = Math.exp(fit.beta[a] + zc * se[a]);
    if (!fit.aliased[a] && fit.converged) {
      let step = 0;
      for (let b = 0; b < p; b++) if (!fit.aliased[b]) step += fit.u[b] * fit.variance[a * p + b];
      step = Math.abs(step);
      if (step > o.eps && step > Math.sqrt(o.eps) * Math.abs(fit.beta[a])) monotone.push(design.terms[a]);
    }
  }
  if (monotone.length) warnings.push(survivalMsg.monotone(monotone));
  let df = 0;
  for (let a = 0; a < p; a++) if (!fit.aliased[a]) df++;
  const wald = waldStatistic(fit.variance, fit.beta, p, fit.aliased);
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < p; a++) if (!fit.aliased[a]) s += (X[i * p + a] - fit.means[a]) * fit.beta[a];
    lp[i] = s;
  }
  const lr = 2 * (fit.loglik - fit.loglik0);
  return {
    terms: design.terms,
    coef: fit.beta,
    se, hr, hrLower: lo, hrUpper: hi, z, p: pv,
    variance: fit.variance,
    means: fit.means,
    loglik: [fit.loglik0, fit.loglik],
    wald: { chisq: wald, df, p: df > 0 ? chisqUpper(wald, df) : NaN },
    lr: { chisq: lr, df, p: df > 0 ? chisqUpper(lr, df) : NaN },
    score: { chisq: fit.scoreTest, df, p: df > 0 ? chisqUpper(fit.scoreTest, df) : NaN },
    concordance: o.concordance ? concordance(t, e, lp, { reverse: true, strata }) : null,
    linearPredictor: lp,
    index: Int32Array.from(keep),
    n,
    events,
    dropped: nAll - n,
    converged: fit.converged,
    iterations: fit.iterations,
    params: { ties: o.ties, maxIter: o.maxIter, eps: o.eps, confLevel: o.confLevel, stratified: !!st },
    warnings,
  };
}


function waldStatistic(v: Float64Array, beta: Float64Array, p: number, aliased: Uint8Array): number {
  const idx: number[] = [];
  for (let a = 0; a < p; a++) if (!aliased[a]) idx.push(a);
  const q = idx.length;
  const sub = new Float64Array(q * q), b = new Float64Array(q);
  for (let a = 0; a < q; a++) {
    b[a] = beta[idx[a]];
    for (let c = 0; c < q; c++) sub[a * q + c] = v[idx[a] * p + idx[c]];
  }
  return q > 0 ? quadSolve(sub, q, b) : 0;
}
