/**
 * Library normalisation factors for count matrices, as edgeR `calcNormFactors` (defaults):
 * - `tmm` (Robinson & Oshlack 2010, doi:10.1186/gb-2010-11-3-r25): against the reference sample
 *   whose upper-quartile/library ratio is closest to the mean, the precision-weighted mean of the
 *   log-ratios M after trimming 30 % of M and 5 % of A = mean log-expression at each end;
 *   weights 1/v with v = (L−y)/(L·y) + (L_r−y_r)/(L_r·y_r).
 * - `upperquartile` (Bullard 2010, doi:10.1186/1471-2105-11-94): 75th percentile of counts / L.
 * - `rle` (Anders & Huber 2010, doi:10.1186/gb-2010-11-10-r106): median ratio to the geometric
 *   mean across samples, divided by L.
 * Genes with zero total count are dropped first; factors are scaled to geometric mean 1.
 * O(G·n) (+O(G log G) per sample for the trims and medians).
 * Oracle: edgeR 3.40.2 `calcNormFactors(method = "TMM" | "upperquartile" | "RLE")`.
 */
import type { Matrix } from '../../core/matrix.js';
import { DataError } from '../../core/errors.js';
import { librarySizes } from './cpm.js';

export type NormMethod = 'tmm' | 'upperquartile' | 'rle' | 'none';

export interface NormFactorsOptions {
  /** Method. Default 'tmm'. */
  method?: NormMethod;
  /** TMM: fraction trimmed from each end of the log-ratios, [0, 0.5). Default 0.3. */
  logratioTrim?: number;
  /** TMM: fraction trimmed from each end of the mean log-expression, [0, 0.5). Default 0.05. */
  sumTrim?: number;
  /** Upper-quartile (and TMM reference) percentile, (0, 1). Default 0.75. */
  p?: number;
}

export interface NormFactorsResult {
  factors: Float64Array;
  libSize: Float64Array;
  /** 0-based reference sample for TMM (−1 otherwise). */
  refColumn: number;
  warnings: string[];
}

function quantile7(v: Float64Array, prob: number): number {
  const s = v.slice().sort();
  const h = (s.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

function median(v: Float64Array): number {
  const s = v.slice().sort();
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Average ranks (ties averaged) from one native numeric sort: the rank of v is
 * (#{< v} + 1 + #{≤ v}) / 2, both counts by binary search in the sorted copy.
 */
function ranks(v: Float64Array): Float64Array {
  const n = v.length;
  const s = v.slice().sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = v[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    r[i] = (below + 1 + lo) / 2;
  }
  return r;
}

/** TMM factor of one sample against the reference. */
export function tmmFactor(obs: Float64Array, ref: Float64Array, nO: number, nR: number, logratioTrim = 0.3, sumTrim = 0.05): number {
  const M0 = new Float64Array(obs.length);
  const A0 = new Float64Array(obs.length);
  const V0 = new Float64Array(obs.length);
  let n = 0;
  let maxAbsM = 0;
  for (let g = 0; g < obs.length; g++) {
    const lo = Math.log2(obs[g] / nO);
    const lr = Math.log2(ref[g] / nR);
    const m = Math.log2(obs[g] / nO / (ref[g] / nR)); // as a ratio first, so equal ratios tie exactly
    const a = (lo + lr) / 2;
    if (!Number.isFinite(m) || !Number.isFinite(a) || !(a > -1e10)) continue;
    M0[n] = m;
    A0[n] = a;
    V0[n] = (nO - obs[g]) / nO / obs[g] + (nR - ref[g]) / nR / ref[g];
    maxAbsM = Math.max(maxAbsM, Math.abs(m));
    n++;
  }
  if (n === 0 || maxAbsM < 1e-6) return 1;
  const M = M0.subarray(0, n);
  const A = A0.subarray(0, n);
  const V = V0.subarray(0, n);
  const loL = Math.floor(n * logratioTrim) + 1;
  const hiL = n + 1 - loL;
  const loS = Math.floor(n * sumTrim) + 1;
  const hiS = n + 1 - loS;
  const rM = ranks(M);
  const rA = ranks(A);
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    if (rM[i] >= loL && rM[i] <= hiL && rA[i] >= loS && rA[i] <= hiS) {
      num += M[i] / V[i];
      den += 1 / V[i];
    }
  }
  const f = num / den;
  return Number.isNaN(f) ? 1 : 2 ** f;
}

export function normFactors(counts: Matrix, options: NormFactorsOptions = {}): NormFactorsResult {
  const method = options.method ?? 'tmm';
  const { nrow, ncol, data } = counts;
  const warnings: string[] = [];
  for (let i = 0; i < data.length; i++) if (!(data[i] >= 0)) throw new DataError('counts must be non-negative and not missing to compute normalisation factors');
  const libSize = librarySizes(counts);
  const factors = new Float64Array(ncol).fill(1);
  if (method === 'none') return { factors, libSize, refColumn: -1, warnings };
  // drop all-zero genes
  const keep: number[] = [];
  for (let g = 0; g < nrow; g++) {
    let s = 0;
    for (let j = 0; j < ncol; j++) s += data[g * ncol + j];
    if (s > 0) keep.push(g);
  }
  // sample-major copy of the kept genes, so each sample is one contiguous column
  const K = keep.length;
  const cols = new Float64Array(K * ncol);
  for (let i = 0; i < K; i++) {
    const off = keep[i] * ncol;
    for (let j = 0; j < ncol; j++) cols[j * K + i] = data[off + j];
  }
  const col = (j: number): Float64Array => cols.subarray(j * K, (j + 1) * K);
  const p = options.p ?? 0.75;
  let refColumn = -1;
  if (method === 'upperquartile' || method === 'tmm') {
    const uq = new Float64Array(ncol);
    for (let j = 0; j < ncol; j++) uq[j] = quantile7(col(j), p) / libSize[j];
    if (method === 'upperquartile') {
      if (uq.some((v) => v === 0)) warnings.push('one or more quantiles are zero');
      factors.set(uq);
    } else {
      if (median(uq) < 1e-20) {
        let best = -Infinity;
        for (let j = 0; j < ncol; j++) {
          let s = 0;
          const c = col(j);
          for (let i = 0; i < K; i++) s += Math.sqrt(c[i]);
          if (s > best) {
            best = s;
            refColumn = j;
          }
        }
      } else {
        let mean = 0;
        for (let j = 0; j < ncol; j++) mean += uq[j];
        mean /= ncol;
        let best = Infinity;
        for (let j = 0; j < ncol; j++) {
          const d = Math.abs(uq[j] - mean);
          if (d < best) {
            best = d;
            refColumn = j;
          }
        }
      }
      const ref = col(refColumn);
      for (let j = 0; j < ncol; j++)
        factors[j] = tmmFactor(col(j), ref, libSize[j], libSize[refColumn], options.logratioTrim ?? 0.3, options.sumTrim ?? 0.05);
    }
  } else {
    // RLE
    const gm = new Float64Array(K);
    for (let i = 0; i < K; i++) {
      let s = 0;
      const off = keep[i] * ncol;
      for (let j = 0; j < ncol; j++) s += Math.log(data[off + j]);
      gm[i] = Math.exp(s / ncol);
    }
    const r = new Float64Array(K);
    for (let j = 0; j < ncol; j++) {
      const c = col(j);
      let m = 0;
      for (let i = 0; i < K; i++) if (gm[i] > 0) r[m++] = c[i] / gm[i];
      factors[j] = median(r.subarray(0, m)) / libSize[j];
    }
  }
  let lg = 0;
  for (let j = 0; j < ncol; j++) lg += Math.log(factors[j]);
  const geo = Math.exp(lg / ncol);
  for (let j = 0; j < ncol; j++) factors[j] /= geo;
  return { factors, libSize, refColumn, warnings };
}
