/**
 * Null distribution of Spearman's S = Σ(rank differences)², as R's `cor.test(method =
 * "spearman", exact = TRUE)`: P(S ≥ s) by enumerating all n! permutations for n ≤ 9, and by the
 * Edgeworth series of AS 89 for larger n (Best & Roberts 1975, "Algorithm AS 89: the upper tail
 * probabilities of Spearman's rho", Applied Statistics 24:377, doi:10.2307/2347111).
 * Enumeration O(n!·n) (≤ 3.3 million permutations), series O(1).
 */
import { pnormUpper } from './tails.js';

const C = [0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932, 0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4];

const exactCache = new Map<number, Float64Array>();

/** Frequencies of S over all permutations of 1..n (index S/2, S is always even). */
function exactCounts(n: number): Float64Array {
  const hit = exactCache.get(n);
  if (hit) return hit;
  const maxS = (n * n * n - n) / 3;
  const counts = new Float64Array(maxS / 2 + 1);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const used = new Uint8Array(n);
  const rec = (pos: number, s: number): void => {
    if (pos === n) {
      counts[s / 2]++;
      return;
    }
    for (let v = 0; v < n; v++) {
      if (used[v]) continue;
      used[v] = 1;
      perm[pos] = v;
      rec(pos + 1, s + (v - pos) * (v - pos));
      used[v] = 0;
    }
  };
  rec(0, 0);
  exactCache.set(n, counts);
  return counts;
}

/**
 * P(S ≥ is) (upper) or P(S < is) (lower) for sample size n, as AS 89.
 */
export function prho(is: number, n: number, lowerTail: boolean): number {
  let pv = lowerTail ? 0 : 1;
  if (n <= 1) return NaN;
  if (is <= 0) return pv;
  const n3 = (n * (n * n - 1)) / 3;
  if (is > n3) return 1 - pv;
  if (n <= 9) {
    const counts = exactCounts(n);
    let total = 0;
    let ge = 0;
    for (let k = 0; k < counts.length; k++) {
      total += counts[k];
      if (2 * k >= is) ge += counts[k];
    }
    return lowerTail ? (total - ge) / total : ge / total;
  }
  let js = is;
  if (js !== 2 * Math.floor(js / 2)) js += 1;
  const b = 1 / n;
  const x = ((6 * (js - 1) * b) / (n * n - 1) - 1) * Math.sqrt(1 / b - 1);
  let y = x * x;
  const u =
    x * b * (C[0] + b * (C[1] + C[2] * b) +
      y * (-C[3] + b * (C[4] + C[5] * b) - y * b * (C[6] + C[7] * b - y * (C[8] - C[9] * b + y * b * (C[10] - C[11] * y)))));
  y = u / Math.exp(y / 2);
  pv = y + pnormUpper(x);
  if (pv < 0) pv = 0;
  if (pv > 1) pv = 1;
  return lowerTail ? 1 - pv : pv;
}
