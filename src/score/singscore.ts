/**
 * singscore (Foroutan et al. 2018): rank-based single-sample score. In each sample the N genes
 * are ranked by increasing expression (ties take the minimum rank); up-set genes use these
 * ranks, down-set genes the ranks by decreasing expression. For a set of k genes with mean rank
 * S, the theoretical bounds are S_min = (k+1)/2 and S_max = (2N−k+1)/2, and the normalised
 * score is (S − S_min)/(S_max − S_min) ∈ [0, 1]; with `center` 0.5 is subtracted.
 * With a down set the total is up + down (centred: ∈ [−1, 1]; uncentred: their mean ∈ [0, 1]).
 * Dispersion: the median absolute deviation of the set's ranks (scaled by 1.4826, as R's `mad`)
 * divided by S_max − S_min; with a down set the mean of the two. NaN values are not ranked and
 * make the sample's score NaN when they fall in the set.
 *
 * Per sample, after one transpose of the matrix. O(N·n + n·(N log N + K log N)).
 * Reference: Foroutan M, Bhuva DD, Lyu R, Horan K, Cursons J, Davis MJ. Single sample scoring of
 * molecular phenotypes. BMC Bioinformatics 2018;19:404. doi:10.1186/s12859-018-2435-4
 * Checked against hand-ranked toy matrices (test/score/singscore.test.ts).
 */
import { transpose, type Matrix } from '../core/matrix.js';

export interface SingscoreOptions {
  /** Subtract 0.5 from each normalised part. Default true. */
  center?: boolean;
}

export interface SingscoreSet {
  up: Int32Array;
  /** Down-set rows; empty or undefined for an undirected set. */
  down?: Int32Array;
}

/** Number of elements of sorted `a[0..len)` that are < v (lower bound). */
function countLess(a: Float64Array, len: number, v: number): number {
  let lo = 0, hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Number of elements of sorted `a[0..len)` that are ≤ v (upper bound). */
function countLessEq(a: Float64Array, len: number, v: number): number {
  let lo = 0, hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mad(r: Float64Array, len: number, scratch: Float64Array): number {
  const s = scratch.subarray(0, len);
  s.set(r.subarray(0, len));
  s.sort();
  const med = len % 2 ? s[len >> 1] : (s[(len >> 1) - 1] + s[len >> 1]) / 2;
  for (let i = 0; i < len; i++) s[i] = Math.abs(s[i] - med);
  s.sort();
  return 1.4826 * (len % 2 ? s[len >> 1] : (s[(len >> 1) - 1] + s[len >> 1]) / 2);
}

/** Scores and dispersions (sets × samples, each as one Float64Array per set). */
export function singscoreScores(
  x: Matrix,
  sets: readonly SingscoreSet[],
  options: SingscoreOptions = {},
): { scores: Float64Array[]; dispersions: Float64Array[] } {
  const center = options.center ?? true;
  const { nrow: N0, ncol: n } = x;
  // Samples × genes, so each sample's values are contiguous (one blocked transpose, O(N·n)).
  const t = transpose(x).data;
  const scores = sets.map(() => new Float64Array(n));
  const dispersions = sets.map(() => new Float64Array(n));
  const col = new Float64Array(N0);
  const maxK = sets.reduce((m, s) => Math.max(m, s.up.length, s.down?.length ?? 0), 0);
  const ranks = new Float64Array(Math.max(1, maxK));
  const scratch = new Float64Array(Math.max(1, maxK));
  for (let j = 0; j < n; j++) {
    let N = 0;
    for (let i = 0, o = j * N0; i < N0; i++, o++) {
      const v = t[o];
      if (v === v) col[N++] = v;
    }
    const sorted = col.subarray(0, N).sort();
    const part = (rows: Int32Array, up: boolean): [number, number] => {
      const k = rows.length;
      let s = 0;
      for (let a = 0; a < k; a++) {
        const v = t[j * N0 + rows[a]];
        if (v !== v) return [NaN, NaN];
        const r = up ? countLess(sorted, N, v) + 1 : N - countLessEq(sorted, N, v) + 1;
        ranks[a] = r;
        s += r;
      }
      const lo = (k + 1) / 2;
      const hi = (2 * N - k + 1) / 2;
      const range = hi - lo;
      const score = range > 0 ? (s / k - lo) / range : NaN;
      return [center ? score - 0.5 : score, range > 0 ? mad(ranks, k, scratch) / range : NaN];
    };
    for (let t = 0; t < sets.length; t++) {
      const set = sets[t];
      const [su, du] = part(set.up, true);
      if (set.down && set.down.length) {
        const [sd, dd] = part(set.down, false);
        scores[t][j] = center ? su + sd : (su + sd) / 2;
        dispersions[t][j] = (du + dd) / 2;
      } else {
        scores[t][j] = su;
        dispersions[t][j] = du;
      }
    }
  }
  return { scores, dispersions };
}
