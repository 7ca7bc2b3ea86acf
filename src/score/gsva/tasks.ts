/**
 * The blocks gsva() and ssgsea() hand to the executor. Each task reads shared inputs and writes
 * its own disjoint slice of a shared output, so results do not depend on how many workers run
 * them. Block boundaries are fixed by the caller from the matrix shape and `blockSize` only.
 */
import { kernelBlock, type Kcdf } from './kernel.js';
import { decreasingPositions, rankScratch, ssgseaRanks } from './rank.js';
import { positionWeights, walkScore } from './walk.js';
import { rankWeights, ssgseaSetScore } from './ssgsea-score.js';

/** Kernel statistics for kept genes g0…g1 (see kernel.ts). */
export function gsvaKernelTask(
  x: Float64Array, nSamples: number, rows: Int32Array, g0: number, g1: number,
  kcdf: Kcdf, exact: boolean, stat: Float64Array,
): void {
  kernelBlock(x, nSamples, rows, g0, g1, kcdf, exact, stat);
}

/**
 * Copy samples s0…s1 of a genes × samples matrix into `col` (samples × genes of the block),
 * reading each gene's row once (contiguous).
 */
function gatherColumns(
  m: Float64Array, nGenes: number, nSamples: number, s0: number, s1: number, col: Float64Array,
): void {
  for (let g = 0; g < nGenes; g++) {
    const base = g * nSamples;
    for (let s = s0; s < s1; s++) col[(s - s0) * nGenes + g] = m[base + s];
  }
}

/**
 * GSVA walks for samples s0…s1: rank each sample's statistics and score every set.
 * `setOffsets`/`setRows`: set i holds kept-gene indices setRows[setOffsets[i] … setOffsets[i+1]).
 * Writes scores[set·nSamples + sample].
 */
export function gsvaWalkTask(
  stat: Float64Array, nGenes: number, nSamples: number, s0: number, s1: number,
  setOffsets: Int32Array, setRows: Int32Array, tau: number, maxDiff: boolean, absRanking: boolean,
  scores: Float64Array,
): void {
  const nb = s1 - s0;
  const col = new Float64Array(nb * nGenes);
  gatherColumns(stat, nGenes, nSamples, s0, s1, col);
  const scratch = rankScratch(nGenes);
  const pos = new Int32Array(nGenes);
  const w = positionWeights(nGenes, tau);
  const nSets = setOffsets.length - 1;
  let maxK = 0;
  for (let i = 0; i < nSets; i++) maxK = Math.max(maxK, setOffsets[i + 1] - setOffsets[i]);
  const p = new Int32Array(maxK);
  for (let s = s0; s < s1; s++) {
    decreasingPositions(col.subarray((s - s0) * nGenes, (s - s0 + 1) * nGenes), nGenes, pos, scratch);
    for (let i = 0; i < nSets; i++) {
      const r0 = setOffsets[i];
      const K = setOffsets[i + 1] - r0;
      for (let a = 0; a < K; a++) p[a] = pos[setRows[r0 + a]];
      const pk = p.subarray(0, K);
      pk.sort();
      scores[i * nSamples + s] = walkScore(pk, K, nGenes, w, maxDiff, absRanking);
    }
  }
}

/** ssGSEA scores (before normalisation) for samples s0…s1 of the genes × samples matrix `x`. */
export function ssgseaTask(
  x: Float64Array, nGenes: number, nSamples: number, s0: number, s1: number,
  setOffsets: Int32Array, setRows: Int32Array, alpha: number, scores: Float64Array,
): void {
  const nb = s1 - s0;
  const col = new Float64Array(nb * nGenes);
  gatherColumns(x, nGenes, nSamples, s0, s1, col);
  const scratch = rankScratch(nGenes);
  const rank = new Int32Array(nGenes);
  const pos = new Int32Array(nGenes);
  const rw = rankWeights(nGenes, alpha);
  const nSets = setOffsets.length - 1;
  for (let s = s0; s < s1; s++) {
    ssgseaRanks(col.subarray((s - s0) * nGenes, (s - s0 + 1) * nGenes), nGenes, rank, pos, scratch);
    for (let i = 0; i < nSets; i++) {
      scores[i * nSamples + s] = ssgseaSetScore(setRows, setOffsets[i], setOffsets[i + 1], nGenes, rank, pos, rw);
    }
  }
}
