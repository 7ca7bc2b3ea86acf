/**
 * Re-express a linear-model fit in terms of contrasts of its coefficients, as limma
 * `contrasts.fit`: β_c = Cᵀβ, covariance Cᵀ V C, and per-gene unscaled standard errors
 * √(Σ_ij (u_gi c_i)·ρ_ij·(u_gj c_j)) where u_g are the gene's unscaled standard errors and ρ is
 * the coefficient correlation of `covCoefficients` (exact without weights; the usual
 * approximation with weights). O(G·k·p²) for k contrasts of p coefficients.
 * Oracle: limma 3.54.1 `contrasts.fit`.
 */
import type { LinearModelFit } from './lm-fit.js';
import { DataError } from '../core/errors.js';
import { deMsg } from './messages.js';

/** Contrasts as columns: `weights[c][j]` is the weight of coefficient j in contrast c. */
export interface ContrastSet {
  names: string[];
  weights: Float64Array[];
}

export function contrastsFit(fit: LinearModelFit, contrasts: ContrastSet): LinearModelFit {
  const p = fit.ncoef;
  const k = contrasts.names.length;
  for (const w of contrasts.weights) if (w.length !== p) throw new DataError(deMsg.contrastSyntax('', `expected ${p} weights`));
  const G = fit.ngenes;
  const V = fit.covCoefficients;
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(V[j * p + j]);
  const cor = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) cor[i * p + j] = i === j ? 1 : V[i * p + j] / (sd[i] * sd[j]);
  const covC = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) s += contrasts.weights[a][i] * V[i * p + j] * contrasts.weights[b][j];
      covC[a * k + b] = s;
    }
  const coef = new Float64Array(G * k);
  const sdu = new Float64Array(G * k);
  const uc = new Float64Array(p);
  for (let g = 0; g < G; g++) {
    for (let c = 0; c < k; c++) {
      const w = contrasts.weights[c];
      let est = 0;
      for (let j = 0; j < p; j++) {
        if (w[j] === 0) {
          uc[j] = 0;
          continue;
        }
        est += w[j] * fit.coefficients[g * p + j];
        uc[j] = w[j] * fit.stdevUnscaled[g * p + j];
      }
      let v = 0;
      for (let i = 0; i < p; i++) {
        if (uc[i] === 0) continue;
        for (let j = 0; j < p; j++) if (uc[j] !== 0) v += uc[i] * cor[i * p + j] * uc[j];
      }
      coef[g * k + c] = est;
      sdu[g * k + c] = Math.sqrt(v);
    }
  }
  return {
    ...fit, ncoef: k, coefNames: contrasts.names.slice(), coefficients: coef, stdevUnscaled: sdu,
    covCoefficients: covC, warnings: fit.warnings.slice(),
  };
}
