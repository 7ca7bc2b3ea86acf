/**
 * Wilcoxon rank-sum (Mann–Whitney) statistic and p-value with R `wilcox.test(x, y)` semantics,
 * lean enough to run once per gene.
 *
 * W = Σ rank(x) − m(m+1)/2 (average ranks for ties). Exact p from the null distribution of W
 * when `exact` is 'auto' and m < 50 and n < 50 and there are no ties; otherwise the normal
 * approximation with the tie-corrected variance σ² = mn/12·((N+1) − Σ(t³−t)/(N(N−1))) and the
 * continuity correction (0.5·sign(W − mn/2) two-sided, +0.5 greater, −0.5 less).
 * Exact tails are summed on the small side from integer frequencies (no `1 − cdf`).
 * Complexity O(N log N) per call; the exact table costs O(m·n·mn) once per (m, n) and is cached.
 * Reference: Wilcoxon 1945 doi:10.2307/3001968; Mann & Whitney 1947 doi:10.1214/aoms/1177730491.
 * Oracle: R 4.2.2 `wilcox.test` (statistic, p.value) — test/stats/rank-sum.test.ts.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

export type Alternative = 'two.sided' | 'less' | 'greater';

export interface RankSumOptions {
  /** 'two.sided' (default), 'less' (x shifted below y) or 'greater'. */
  alternative?: Alternative;
  /** Exact p: 'auto' (default; m < 50 and n < 50 and no ties, as R), true (still needs no ties) or false. */
  exact?: boolean | 'auto';
  /** Continuity correction in the normal approximation. Default true. */
  correct?: boolean;
}

export interface RankSumResult {
  /** W = Σ rank(x) − m(m+1)/2 (NaN when a group is empty after dropping NaN). */
  statistic: number;
  pValue: number;
  /** Whether the exact null distribution was used. */
  exact: boolean;
  /** Non-missing sizes of x and y. */
  nx: number;
  ny: number;
  /** Whether tied values occurred. */
  ties: boolean;
}

const freqCache = new Map<string, Float64Array>();

/**
 * Frequencies of W under H0 for sizes m, n: entry k counts the m-subsets of ranks 1..m+n whose
 * W equals k (coefficients of the Gaussian binomial), by c(k; i, j) = c(k − j; i − 1, j) +
 * c(k; i, j − 1). Additions only, so no cancellation. Length m·n + 1.
 */
export function rankSumFrequencies(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const hit = freqCache.get(key);
  if (hit) return hit;
  const size = m * n + 1;
  // rows[i] holds c(·; i, j) for the current j; start with j = 0 (only W = 0).
  const rows: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const a = new Float64Array(size);
    a[0] = 1;
    rows.push(a);
  }
  for (let j = 1; j <= n; j++) {
    // c(k; i, j) = c(k − j; i − 1, j) + c(k; i, j − 1); update i ascending so rows[i-1] is at j.
    for (let i = 1; i <= m; i++) {
      const cur = rows[i];
      const left = rows[i - 1];
      const top = i * j;
      for (let k = top; k >= j; k--) cur[k] += left[k - j];
    }
  }
  const out = rows[m];
  if (freqCache.size > 64) freqCache.clear();
  freqCache.set(key, out);
  return out;
}

/** P(W ≤ q) (lower) or P(W ≥ q) (upper) under H0, summed on the requested side. */
export function rankSumTail(q: number, m: number, n: number, upper: boolean): number {
  const f = rankSumFrequencies(m, n);
  let total = 0;
  let tail = 0;
  for (let k = 0; k < f.length; k++) {
    total += f[k];
    if (upper ? k >= q : k <= q) tail += f[k];
  }
  return tail / total;
}

function dropNaN(a: ArrayLike<number>): Float64Array {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i]) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i]) out[k++] = a[i];
  return out;
}

/** Rank-sum test of x against y; NaN values are dropped. */
export function rankSumTest(xIn: ArrayLike<number>, yIn: ArrayLike<number>, options: RankSumOptions = {}): RankSumResult {
  const alternative = options.alternative ?? 'two.sided';
  const correct = options.correct ?? true;
  const x = dropNaN(xIn);
  const y = dropNaN(yIn);
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) return { statistic: NaN, pValue: NaN, exact: false, nx: m, ny: n, ties: false };
  const N = m + n;
  const all = new Float64Array(N);
  all.set(x, 0);
  all.set(y, m);
  const order = new Uint32Array(N);
  for (let i = 0; i < N; i++) order[i] = i;
  order.sort((a, b) => all[a] - all[b]);
  let rx = 0;
  let tieSum = 0;
  for (let i = 0; i < N; ) {
    let j = i + 1;
    const v = all[order[i]];
    while (j < N && all[order[j]] === v) j++;
    const t = j - i;
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k] < m) rx += r;
    if (t > 1) tieSum += t * t * t - t;
    i = j;
  }
  const W = rx - (m * (m + 1)) / 2;
  const ties = tieSum > 0;
  const wantExact = options.exact === undefined || options.exact === 'auto' ? m < 50 && n < 50 : options.exact;
  if (wantExact && !ties) {
    let p: number;
    if (alternative === 'two.sided') {
      p = W > (m * n) / 2 ? rankSumTail(W, m, n, true) : rankSumTail(W, m, n, false);
      p = Math.min(1, 2 * p);
    } else if (alternative === 'greater') p = rankSumTail(W, m, n, true);
    else p = rankSumTail(W, m, n, false);
    return { statistic: W, pValue: p, exact: true, nx: m, ny: n, ties };
  }
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  let z = W - (m * n) / 2;
  let corr = 0;
  if (correct) corr = alternative === 'two.sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  z = (z - corr) / sigma;
  let p: number;
  if (!(sigma > 0)) p = NaN;
  else if (alternative === 'two.sided') p = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  else if (alternative === 'greater') p = normalCdf(-z, 0, 1);
  else p = normalCdf(z, 0, 1);
  return { statistic: W, pValue: p, exact: false, nx: m, ny: n, ties };
}
