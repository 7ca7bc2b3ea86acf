/**
 * Row standardisation used by zscore and PLAGE: z = (x − mean) / sd, sd with n − 1.
 */
import type { Matrix } from '../core/matrix.js';

/**
 * Standardise the given rows of `x` (genes × samples). Two-pass mean/variance per row, O(|rows|·n).
 * Returns one Float64Array per row, or `null` for a row that is constant (sd = 0) or has fewer
 * than 2 samples; a row with NaN gives NaN z-scores.
 */
export function standardizeRows(x: Matrix, rows: Iterable<number>): Map<number, Float64Array | null> {
  const n = x.ncol;
  const out = new Map<number, Float64Array | null>();
  for (const r of rows) {
    if (out.has(r)) continue;
    const off = r * n;
    // Huge magnitudes are divided by the row's largest |x| first so squares cannot overflow.
    let big = 0;
    for (let j = 0; j < n; j++) big = Math.max(big, Math.abs(x.data[off + j]));
    const k = big > 1e150 && Number.isFinite(big) ? 1 / big : 1;
    let s = 0;
    for (let j = 0; j < n; j++) s += x.data[off + j] * k;
    const mean = s / n;
    let ss = 0;
    for (let j = 0; j < n; j++) {
      const d = x.data[off + j] * k - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / (n - 1));
    if (!(n >= 2) || sd === 0 || (Number.isFinite(sd) && sd <= 1e-300)) {
      out.set(r, Number.isNaN(sd) ? new Float64Array(n).fill(NaN) : null);
      continue;
    }
    const z = new Float64Array(n);
    for (let j = 0; j < n; j++) z[j] = (x.data[off + j] * k - mean) / sd;
    out.set(r, z);
  }
  return out;
}
