/**
 * Newton–Raphson maximisation of the Cox partial likelihood with step-halving.
 *
 * From β₀ (default 0): β ← β + I(β)⁻¹U(β); when the log-likelihood falls (or is not finite) the
 * step is halved until it rises. Converged when |1 − ℓ_old/ℓ_new| ≤ eps (default 1e-9, as R's
 * `coxph.control`). Non-convergence is a flag, never an exception. Covariates are centred here.
 * Aliased (collinear) columns are detected by the Cholesky pivot and get NaN coefficients.
 * O(iterations · n · p²). Checked against R survival 3.5-3 `coxph`.
 */
import { cholesky, cholSolve, cholInverse, quadSolve } from './linalg.js';
import { coxEval, coxScratch } from './cox-kernel.js';

export interface CoxFitOptions {
  ties: 'efron' | 'breslow';
  maxIter: number;
  eps: number;
}

export interface CoxFitResult {
  beta: Float64Array;
  /** p × p inverse information at β̂ (NaN rows/columns for aliased terms). */
  variance: Float64Array;
  loglik0: number;
  loglik: number;
  /** Score test at β = 0: U₀ᵀ I₀⁻¹ U₀. */
  scoreTest: number;
  /** Score vector at β̂ (for the monotone-likelihood check). */
  u: Float64Array;
  aliased: Uint8Array;
  means: Float64Array;
  iterations: number;
  converged: boolean;
}

export function coxFit(
  time: Float64Array,
  event: ArrayLike<number>,
  X: Float64Array,
  p: number,
  order: Int32Array,
  strata: Int32Array | undefined,
  opts: CoxFitOptions,
): CoxFitResult {
  const n = time.length;
  const efron = opts.ties === 'efron';
  const Xc = new Float64Array(n * p);
  const means = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) means[a] += X[i * p + a];
  for (let a = 0; a < p; a++) means[a] /= n || 1;
  for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) Xc[i * p + a] = X[i * p + a] - means[a];
  const w = coxScratch(n, p);
  let beta = new Float64Array(p);
  let U = new Float64Array(p), I = new Float64Array(p * p);
  let ll = coxEval(time, event, Xc, p, order, strata, beta, efron, U, I, w);
  const loglik0 = ll;
  const scoreTest = p > 0 ? quadSolve(I, p, U) : 0;
  let f = Float64Array.from(I);
  let aliased = cholesky(f, p);
  let step = cholSolve(f, p, U, aliased);
  let iterations = 0;
  let converged = p === 0;
  let halving = false;
  const U2 = new Float64Array(p), I2 = new Float64Array(p * p);
  const nb = new Float64Array(p);
  while (!converged && iterations < opts.maxIter) {
    iterations++;
    for (let a = 0; a < p; a++) nb[a] = beta[a] + step[a];
    const ll2 = coxEval(time, event, Xc, p, order, strata, nb, efron, U2, I2, w);
    converged = !halving && Math.abs(1 - ll / ll2) <= opts.eps;
    if (!converged && (!Number.isFinite(ll2) || ll2 < ll)) {
      for (let a = 0; a < p; a++) step[a] /= 2;
      halving = true;
      continue;
    }
    halving = false;
    beta = Float64Array.from(nb);
    ll = ll2;
    U.set(U2);
    I.set(I2);
    f = Float64Array.from(I);
    aliased = cholesky(f, p);
    step = cholSolve(f, p, U, aliased);
  }
  const { inv } = cholInverse(I, p);
  for (let a = 0; a < p; a++) if (aliased[a]) beta[a] = NaN;
  return { beta, variance: inv, loglik0, loglik: ll, scoreTest, u: U, aliased, means, iterations, converged };
}
