/**
 * Logistic regression by iteratively reweighted least squares, as R
 * `glm(y ~ x, family = binomial)`: start μ = (y + ½)/2, working response z = η + (y − μ)/μ′,
 * weights μ′²/(μ(1−μ)), stop when |D − D_old|/(|D| + 0.1) < ε (default 1e-8, max 25 iterations);
 * standard errors from (XᵀWX)⁻¹ with the weights of the last iteration (as `summary.glm`), Wald
 * z, p and CI (as `confint.default`). Separation (some linear combination of the covariates
 * splits events from non-events, so the MLE is infinite) is detected and warned; with
 * `firth: true` the Jeffreys-penalised likelihood (Firth 1993) gives finite estimates.
 * Complexity O(iterations · n p²). References: McCullagh & Nelder 1989; Firth 1993
 * doi:10.1093/biomet/80.1.27; Albert & Anderson 1984 doi:10.1093/biomet/71.1.1.
 * Oracle: R 4.2.2 `glm` + `summary.glm` + `confint.default` (coefficients, SE, z, p).
 */
import { cholesky, cholSolve, cholInverse } from './small-linalg.js';
import { pnormTwoSided, qnorm } from './tails.js';
import { statsMsg } from './messages.js';
import { detectSeparation, separatedByFit } from './separation.js';

export interface LogisticOptions {
  /** Covariate names (for messages and results). Default x1, x2, … */
  names?: string[];
  /** Firth's penalised likelihood (finite under separation). Default false. */
  firth?: boolean;
  /** Maximum IRLS iterations. Default 25 (as R `glm.control`). */
  maxIter?: number;
  /** Relative deviance convergence tolerance. Default 1e-8 (as R). */
  epsilon?: number;
  /** Wald CI level. Default 0.95. */
  confLevel?: number;
}

export interface LogisticFit {
  /** '(Intercept)' then the covariate names. */
  terms: string[];
  coefficients: Float64Array;
  se: Float64Array;
  z: Float64Array;
  pValue: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Covariance of the coefficients, row-major p×p. */
  covariance: Float64Array;
  deviance: number;
  nullDeviance: number;
  n: number;
  events: number;
  converged: boolean;
  iterations: number;
  separation: boolean;
  method: string;
  warnings: string[];
}

const EPS = 2.220446049250313e-16;
export const linkinv = (eta: number): number => {
  const t = eta < -30 ? EPS : eta > 30 ? 1 / EPS : Math.exp(eta);
  return t / (1 + t);
};
const muEta = (eta: number): number => {
  if (eta > 30 || eta < -30) return EPS;
  const o = 1 + Math.exp(eta);
  return Math.exp(eta) / (o * o);
};
const ylogy = (y: number, mu: number): number => (y !== 0 ? y * Math.log(y / mu) : 0);
const devResid = (y: number, mu: number): number => 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));

/** Fit y (0/1) on covariate columns (each length n); rows with a NaN anywhere are dropped. */
export function logisticRegression(yIn: ArrayLike<number>, covariates: readonly ArrayLike<number>[], options: LogisticOptions = {}): LogisticFit {
  const maxIter = options.maxIter ?? 25;
  const epsilon = options.epsilon ?? 1e-8;
  const firth = options.firth ?? false;
  const zq = qnorm(1 - (1 - (options.confLevel ?? 0.95)) / 2);
  const names = options.names ?? covariates.map((_, i) => `x${i + 1}`);
  const p = covariates.length + 1;
  const keep: number[] = [];
  for (let i = 0; i < yIn.length; i++) {
    let ok = !Number.isNaN(yIn[i]);
    for (const c of covariates) if (Number.isNaN(c[i])) ok = false;
    if (ok) {
      if (yIn[i] !== 0 && yIn[i] !== 1) throw new RangeError(statsMsg.notBinary('logistic'));
      keep.push(i);
    }
  }
  const n = keep.length;
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  let events = 0;
  keep.forEach((i, r) => {
    y[r] = yIn[i];
    events += y[r];
    X[r * p] = 1;
    covariates.forEach((c, k) => (X[r * p + k + 1] = c[i]));
  });
  const nan = () => new Float64Array(p).fill(NaN);
  const fit: LogisticFit = {
    terms: ['(Intercept)', ...names], coefficients: nan(), se: nan(), z: nan(), pValue: nan(), lower: nan(), upper: nan(),
    covariance: new Float64Array(p * p).fill(NaN), deviance: NaN, nullDeviance: NaN, n, events,
    converged: false, iterations: 0, separation: false,
    method: firth ? "logistic regression (Firth's penalised likelihood)" : 'logistic regression (maximum likelihood, IRLS)',
    warnings: [],
  };
  if (events === 0 || events === n) {
    fit.warnings.push(statsMsg.singleClass('logistic'));
    return fit;
  }
  const ybar = events / n;
  let nd = 0;
  for (let i = 0; i < n; i++) nd += devResid(y[i], ybar);
  fit.nullDeviance = nd;
  fit.separation = detectSeparation(X, y, n, p);
  const res = firth ? firthFit(X, y, n, p, maxIter * 4) : irls(X, y, n, p, maxIter, epsilon);
  if (!res) {
    fit.warnings.push(statsMsg.rankDeficient('logistic'));
    return fit;
  }
  if (!firth && p > 2 && separatedByFit(res.mu, y, n)) fit.separation = true;
  fit.converged = res.converged;
  fit.iterations = res.iterations;
  fit.deviance = res.deviance;
  fit.covariance = res.cov;
  for (let j = 0; j < p; j++) {
    const b = res.beta[j];
    const se = Math.sqrt(res.cov[j * p + j]);
    fit.coefficients[j] = b;
    fit.se[j] = se;
    fit.z[j] = b / se;
    fit.pValue[j] = pnormTwoSided(b / se);
    fit.lower[j] = b - zq * se;
    fit.upper[j] = b + zq * se;
  }
  if (!res.converged) fit.warnings.push(statsMsg.notConverged('logistic', res.iterations));
  if (fit.separation) fit.warnings.push(statsMsg.separation('logistic'));
  else if (res.extreme && !firth) fit.warnings.push(statsMsg.fittedZeroOne('logistic'));
  return fit;
}

interface RawFit { beta: Float64Array; cov: Float64Array; deviance: number; converged: boolean; iterations: number; extreme: boolean; mu: Float64Array }

function weightedGram(X: Float64Array, w: Float64Array, n: number, p: number, rhs: Float64Array | null, z: Float64Array | null): Float64Array {
  const A = new Float64Array(p * p);
  if (rhs) rhs.fill(0);
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const o = i * p;
    for (let a = 0; a < p; a++) {
      const xa = X[o + a] * wi;
      for (let b = 0; b <= a; b++) A[a * p + b] += xa * X[o + b];
      if (rhs && z) rhs[a] += xa * z[i];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) A[b * p + a] = A[a * p + b];
  return A;
}

function irls(X: Float64Array, y: Float64Array, n: number, p: number, maxIter: number, epsilon: number): RawFit | null {
  const eta = new Float64Array(n), mu = new Float64Array(n), w = new Float64Array(n), z = new Float64Array(n);
  const rhs = new Float64Array(p);
  let devold = 0;
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] + 0.5) / 2;
    eta[i] = Math.log(mu[i] / (1 - mu[i]));
    devold += devResid(y[i], mu[i]);
  }
  let beta: Float64Array = new Float64Array(p);
  let L: Float64Array | null = null;
  let converged = false;
  let it = 0;
  let dev = devold;
  for (it = 1; it <= maxIter; it++) {
    for (let i = 0; i < n; i++) {
      const me = muEta(eta[i]);
      z[i] = eta[i] + (y[i] - mu[i]) / me;
      w[i] = (me * me) / (mu[i] * (1 - mu[i]));
    }
    L = cholesky(weightedGram(X, w, n, p, rhs, z), p);
    if (!L) return null;
    beta = cholSolve(L, p, rhs);
    dev = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < p; a++) e += X[i * p + a] * beta[a];
      eta[i] = e;
      mu[i] = linkinv(e);
      dev += devResid(y[i], mu[i]);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = dev;
  }
  let extreme = false;
  for (let i = 0; i < n; i++) if (mu[i] > 1 - 10 * EPS || mu[i] < 10 * EPS) extreme = true;
  return { beta, cov: cholInverse(L!, p), deviance: dev, converged, iterations: Math.min(it, maxIter), extreme, mu };
}

/** Firth: Newton steps on the modified score Xᵀ(y − μ + h(½ − μ)) with step halving. */
function firthFit(X: Float64Array, y: Float64Array, n: number, p: number, maxIter: number): RawFit | null {
  let beta: Float64Array = new Float64Array(p);
  const mu = new Float64Array(n), w = new Float64Array(n), u = new Float64Array(p);
  const penLogLik = (b: Float64Array): number => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < p; a++) e += X[i * p + a] * b[a];
      mu[i] = 1 / (1 + Math.exp(-e));
      w[i] = mu[i] * (1 - mu[i]);
      ll += y[i] ? Math.log(mu[i]) : Math.log1p(-mu[i]);
    }
    const L = cholesky(weightedGram(X, w, n, p, null, null), p, 1e-14);
    if (!L) return -Infinity;
    let logdet = 0;
    for (let a = 0; a < p; a++) logdet += 2 * Math.log(L[a * p + a]);
    return ll + 0.5 * logdet;
  };
  let ll = penLogLik(beta);
  let converged = false;
  let it = 0;
  let L: Float64Array | null = null;
  for (it = 1; it <= maxIter; it++) {
    L = cholesky(weightedGram(X, w, n, p, null, null), p, 1e-14);
    if (!L) return null;
    const inv = cholInverse(L, p);
    u.fill(0);
    for (let i = 0; i < n; i++) {
      let h = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) h += X[i * p + a] * inv[a * p + b] * X[i * p + b];
      h *= w[i];
      const r = y[i] - mu[i] + h * (0.5 - mu[i]);
      for (let a = 0; a < p; a++) u[a] += X[i * p + a] * r;
    }
    const step = cholSolve(L, p, u);
    let maxStep = 0;
    for (let a = 0; a < p; a++) maxStep = Math.max(maxStep, Math.abs(step[a]));
    let f = 1;
    let next = beta;
    let llNext = -Infinity;
    for (let h = 0; h < 30; h++) {
      next = beta.map((b, a) => b + f * step[a]);
      llNext = penLogLik(next);
      if (llNext >= ll - 1e-12) break;
      f /= 2;
    }
    beta = next;
    ll = penLogLik(beta);
    if (maxStep < 1e-10) {
      converged = true;
      break;
    }
  }
  penLogLik(beta);
  L = cholesky(weightedGram(X, w, n, p, null, null), p, 1e-14);
  if (!L) return null;
  let dev = 0;
  for (let i = 0; i < n; i++) dev += devResid(y[i], mu[i]);
  return { beta, cov: cholInverse(L, p), deviance: dev, converged, iterations: Math.min(it, maxIter), extreme: false, mu };
}
