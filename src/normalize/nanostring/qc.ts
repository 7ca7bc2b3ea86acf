/**
 * Per-sample nCounter QC with NanoString's guideline thresholds (nCounter Data Analysis
 * Guidelines, MAN-C0011; nSolver 4 user manual): imaging, binding density, positive control
 * linearity, limit of detection, positive and housekeeping scaling factors, housekeeping level and
 * the share of endogenous probes above background. Flags imaging, binding, linearity, limit of
 * detection or zero positive controls → `fail`; factor and housekeeping flags → `warn`.
 */
import type { ExpressionSet } from '../../core/expression-set.js';
import { validateOptions } from '../../core/validate.js';
import { columnMeanSd, positiveConcentration, rowsOfClass } from './controls.js';
import { housekeepingFactors, housekeepingRows } from './housekeeping.js';
import { nsMsg } from './messages.js';
import { positiveFactors } from './positive.js';

export interface NanoStringQcOptions {
  /** Minimum FovCounted/FovCount. Default 0.75. */
  minImaging?: number;
  /** Binding density range. Default 0.1 … 2.25 (0.1 … 1.8 with `sprint`). */
  minBindingDensity?: number;
  maxBindingDensity?: number;
  /** The data come from an nCounter SPRINT (changes the default binding density maximum to 1.8). Default `false`. */
  sprint?: boolean;
  /** Minimum positive-control linearity R². Default 0.95. */
  minLinearity?: number;
  /** k in the limit of detection POS_E > mean(NEG) + k·SD(NEG). Default 2. */
  lodSd?: number;
  /** Positive scaling factor range. Default 0.3 … 3. */
  minPositiveFactor?: number;
  maxPositiveFactor?: number;
  /** Housekeeping scaling factor range. Default 0.1 … 10. */
  minHousekeepingFactor?: number;
  maxHousekeepingFactor?: number;
  /** Minimum housekeeping geometric mean (positive-scaled counts). Default 32. */
  minHousekeepingGeoMean?: number;
  /** Reference genes (empty = Housekeeping class). Default `[]`. */
  housekeeping?: string[];
  /** Leave POS_F out of the positive factor. Default `false`. */
  dropPosF?: boolean;
}

export type QcStatus = 'pass' | 'warn' | 'fail';

/** One row per sample; NaN where a metric cannot be computed. Flags are true when out of range. */
export interface NanoStringQc {
  sample: string[];
  imaging: Float64Array; imagingFlag: boolean[];
  bindingDensity: Float64Array; bindingFlag: boolean[];
  positiveLinearity: Float64Array; linearityFlag: boolean[];
  posE: Float64Array; lodThreshold: Float64Array; lodFlag: boolean[];
  positiveFactor: Float64Array; positiveFlag: boolean[];
  housekeepingGeoMean: Float64Array; housekeepingGeoMeanFlag: boolean[];
  housekeepingFactor: Float64Array; housekeepingFlag: boolean[];
  percentAboveBackground: Float64Array;
  status: QcStatus[];
  params: Required<NanoStringQcOptions>;
  warnings: string[];
}

const DEFAULTS: Required<NanoStringQcOptions> = {
  minImaging: 0.75, minBindingDensity: 0.1, maxBindingDensity: 2.25, sprint: false, minLinearity: 0.95, lodSd: 2,
  minPositiveFactor: 0.3, maxPositiveFactor: 3, minHousekeepingFactor: 0.1, maxHousekeepingFactor: 10,
  minHousekeepingGeoMean: 32, housekeeping: [], dropPosF: false,
};
const num = { type: 'number' } as const;

/** Squared Pearson correlation of (x, y): R² of the least-squares line. O(n). */
function rSquared(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) (sxy += (x[i] - mx) * (y[i] - my)), (sxx += (x[i] - mx) ** 2), (syy += (y[i] - my) ** 2);
  return (sxy * sxy) / (sxx * syy);
}

function attribute(set: ExpressionSet, key: string, warnings: string[]): Float64Array {
  const col = set.sampleAnnotation?.get(key);
  const v = Float64Array.from(set.samples, (_, j) => (col && col[j] !== '' ? Number(col[j]) : NaN));
  if (v.some(Number.isNaN)) warnings.push(nsMsg.missingAttribute(key));
  return v;
}

/**
 * QC metrics and flags per sample. Linearity: R² of log2(max(count, 1)) on log2(concentration)
 * over the positive controls with a known concentration (> 0). Limit of detection on raw counts.
 * Housekeeping factor from positive-scaled counts (no background step). O(G·n).
 */
export function qcNanoString(set: ExpressionSet, options: NanoStringQcOptions = {}): NanoStringQc {
  const p = validateOptions<Required<NanoStringQcOptions>>(options, DEFAULTS, {
    minImaging: num, minBindingDensity: num, maxBindingDensity: num, sprint: { type: 'boolean' }, minLinearity: num,
    lodSd: { type: 'number', min: 0 }, minPositiveFactor: num, maxPositiveFactor: num, minHousekeepingFactor: num,
    maxHousekeepingFactor: num, minHousekeepingGeoMean: num, housekeeping: { type: 'any' }, dropPosF: { type: 'boolean' },
  });
  if (options.maxBindingDensity === undefined && p.sprint) p.maxBindingDensity = 1.8;
  const warnings: string[] = [];
  const { data, ncol } = set.x;
  const fovCount = attribute(set, 'FovCount', warnings);
  const fovCounted = attribute(set, 'FovCounted', warnings);
  const imaging = fovCounted.map((c, j) => (fovCount[j] > 0 ? c / fovCount[j] : NaN));
  const bindingDensity = attribute(set, 'BindingDensity', warnings);

  const posRows = rowsOfClass(set, 'Positive');
  const conc = Array.from(posRows, (r) => positiveConcentration(set.genes[r]));
  const withConc = Array.from(posRows).filter((_, k) => conc[k] > 0);
  if (withConc.length < 2) warnings.push(nsMsg.noConcentrations());
  const lx = withConc.map((r) => Math.log2(positiveConcentration(set.genes[r])));
  const positiveLinearity = Float64Array.from(set.samples, (_, j) =>
    withConc.length < 2 ? NaN : rSquared(lx, withConc.map((r) => Math.log2(Math.max(data[r * ncol + j], 1)))));

  const negRows = rowsOfClass(set, 'Negative');
  const neg = columnMeanSd(data, ncol, negRows);
  const lodThreshold = neg.mean.map((m, j) => m + p.lodSd * (negRows.length > 1 ? neg.sd[j] : 0));
  const posERow = Array.from(posRows).find((r) => /^POS_E\b/i.test(set.genes[r]) || positiveConcentration(set.genes[r]) === 0.5);
  if (posERow === undefined) warnings.push(nsMsg.noPosE());
  const posE = Float64Array.from(set.samples, (_, j) => (posERow === undefined ? NaN : data[posERow * ncol + j]));

  const pos = positiveFactors(set, { dropPosF: p.dropPosF });
  const scaled = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) scaled[k] = data[k] * pos.factor[k % ncol];
  const hk = housekeepingFactors(scaled, ncol, housekeepingRows(set, p.housekeeping));

  const endo = rowsOfClass(set, 'Endogenous');
  const percentAboveBackground = Float64Array.from(set.samples, (_, j) => {
    let above = 0;
    for (const r of endo) if (data[r * ncol + j] > lodThreshold[j]) above++;
    return endo.length ? (100 * above) / endo.length : NaN;
  });

  const out = (v: number, lo: number, hi: number): boolean => !(v >= lo && v <= hi);
  const imagingFlag = Array.from(imaging, (v) => v < p.minImaging);
  const bindingFlag = Array.from(bindingDensity, (v) => !Number.isNaN(v) && out(v, p.minBindingDensity, p.maxBindingDensity));
  const linearityFlag = Array.from(positiveLinearity, (v, j) => (withConc.length >= 2 && !(v >= p.minLinearity)) || !(pos.geoMean[j] > 0));
  const lodFlag = Array.from(posE, (v, j) => !Number.isNaN(v) && !(v > lodThreshold[j]));
  const positiveFlag = Array.from(pos.factor, (v) => out(v, p.minPositiveFactor, p.maxPositiveFactor));
  const housekeepingFlag = Array.from(hk.factor, (v) => out(v, p.minHousekeepingFactor, p.maxHousekeepingFactor));
  const housekeepingGeoMeanFlag = Array.from(hk.geoMean, (v) => !(v >= p.minHousekeepingGeoMean));
  const status = set.samples.map((_, j): QcStatus =>
    imagingFlag[j] || bindingFlag[j] || linearityFlag[j] || lodFlag[j] || !(pos.geoMean[j] > 0)
      ? 'fail'
      : positiveFlag[j] || housekeepingFlag[j] || housekeepingGeoMeanFlag[j] ? 'warn' : 'pass');
  return {
    sample: set.samples.slice(), imaging, imagingFlag, bindingDensity, bindingFlag, positiveLinearity, linearityFlag,
    posE, lodThreshold, lodFlag, positiveFactor: pos.factor, positiveFlag, housekeepingGeoMean: hk.geoMean,
    housekeepingGeoMeanFlag, housekeepingFactor: hk.factor, housekeepingFlag, percentAboveBackground, status, params: p, warnings,
  };
}
