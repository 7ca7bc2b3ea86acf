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
