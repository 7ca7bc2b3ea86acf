/**
 * Permutation null of the enrichment score for a gene-set size: `nperm` random sets of size k
 * from the same ranking (gene-set permutation, as fgseaSimple). Returns the counts needed for
 * nominal p-values and the means used for NES.
 */
import { rng } from '../core/random.js';
import { enrichmentScore } from './es.js';
import { SubsetSampler } from './sample.js';

export interface NullSummary {
  /** Null ES values (std score), for pooled FDR. */
  null: Float64Array;
  /** Mean of the null ES ≥ 0 and of the null ES ≤ 0. */
  meanPos: number;
  meanNeg: number;
  /** Count of null ES ≥ 0 and ≤ 0. */
  nPos: number;
  nNeg: number;
}

/** Null ES distribution for size k; stream chosen by the caller (e.g. the size) for determinism. */
export function esNull(stats: Float64Array, k: number, nperm: number, seed: number, stream: number, p = 1): NullSummary {
  const r = rng(seed, stream);
  const sampler = new SubsetSampler(stats.length, r);
  const buf = new Int32Array(k);
  const values = new Float64Array(nperm);
  let sPos = 0, sNeg = 0, nPos = 0, nNeg = 0;
  for (let i = 0; i < nperm; i++) {
    const es = enrichmentScore(stats, sampler.draw(buf), { p }).es;
    values[i] = es;
    if (es >= 0) {
      sPos += es;
      nPos++;
    }
    if (es <= 0) {
      sNeg += es;
      nNeg++;
    }
  }
  return { null: values, meanPos: nPos ? sPos / nPos : NaN, meanNeg: nNeg ? sNeg / nNeg : NaN, nPos, nNeg };
}

/** Number of null values at least as extreme as `es`, on its side of zero. */
export function moreExtreme(nul: Float64Array, es: number): number {
  let c = 0;
  if (es >= 0) {
    for (let i = 0; i < nul.length; i++) if (nul[i] >= es) c++;
  } else for (let i = 0; i < nul.length; i++) if (nul[i] <= es) c++;
  return c;
}

/**
 * Null ES distributions for several set sizes at once, sharing each permutation across sizes
 * (as fgsea): permutation b draws one random sequence of max(sizes) distinct genes, and the
 * random set of size k is its first k genes — a uniform k-subset. Genes are inserted one by one
 * into a sorted buffer, so each size costs one O(k) insertion step and one O(k) walk instead of a
 * fresh draw and sort. Nulls of different sizes are correlated within a permutation, which does
 * not bias any single set's p-value. Stream: `rng(seed, 0)`.
 */
export function esNullBySizes(stats: Float64Array, sizes: readonly number[], nperm: number, seed: number, p = 1): Map<number, NullSummary> {
  const uniq = [...new Set(sizes)].sort((a, b) => a - b);
  const out = new Map<number, NullSummary>();
  if (!uniq.length) return out;
  const n = stats.length;
  const maxK = uniq[uniq.length - 1];
  const r = rng(seed, 0);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = p === 1 ? Math.abs(stats[i]) : p === 0 ? 1 : Math.pow(Math.abs(stats[i]), p);
  const values = uniq.map(() => new Float64Array(nperm));
  const sorted = new Int32Array(maxK);
  for (let b = 0; b < nperm; b++) {
    let k = 0;
    let nr = 0;
    for (let s = 0; s < uniq.length; s++) {
      const target = uniq[s];
      while (k < target) {
        const j = k + r.int(n - k);
        const v = perm[j];
        perm[j] = perm[k];
        perm[k] = v;
        // binary search for the insertion point, then shift
        let lo = 0, hi = k;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sorted[mid] < v) lo = mid + 1;
          else hi = mid;
        }
        sorted.copyWithin(lo + 1, lo, k);
        sorted[lo] = v;
        nr += w[v];
        k++;
      }
      values[s][b] = esSorted(sorted, k, w, nr, n);
    }
  }
  uniq.forEach((k, s) => {
    const v = values[s];
    let sPos = 0, sNeg = 0, nPos = 0, nNeg = 0;
    for (const es of v) {
      if (es >= 0) { sPos += es; nPos++; }
      if (es <= 0) { sNeg += es; nNeg++; }
    }
    out.set(k, { null: v, meanPos: nPos ? sPos / nPos : NaN, meanNeg: nNeg ? sNeg / nNeg : NaN, nPos, nNeg });
  });
  return out;
}

/** `enrichmentScore` (std) on the first k entries of a sorted position buffer with precomputed weights. */
function esSorted(pos: Int32Array, k: number, w: Float64Array, nr: number, n: number): number {
  if (!(nr > 0) || k >= n) return NaN;
  const missStep = 1 / (n - k);
  const inv = 1 / nr;
  let cum = 0, top = -Infinity, bot = Infinity;
  for (let j = 0; j < k; j++) {
    const down = (pos[j] - j) * missStep;
    const before = cum * inv - down;
    if (before < bot) bot = before;
    cum += w[pos[j]];
    const after = cum * inv - down;
    if (after > top) top = after;
  }
  return top > -bot ? top : top < -bot ? bot : 0;
}
