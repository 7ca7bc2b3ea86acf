/**
 * Correlate every feature of one per-sample table with every feature of another (e.g. GSVA
 * Hallmark scores on RNA-seq × panel signature scores on NanoString) over the samples the two
 * share: one row per pair with n, the estimate, the test statistic, the two-sided p of R
 * `cor.test` and the Benjamini–Hochberg q over all pairs.
 *
 * Method: for features a (of A) and b (of B), the pairs (a_s, b_s) of the shared samples s with
 * neither value missing; Pearson r with t = r√(n−2)/√(1−r²) on n − 2 df, or Spearman ρ (Pearson r
 * of average ranks) with S = (n³−n)(1−ρ)/6 and its exact p (AS 89) when n < 1290 and there are
 * no ties, else the t approximation (see `correlationTest`); q = BH over all |A|·|B| p-values.
 * Complexity O(|A|·|B|·n log n). References: Spearman 1904 doi:10.2307/1412159; Benjamini &
 * Hochberg 1995 doi:10.1111/j.2517-6161.1995.tb02031.x.
 * Oracle: R 4.2.2 `cor.test` per pair and `p.adjust(method = "BH")`
 * (scripts/correlate-fixtures.R → test/conformance/correlate/).
 */
import { DataError } from '../core/errors.js';
import { correlationTest } from '../stats/correlation.js';
import { pAdjust } from '../stats/p-adjust.js';
import { correlateMsg } from './messages.js';

/** A features × samples table: `values[f * samples.length + s]`, NaN = missing. */
export interface FeatureTable {
  features: readonly string[];
  samples: readonly string[];
  values: ArrayLike<number>;
}

export interface CorrelateOptions {
  /** 'spearman' or 'pearson'. Default 'spearman'. */
  method?: 'spearman' | 'pearson';
  /** Smallest number of shared samples. Default 3 (fewer: error). */
  minSamples?: number;
  /** Names of the two tables, for messages. Default 'A' and 'B'. */
  names?: [string, string];
}

export interface CorrelateResult {
  /** One entry per pair, A's features in order, each with B's features in order. */
  featureA: string[];
  featureB: string[];
  n: Int32Array;
  estimate: Float64Array;
  statistic: Float64Array;
  p: Float64Array;
  q: Float64Array;
  /** Shared sample ids, in A's order. */
  samples: string[];
  method: 'spearman' | 'pearson';
  warnings: string[];
}


function checkTable(t: FeatureTable, name: string): Map<string, number> {
  if (t.features.length === 0) throw new DataError(correlateMsg.empty(name));
  if (t.values.length !== t.features.length * t.samples.length) throw new DataError(correlateMsg.badShape(name, t.values.length, t.features.length * t.samples.length));
  const pos = new Map<string, number>();
  t.samples.forEach((s, i) => {
    if (pos.has(s)) throw new DataError(correlateMsg.duplicateSample(name, s));
    pos.set(s, i);
  });
  return pos;
}

/** Correlate each feature of `a` with each feature of `b` over their shared samples. */
export function correlateTables(a: FeatureTable, b: FeatureTable, options: CorrelateOptions = {}): CorrelateResult {
  const method = options.method ?? 'spearman';
  const min = options.minSamples ?? 3;
  const [nameA, nameB] = options.names ?? ['A', 'B'];
  checkTable(a, nameA);
  const posB = checkTable(b, nameB);
  const shared = a.samples.filter((s) => posB.has(s));
  if (shared.length < Math.max(min, 3))
    throw new DataError(correlateMsg.tooFewShared(nameA, nameB, shared.length, Math.max(min, 3), a.samples, b.samples));
  const warnings: string[] = [];
  if (shared.length < a.samples.length) warnings.push(correlateMsg.unshared(nameA, a.samples.length - shared.length));
  if (shared.length < b.samples.length) warnings.push(correlateMsg.unshared(nameB, b.samples.length - shared.length));
  const posA = new Map(a.samples.map((s, i) => [s, i] as const));
  const ia = shared.map((s) => posA.get(s)!);
  const ib = shared.map((s) => posB.get(s)!);
  // each row scaled by a power of two (exact) so that sums of squares of huge or tiny values
  // neither overflow nor underflow; correlations are scale-invariant
  const rowsOf = (t: FeatureTable, idx: number[]): Float64Array[] =>
    t.features.map((_, f) => {
      const x = Float64Array.from(idx, (j) => t.values[f * t.samples.length + j]);
      let max = 0;
      for (const v of x) if (Number.isFinite(v) && Math.abs(v) > max) max = Math.abs(v);
      if (max > 0) {
        const s = 2 ** -Math.floor(Math.log2(max));
        for (let i = 0; i < x.length; i++) x[i] *= s;
      }
      return x;
    });
  const xa = rowsOf(a, ia);
  const xb = rowsOf(b, ib);
  const k = a.features.length * b.features.length;
  const res: CorrelateResult = {
    featureA: [], featureB: [], n: new Int32Array(k), estimate: new Float64Array(k), statistic: new Float64Array(k),
    p: new Float64Array(k), q: new Float64Array(k), samples: shared, method, warnings,
  };
  let at = 0;
  for (let i = 0; i < xa.length; i++) {
    for (let j = 0; j < xb.length; j++) {
      const t = correlationTest(xa[i], xb[j], { method });
      res.featureA.push(a.features[i]);
      res.featureB.push(b.features[j]);
      res.n[at] = t.n;
      res.estimate[at] = t.estimate;
      res.statistic[at] = t.statistic;
      res.p[at] = t.pValue;
      for (const w of t.warnings) if (!/ties/.test(w)) warnings.push(correlateMsg.pairNA(a.features[i], b.features[j], w));
      at++;
    }
  }
  res.q.set(pAdjust(res.p, { method: 'BH' }));
  return res;
}
