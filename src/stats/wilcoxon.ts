/**
 * Two-sample Wilcoxon rank-sum (Mann–Whitney) test with the AUC and the Hodges–Lehmann shift,
 * with R `wilcox.test(x, y, conf.int = TRUE)` semantics:
 * W = Σ rank(x) − m(m+1)/2; exact p (two-sided, doubled smaller tail) when m < 50, n < 50 and no
 * ties, otherwise the normal approximation with tie-corrected variance
 * σ² = mn/12·((N+1) − Σ(t³−t)/(N(N−1))) and continuity correction 0.5·sign(W − mn/2).
 * AUC = W/(mn) = P(X > Y) + ½P(X = Y). Shift: exact case, the median of the mn Walsh
 * differences xᵢ − yⱼ with the CI from `qwilcox` order statistics; approximate case, the root in
 * d of the standardised statistic of (x − d, y) (Brent, tol 1e-4, as R), and the CI from the roots
 * at ±z_{1−α/2} (the continuity correction applies to the CI, not to the estimate). Complexity O(N log N) for the test, O(mn log mn) (exact) or
 * O(N log N · iterations) for the shift.
 * References: Wilcoxon 1945 doi:10.2307/3001968; Hodges & Lehmann 1963
 * doi:10.1214/aoms/1177704172; Bauer 1972 doi:10.1080/01621459.1972.10481279.
 * Oracle: R 4.2.2 `wilcox.test` (statistic, p, estimate, conf.int).
 */
import { averageRanks } from './ranks.js';
import { qnorm, pnormTwoSided } from './tails.js';
import { rankSumTail, rankSumFrequencies } from './rank-sum.js';
import { uniroot } from './zeroin.js';
import { statsMsg } from './messages.js';

export interface WilcoxonOptions {
  /** Exact p when no ties: `'auto'` (m < 50 and n < 50, as R), `true` or `false`. Default 'auto'. */
  exact?: boolean | 'auto';
  /** Continuity correction in the normal approximation. Default true. */
  correct?: boolean;
  /** Compute the Hodges–Lehmann shift and its CI (costlier). Default true. */
  confInt?: boolean;
  /** Confidence level of the shift CI, in (0, 1). Default 0.95. */
  confLevel?: number;
}

export interface WilcoxonResult {
  /** W (Mann–Whitney U of x). */
  statistic: number;
  pValue: number;
  /** W / (m·n): probability that a random x exceeds a random y (ties count ½). */
  auc: number;
  /** Hodges–Lehmann location shift x − y and its CI (NaN when confInt is false). */
  shift: number;
  shiftLower: number;
  shiftUpper: number;
  exact: boolean;
  method: string;
  n: number;
  nx: number;
  ny: number;
  warnings: string[];
}

function finite(a: ArrayLike<number>): Float64Array {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i])) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i])) out[k++] = a[i];
  return out;
}

/** Rank-sum test of x against y (NaN values are dropped). */
export function wilcoxonTest(xIn: ArrayLike<number>, yIn: ArrayLike<number>, options: WilcoxonOptions = {}): WilcoxonResult {
  const correct = options.correct ?? true;
  const confInt = options.confInt ?? true;
  const confLevel = options.confLevel ?? 0.95;
  const x = finite(xIn);
  const y = finite(yIn);
  const m = x.length;
  const n = y.length;
  const warnings: string[] = [];
  const res: WilcoxonResult = {
    statistic: NaN, pValue: NaN, auc: NaN, shift: NaN, shiftLower: NaN, shiftUpper: NaN,
    exact: false, method: 'Wilcoxon rank sum test', n: m + n, nx: m, ny: n, warnings,
  };
  if (m === 0 || n === 0) {
    warnings.push(statsMsg.emptyGroup('wilcoxon'));
    return res;
  }
  const N = m + n;
  const all = new Float64Array(N);
  all.set(x, 0);
  all.set(y, m);
  const { ranks, tieSum, hasTies } = averageRanks(all);
  let rx = 0;
  for (let i = 0; i < m; i++) rx += ranks[i];
  const W = rx - (m * (m + 1)) / 2;
  res.statistic = W;
  res.auc = W / (m * n);
  const exactWanted = options.exact === undefined || options.exact === 'auto' ? m < 50 && n < 50 : options.exact;
  const exact = exactWanted && !hasTies;
  if (exactWanted && hasTies) warnings.push(statsMsg.tiesNoExact('wilcoxon'));
  res.exact = exact;
  res.pValue = rankSumPValue(W, m, n, tieSum, { exact, correct });
  const alpha = 1 - confLevel;
  if (exact) {
    res.method = 'Wilcoxon rank sum exact test';
    if (confInt) {
      const d = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) d[i * n + j] = x[i] - y[j];
      d.sort();
      let qu = qwilcox(alpha / 2, m, n);
      if (qu === 0) qu = 1;
      const ql = m * n - qu;
      res.shiftLower = d[qu - 1];
      res.shiftUpper = d[ql];
      const k = d.length;
      res.shift = k % 2 ? d[(k - 1) / 2] : (d[k / 2 - 1] + d[k / 2]) / 2;
    }
  } else {
    res.method += ' with continuity correction';
    if (!correct) res.method = 'Wilcoxon rank sum test';
    if (Number.isNaN(res.pValue)) warnings.push(statsMsg.constantData('wilcoxon'));
    else if (confInt) hodgesLehmannApprox(x, y, correct, alpha, res);
  }
  return res;
}

/** Standardised rank-sum of (x − d) against y, minus zq (R's approach for the CI with ties). */
function hodgesLehmannApprox(x: Float64Array, y: Float64Array, correct: boolean, alpha: number, res: WilcoxonResult): void {
  const m = x.length;
  const n = y.length;
  const N = m + n;
  const buf = new Float64Array(N);
  const wdiff = (d: number, zq: number, correctCi = correct): number => {
    for (let i = 0; i < m; i++) buf[i] = x[i] - d;
    buf.set(y, m);
    const { ranks, tieSum } = averageRanks(buf);
    let s = 0;
    for (let i = 0; i < m; i++) s += ranks[i];
    const dz = s - (m * (m + 1)) / 2 - (m * n) / 2;
    const corr = correctCi ? Math.sign(dz) * 0.5 : 0;
    const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
    return (dz - corr) / sigma - zq;
  };
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
  for (let i = 0; i < m; i++) { xmin = Math.min(xmin, x[i]); xmax = Math.max(xmax, x[i]); }
  for (let j = 0; j < n; j++) { ymin = Math.min(ymin, y[j]); ymax = Math.max(ymax, y[j]); }
  const mumin = xmin - ymax;
  const mumax = xmax - ymin;
  const root = (zq: number): number => {
    const fl = wdiff(mumin, zq);
    const fu = wdiff(mumax, zq);
    if (fl <= 0) return mumin;
    if (fu >= 0) return mumax;
    return uniroot((d) => wdiff(d, zq), mumin, mumax, 1e-4).root;
  };
  res.shiftLower = root(qnorm(1 - alpha / 2));
  res.shiftUpper = root(qnorm(alpha / 2));
  const f = (d: number): number => wdiff(d, 0, false); // R estimates the shift without the correction
  const fl = f(mumin);
  const fu = f(mumax);
  res.shift = fl * fu > 0 ? NaN : uniroot(f, mumin, mumax, 1e-4).root;
}

/** Smallest q with P(W ≤ q) ≥ p under H0 (R's `qwilcox`, with its 10ε fuzz). */
export function qwilcox(p: number, m: number, n: number): number {
  const f = rankSumFrequencies(m, n);
  let total = 0;
  for (let k = 0; k < f.length; k++) total += f[k];
  const target = p - 10 * 2.220446049250313e-16;
  let run = 0;
  for (let k = 0; k < f.length; k++) {
    run += f[k] / total;
    if (run >= target) return k;
  }
  return f.length - 1;
}

/**
 * Two-sided rank-sum p from W = Σ rank(x) − m(m+1)/2 and the pooled tie term: exact (null
 * distribution of `rank-sum.ts`, smaller tail doubled) when `exact` and no ties, else the
 * normal approximation with tie-corrected variance and continuity correction (as R).
 */
export function rankSumPValue(W: number, m: number, n: number, tieSum: number, o: { exact: boolean; correct: boolean }): number {
  if (o.exact && tieSum === 0) return Math.min(1, 2 * (W > (m * n) / 2 ? rankSumTail(W, m, n, true) : rankSumTail(W, m, n, false)));
  const N = m + n;
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  const d = W - (m * n) / 2;
  const z = (d - (o.correct ? Math.sign(d) * 0.5 : 0)) / sigma;
  return sigma > 0 ? pnormTwoSided(z) : NaN;
}
