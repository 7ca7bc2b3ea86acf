/**
 * Maximally selected log-rank statistics (Lausen & Schumacher 1992, doi:10.2307/2532300) for the
 * optimal cut-point of a continuous marker, with p-values corrected for the search.
 *
 * Log-rank scores with Hothorn & Lausen's (2003, doi:10.1016/S0167-9473(02)00225-6) handling of
 * ties: aᵢ = δᵢ − Σ_{j: tⱼ ≤ tᵢ} δⱼ/(n − γⱼ + 1), γⱼ = #{k: tₖ ≤ tⱼ}. For each candidate
 * cut c (a distinct marker value with ⌊n·minprop⌋ ≤ m ≤ ⌊n·maxprop⌋, m = #{x ≤ c} < n):
 *   S = Σ_{x ≤ c} a,  E = m·ā,  V = m(n − m)/(n²(n − 1))·(nΣa² − (Σa)²),  Z(c) = |S − E|/√V.
 * M = max Z(c); the estimated cut-point is the first c reaching M (group "low" is x ≤ c).
 * p-values:
 *   Lau92 (Lausen & Schumacher 1992; Miller & Siegmund 1982):
 *     φ(M)(M − 1/M)·log(ε₂(1−ε₁)/((1−ε₂)ε₁)) + 4φ(M)/M
 *   Lau94 (Lausen, Sauerbrei & Schumacher 1994, improved Bonferroni):
 *     2(1 − Φ(M)) + Σᵢ (1/π)·e^{−M²/2}·(tᵢ − (M²/4 − 1)·tᵢ³/6),
 *     tᵢ = √(1 − mᵢ(n − mᵢ₊₁)/((n − mᵢ)mᵢ₊₁)) over consecutive candidate sizes mᵢ.
 *     Both are approximations and are reported as computed (they may leave [0, 1] for extreme M).
 *   condMC: permutations of the scores (seeded, `rng(seed, 0)`), p = (#{M* ≥ M}) / B.
 * O(n log n + B·n). Checked against maxstat 0.7-25 `maxstat.test(smethod = "LogRank")` (cut-point,
 * statistic at every cut, Lau92 and Lau94 p-values).
 */
import { rng } from '../core/random.js';
import { dnorm, pnorm } from './dist.js';
import { orderAscending } from './order.js';

/** Log-rank scores (Hothorn–Lausen ties). O(n log n). */
export function logrankScores(time: Float64Array, event: ArrayLike<number>): Float64Array {
  const n = time.length;
  const ord = orderAscending(time, event);
  const a = new Float64Array(n);
  let cum = 0, j = 0;
  while (j < n) {
    const tj = time[ord[j]];
    let k = j, d = 0;
    while (k < n && time[ord[k]] === tj) d += event[ord[k++]] ? 1 : 0;
    cum += d / (n - k + 1);
    for (let q = j; q < k; q++) a[ord[q]] = (event[ord[q]] ? 1 : 0) - cum;
    j = k;
  }
  return a;
}

export interface MaxstatOptions {
  /** Smallest share of subjects in the low group, default 0.1, in [0, 0.5]. */
  minprop?: number;
  /** Largest share of subjects in the low group, default 0.9, in [0.5, 1]. */
  maxprop?: number;
  /** Conditional Monte Carlo permutations; 0 (default) skips them. */
  permutations?: number;
  /** Seed of the permutations (default 42). */
  seed?: number;
}

export interface MaxstatResult {
  /** Candidate cut-points (ascending) and their standardised statistics. */
  cuts: Float64Array;
  stats: Float64Array;
  /** Size of the low group (x ≤ cut) at each candidate. */
  m: Int32Array;
  statistic: number;
  cutpoint: number;
  pLau92: number;
  pLau94: number;
  pCondMC: number;
  n: number;
  params: { minprop: number; maxprop: number; permutations: number; seed: number };
}

/** Max-stat search over complete data (time, event 1/0, marker x; no NaN). */
export function maxstatCore(time: Float64Array, event: ArrayLike<number>, x: Float64Array, opts: Required<MaxstatOptions>): MaxstatResult {
  const n = time.length;
  const a = logrankScores(time, event);
  const ord = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => x[p] - x[q] || p - q);
  let sa = 0, sa2 = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sa2 += a[i] * a[i];
  }
  const vfac = (n * sa2 - sa * sa) / (n * n * (n - 1));
  // candidate boundaries: last index of each distinct value
  const bounds: number[] = [];
  const lo = Math.max(1, Math.floor(n * opts.minprop)), hi = Math.floor(n * opts.maxprop);
  for (let j = 0; j < n; j++) {
    if (j + 1 < n && x[ord[j + 1]] === x[ord[j]]) continue;
    const m = j + 1;
    if (m >= lo && m <= hi && m < n) bounds.push(j);
  }
  const cuts = new Float64Array(bounds.length), stats = new Float64Array(bounds.length), msz = new Int32Array(bounds.length);
  const scan = (scores: Float64Array, out: Float64Array | null): number => {
    let s = 0, b = 0, best = -Infinity;
    for (let j = 0; j < n && b < bounds.length; j++) {
      s += scores[ord[j]];
      if (j === bounds[b]) {
        const m = j + 1;
        const z = Math.abs(s - (m * sa) / n) / Math.sqrt(m * (n - m) * vfac);
        if (out) out[b] = z;
        if (z > best) best = z;
        b++;
      }
    }
    return best;
  };
  const M = bounds.length ? scan(a, stats) : NaN;
  let cutpoint = NaN;
  bounds.forEach((j, b) => {
    cuts[b] = x[ord[j]];
    msz[b] = j + 1;
    if (Number.isNaN(cutpoint) && stats[b] === M) cutpoint = cuts[b];
  });
  let pCondMC = NaN;
  if (opts.permutations > 0 && bounds.length) {
    const r = rng(opts.seed, 0);
    const perm = Float64Array.from(a);
    let hits = 0;
    for (let k = 0; k < opts.permutations; k++) {
      r.shuffle(perm);
      if (scan(perm, null) >= M * (1 - 1e-12)) hits++;
    }
    pCondMC = hits / opts.permutations;
  }
  return {
    cuts, stats, m: msz, statistic: M, cutpoint,
    pLau92: pLausen92(M, opts.minprop, opts.maxprop),
    pLau94: pLausen94(M, n, msz),
    pCondMC, n,
    params: { ...opts },
  };
}

/** Lausen & Schumacher (1992) approximation; see the module comment. */
export function pLausen92(b: number, minprop: number, maxprop: number): number {
  if (!Number.isFinite(b)) return NaN;
  const db = dnorm(b);
  return 4 * (db / b) + db * (b - 1 / b) * Math.log((maxprop * (1 - minprop)) / ((1 - maxprop) * minprop));
}

/** Lausen, Sauerbrei & Schumacher (1994) improved Bonferroni bound; `m` = candidate group sizes. */
export function pLausen94(b: number, n: number, m: ArrayLike<number>): number {
  if (!Number.isFinite(b)) return NaN;
  let D = 0;
  const e = Math.exp((-b * b) / 2) / Math.PI;
  for (let i = 0; i + 1 < m.length; i++) {
    const m1 = m[i], m2 = m[i + 1];
    const t = Math.sqrt(1 - (m1 * (n - m2)) / ((n - m1) * m2));
    D += e * (t - ((b * b) / 4 - 1) * (t * t * t) / 6);
  }
  return 2 * pnorm(-b) + D;
}
