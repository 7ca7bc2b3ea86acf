/**
 * Per-gene two-group ranking metrics for phenotype GSEA (group A versus group B), as the Broad
 * GSEA defines them:
 * - `s2n`: (μA − μB)/(σA + σB), each σ the sample SD (n − 1) floored at 0.2·|μ| (0.2 when μ = 0);
 * - `t`: (μA − μB)/√(σA²/nA + σB²/nB) with the same floor;
 * - `diff`: μA − μB;  `log2ratio`: log2(μA/μB) (NaN unless both means are positive).
 * O(genes × samples). `labels[j]` is 1 for A, 0 for B, −1 to leave a sample out.
 */
import type { Matrix } from '../core/matrix.js';

export type RankMetric = 's2n' | 't' | 'diff' | 'log2ratio';

export function rankMetric(x: Matrix, labels: Int8Array | Int32Array, metric: RankMetric, out = new Float64Array(x.nrow)): Float64Array {
  const { nrow, ncol, data } = x;
  for (let i = 0; i < nrow; i++) {
    let sa = 0, sb = 0, na = 0, nb = 0;
    const base = i * ncol;
    for (let j = 0; j < ncol; j++) {
      const l = labels[j];
      const v = data[base + j];
      if (l === 1) {
        sa += v;
        na++;
      } else if (l === 0) {
        sb += v;
        nb++;
      }
    }
    const ma = sa / na;
    const mb = sb / nb;
    if (metric === 'diff') {
      out[i] = ma - mb;
      continue;
    }
    if (metric === 'log2ratio') {
      out[i] = ma > 0 && mb > 0 ? Math.log2(ma / mb) : NaN;
      continue;
    }
    let qa = 0, qb = 0;
    for (let j = 0; j < ncol; j++) {
      const l = labels[j];
      if (l === 1) qa += (data[base + j] - ma) ** 2;
      else if (l === 0) qb += (data[base + j] - mb) ** 2;
    }
    const sda = floorSd(Math.sqrt(qa / (na - 1)), ma);
    const sdb = floorSd(Math.sqrt(qb / (nb - 1)), mb);
    out[i] = metric === 's2n' ? (ma - mb) / (sda + sdb) : (ma - mb) / Math.sqrt((sda * sda) / na + (sdb * sdb) / nb);
  }
  return out;
}

function floorSd(sd: number, mean: number): number {
  const min = mean === 0 ? 0.2 : 0.2 * Math.abs(mean);
  return sd < min ? min : sd;
}
