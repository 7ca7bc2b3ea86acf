/**
 * Kruskal–Wallis rank-sum test of k groups, as R `kruskal.test`:
 * H = [12/(N(N+1)) Σ R_g²/n_g − 3(N+1)] / [1 − Σ(t³−t)/(N³−N)], p = P(χ²_{k−1} > H).
 * Groups are integer codes (−1 or NaN values = missing, dropped). O(N log N).
 * Reference: Kruskal & Wallis 1952, doi:10.1080/01621459.1952.10483441.
 * Oracle: R 4.2.2 `kruskal.test` (statistic, parameter, p).
 */
import { averageRanks } from './ranks.js';
import { pchisqUpper } from './tails.js';
import { statsMsg } from './messages.js';

export interface KruskalResult {
  statistic: number;
  df: number;
  pValue: number;
  method: string;
  n: number;
  /** Number of non-empty groups. */
  groups: number;
  warnings: string[];
}

/** Kruskal–Wallis test of `x` across `group` codes (same length). */
export function kruskalTest(x: ArrayLike<number>, group: ArrayLike<number>, options: Record<string, never> = {}): KruskalResult {
  void options;
  const warnings: string[] = [];
  if (x.length !== group.length) throw new RangeError(statsMsg.lengthMismatch('kruskal', x.length, group.length));
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && group[i] >= 0 && !Number.isNaN(group[i])) keep.push(i);
  const N = keep.length;
  const v = new Float64Array(N);
  const codes = new Map<number, number>();
  const g = new Int32Array(N);
  keep.forEach((i, k) => {
    v[k] = x[i];
    let c = codes.get(group[i]);
    if (c === undefined) codes.set(group[i], (c = codes.size));
    g[k] = c;
  });
  const k = codes.size;
  const res: KruskalResult = { statistic: NaN, df: k - 1, pValue: NaN, method: 'Kruskal-Wallis rank sum test', n: N, groups: k, warnings };
  if (k < 2) {
    warnings.push(statsMsg.tooFew('kruskal', k, 2).replace('complete observation(s)', 'group(s)'));
    return res;
  }
  const { ranks, tieSum } = averageRanks(v);
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < N; i++) {
    sums[g[i]] += ranks[i];
    counts[g[i]]++;
  }
  let s = 0;
  for (let j = 0; j < k; j++) s += (sums[j] * sums[j]) / counts[j];
  const denom = 1 - tieSum / (N * N * N - N);
  if (!(denom > 0)) {
    warnings.push(statsMsg.constantData('kruskal'));
    return res;
  }
  const H = ((12 * s) / (N * (N + 1)) - 3 * (N + 1)) / denom;
  res.statistic = H;
  res.pValue = pchisqUpper(H, k - 1);
  return res;
}
