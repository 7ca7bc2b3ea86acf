import { DataError } from '../../core/errors.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import { indexMap } from '../../core/expression-set.js';
import { columnGeoMeans, meanOfPositive, rowsOfClass } from './controls.js';
import { nsMsg } from './messages.js';

/** Rows of the reference genes: the named probes, or the Housekeeping class when `genes` is empty. */
export function housekeepingRows(set: ExpressionSet, genes?: readonly string[]): Int32Array {
  if (!genes || genes.length === 0) {
    const rows = rowsOfClass(set, 'Housekeeping');
    if (rows.length === 0) throw new DataError(nsMsg.noClass('Housekeeping'));
    return rows;
  }
  const idx = indexMap(set.genes);
  const missing = genes.filter((g) => !idx.has(g));
  if (missing.length) throw new DataError(nsMsg.unknownHousekeeping(missing));
  return Int32Array.from(genes.map((g) => idx.get(g)!));
}

/**
 * Housekeeping (codeset content) scaling: h_j = geometric mean of the reference genes in lane j
 * (after positive scaling and background); factor_j = mean_k(h_k) / h_j (Infinity when h_j = 0).
 * O(H·n). Reference: nCounter Data Analysis Guidelines (MAN-C0011), "CodeSet content
 * normalization". Oracle: direct R transcription in scripts/nanostring-fixtures.R (1e-9 relative).
 */
export function housekeepingFactors(data: Float64Array, ncol: number, rows: Int32Array): { geoMean: Float64Array; factor: Float64Array } {
  const geoMean = columnGeoMeans(data, ncol, rows);
  const m = meanOfPositive(geoMean);
  return { geoMean, factor: geoMean.map((g) => (g > 0 ? m / g : Infinity)) };
}

/**
 * geNorm stability selection: M_g = mean over the other candidates h of sd_j(log2 x_gj − log2 x_hj)
 * (values floored at 1); repeatedly drop the candidate with the largest M until `keep` remain.
 * O(C³·n) for C candidates. Reference: Vandesompele et al. 2002, doi:10.1186/gb-2002-3-7-research0034.
 */
export function selectStableGenes(data: Float64Array, ncol: number, candidates: Int32Array, keep: number): { rows: Int32Array; m: Float64Array } {
  if (candidates.length < 2) throw new DataError(nsMsg.tooFewHousekeeping(candidates.length));
  const logs = Array.from(candidates, (r) => {
    const v = new Float64Array(ncol);
    for (let j = 0; j < ncol; j++) v[j] = Math.log2(Math.max(data[r * ncol + j], 1));
    return v;
  });
  let alive = Array.from(candidates.keys());
  const stability = (): Float64Array =>
    Float64Array.from(alive, (a) => {
      let s = 0;
      for (const b of alive) {
        if (a === b) continue;
        let mu = 0;
        for (let j = 0; j < ncol; j++) mu += logs[a][j] - logs[b][j];
        mu /= ncol;
        let ss = 0;
        for (let j = 0; j < ncol; j++) ss += (logs[a][j] - logs[b][j] - mu) ** 2;
        s += ncol > 1 ? Math.sqrt(ss / (ncol - 1)) : 0;
      }
      return s / (alive.length - 1);
    });
  let m = stability();
  while (alive.length > Math.max(2, keep)) {
    let worst = 0;
    for (let i = 1; i < m.length; i++) if (m[i] > m[worst]) worst = i;
    alive = alive.filter((_, i) => i !== worst);
    m = stability();
  }
  return { rows: Int32Array.from(alive, (a) => candidates[a]), m };
}
