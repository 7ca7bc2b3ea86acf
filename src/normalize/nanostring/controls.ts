/**
 * Helpers shared by NanoString QC and normalisation: probe rows by code class, positive control
 * concentrations, per-sample geometric means and mean/SD of a set of rows.
 */
import { DataError } from '../../core/errors.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import { nsMsg } from './messages.js';

/** Standard nCounter positive control concentrations (fM) by letter. */
const STANDARD_FM = new Map([['A', 128], ['B', 32], ['C', 8], ['D', 2], ['E', 0.5], ['F', 0.125]]);

/** Row indices of the probes whose CodeClass is `cls`. */
export function rowsOfClass(set: ExpressionSet, cls: string): Int32Array {
  const classes = set.geneAnnotation?.get('CodeClass');
  if (!classes) throw new DataError(nsMsg.noAnnotation());
  const out: number[] = [];
  for (let i = 0; i < classes.length; i++) if (classes[i] === cls) out.push(i);
  return Int32Array.from(out);
}

/** Concentration (fM) of a positive control: from `POS_A(128)`, else the standard for `POS_A`…`POS_F`, else NaN. */
export function positiveConcentration(name: string): number {
  const m = /\(([0-9.eE+-]+)\)\s*$/.exec(name);
  if (m && Number.isFinite(Number(m[1]))) return Number(m[1]);
  const l = /^POS_([A-F])$/i.exec(name.trim());
  return l ? STANDARD_FM.get(l[1].toUpperCase())! : NaN;
}

/** True for the POS_F control (by name, or concentration 0.125 fM). */
export const isPosF = (name: string): boolean => /^POS_F\b/i.test(name) || positiveConcentration(name) === 0.125;

/**
 * Per-sample geometric mean of `rows` of `x` (genes × samples, row-major):
 * exp(mean(log x)); 0 when any value is 0. O(|rows|·ncol).
 */
export function columnGeoMeans(data: Float64Array, ncol: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(ncol);
  for (const r of rows) for (let j = 0; j < ncol; j++) out[j] += Math.log(data[r * ncol + j]);
  for (let j = 0; j < ncol; j++) out[j] = rows.length ? Math.exp(out[j] / rows.length) : NaN;
  return out;
}

/** Per-sample mean and sample SD (n − 1) of `rows`, each value multiplied by `scale[j]` when given. */
export function columnMeanSd(data: Float64Array, ncol: number, rows: Int32Array, scale?: Float64Array): { mean: Float64Array; sd: Float64Array; max: Float64Array } {
  const mean = new Float64Array(ncol);
  const sd = new Float64Array(ncol);
  const max = new Float64Array(ncol).fill(-Infinity);
  const n = rows.length;
  for (let j = 0; j < ncol; j++) {
    const f = scale ? scale[j] : 1;
    let s = 0;
    for (const r of rows) {
      const v = data[r * ncol + j] * f;
      s += v;
      if (v > max[j]) max[j] = v;
    }
    const m = s / n;
    let ss = 0;
    for (const r of rows) {
      const d = data[r * ncol + j] * f - m;
      ss += d * d;
    }
    mean[j] = m;
    sd[j] = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  }
  return { mean, sd, max };
}

/** Arithmetic mean of the finite, positive entries (lanes whose controls failed do not count). */
export function meanOfPositive(v: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const x of v) if (Number.isFinite(x) && x > 0) (s += x), n++;
  return n ? s / n : NaN;
}
