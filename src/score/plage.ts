/**
 * PLAGE (Tomfohr et al. 2005): each gene standardised across samples; the score of a set is the
 * first right singular vector v₁ of its k × n matrix of z-scores (unit length). Computed from
 * the smaller Gram matrix: for k ≤ n, u₁ = top eigenvector of Z·Zᵀ and v₁ = Zᵀu₁/σ₁; otherwise v₁ =
 * top eigenvector of Zᵀ·Z.
 *
 * Sign: a singular vector's sign is arbitrary. sigscore fixes it so that v₁ correlates
 * positively with the set's mean expression per sample (mean over the set's genes of the input
 * values); GSVA 1.46 returns whichever sign its SVD gives, so compare after aligning signs.
 *
 * Complexity O(k²·n + min(k,n)³) per set.
 * Reference: Tomfohr J, Lu J, Kepler TB. Pathway level analysis of gene expression using
 * singular value decomposition. BMC Bioinformatics 2005;6:225. doi:10.1186/1471-2105-6-225
 * Oracle: GSVA 1.46.0 `gsva(method = "plage")` — equal to 1e-6 absolute after sign alignment.
 */
import type { Matrix } from '../core/matrix.js';
import { topEigenvector } from './eigen.js';
import { standardizeRows } from './standardize.js';
import type { SetRows } from './zscore.js';

/** PLAGE scores per set (length ncol each); NaN when no non-constant gene is matched. */
export function plageScores(x: Matrix, sets: readonly SetRows[], z = standardizeRows(x, sets.flatMap((s) => Array.from(s.rows)))): Float64Array[] {
  const n = x.ncol;
  return sets.map((s) => {
    const zs: Float64Array[] = [];
    const used: number[] = [];
    for (let a = 0; a < s.rows.length; a++) {
      const zr = z.get(s.rows[a]);
      if (zr) {
        zs.push(zr);
        used.push(s.rows[a]);
      }
    }
    const k = zs.length;
    const out = new Float64Array(n);
    if (k === 0 || n < 2) return out.fill(NaN);
    if (k <= n) {
      const g = new Float64Array(k * k);
      for (let a = 0; a < k; a++) {
        for (let b = a; b < k; b++) {
          let sum = 0;
          const za = zs[a], zb = zs[b];
          for (let j = 0; j < n; j++) sum += za[j] * zb[j];
          g[a * k + b] = sum;
          g[b * k + a] = sum;
        }
      }
      const u = k === 1 ? Float64Array.of(1) : topEigenvector(g, k);
      for (let a = 0; a < k; a++) {
        const za = zs[a], ua = u[a];
        for (let j = 0; j < n; j++) out[j] += ua * za[j];
      }
      let norm = 0;
      for (let j = 0; j < n; j++) norm += out[j] * out[j];
      norm = Math.sqrt(norm);
      for (let j = 0; j < n; j++) out[j] = norm > 0 ? out[j] / norm : NaN;
    } else {
      const g = new Float64Array(n * n);
      for (let a = 0; a < k; a++) {
        const za = zs[a];
        for (let i = 0; i < n; i++) {
          const zi = za[i];
          for (let j = i; j < n; j++) g[i * n + j] += zi * za[j];
        }
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[i * n + j] = g[j * n + i];
      out.set(topEigenvector(g, n));
    }
    alignSign(out, x, used);
    return out;
  });
}

/** Flip `v` in place when it correlates negatively with the mean expression of `rows`. */
function alignSign(v: Float64Array, x: Matrix, rows: readonly number[]): void {
  const n = x.ncol;
  const m = new Float64Array(n);
  for (const r of rows) for (let j = 0, o = r * n; j < n; j++) m[j] += x.data[o + j];
  let mm = 0, vm = 0;
  for (let j = 0; j < n; j++) {
    mm += m[j];
    vm += v[j];
  }
  mm /= n;
  vm /= n;
  let cov = 0;
  for (let j = 0; j < n; j++) cov += (v[j] - vm) * (m[j] - mm);
  if (cov < 0) for (let j = 0; j < n; j++) v[j] = -v[j];
}
