/**
 * G-rho family of k-sample tests (Harrington & Fleming 1982, doi:10.1093/biomet/69.3.553):
 * log-rank for ρ = 0, Peto–Peto modification of Gehan–Wilcoxon for ρ = 1.
 *
 * At each distinct event time t (within a stratum) with n at risk and d events, weight
 * w = Ŝ(t−)^ρ (pooled Kaplan–Meier of the stratum, left-continuous):
 *   O_g += w·d_g,  E_g += w·d·n_g/n,
 *   V_gh += w²·d·(n−d)/(n−1) · (n_g/n)·(δ_gh − n_h/n).
 * Sums run over strata. χ² = (O−E)ᵀ V⁻ (O−E) with the generalised inverse (df = rank of V).
 * Trend test: scores s (default 1…k in level order), χ²₁ = (sᵀ(O−E))² / sᵀVs.
 * O(n log n) for the sort plus O(T·k²) for T distinct event times.
 * Checked against R survival 3.5-3 `survdiff` (chisq, obs, exp, var).
 */
import { chisqUpper } from './dist.js';
import { checkLengths, factor } from './data.js';
import { orderAscending } from './order.js';
import { quadSolve } from './linalg.js';
import { survivalMsg } from './messages.js';

export interface LogrankOptions {
  /** Fleming–Harrington ρ ≥ 0; default 0 (log-rank); 1 = Peto–Peto. */
  rho?: number;
  /** Stratum label per subject; the test is summed over strata. Default: none. */
  strata?: ArrayLike<string | number | null>;
  /** Order of the group levels (default: numbers ascending, strings sorted). */
  levels?: readonly string[];
  /** Scores of the levels for the trend test (default 1…k). */
  trendScores?: ArrayLike<number>;
}

export interface LogrankResult {
  groups: string[];
  n: Int32Array;
  observed: Float64Array;
  expected: Float64Array;
  /** k × k variance of O − E, row-major. */
  variance: Float64Array;
  chisq: number;
  df: number;
  p: number;
  trend: { chisq: number; p: number; scores: Float64Array };
  rho: number;
  /** Subjects dropped for a missing group or stratum. */
  dropped: number;
  warnings: string[];
}

/** k-sample log-rank / Fleming–Harrington test; see the module comment. */
export function logrank(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  group: ArrayLike<string | number | null>,
  options: LogrankOptions = {},
): LogrankResult {
  const rho = options.rho ?? 0;
  checkLengths(time, event, ['group', group], ['strata', options.strata]);
  const g = factor(group, options.levels);
  const st = options.strata ? factor(options.strata) : null;
  const keep: number[] = [];
  for (let i = 0; i < time.length; i++) {
    if (g.codes[i] < 0 || (st && st.codes[i] < 0) || Number.isNaN(time[i]) || Number.isNaN(event[i])) continue;
    keep.push(i);
  }
  const k = g.levels.length;
  const m = keep.length;
  const t = new Float64Array(m), e = new Float64Array(m), gc = new Int32Array(m), sc = new Int32Array(m);
  keep.forEach((i, j) => {
    t[j] = time[i];
    e[j] = event[i] ? 1 : 0;
    gc[j] = g.codes[i];
    sc[j] = st ? st.codes[i] : 0;
  });
  const core = logrankCore(t, e, gc, k, st ? sc : undefined, rho);
  const warnings: string[] = [];
  const nz: number[] = [];
  for (let a = 0; a < k; a++) if (core.variance[a * k + a] > 0) nz.push(a);
  let chisq = NaN, df = 0;
  if (nz.length >= 2) {
    const sub = nz.slice(0, -1);
    const q = sub.length;
    const v = new Float64Array(q * q), d = new Float64Array(q);
    for (let a = 0; a < q; a++) {
      d[a] = core.observed[sub[a]] - core.expected[sub[a]];
      for (let b = 0; b < q; b++) v[a * q + b] = core.variance[sub[a] * k + sub[b]];
    }
    chisq = quadSolve(v, q, d);
    df = q;
  } else warnings.push(survivalMsg.oneGroup('log-rank'));
  const scores = options.trendScores ? Float64Array.from(options.trendScores) : Float64Array.from({ length: k }, (_, i) => i + 1);
  let num = 0, den = 0;
  for (let a = 0; a < k; a++) {
    num += scores[a] * (core.observed[a] - core.expected[a]);
    for (let b = 0; b < k; b++) den += scores[a] * scores[b] * core.variance[a * k + b];
  }
  const tchisq = den > 0 ? (num * num) / den : NaN;
  return {
    groups: g.levels,
    ...core,
    chisq,
    df,
    p: df > 0 ? chisqUpper(chisq, df) : NaN,
    trend: { chisq: tchisq, p: chisqUpper(tchisq, 1), scores },
    rho,
    dropped: time.length - m,
    warnings,
  };
}

/**
 * Kernel: observed, expected and variance for group codes 0…k−1 (all present values valid).
 * Contract: arrays of equal length n; `strata` codes ≥ 0 when given. O(n log n + T·k²).
 */
export function logrankCore(
  time: Float64Array,
  event: Float64Array,
  group: Int32Array,
  k: number,
  strata: Int32Array | undefined,
  rho: number,
): { n: Int32Array; observed: Float64Array; expected: Float64Array; variance: Float64Array } {
  const n = time.length;
  const ord = orderAscending(time, event, strata);
  const nAll = new Int32Array(k), O = new Float64Array(k), E = new Float64Array(k), V = new Float64Array(k * k);
  const atRisk = new Float64Array(k), dg = new Float64Array(k), leave = new Float64Array(k);
  for (let i = 0; i < n; i++) nAll[group[i]]++;
  let start = 0;
  while (start < n) {
    // one stratum: [start, end)
    let end = start;
    const s0 = strata ? strata[ord[start]] : 0;
    while (end < n && (!strata || strata[ord[end]] === s0)) end++;
    atRisk.fill(0);
    for (let j = start; j < end; j++) atRisk[group[ord[j]]]++;
    let nr = end - start;
    let km = 1;
    let j = start;
    while (j < end) {
      const tj = time[ord[j]];
      dg.fill(0);
      leave.fill(0);
      let d = 0, l = 0;
      while (j < end && time[ord[j]] === tj) {
        const i = ord[j];
        leave[group[i]]++;
        l++;
        if (event[i]) {
          dg[group[i]]++;
          d++;
        }
        j++;
      }
      if (d > 0) {
        const w = rho === 0 ? 1 : Math.pow(km, rho);
        const vfac = nr > 1 ? (w * w * d * (nr - d)) / (nr - 1) : 0;
        for (let a = 0; a < k; a++) {
          O[a] += w * dg[a];
          E[a] += (w * d * atRisk[a]) / nr;
          const pa = atRisk[a] / nr;
          for (let b = 0; b < k; b++) V[a * k + b] += vfac * pa * ((a === b ? 1 : 0) - atRisk[b] / nr);
        }
        km *= 1 - d / nr;
      }
      for (let a = 0; a < k; a++) atRisk[a] -= leave[a];
      nr -= l;
    }
    start = end;
  }
  return { n: nAll, observed: O, expected: E, variance: V };
}
