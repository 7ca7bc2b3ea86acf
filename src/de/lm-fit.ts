/**
 * Gene-wise linear models, as limma `lmFit`: for each gene g, least squares of y_g on the design
 * X (n samples × p coefficients) through a Householder QR, optionally with observation weights
 * (√w scales the rows of X and y_g, one QR per gene). β̂ = R⁻¹Qᵀy, s² = ‖y − Xβ̂‖²/(n − p),
 * stdev.unscaled_j = √[(XᵀWX)⁻¹]_jj. Missing values (NaN) drop that observation for that gene.
 * AveExpr is the unweighted mean of the non-missing values. `covCoefficients` is (XᵀX)⁻¹ of the
 * unweighted design (limma keeps that one for contrasts). Complexity O(G·n·p) without weights or
 * missing values (one QR shared by all genes), O(G·n·p²) otherwise.
 * Reference: Smyth 2004 doi:10.2202/1544-6115.1027. Oracle: limma 3.54.1 `lmFit`.
 */
import type { Matrix } from '../core/matrix.js';
import { DataError } from '../core/errors.js';
import { qrDecompose, applyQt, solveR, unscaledCovariance, unscaledVariances, type QR } from './qr.js';
import { deMsg } from './messages.js';

/** A design matrix: n samples × p coefficients, row-major (sample i, coefficient j at i·p + j). */
export interface DesignMatrix {
  n: number;
  p: number;
  x: Float64Array;
  /** Coefficient names, e.g. `(Intercept)`, `responseR`, `age`. */
  columns: string[];
}

export interface LmFitOptions {
  /** Observation weights: genes × samples (as E) or one weight per sample. Default none. */
  weights?: Matrix | Float64Array;
}

/** A fitted set of gene-wise linear models (limma's MArrayLM). Arrays are genes × coefficients, row-major. */
export interface LinearModelFit {
  ngenes: number;
  /** Number of coefficients (or contrasts after `contrastsFit`). */
  ncoef: number;
  coefNames: string[];
  coefficients: Float64Array;
  stdevUnscaled: Float64Array;
  sigma: Float64Array;
  dfResidual: Float64Array;
  amean: Float64Array;
  /** ncoef × ncoef unscaled covariance shared by all genes (row-major). */
  covCoefficients: Float64Array;
  warnings: string[];
}

function columnMajor(d: DesignMatrix): Float64Array {
  const a = new Float64Array(d.n * d.p);
  for (let i = 0; i < d.n; i++) for (let j = 0; j < d.p; j++) a[j * d.n + i] = d.x[i * d.p + j];
  return a;
}

/** Fit every gene (row of E) on the design. */
export function lmFit(E: Matrix, design: DesignMatrix, options: LmFitOptions = {}): LinearModelFit {
  const { n, p } = design;
  const G = E.nrow;
  if (E.ncol !== n) throw new DataError(deMsg.designRows(n, E.ncol));
  const weights = options.weights;
  if (weights instanceof Float64Array ? weights.length !== n : weights && (weights.nrow !== G || weights.ncol !== n))
    throw new DataError(deMsg.weightsShape());
  const warnings: string[] = [];
  const X = columnMajor(design);
  const base = qrDecompose(X, n, p);
  if (base.rank < p) throw new DataError(deMsg.rankDeficient(design.columns[base.rank]));
  const cov = unscaledCovariance(base);
  const baseSd = new Float64Array(p);
  for (let j = 0; j < p; j++) baseSd[j] = Math.sqrt(cov[j * p + j]);

  const coef = new Float64Array(G * p);
  const sdu = new Float64Array(G * p);
  const sigma = new Float64Array(G);
  const df = new Float64Array(G);
  const amean = new Float64Array(G);
  const y = new Float64Array(n);
  const b = new Float64Array(p);
  const Xw = new Float64Array(n * p);
  const yw = new Float64Array(n);
  const sw = new Float64Array(n);
  let scratch: QR | undefined;
  const riScratch = new Float64Array(p * p);
  const vars = new Float64Array(p);
  let deficient = 0;
  for (let g = 0; g < G; g++) {
    const off = g * n;
    let nobs = 0;
    let sum = 0;
    let varyW = false;
    for (let i = 0; i < n; i++) {
      const v = E.data[off + i];
      if (v === v) {
        nobs++;
        sum += v;
      }
    }
    amean[g] = nobs > 0 ? sum / nobs : NaN;
    if (weights) {
      for (let i = 0; i < n; i++) {
        const w = weights instanceof Float64Array ? weights[i] : weights.data[off + i];
        sw[i] = w > 0 && Number.isFinite(w) ? Math.sqrt(w) : 0;
      }
      varyW = true;
    }
    if (nobs === n && !varyW) {
      for (let i = 0; i < n; i++) y[i] = E.data[off + i];
      applyQt(base, y);
      solveR(base, y, b);
      let rss = 0;
      for (let i = p; i < n; i++) rss += y[i] * y[i];
      for (let j = 0; j < p; j++) {
        coef[g * p + j] = b[j];
        sdu[g * p + j] = baseSd[j];
      }
      df[g] = n - p;
      sigma[g] = n > p ? Math.sqrt(rss / (n - p)) : NaN;
      continue;
    }
    // Per-gene (weighted and/or incomplete) fit on the kept observations.
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = E.data[off + i];
      const s = varyW ? sw[i] : 1;
      if (v !== v || s === 0) continue;
      yw[m] = v * s;
      for (let j = 0; j < p; j++) Xw[j * n + m] = design.x[i * p + j] * s;
      m++;
    }
    // compact columns to an m×p column-major block
    const A = m === n ? Xw : new Float64Array(m * p);
    if (m !== n) for (let j = 0; j < p; j++) for (let i = 0; i < m; i++) A[j * m + i] = Xw[j * n + i];
    const f = m >= p ? qrDecompose(A, m, p, 1e-7, scratch && scratch.n === m ? scratch : undefined) : undefined;
    if (f && f.n === n) scratch = f;
    if (!f || f.rank < p) {
      deficient++;
      for (let j = 0; j < p; j++) coef[g * p + j] = sdu[g * p + j] = NaN;
      sigma[g] = NaN;
      df[g] = Math.max(0, m - (f?.rank ?? m));
      continue;
    }
    const yy = yw.subarray(0, m);
    applyQt(f, yy);
    solveR(f, yy, b);
    let rss = 0;
    for (let i = p; i < m; i++) rss += yy[i] * yy[i];
    unscaledVariances(f, vars, riScratch);
    for (let j = 0; j < p; j++) {
      coef[g * p + j] = b[j];
      sdu[g * p + j] = Math.sqrt(vars[j]);
    }
    df[g] = m - p;
    sigma[g] = m > p ? Math.sqrt(rss / (m - p)) : NaN;
  }
  if (deficient > 0) warnings.push(deMsg.genesNotEstimable(deficient));
  return {
    ngenes: G, ncoef: p, coefNames: design.columns.slice(), coefficients: coef, stdevUnscaled: sdu,
    sigma, dfResidual: df, amean, covCoefficients: cov, warnings,
  };
}
