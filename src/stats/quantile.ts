/**
 * R's `quantile(x, prob, type = 7)` of values sorted increasingly: with h = (n − 1)·prob and
 * j = ⌊h + 4ε⌋, Q = x₍ⱼ₎ + (h − j)·(x₍ⱼ₊₁₎ − x₍ⱼ₎), the interpolation skipped when h − j ≤ 4ε
 * (R's fuzz, so a product such as 0.9·(n − 1) that falls just below an integer lands on it).
 * NaN for no values. O(1).
 * Reference: Hyndman & Fan 1996, doi:10.1080/00031305.1996.10473566 (definition 7).
 * Checked against R 4.2.2 `quantile` through the limma trend knots, the robust prior's Winsorizing
 * bounds and the median cut-point (test/de, test/survival).
 */
export function quantileSorted(sorted: ArrayLike<number>, prob: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * prob;
  const lo = Math.floor(h + 4 * Number.EPSILON);
  const hi = Math.min(n - 1, lo + 1);
  const frac = h - lo;
  return frac <= 4 * Number.EPSILON ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}
