/**
 * nSolver-style normalisation of NanoString counts, in nSolver's order: positive-control scaling,
 * background (none | threshold | subtract), housekeeping scaling, then log2 with a floor.
 */
import { DataError } from '../../core/errors.js';
import type { ExpressionSet } from '../../core/expression-set.js';
import { validateOptions } from '../../core/validate.js';
import { applyBackground, backgroundThresholds, type BackgroundEstimate, type BackgroundMethod } from './background.js';
import { housekeepingFactors, housekeepingRows, selectStableGenes } from './housekeeping.js';
import { nsMsg } from './messages.js';
import { positiveFactors } from './positive.js';

export interface NanoStringNormalizeOptions {
  /** Leave POS_F out of the positive geometric mean. Default `false`. */
  dropPosF?: boolean;
  /** Background use. Default `'threshold'` (values below the lane background are raised to it). */
  background?: BackgroundMethod;
  /** Background estimator from the (positive-scaled) negative controls. Default `'mean-sd'`. */
  backgroundEstimate?: BackgroundEstimate;
  /** k in mean + k·SD, ≥ 0. Default 2. */
  backgroundSd?: number;
  /** Reference genes; empty = the Housekeeping code class. Default `[]`. */
  housekeeping?: string[];
  /** Keep only the N most stable reference candidates (geNorm); 0 = off. Integer ≥ 0. Default 0. */
  autoHousekeeping?: number;
  /** Skip housekeeping scaling. Default `false`. */
  skipHousekeeping?: boolean;
  /** Output scale. Default `'log2'`: log2(max(x, log2Floor)). */
  scale?: 'log2' | 'linear';
  /** Floor applied before log2, > 0. Default 1 (so 0 counts map to 0). */
  log2Floor?: number;
}

export interface NanoStringFactors {
  sample: string[];
  positiveGeoMean: Float64Array;
  positiveFactor: Float64Array;
  backgroundThreshold: Float64Array;
  housekeepingGeoMean: Float64Array;
  housekeepingFactor: Float64Array;
}

export interface NanoStringNormalized {
  /** Probes × samples, normalised (all probes kept; annotation carried over). */
  set: ExpressionSet;
  factors: NanoStringFactors;
  /** The reference genes used for housekeeping scaling. */
  housekeepingGenes: string[];
  params: Required<NanoStringNormalizeOptions>;
  warnings: string[];
}

const DEFAULTS: Required<NanoStringNormalizeOptions> = {
  dropPosF: false, background: 'threshold', backgroundEstimate: 'mean-sd', backgroundSd: 2,
  housekeeping: [], autoHousekeeping: 0, skipHousekeeping: false, scale: 'log2', log2Floor: 1,
};

/**
 * Normalise raw RCC counts: x'_gj = h_j · B(f_j · x_gj), B the background step (applied to the
 * Endogenous and Housekeeping probes only), then log2(max(x', floor)). Throws DataError naming the sample
 * when a lane's positive controls or housekeeping genes have geometric mean 0. O(G·n).
 * Oracle: direct R transcription of the nSolver steps, scripts/nanostring-fixtures.R (1e-9 relative).
 */
export function normalizeNanoString(set: ExpressionSet, options: NanoStringNormalizeOptions = {}): NanoStringNormalized {
  const p = validateOptions<Required<NanoStringNormalizeOptions>>(options, DEFAULTS, {
    dropPosF: { type: 'boolean' },
    background: { type: 'enum', values: ['none', 'threshold', 'subtract'] },
    backgroundEstimate: { type: 'enum', values: ['mean-sd', 'max', 'mean'] },
    backgroundSd: { type: 'number', min: 0 },
    housekeeping: { type: 'any' },
    autoHousekeeping: { type: 'number', integer: true, min: 0 },
    skipHousekeeping: { type: 'boolean' },
    scale: { type: 'enum', values: ['log2', 'linear'] },
    log2Floor: { type: 'number', min: 0, minExclusive: true },
  });
  const { nrow, ncol } = set.x;
  if (ncol === 0) throw new DataError(nsMsg.noSamples());
  const warnings: string[] = [];
  const pos = positiveFactors(set, { dropPosF: p.dropPosF });
  pos.geoMean.forEach((g, j) => {
    if (!(g > 0)) throw new DataError(nsMsg.positiveZero(set.samples[j]));
  });
  const data = new Float64Array(set.x.data);
  for (let i = 0; i < nrow; i++) for (let j = 0; j < ncol; j++) data[i * ncol + j] *= pos.factor[j];
  const threshold = backgroundThresholds(set, pos.factor, { estimate: p.backgroundEstimate, sdMultiplier: p.backgroundSd });
  const classes = set.geneAnnotation!.get('CodeClass')!;
  const target = Int32Array.from(classes.flatMap((c, i) => (c === 'Endogenous' || c === 'Housekeeping' ? [i] : [])));
  applyBackground(data, ncol, target, threshold, p.background);
  let hkGeo: Float64Array = new Float64Array(ncol).fill(NaN);
  let hkFactor: Float64Array = new Float64Array(ncol).fill(1);
  let hkGenes: string[] = [];
  if (!p.skipHousekeeping) {
    let rows = housekeepingRows(set, p.housekeeping);
    if (p.autoHousekeeping > 0) {
      rows = selectStableGenes(data, ncol, rows, p.autoHousekeeping).rows;
      warnings.push(nsMsg.autoHousekeeping(Array.from(rows, (r) => set.genes[r])));
    }
    hkGenes = Array.from(rows, (r) => set.genes[r]);
    const hk = housekeepingFactors(data, ncol, rows);
    hk.geoMean.forEach((g, j) => {
      if (!(g > 0)) throw new DataError(nsMsg.housekeepingZero(set.samples[j]));
    });
    hkGeo = hk.geoMean;
    hkFactor = hk.factor;
    for (let i = 0; i < nrow; i++) for (let j = 0; j < ncol; j++) data[i * ncol + j] *= hkFactor[j];
  }
  if (p.scale === 'log2') for (let k = 0; k < data.length; k++) data[k] = Math.log2(data[k] > p.log2Floor ? data[k] : p.log2Floor);
  return {
    set: { ...set, x: { nrow, ncol, data } },
    factors: {
      sample: set.samples.slice(),
      positiveGeoMean: pos.geoMean,
      positiveFactor: pos.factor,
      backgroundThreshold: threshold,
      housekeepingGeoMean: hkGeo,
      housekeepingFactor: hkFactor,
    },
    housekeepingGenes: hkGenes,
    params: p,
    warnings,
  };
}
