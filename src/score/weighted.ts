/**
 * Weighted signature score, as for the Tumor Inflammation Signature / T-cell-inflamed GEP:
 * score_s = Σ_g w_g·(x_gs − h_s) + intercept, with h_s the mean of the housekeeping genes in
 * sample s (0 when the signature lists none). Input is log2 (normalised counts or expression).
 * Missing genes (under `--missing drop`) simply drop out of the sum: the coverage table reports
 * the fraction of Σ|w| that was present.
 *
 * Per sample, no dependence on other samples. O((k + h)·n).
 * Reference: Cristescu R et al. Pan-tumor genomic biomarkers for PD-1 checkpoint
 * blockade-based immunotherapy. Science 2018;362:eaar3593. doi:10.1126/science.aar3593
 * (weights: table S2B); Danaher P et al. J Immunother Cancer 2018;6:63.
 * doi:10.1186/s40425-018-0367-1. Checked against a hand computation (test/score/weighted.test.ts).
 */
import type { Matrix } from '../core/matrix.js';

export function weightedScore(
  x: Matrix,
  rows: Int32Array,
  weights: Float64Array,
  housekeepingRows: Int32Array,
  intercept = 0,
): Float64Array {
  const n = x.ncol;
  const out = new Float64Array(n).fill(intercept);
  let wsum = 0;
  for (let a = 0; a < rows.length; a++) {
    const w = weights[a];
    wsum += w;
    for (let j = 0, o = rows[a] * n; j < n; j++) out[j] += w * x.data[o + j];
  }
  if (housekeepingRows.length) {
    const h = new Float64Array(n);
    for (let a = 0; a < housekeepingRows.length; a++) for (let j = 0, o = housekeepingRows[a] * n; j < n; j++) h[j] += x.data[o + j];
    // Σ w·(x − h) = Σ w·x − h·Σ w
    for (let j = 0; j < n; j++) out[j] -= (wsum * h[j]) / housekeepingRows.length;
  }
  return out;
}
