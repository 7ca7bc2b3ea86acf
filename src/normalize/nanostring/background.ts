import { DataError } from '../../core/errors.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import { columnMeanSd, rowsOfClass } from './controls.js';
import { nsMsg } from './messages.js';

/** How the background is used: not at all, as a floor, or subtracted (then floored at 0). */
export type BackgroundMethod = 'none' | 'threshold' | 'subtract';
/** How the per-lane background is estimated from the negative controls. */
export type BackgroundEstimate = 'mean-sd' | 'max' | 'mean';

export interface BackgroundOptions {
  /** Estimator. Default `'mean-sd'` (mean + k·SD). */
  estimate?: BackgroundEstimate;
  /** k in mean + k·SD, ≥ 0. Default 2. */
  sdMultiplier?: number;
}

/**
 * Per-lane background from the negative controls after positive scaling:
 * t_j = mean_n(f_j·x_nj) + k·sd_n(f_j·x_nj) (sample SD), or max_n f_j·x_nj, or the mean. O(N·n).
 * Reference: nCounter Data Analysis Guidelines (MAN-C0011), "Background subtraction".
 * Oracle: direct R transcription in scripts/nanostring-fixtures.R (1e-9 relative).
 */
export function backgroundThresholds(set: ExpressionSet, scale: Float64Array, options: BackgroundOptions = {}): Float64Array {
  const { estimate = 'mean-sd', sdMultiplier = 2 } = options;
  const rows = rowsOfClass(set, 'Negative');
  if (rows.length === 0) throw new DataError(nsMsg.noClass('Negative'));
  const { mean, sd, max } = columnMeanSd(set.x.data, set.x.ncol, rows, scale);
  if (estimate === 'max') return max;
  if (estimate === 'mean') return mean;
  return mean.map((m, j) => m + sdMultiplier * (rows.length > 1 ? sd[j] : 0));
}

/** Apply thresholds in place to `rows` of row-major `data`: floor (`threshold`) or subtract and floor at 0. */
export function applyBackground(data: Float64Array, ncol: number, rows: Int32Array, t: Float64Array, method: BackgroundMethod): void {
  if (method === 'none') return;
  for (const r of rows) {
    const base = r * ncol;
    for (let j = 0; j < ncol; j++) {
      const v = data[base + j];
      data[base + j] = method === 'threshold' ? (v < t[j] ? t[j] : v) : v > t[j] ? v - t[j] : 0;
    }
  }
}
