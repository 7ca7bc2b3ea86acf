/**
 * The tabulated standard normal CDF GSVA's Gaussian kernel reads from: Φ(10·k/10000) for
 * k = 0…10000. A value v is looked up at k = floor(|v|/10·10000), mirrored to 1 − Φ for v < 0
 * and saturated to 0/1 for |v| > 10. Agreement with GSVA 1.46 to ~1e-15 on the kernel statistic
 * depends on using this table rather than an exact Φ (which differs by up to ~4e-4 per term).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { NORMAL_TABLE_CORRECTIONS } from './table-corrections.js';

/** Number of intervals in the table. */
export const TABLE_RESOLUTION = 10000;
/** Largest |v| the table covers. */
export const TABLE_MAX = 10;

let table: Float64Array | null = null;

/**
 * Φ(10·k/10000), k = 0…10000, computed once: @stdlib's normal CDF, moved by the recorded number
 * of units in the last place where R's pnorm (the oracle's source of the table) rounds otherwise.
 */
export function normalCdfTable(): Float64Array {
  if (table) return table;
  const t = new Float64Array(TABLE_RESOLUTION + 1);
  for (let k = 0; k <= TABLE_RESOLUTION; k++) t[k] = normalCdf((TABLE_MAX * k) / TABLE_RESOLUTION, 0, 1);
  const bits = new BigInt64Array(t.buffer);
  for (const item of NORMAL_TABLE_CORRECTIONS.split(' ')) {
    const [k, d] = item.split(':');
    bits[Number(k)] += BigInt(d);
  }
  table = t;
  return t;
}

/** Φ(v) as the table gives it (readable reference form of the lookup inlined in the kernel). */
export function tabulatedCdf(v: number): number {
  if (v < -TABLE_MAX) return 0;
  if (v > TABLE_MAX) return 1;
  const c = normalCdfTable()[Math.floor((Math.abs(v) / TABLE_MAX) * TABLE_RESOLUTION)];
  return v < 0 ? 1 - c : c;
}
