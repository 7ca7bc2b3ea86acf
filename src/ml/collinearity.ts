/**
 * Collinearity filter: covariates whose pairwise |Spearman ρ| (pairwise complete observations)
 * exceeds a threshold are linked; the connected components of that graph are the clusters
 * (single linkage: a chain of strongly correlated covariates forms one cluster). One
 * representative is kept per cluster by a stated rule: the first covariate of the cluster named
 * in `priority`; else the most complete (fewest missing values); else the highest variance;
 * else the first in input order. Correlations are computed on average ranks, O(v²·n log n)
 * for v covariates of n samples (ranks of each pair's complete cases).
 * Reference: Dormann et al. 2013, doi:10.1111/j.1600-0587.2012.07348.x (|r| > 0.7–0.9 rules).
 */
import { averageRanks } from '../stats/ranks.js';
import { pearsonR } from '../stats/correlation.js';

export interface CollinearityOptions {
  /** |ρ| above which two covariates are linked, in (0, 1]. Default 0.9. */
  threshold?: number;
  /** Covariate names preferred as representatives, most preferred first. Default []. */
  priority?: readonly string[];
  /** Minimum pairwise complete observations to compute ρ (fewer: not linked). Default 3. */
  minPairs?: number;
}

export interface CollinearityCluster {
  /** 1-based cluster number (clusters of one covariate included). */
  id: number;
  members: string[];
  representative: string;
  /** Which rule chose the representative. */
  rule: 'single' | 'priority' | 'most complete' | 'highest variance' | 'first';
  /** Largest |ρ| between the representative and another member (NaN for singletons). */
  maxAbsRho: number;
}

export interface CollinearityResult {
  /** Representatives, in input order: the covariates to keep. */
  keep: string[];
  /** Covariates dropped (each with its cluster's representative). */
  dropped: { name: string; representative: string; rho: number }[];
  clusters: CollinearityCluster[];
  /** v×v Spearman ρ (row-major, pairwise complete). */
  rho: Float64Array;
  params: { threshold: number; priority: string[] };
}

/** Spearman ρ of two columns on their pairwise complete observations. */
export function spearmanPairwise(a: ArrayLike<number>, b: ArrayLike<number>, minPairs = 3): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i] && b[i] === b[i]) n++;
  if (n < minPairs) return NaN;
  const x = new Float64Array(n), y = new Float64Array(n);
  n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === a[i] && b[i] === b[i]) { x[n] = a[i]; y[n++] = b[i]; }
  return pearsonR(averageRanks(x).ranks, averageRanks(y).ranks);
}

function stats(v: ArrayLike<number>): { complete: number; variance: number } {
  let n = 0, mean = 0, m2 = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  return { complete: n, variance: n > 1 ? m2 / (n - 1) : NaN };
}

/** Cluster `values[k]` (named `names[k]`) by |Spearman ρ| > threshold and pick representatives. */
export function collinearityFilter(values: readonly ArrayLike<number>[], names: readonly string[], options: CollinearityOptions = {}): CollinearityResult {
  const threshold = options.threshold ?? 0.9;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`option threshold must be > 0 and ≤ 1, got ${threshold}`);
  const priority = [...(options.priority ?? [])];
  const v = values.length;
  const rho = new Float64Array(v * v).fill(NaN);
  const parent = Int32Array.from({ length: v }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < v; i++) {
    rho[i * v + i] = 1;
    for (let j = i + 1; j < v; j++) {
      const r = spearmanPairwise(values[i], values[j], options.minPairs ?? 3);
      rho[i * v + j] = rho[j * v + i] = r;
      if (Math.abs(r) > threshold) {
        const a = find(i), b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < v; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const st = values.map(stats);
  const clusters: CollinearityCluster[] = [];
  const keepIdx: number[] = [];
  const dropped: CollinearityResult['dropped'] = [];
  for (const members of groups.values()) {
    let rep = members[0];
    let rule: CollinearityCluster['rule'] = 'single';
    if (members.length > 1) {
      const pr = priority.find((p) => members.some((m) => names[m] === p));
      if (pr !== undefined) {
        rep = members.find((m) => names[m] === pr)!;
        rule = 'priority';
      } else {
        const best = (key: (m: number) => number): number[] => {
          const mx = Math.max(...members.map(key));
          return members.filter((m) => key(m) === mx);
        };
        const byComplete = best((m) => st[m].complete);
        if (byComplete.length === 1) { rep = byComplete[0]; rule = 'most complete'; }
        else {
          const vk = (m: number): number => (Number.isNaN(st[m].variance) ? -Infinity : st[m].variance);
          const mx = Math.max(...byComplete.map(vk));
          const byVar = byComplete.filter((m) => vk(m) === mx);
          rep = byVar[0];
          rule = byVar.length === 1 ? 'highest variance' : 'first';
        }
      }
    }
    keepIdx.push(rep);
    let maxAbs = NaN;
    for (const m of members) {
      if (m === rep) continue;
      const r = rho[rep * v + m];
      if (!(Math.abs(r) <= maxAbs)) maxAbs = Math.abs(r);
      dropped.push({ name: names[m], representative: names[rep], rho: r });
    }
    clusters.push({ id: clusters.length + 1, members: members.map((m) => names[m]), representative: names[rep], rule, maxAbsRho: maxAbs });
  }
  keepIdx.sort((a, b) => a - b);
  return { keep: keepIdx.map((i) => names[i]), dropped, clusters, rho, params: { threshold, priority } };
}
