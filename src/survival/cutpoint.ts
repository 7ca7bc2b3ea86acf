/**
 * Cut-points of a continuous marker for a survival outcome: median, quantile, fixed value, or the
 * maximally selected log-rank statistic (`maxstat.ts`) with search-corrected p-values.
 * The low group is always marker ≤ cut-point. For every method the standardised log-rank
 * statistic at the chosen cut and the two-group log-rank p-value are reported; the Lau92, Lau94
 * and conditional Monte Carlo p-values correct for the search and are NaN unless method = maxstat.
 * Quantiles are R's type 7. O(n log n + permutations·n).
 * Checked against maxstat 0.7-25 `maxstat.test(smethod = "LogRank")` and survival `survdiff`.
 */
import { DEFAULT_SEED } from '../core/random.js';
import { validateOptions } from '../core/validate.js';
import { checkLengths } from './data.js';
import { logrank } from './logrank.js';
import { maxstatCore, logrankScores } from './maxstat.js';
import { survivalMsg } from './messages.js';
import { quantileSorted } from '../stats/quantile.js';

export type CutMethod = 'median' | 'quantile' | 'fixed' | 'maxstat';

export interface CutpointOptions {
  /** `maxstat` (default), `median`, `quantile` or `fixed`. */
  method?: CutMethod;
  /** Probability for `quantile`, default 0.5, in (0, 1). */
  prob?: number;
  /** Cut value for `fixed`. */
  value?: number;
  /** Smallest low-group share searched by `maxstat`, default 0.1. */
  minprop?: number;
  /** Largest low-group share searched by `maxstat`, default 0.9. */
  maxprop?: number;
  /** Conditional Monte Carlo permutations for `maxstat`, default 10000 (0 skips). */
  permutations?: number;
  /** Seed of the permutations, default 42. */
  seed?: number;
  /** Marker name used in results and messages, default `marker`. */
  name?: string;
}

export interface CutpointResult {
  marker: string;
  method: CutMethod;
  cutpoint: number;
  /** Standardised log-rank statistic at the cut-point. */
  statistic: number;
  pLogrank: number;
  pLau92: number;
  pLau94: number;
  pCondMC: number;
  nLow: number;
  nHigh: number;
  /** maxstat: every candidate cut and its standardised statistic (empty otherwise). */
  cuts: Float64Array;
  stats: Float64Array;
  n: number;
  dropped: number;
  params: Required<Omit<CutpointOptions, 'value'>> & { value: number | null };
  warnings: string[];
}

const DEFAULTS = {
  method: 'maxstat' as CutMethod, prob: 0.5, value: null as number | null, minprop: 0.1, maxprop: 0.9,
  permutations: 10000, seed: DEFAULT_SEED, name: 'marker',
};

export function cutpoint(time: ArrayLike<number>, event: ArrayLike<number>, marker: ArrayLike<number>, options: CutpointOptions = {}): CutpointResult {
  const o = validateOptions(options as typeof DEFAULTS, DEFAULTS, {
    method: { type: 'enum', values: ['median', 'quantile', 'fixed', 'maxstat'] },
    prob: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    value: { type: 'any', required: options.method === 'fixed' },
    minprop: { type: 'number', min: 0, max: 0.5 },
    maxprop: { type: 'number', min: 0.5, max: 1 },
    permutations: { type: 'number', min: 0, integer: true },
    seed: { type: 'number' },
    name: { type: 'string' },
  });
  checkLengths(time, event, ['marker', marker]);
  const keep: number[] = [];
  for (let i = 0; i < time.length; i++) if (!Number.isNaN(time[i]) && !Number.isNaN(event[i]) && !Number.isNaN(marker[i])) keep.push(i);
  const n = keep.length;
  const t = Float64Array.from(keep, (i) => time[i]);
  const e = Float64Array.from(keep, (i) => (event[i] ? 1 : 0));
  const x = Float64Array.from(keep, (i) => marker[i]);
  const warnings: string[] = [];
  let cut = NaN, statistic = NaN, pLau92 = NaN, pLau94 = NaN, pCondMC = NaN;
  let cuts: Float64Array = new Float64Array(0), stats: Float64Array = new Float64Array(0);
  if (o.method === 'maxstat') {
    const r = maxstatCore(t, e, x, { minprop: o.minprop, maxprop: o.maxprop, permutations: o.permutations, seed: o.seed });
    ({ cuts, stats, statistic, pLau92, pLau94, pCondMC } = r);
    cut = r.cutpoint;
    if (cuts.length === 0) warnings.push(survivalMsg.constantMarker(o.name));
  } else {
    const sorted = Float64Array.from(x).sort();
    cut = o.method === 'fixed' ? (o.value as number) : quantileSorted(sorted, o.method === 'median' ? 0.5 : o.prob);
    statistic = standardisedAt(t, e, x, cut);
  }
  let nLow = 0;
  for (let i = 0; i < n; i++) if (x[i] <= cut) nLow++;
  const lr = nLow > 0 && nLow < n ? logrank(t, e, Array.from(x, (v) => (v <= cut ? 'low' : 'high')), { levels: ['low', 'high'] }) : null;
  if (!lr) warnings.push(survivalMsg.oneGroup(`${o.name} split at ${cut}`));
  return {
    marker: o.name, method: o.method, cutpoint: cut, statistic,
    pLogrank: lr ? lr.p : NaN, pLau92, pLau94, pCondMC,
    nLow, nHigh: n - nLow, cuts, stats, n, dropped: time.length - n,
    params: { method: o.method, prob: o.prob, value: o.value, minprop: o.minprop, maxprop: o.maxprop, permutations: o.permutations, seed: o.seed, name: o.name },
    warnings,
  };
}

/** Standardised log-rank statistic (maxstat's form) for the split x ≤ cut. */
function standardisedAt(t: Float64Array, e: Float64Array, x: Float64Array, cut: number): number {
  const n = t.length;
  const a = logrankScores(t, e);
  let s = 0, sa = 0, sa2 = 0, m = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sa2 += a[i] * a[i];
    if (x[i] <= cut) {
      s += a[i];
      m++;
    }
  }
  if (m === 0 || m === n) return NaN;
  return Math.abs(s - (m * sa) / n) / Math.sqrt((m * (n - m) * (n * sa2 - sa * sa)) / (n * n * (n - 1)));
}
