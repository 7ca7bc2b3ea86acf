/**
 * voom (Law, Chen, Shi & Smyth 2014, doi:10.1186/gb-2014-15-2-r29): log-CPM with precision
 * weights for RNA-seq counts. E = log2((y + 0.5)/(L + 1) · 10⁶) with L = lib.size × norm.factor;
 * an unweighted gene-wise fit on the design gives s_g; a LOWESS curve (span 0.5) of √s_g against
 * the mean log-count r̄_g = AveExpr_g + mean log2(L + 1) − log2 10⁶ (all-zero genes excluded)
 * is evaluated at each fitted log-count log2(fitted CPM · (L + 1)/10⁶), and w = curve⁻⁴.
 * O(G·n·p) plus the LOWESS O(G·k).
 * Oracle: limma 3.54.1 `voom(counts, design, lib.size)`.
 */
import type { Matrix } from '../core/matrix.js';
import { createMatrix } from '../core/matrix.js';
import { DataError } from '../core/errors.js';
import { lmFit, type DesignMatrix } from './lm-fit.js';
import { lowess, interpolator } from './lowess.js';
import { deMsg } from './messages.js';

export interface VoomOptions {
  /** Effective library sizes (lib.size × norm.factors). Default column sums. */
  libSize?: Float64Array;
  /** LOWESS span, (0, 1]. Default 0.5. */
  span?: number;
}

export interface VoomResult {
  /** log2-CPM, genes × samples. */
  E: Matrix;
  /** Precision weights, genes × samples. */
  weights: Matrix;
  libSize: Float64Array;
  /** The mean–variance trend: x = mean log-count, y = √s (sorted by x). */
  trend: { x: Float64Array; y: Float64Array };
}

export function voom(counts: Matrix, design: DesignMatrix, options: VoomOptions = {}): VoomResult {
  const { nrow: G, ncol: n, data } = counts;
  for (let i = 0; i < data.length; i++) if (!(data[i] >= 0)) throw new DataError(deMsg.notCounts('voom'));
  let L = options.libSize;
  if (!L) {
    L = new Float64Array(n);
    for (let g = 0; g < G; g++) for (let j = 0; j < n; j++) L[j] += data[g * n + j];
  }
  const E = createMatrix(G, n);
  const logL1 = new Float64Array(n);
  let meanLogL = 0;
  for (let j = 0; j < n; j++) {
    logL1[j] = Math.log2(L[j] + 1);
    meanLogL += logL1[j];
  }
  meanLogL /= n;
  for (let g = 0; g < G; g++)
    for (let j = 0; j < n; j++) E.data[g * n + j] = Math.log2(((data[g * n + j] + 0.5) / (L[j] + 1)) * 1e6);
  const fit = lmFit(E, design);
  const sx: number[] = [];
  const sy: number[] = [];
  for (let g = 0; g < G; g++) {
    let tot = 0;
    for (let j = 0; j < n; j++) tot += data[g * n + j];
    if (tot === 0) continue;
    sx.push(fit.amean[g] + meanLogL - Math.log2(1e6));
    sy.push(Math.sqrt(fit.sigma[g]));
  }
  const curve = lowess(sx, sy, { f: options.span ?? 0.5 });
  const f = interpolator(curve.x, curve.y);
  const weights = createMatrix(G, n);
  const p = design.p;
  for (let g = 0; g < G; g++) {
    for (let j = 0; j < n; j++) {
      let mu = 0;
      for (let k = 0; k < p; k++) mu += fit.coefficients[g * p + k] * design.x[j * p + k];
      // fitted log-count = log2(2^mu · 1e-6 · (L + 1))
      const fl = mu + logL1[j] - Math.log2(1e6);
      const s = f(fl);
      weights.data[g * n + j] = 1 / (s * s * s * s);
    }
  }
  return { E, weights, libSize: L, trend: curve };
}
