/**
 * Mean and median scores of log expression: score_s = mean_{g∈up} x_gs − mean_{g∈down} x_gs
 * (median likewise). With `center`, each gene is first centred on its mean across samples, so the
 * score is relative to the cohort. NaN values are skipped; a sample with no value is NaN.
 *
 * Per sample. O(k·n) for the mean, O(k·n·log k) for the median.
 * Reference: Danaher P et al. Gene expression markers of tumor infiltrating leukocytes.
 * J Immunother Cancer 2017;5:18. doi:10.1186/s40425-017-0215-8 (cell-type scores as mean log2
 * expression); Rooney MS et al. Cell 2015;160:48–61. doi:10.1016/j.cell.2014.12.033 (cytolytic
 * activity as the geometric mean = mean of logs). Checked against hand computations.
 */
import type { Matrix } from '../core/matrix.js';

function rowMeans(x: Matrix, rows: Int32Array): Float64Array {
  const n = x.ncol;
  const m = new Float64Array(rows.length);
  for (let a = 0; a < rows.length; a++) {
    let s = 0, c = 0;
    for (let j = 0, o = rows[a] * n; j < n; j++) {
      const v = x.data[o + j];
      if (v === v) {
        s += v;
        c++;
      }
    }
    m[a] = c ? s / c : NaN;
  }
  return m;
}

function median(buf: Float64Array, len: number): number {
  if (len === 0) return NaN;
  const a = buf.subarray(0, len).sort();
  const h = len >> 1;
  return len % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
}

/** Mean or median score per sample; `directions` split the set into up (+1) and down (−1) parts. */
export function summaryScore(
  x: Matrix,
  rows: Int32Array,
  options: { stat: 'mean' | 'median'; center?: boolean; directions?: Int8Array },
): Float64Array {
  const n = x.ncol;
  const center = options.center ? rowMeans(x, rows) : null;
  const out = new Float64Array(n);
  const up = new Float64Array(rows.length);
  const down = new Float64Array(rows.length);
  const hasDown = options.directions?.some((d) => d < 0) ?? false;
  for (let j = 0; j < n; j++) {
    let nu = 0, nd = 0;
    for (let a = 0; a < rows.length; a++) {
      let v = x.data[rows[a] * n + j];
      if (v !== v) continue;
      if (center) v -= center[a];
      if (hasDown && options.directions![a] < 0) down[nd++] = v;
      else up[nu++] = v;
    }
    const f = options.stat === 'mean' ? (b: Float64Array, l: number) => (l ? sum(b, l) / l : NaN) : median;
    out[j] = hasDown ? f(up, nu) - f(down, nd) : f(up, nu);
  }
  return out;
}

function sum(b: Float64Array, l: number): number {
  let s = 0;
  for (let i = 0; i < l; i++) s += b[i];
  return s;
}
