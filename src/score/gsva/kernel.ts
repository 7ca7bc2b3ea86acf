/**
 * GSVA's first step: each gene's values are turned into a statistic that compares a sample with
 * the gene's distribution across all samples (Hänzelmann et al. 2013, doi:10.1186/1471-2105-14-7).
 *
 *   gaussian: F_i = (1/n)·Σ_j Φ((x_i − x_j)/h), h = sd(x)/4 (sample sd), Φ tabulated (normal-table.ts)
 *   poisson:  F_i = (1/n)·Σ_j P(X ≤ x_i), X ~ Poisson(x_j + 0.5)
 *   none:     F_i = #{j : x_j ≤ x_i}/n (empirical CDF)
 *   statistic = −log((1 − F_i)/F_i), F_i summed in the order j = 0…n−1, log correctly rounded
 *   (log-rounded.ts): with GSVA's Φ table, and R's own Poisson terms for counts < 64
 *   (table-corrections.ts), this reproduces GSVA 1.46's statistic bit for bit in all but ~1e-4
 *   of cases, so genes with mathematically equal statistics keep R's order.
 *
 * Only the per-sample order of the statistics across genes enters the walk, so what matters for
 * agreement with GSVA 1.46 is that equal inputs give equal statistics and that order is kept.
 * Cost: gaussian O(n²) table look-ups per gene (each pair evaluated once, used twice); poisson
 * O(d²) CDF evaluations for d distinct values; none O(n log n). Checked against GSVA 1.46.0.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { poissonKernelTerm } from './poisson-cdf.js';
import { normalCdfTable, TABLE_MAX, TABLE_RESOLUTION } from './normal-table.js';
import { logRounded } from './log-rounded.js';

export type Kcdf = 'gaussian' | 'poisson' | 'none';

/** Sample standard deviation (two-pass, n − 1). */
export function sampleSd(x: Float64Array, off: number, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += x[off + j];
  const m = s / n;
  let ss = 0;
  for (let j = 0; j < n; j++) {
    const d = x[off + j] - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * Gaussian kernel of one gene: `x[off … off+n)` → `F[0 … n)` (sums, not yet divided by n).
 * The pair (i, j), i < j, is looked up once: F_i gets Φ(v), F_j gets 1 − Φ(v) (the mirror), and
 * every F_i still receives its terms in the order j = 0…n−1.
 */
export function gaussianKernelSums(x: Float64Array, off: number, n: number, F: Float64Array, exact: boolean): void {
  const h = sampleSd(x, off, n) / 4;
  const T = normalCdfTable();
  const half = T[0];
  F.fill(0, 0, n);
  if (exact) return exactKernelSums(x, off, n, F, h);
  const TT = signedTable();
  const c1000 = (1 / h) * 1000;
  for (let i = 0; i < n; i++) {
    const xi = x[off + i];
    let fi = F[i] + half;
    for (let j = i + 1; j < n; j++) {
      const d = xi - x[off + j];
      // Readable form: v = d/h; c = tabulatedCdf(v) goes to F_i and 1 − c to F_j.
      // Fast form: d·(1000/h) is within a few ulps of ±(|v|/10)·10000, so truncating it gives the
      // signed table index unless it lies within 1e-7 of an integer or beyond the table; those
      // rare pairs take the exact path. TT[10000 + k] = Φ-table value for index k, mirrored.
      const kf = d * c1000;
      const ks = kf | 0;
      const fr = kf - ks;
      const q = fr * fr;
      if (q < 1e-14 || q > 0.9999998 || kf > 9999 || kf < -9999) {
        const v = (d < 0 ? -d : d) / h;
        const c = v > TABLE_MAX ? 1 : T[Math.floor((v / TABLE_MAX) * TABLE_RESOLUTION)];
        if (d < 0) {
          fi += 1 - c;
          F[j] += c;
        } else {
          fi += c;
          F[j] += 1 - c;
        }
      } else {
        fi += TT[10000 + ks];
        F[j] += TT[10000 - ks];
      }
    }
    F[i] = fi;
  }
}

let signed: Float64Array | null = null;
/** The Φ table over signed indices: [10000 + k] = T[k], [10000 − k] = 1 − T[k]. */
function signedTable(): Float64Array {
  if (signed) return signed;
  const T = normalCdfTable();
  const t = new Float64Array(2 * TABLE_RESOLUTION + 1);
  for (let k = 0; k <= TABLE_RESOLUTION; k++) {
    t[TABLE_RESOLUTION + k] = T[k];
    if (k > 0) t[TABLE_RESOLUTION - k] = 1 - T[k];
  }
  signed = t;
  return t;
}

/** Gaussian kernel sums with Φ computed exactly (option exactKernel). */
function exactKernelSums(x: Float64Array, off: number, n: number, F: Float64Array, h: number): void {
  for (let i = 0; i < n; i++) {
    let fi = 0;
    for (let j = 0; j < n; j++) fi += normalCdf((x[off + i] - x[off + j]) / h, 0, 1);
    F[i] = fi;
  }
}

/**
 * Poisson kernel sums of one gene, λ_j = x_j + 0.5. The CDF is evaluated once per pair of
 * distinct values (O(d²)); the sums then add the terms in the order j = 0…n−1 (O(n²)).
 */
export function poissonKernelSums(x: Float64Array, off: number, n: number, F: Float64Array, sorted: Float64Array): void {
  const u = sorted.subarray(0, n);
  u.set(x.subarray(off, off + n));
  u.sort();
  let m = 0;
  for (let j = 0; j < n; j++) if (m === 0 || u[m - 1] !== u[j]) u[m++] = u[j];
  const code = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const v = x[off + j];
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    code[j] = lo;
  }
  const cdf = new Float64Array(m * m); // cdf[a·m + b] = P(X ≤ u_a), X ~ Poisson(u_b + 0.5)
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cdf[a * m + b] = poissonKernelTerm(u[a], u[b]);
  for (let i = 0; i < n; i++) {
    const row = code[i] * m;
    let s = 0;
    for (let j = 0; j < n; j++) s += cdf[row + code[j]];
    F[i] = s;
  }
}

/** Empirical-CDF counts of one gene: F_i = #{j : x_j ≤ x_i}. */
export function ecdfSums(x: Float64Array, off: number, n: number, F: Float64Array, sorted: Float64Array): void {
  const u = sorted.subarray(0, n);
  u.set(x.subarray(off, off + n));
  u.sort();
  for (let i = 0; i < n; i++) {
    const xi = x[off + i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u[mid] <= xi) lo = mid + 1;
      else hi = mid;
    }
    F[i] = lo;
  }
}

/**
 * Kernel statistics for the genes `rows[g0 … g1)` of the genes × samples matrix `x` (ncol = n),
 * written to rows g0 … g1 of `out` (kept genes × samples). Scratch: O(n).
 */
export function kernelBlock(
  x: Float64Array, n: number, rows: Int32Array, g0: number, g1: number,
  kcdf: Kcdf, exact: boolean, out: Float64Array,
): void {
  const F = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let g = g0; g < g1; g++) {
    const off = rows[g] * n;
    if (kcdf === 'gaussian') gaussianKernelSums(x, off, n, F, exact);
    else if (kcdf === 'poisson') poissonKernelSums(x, off, n, F, sorted);
    else ecdfSums(x, off, n, F, sorted);
    const o = g * n;
    for (let i = 0; i < n; i++) {
      const f = F[i] / n;
      out[o + i] = -logRounded((1 - f) / f);
    }
  }
}
