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
 * O(G·n): the TMM trims and the upper quartiles by selection (O(G) per sample); RLE medians sort
 * (O(G log G) per sample).
 * Oracle: edgeR 3.40.2 `calcNormFactors(method = "TMM" | "upperquartile" | "RLE")`.
 */
import type { Matrix } from '../../core/matrix.js';
import { DataError } from '../../core/errors.js';
import { librarySizes } from './cpm.js';
import { quantile7Select, rankWindow } from './order-statistic.js';

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

function median(v: Float64Array): number {
  const s = v.slice().sort();
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * TMM factor of one sample against the reference. The trims keep the genes whose average rank of
 * M lies in [⌊0.3n⌋+1, n−⌊0.3n⌋] and of A in [⌊0.05n⌋+1, n−⌊0.05n⌋] (as edgeR's `rank`); each
 * window is found as a value interval by selection (`rankWindow`), O(n) per sample.
 * `work` is scratch of length ≥ 4·obs.length (allocated when absent).
 */
export function tmmFactor(
  obs: Float64Array, ref: Float64Array, nO: number, nR: number, logratioTrim = 0.3, sumTrim = 0.05,
  work: Float64Array = new Float64Array(4 * obs.length),
): number {
  return tmmCore(obs, ref, Float64Array.from(ref, (r) => Math.log2(r / nR)), nO, nR, logratioTrim, sumTrim, work);
}

/** tmmFactor with log2(ref/nR) computed once for all samples. */
function tmmCore(
  obs: Float64Array, ref: Float64Array, refLog: Float64Array, nO: number, nR: number, logratioTrim: number, sumTrim: number,
  work: Float64Array,
): number {
  const G = obs.length;
  const M = work.subarray(0, G);
  const A = work.subarray(G, 2 * G);
  const V = work.subarray(2 * G, 3 * G);
  const scratch = work.subarray(3 * G, 4 * G);
  let n = 0;
  let maxAbsM = 0;
  for (let g = 0; g < G; g++) {
    const o = obs[g];
    const r = ref[g];
    if (!(o > 0 && r > 0)) continue; // M or A not finite
    const lo = Math.log2(o / nO);
    const lr = refLog[g];
    const m = Math.log2(o / nO / (r / nR)); // as a ratio first, so equal ratios tie exactly
    const a = (lo + lr) / 2;
    if (!Number.isFinite(m) || !Number.isFinite(a) || !(a > -1e10)) continue;
    M[n] = m;
    A[n] = a;
    V[n] = (nO - o) / nO / o + (nR - r) / nR / r;
    maxAbsM = Math.max(maxAbsM, Math.abs(m));
    n++;
  }
  if (n === 0 || maxAbsM < 1e-6) return 1;
  const loL = Math.floor(n * logratioTrim) + 1;
  const loS = Math.floor(n * sumTrim) + 1;
  const [mLo, mHi] = rankWindow(M.subarray(0, n), loL, n + 1 - loL, scratch);
  const [aLo, aHi] = rankWindow(A.subarray(0, n), loS, n + 1 - loS, scratch);
  // readable form: keep i when rank(M)[i] ∈ [loL, n+1−loL] and rank(A)[i] ∈ [loS, n+1−loS]
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const m = M[i];
    const a = A[i];
    if (m >= mLo && m <= mHi && a >= aLo && a <= aHi) {
      num += m / V[i];
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
  // Each pass visits the samples as contiguous columns of the kept genes, gathered B samples at a
  // time into one reused buffer (reading whole rows of B values): no full sample-major copy, whose
  // fresh pages cost more than the gathering, and no strided reads that miss the cache.
  const K = keep.length;
  const B = Math.min(ncol, 32);
  const block = new Float64Array(B * K);
  const forEachColumn = (visit: (j: number, c: Float64Array) => void): void => {
    for (let j0 = 0; j0 < ncol; j0 += B) {
      const w = Math.min(B, ncol - j0);
      for (let i = 0; i < K; i++) {
        const off = keep[i] * ncol + j0;
        for (let t = 0; t < w; t++) block[t * K + i] = data[off + t];
      }
      for (let t = 0; t < w; t++) visit(j0 + t, block.subarray(t * K, (t + 1) * K));
    }
  };
  const col = (j: number): Float64Array => Float64Array.from(keep, (g) => data[g * ncol + j]);
  const p = options.p ?? 0.75;
  let refColumn = -1;
  if (method === 'upperquartile' || method === 'tmm') {
    const uq = new Float64Array(ncol);
    const work = new Float64Array(4 * K);
    forEachColumn((j, c) => (uq[j] = quantile7Select(c, p, work) / libSize[j]));
    if (method === 'upperquartile') {
      if (uq.some((v) => v === 0)) warnings.push('one or more quantiles are zero');
      factors.set(uq);
    } else {
      if (median(uq) < 1e-20) {
        let best = -Infinity;
        forEachColumn((j, c) => {
          let s = 0;
          for (let i = 0; i < K; i++) s += Math.sqrt(c[i]);
          if (s > best) {
            best = s;
            refColumn = j;
          }
        });
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
      const nR = libSize[refColumn];
      const refLog = Float64Array.from(ref, (r) => Math.log2(r / nR));
      const lt = options.logratioTrim ?? 0.3;
      const st = options.sumTrim ?? 0.05;
      forEachColumn((j, c) => (factors[j] = tmmCore(c, ref, refLog, libSize[j], nR, lt, st, work)));
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
    forEachColumn((j, c) => {
      let m = 0;
      for (let i = 0; i < K; i++) if (gm[i] > 0) r[m++] = c[i] / gm[i];
      factors[j] = median(r.subarray(0, m)) / libSize[j];
    });
  }
  let lg = 0;
  for (let j = 0; j < ncol; j++) lg += Math.log(factors[j]);
  const geo = Math.exp(lg / ncol);
  for (let j = 0; j < ncol; j++) factors[j] /= geo;
  return { factors, libSize, refColumn, warnings };
}
