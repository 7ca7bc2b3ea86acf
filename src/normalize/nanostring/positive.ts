import { DataError } from '../../core/errors.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import { columnGeoMeans, isPosF, meanOfPositive, rowsOfClass } from './controls.js';
import { nsMsg } from './messages.js';

export interface PositiveFactorOptions {
  /** Leave POS_F (0.125 fM, often at background) out of the geometric mean. Default `false`. */
  dropPosF?: boolean;
}

export interface PositiveFactors {
  /** Rows of the positive controls used. */
  rows: Int32Array;
  /** Per-sample geometric mean of the positive controls (raw counts). */
  geoMean: Float64Array;
  /** Per-sample scaling factor: mean of the lane geomeans ÷ lane geomean (Infinity when the geomean is 0). */
  factor: Float64Array;
}

/**
 * nSolver positive-control scaling factors.
 *
 * g_j = (Π_p x_pj)^(1/P) over the positive controls p of lane j; factor_j = mean_k(g_k) / g_j,
 * where the arithmetic mean runs over lanes with g_k > 0. O(P·n).
 * Reference: nCounter Data Analysis Guidelines (NanoString MAN-C0011), "Positive control
 * normalization". Oracle: direct R transcription in scripts/nanostring-fixtures.R (1e-9 relative).
 */
export function positiveFactors(set: ExpressionSet, options: PositiveFactorOptions = {}): PositiveFactors {
  let rows = rowsOfClass(set, 'Positive');
  if (options.dropPosF) rows = rows.filter((r) => !isPosF(set.genes[r]));
  if (rows.length === 0) throw new DataError(nsMsg.noClass('Positive'));
  const geoMean = columnGeoMeans(set.x.data, set.x.ncol, rows);
  const m = meanOfPositive(geoMean);
  const factor = geoMean.map((g) => (g > 0 ? m / g : Infinity));
  return { rows, geoMean, factor };
}
