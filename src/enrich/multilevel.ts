/**
 * Adaptive multilevel Monte Carlo estimate of P(ES⁺ ≥ es) for a random gene set of size k
 * (Korotkevich et al., "Fast gene set enrichment analysis", bioRxiv 060012,
 * doi:10.1101/060012). A population of `sampleSize` random sets is pushed up level by level:
 * at each level the median score becomes the new threshold (each level halves the probability),
 * the sets below it are replaced by copies of sets above it, and every set is moved by
 * Metropolis swaps (one member for one non-member) that keep it above the threshold. When the
 * median passes `es`, the probability is 2^−levels × (fraction of the population ≥ es).
 *
 * Error of log2 p (as fgsea reports it): sqrt(⌊−log2 p + 1⌋ · (ψ₁((S+1)/2) − ψ₁(S+1))) / ln 2, ψ₁
 * the trigamma function. Cost O(levels · S · m · k) with m swaps per set and level.
 */
import { rng } from '../core/random.js';
import { enrichmentScore } from './es.js';
import { SubsetSampler } from './sample.js';
import { trigamma } from './trigamma.js';

export interface MultilevelOptions {
  /** Population size S. Default 101. */
  sampleSize?: number;
  /** Smallest probability estimated; below it the estimate stops at eps. Default 1e-50. */
  eps?: number;
  /** Weight exponent of the statistics. Default 1. */
  p?: number;
  seed: number;
  stream: number;
}

export interface MultilevelResult {
  p: number;
  log2err: number;
  /** True when the estimate stopped at eps. */
  belowEps: boolean;
  levels: number;
}

export function multilevelError(p: number, sampleSize: number): number {
  return Math.sqrt(Math.floor(-Math.log2(p) + 1) * (trigamma((sampleSize + 1) / 2) - trigamma(sampleSize + 1))) / Math.LN2;
}

/** P(ES⁺ ≥ es) for random k-subsets of a ranking with statistics `stats` (sorted decreasing). */
export function multilevelTail(stats: Float64Array, k: number, es: number, options: MultilevelOptions): MultilevelResult {
  const S = options.sampleSize ?? 101;
  const eps = options.eps ?? 1e-50;
  const pw = options.p ?? 1;
  const n = stats.length;
  const r = rng(options.seed, options.stream);
  const sampler = new SubsetSampler(n, r);
  const sets: Int32Array[] = [];
  const score = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    sets.push(sampler.draw(new Int32Array(k)));
    score[s] = enrichmentScore(stats, sets[s], { p: pw, scoreType: 'pos' }).es;
  }
  const order = new Int32Array(S);
  const swaps = Math.max(10, Math.round(k / 10));
  const trial = new Int32Array(k);
  const half = Math.floor(S / 2);
  let levels = 0;
  let log2p = 0;
  for (;;) {
    for (let s = 0; s < S; s++) order[s] = s;
    order.sort((a, b) => score[a] - score[b] || a - b);
    const threshold = score[order[half]];
    if (threshold >= es) {
      let ge = 0;
      for (let s = 0; s < S; s++) if (score[s] >= es) ge++;
      log2p += Math.log2(ge / S);
      break;
    }
    levels++;
    log2p -= 1;
    if (log2p < Math.log2(eps)) return { p: eps, log2err: NaN, belowEps: true, levels };
    // replace the lower half by copies of the upper half
    for (let a = 0; a < half; a++) {
      const dst = order[a];
      const src = order[half + r.int(S - half)];
      sets[dst].set(sets[src]);
      score[dst] = score[src];
    }
    // Metropolis moves that keep each set at or above the threshold
    for (let s = 0; s < S; s++) {
      const cur = sets[s];
      for (let m = 0; m < swaps; m++) {
        const out = r.int(k);
        const inPos = r.int(n);
        if (contains(cur, inPos)) continue;
        replaceSorted(cur, out, inPos, trial);
        const sc = enrichmentScore(stats, trial, { p: pw, scoreType: 'pos' }).es;
        if (sc >= threshold) {
          cur.set(trial);
          score[s] = sc;
        }
      }
    }
  }
  const p = Math.pow(2, log2p);
  return { p, log2err: multilevelError(p, S), belowEps: false, levels };
}

function contains(sorted: Int32Array, v: number): boolean {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === v) return true;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** out = sorted(cur without element at index `drop`, plus `add`). O(k). */
function replaceSorted(cur: Int32Array, drop: number, add: number, out: Int32Array): void {
  let w = 0;
  let placed = false;
  for (let i = 0; i < cur.length; i++) {
    if (i === drop) continue;
    if (!placed && add < cur[i]) {
      out[w++] = add;
      placed = true;
    }
    out[w++] = cur[i];
  }
  if (!placed) out[w++] = add;
}
