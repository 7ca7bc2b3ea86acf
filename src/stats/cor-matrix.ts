/**
 * Correlation matrix with p-values and BH q-values over all pairs of variables, using pairwise
 * complete observations (as R `cor.test` on each pair, then `p.adjust(method = "BH")` over the
 * upper triangle). Returned in long form, one row per pair i < j. O(v²·n log n).
 * Oracle: R 4.2.2 `cor.test` per pair and `p.adjust`.
 */
import { correlationTest } from './correlation.js';
import { pAdjust } from './p-adjust.js';

export interface CorMatrixOptions {
  /** 'spearman' or 'pearson'. Default 'spearman'. */
  method?: 'pearson' | 'spearman';
  /** Spearman exact p when possible (as R). Default 'auto'. */
  exact?: boolean | 'auto';
}

export interface CorMatrixResult {
  /** Variable names, in input order. */
  names: string[];
  /** v×v correlation matrix, row-major (diagonal 1). */
  r: Float64Array;
  /** v×v p-values (diagonal NaN). */
  p: Float64Array;
  /** Long form: one entry per pair i < j. */
  pairs: { i: Int32Array; j: Int32Array; n: Int32Array; r: Float64Array; p: Float64Array; q: Float64Array };
  warnings: string[];
}

/** Pairwise correlations of the columns `values[k]` named `names[k]`. */
export function corMatrix(values: readonly ArrayLike<number>[], names: readonly string[], options: CorMatrixOptions = {}): CorMatrixResult {
  const method = options.method ?? 'spearman';
  const v = values.length;
  const m = (v * (v - 1)) / 2;
  const r = new Float64Array(v * v).fill(NaN);
  const p = new Float64Array(v * v).fill(NaN);
  const pi = new Int32Array(m), pj = new Int32Array(m), pn = new Int32Array(m);
  const pr = new Float64Array(m), pp = new Float64Array(m);
  const warnings: string[] = [];
  let k = 0;
  for (let i = 0; i < v; i++) {
    r[i * v + i] = 1;
    for (let j = i + 1; j < v; j++) {
      const t = correlationTest(values[i], values[j], { method, exact: options.exact ?? 'auto' });
      r[i * v + j] = r[j * v + i] = t.estimate;
      p[i * v + j] = p[j * v + i] = t.pValue;
      pi[k] = i; pj[k] = j; pn[k] = t.n; pr[k] = t.estimate; pp[k] = t.pValue;
      for (const w of t.warnings) if (!w.includes('ties')) warnings.push(`${names[i]} × ${names[j]}: ${w}`);
      k++;
    }
  }
  const q = pAdjust(pp, { method: 'BH' });
  return { names: [...names], r, p, pairs: { i: pi, j: pj, n: pn, r: pr, p: pp, q }, warnings };
}
