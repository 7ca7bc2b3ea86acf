/**
 * Order statistics without a full sort, for the trims and quantiles of the count normalisations.
 *
 * `selectInPlace` is Hoare's FIND (quickselect, C. A. R. Hoare 1961, doi:10.1145/366622.366647)
 * with the middle element as pivot: expected O(n), and after it a[lo..k−1] ≤ a[k] ≤ a[k+1..hi].
 * If the partitioning has not converged after 2·log₂(n) + 8 rounds (adversarial orders), the
 * remaining range is sorted natively, so the worst case is O(n log n).
 *
 * `rankWindow` gives the value bounds of the elements whose average rank (ties averaged, as R's
 * `rank`) lies in [rLo, rHi]: average ranks are non-decreasing in the value, so the set is a value
 * interval, found from the rLo-th and rHi-th smallest values and the counts below and at them —
 * O(n) instead of the O(n log n) of ranking every element. Same selection as ranking, exactly.
 */

/** Moves the k-th smallest (0-based) of a[lo..hi] to a[k], partitioning around it; returns it. NaN-free input. */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      break;
    }
    const v = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < v) i++;
      while (a[j] > v) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** Smallest of a[lo..hi]. */
function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = Infinity;
  for (let i = lo; i <= hi; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * R's type-7 quantile of finite values (linear interpolation between order statistics
 * ⌊h⌋ and ⌊h⌋+1, h = (n−1)·prob). `work` is overwritten (length ≥ v.length); O(n).
 */
export function quantile7Select(v: Float64Array, prob: number, work: Float64Array = new Float64Array(v.length)): number {
  const n = v.length;
  if (n === 0) return NaN;
  const w = work.subarray(0, n);
  w.set(v);
  const h = (n - 1) * prob;
  const lo = Math.floor(h);
  const a = selectInPlace(w, lo);
  const b = lo + 1 < n ? minOf(w, lo + 1, n - 1) : a;
  return a + (h - lo) * (b - a);
}

/**
 * Value bounds [vMin, vMax] such that rank(v_i) ∈ [rLo, rHi] ⇔ vMin ≤ v_i ≤ vMax, where rank is
 * the average rank (1-based, ties averaged) and rLo, rHi are integers with 1 ≤ rLo, rHi ≤ n.
 * An empty window gives vMin > vMax. Finite input; `work` is overwritten (length ≥ n); O(n).
 */
export function rankWindow(v: Float64Array, rLo: number, rHi: number, work: Float64Array): [number, number] {
  const n = v.length;
  if (n === 0 || rHi < rLo) return [Infinity, -Infinity];
  const w = work.subarray(0, n);
  w.set(v);
  // lower bound: x = (rLo)-th smallest; values below x have average rank ≤ #{≤ them} ≤ rLo − 1
  const x = selectInPlace(w, rLo - 1);
  let below = 0;
  let le = 0;
  let above = Infinity;
  for (let i = 0; i < n; i++) {
    const t = v[i];
    if (t < x) below++;
    if (t <= x) le++;
    else if (t < above) above = t;
  }
  // x's own average rank may fall short of rLo when its ties reach below; then the next value up
  // starts the window (its average rank exceeds #{≤ x} ≥ rLo)
  const vMin = (below + 1 + le) / 2 >= rLo ? x : above;
  // upper bound: y = (rHi)-th smallest, searched in w[rLo−1..] which holds the values ≥ x
  const y = selectInPlace(w, rHi - 1, rLo - 1, n - 1);
  below = 0;
  le = 0;
  let under = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = v[i];
    if (t <= y) le++;
    if (t < y) {
      below++;
      if (t > under) under = t;
    }
  }
  const vMax = (below + 1 + le) / 2 <= rHi ? y : under;
  return [vMin, vMax];
}
