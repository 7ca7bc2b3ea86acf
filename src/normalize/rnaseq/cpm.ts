/**
 * Counts per million and log-CPM with a prior count, as edgeR `cpm`: CPM = y / L · 10⁶ with the
 * effective library size L = lib.size × norm.factor; log-CPM = log2((y + λ_j)/(L_j + 2λ_j) · 10⁶)
 * with the prior count scaled to the library, λ_j = prior · L_j / mean(L). O(G·n).
 * Oracle: edgeR 3.40.2 `cpm(y, log = TRUE, prior.count)`.
 */
import type { Matrix } from '../../core/matrix.js';
import { createMatrix } from '../../core/matrix.js';

/** Column sums of a genes × samples count matrix. */
export function librarySizes(counts: Matrix): Float64Array {
  const L = new Float64Array(counts.ncol);
  const { nrow, ncol, data } = counts;
  for (let g = 0; g < nrow; g++) for (let j = 0; j < ncol; j++) L[j] += data[g * ncol + j];
  return L;
}

/** Library sizes times normalisation factors. */
export function effectiveLibrarySizes(counts: Matrix, normFactors?: Float64Array): Float64Array {
  const L = librarySizes(counts);
  if (normFactors) for (let j = 0; j < L.length; j++) L[j] *= normFactors[j];
  return L;
}

export interface CpmOptions {
  /** Effective library sizes. Default column sums. */
  libSize?: Float64Array;
  /** Return log2-CPM. Default false. */
  log?: boolean;
  /** Average prior count added before the log, ≥ 0. Default 2. */
  priorCount?: number;
}

export function cpm(counts: Matrix, options: CpmOptions = {}): Matrix {
  const L = options.libSize ?? librarySizes(counts);
  const { nrow, ncol, data } = counts;
  const out = createMatrix(nrow, ncol);
  if (!options.log) {
    for (let g = 0; g < nrow; g++) for (let j = 0; j < ncol; j++) out.data[g * ncol + j] = (data[g * ncol + j] / L[j]) * 1e6;
    return out;
  }
  const prior = options.priorCount ?? 2;
  let meanL = 0;
  for (let j = 0; j < ncol; j++) meanL += L[j];
  meanL /= ncol;
  const lam = new Float64Array(ncol);
  const den = new Float64Array(ncol);
  for (let j = 0; j < ncol; j++) {
    lam[j] = (prior * L[j]) / meanL;
    den[j] = L[j] + 2 * lam[j];
  }
  for (let g = 0; g < nrow; g++)
    for (let j = 0; j < ncol; j++) out.data[g * ncol + j] = Math.log2(((data[g * ncol + j] + lam[j]) / den[j]) * 1e6);
  return out;
}
