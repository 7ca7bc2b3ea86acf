/**
 * Over-representation analysis: for each gene set, the hypergeometric upper tail
 * P(X ≥ x) with X ~ Hypergeometric(N, K, n): N genes in the universe, K of them in the set, n
 * query genes in the universe, x query genes in the set. Query and set genes outside the universe
 * are ignored (reported). Tail summed in log space from x upward (never 1 − cdf). BH `padj`.
 * O(Σ set sizes + sets · min(K, n)). Checked against R `phyper(x − 1, K, N − K, n, lower.tail = FALSE)`.
 */
import type { GeneSet } from '../core/gene-set.js';
import binomcoefln from '@stdlib/math-base-special-binomcoefln';
import { pAdjust } from '../stats/p-adjust.js';

export interface OraResult {
  pathway: string[];
  overlap: Int32Array;
  setSize: Int32Array;
  querySize: number;
  universeSize: number;
  expected: Float64Array;
  foldEnrichment: Float64Array;
  pval: Float64Array;
  padj: Float64Array;
  genes: string[][];
  warnings: string[];
}

/** log P(X = x) for the hypergeometric distribution. */
function logDhyper(x: number, N: number, K: number, n: number): number {
  return binomcoefln(K, x) + binomcoefln(N - K, n - x) - binomcoefln(N, n);
}

/** Upper tail P(X ≥ x). */
export function hypergeometricUpper(x: number, N: number, K: number, n: number): number {
  const hi = Math.min(K, n);
  if (x <= Math.max(0, n - (N - K))) return 1;
  const lo = x;
  if (lo > hi) return 0;
  const first = logDhyper(lo, N, K, n);
  let sum = 1;
  let term = 1;
  for (let k = lo; k < hi; k++) {
    // ratio P(k+1)/P(k)
    term *= ((K - k) * (n - k)) / ((k + 1) * (N - K - n + k + 1));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(first + Math.log(sum)));
}

export function ora(query: readonly string[], sets: readonly GeneSet[], options: { universe?: readonly string[]; minSize?: number } = {}): OraResult {
  const warnings: string[] = [];
  const universe = new Set(options.universe ?? sets.flatMap((s) => s.genes));
  const q = new Set(query.filter((g) => universe.has(g)));
  const dropped = new Set(query).size - q.size;
  if (dropped > 0) warnings.push(`${dropped} query gene(s) are not in the universe and were ignored`);
  const N = universe.size;
  const n = q.size;
  const kept = sets.filter((s) => s.genes.filter((g) => universe.has(g)).length >= (options.minSize ?? 1));
  const res: OraResult = {
    pathway: kept.map((s) => s.id), overlap: new Int32Array(kept.length), setSize: new Int32Array(kept.length), querySize: n,
    universeSize: N, expected: new Float64Array(kept.length), foldEnrichment: new Float64Array(kept.length),
    pval: new Float64Array(kept.length), padj: new Float64Array(kept.length), genes: [], warnings,
  };
  kept.forEach((s, i) => {
    const inU = [...new Set(s.genes.filter((g) => universe.has(g)))];
    const hits = inU.filter((g) => q.has(g));
    const K = inU.length;
    res.setSize[i] = K;
    res.overlap[i] = hits.length;
    res.expected[i] = (K * n) / N;
    res.foldEnrichment[i] = hits.length / res.expected[i];
    res.pval[i] = hypergeometricUpper(hits.length, N, K, n);
    res.genes.push(hits);
  });
  res.padj = pAdjust(res.pval, { method: 'BH' });
  return res;
}
