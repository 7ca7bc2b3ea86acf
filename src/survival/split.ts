/**
 * Survival by one dichotomised covariate: split a continuous marker at its median, at a fixed value
 * or at its maximally selected log-rank cut-point, then Kaplan–Meier per group, the two-group
 * log-rank test and the Cox hazard ratio of the high vs the low group.
 *
 * Convention (as `cutpoint` and `riskGroups`): low = marker ≤ cut, high = marker > cut. The groups
 * are labelled `<name><=<cut>` and `<name>><cut>`, the cut printed with at most 6 significant
 * digits (the exact cut is `cut.cutpoint`). The median is R's `median` (type-7 quantile at 0.5) of
 * the marker over the subjects with complete time, event and marker; the optimal cut is
 * `cutpoint(…, { method: 'maxstat' })` with its search-corrected Lau92, Lau94 and conditional
 * Monte Carlo p-values. The log-rank p-value is not corrected for the search; for the optimal cut
 * the corrected ones are those of `cut`.
 * Cox: h(t | x) = h₀(t)·exp(β·1[x > cut]), Efron ties by default; HR = exp(β) with Wald CI and p.
 * O(n log n) plus O(permutations·n) for the optimal cut.
 * Reference: Lausen & Schumacher 1992, doi:10.2307/2532300 (maximally selected rank statistics).
 * Checked against R survival 3.5-3 `survfit`, `survdiff`, `coxph(ties = "efron")` on the
 * dichotomised variable and maxstat 0.7-25 `maxstat.test(smethod = "LogRank")` for the cut.
 */
import { DataError } from '../core/errors.js';
import { validateOptions } from '../core/validate.js';
import { checkLengths } from './data.js';
import { cutpoint, type CutpointOptions, type CutpointResult } from './cutpoint.js';
import { kaplanMeier, type ConfType, type KaplanMeierResult } from './km.js';
import { logrank, type LogrankResult } from './logrank.js';
import { coxph, type CoxResult } from './cox.js';
import { survivalMsg } from './messages.js';

/** The two groups of a marker dichotomised at `cut`. */
export interface Dichotomised {
  /** [low label, high label]: `<name><=<cut>`, `<name>><cut>`. */
  levels: [string, string];
  /** Group label per subject (null when the value is missing). */
  group: (string | null)[];
  /** 1 for high (value > cut), 0 for low, NaN when missing. */
  high: Float64Array;
  nLow: number;
  nHigh: number;
}

/** A cut value as printed in group labels: at most 6 significant digits. */
export function formatCut(cut: number): string {
  return Number.isFinite(cut) ? String(Number(cut.toPrecision(6))) : String(cut);
}

/**
 * Dichotomise values at a cut: low = value ≤ cut, high = value > cut; NaN stays missing. O(n).
 * `name` (default `marker`) prefixes the labels.
 */
export function dichotomise(values: ArrayLike<number>, cut: number, options: { name?: string } = {}): Dichotomised {
  const name = options.name ?? 'marker';
  const c = formatCut(cut);
  const levels: [string, string] = [`${name}<=${c}`, `${name}>${c}`];
  const n = values.length;
  const group: (string | null)[] = new Array(n);
  const high = new Float64Array(n);
  let nLow = 0, nHigh = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v) || Number.isNaN(cut)) {
      group[i] = null;
      high[i] = NaN;
    } else if (v <= cut) {
      group[i] = levels[0];
      nLow++;
    } else {
      group[i] = levels[1];
      high[i] = 1;
      nHigh++;
    }
  }
  return { levels, group, high, nLow, nHigh };
}

export type SplitCut = 'median' | 'optimal' | number;

export interface SplitSurvivalOptions {
  /** `median` (default), `optimal` (maximally selected log-rank) or a fixed number. */
  cut?: SplitCut;
  /** Marker name in labels, results and messages, default `marker`. */
  name?: string;
  /** Optimal cut: smallest low-group share searched, default 0.1. */
  minprop?: number;
  /** Optimal cut: largest low-group share searched, default 0.9. */
  maxprop?: number;
  /** Optimal cut: conditional Monte Carlo permutations, default 10000 (0 skips). */
  permutations?: number;
  /** Seed of the permutations, default 42. */
  seed?: number;
  /** KM confidence interval type, default `log`. */
  confType?: ConfType;
  /** Confidence level of the KM and HR intervals, default 0.95. */
  confLevel?: number;
  /** Cox tie handling, default `efron`. */
  ties?: 'efron' | 'breslow';
}

export interface SplitSurvivalResult {
  /** The cut-point and, for `optimal`, its search-corrected p-values (`pLau92`, `pLau94`, `pCondMC`). */
  cut: CutpointResult;
  split: Dichotomised;
  km: KaplanMeierResult;
  /** Two-group log-rank test, low vs high. */
  logrank: LogrankResult;
  /** Cox model of the high-group indicator (term = the high label): HR of high vs low. */
  cox: CoxResult;
  warnings: string[];
}

/** Split a marker at a cut and compare survival of the two groups; see the module comment. */
export function splitSurvival(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  marker: ArrayLike<number>,
  options: SplitSurvivalOptions = {},
): SplitSurvivalResult {
  const o = validateOptions(options as Required<SplitSurvivalOptions>, {
    cut: 'median' as SplitCut, name: 'marker', minprop: 0.1, maxprop: 0.9, permutations: 10000, seed: 42,
    confType: 'log' as ConfType, confLevel: 0.95, ties: 'efron' as 'efron' | 'breslow',
  }, {
    cut: { type: 'any' },
    name: { type: 'string' },
    minprop: { type: 'number', min: 0, max: 0.5 },
    maxprop: { type: 'number', min: 0.5, max: 1 },
    permutations: { type: 'number', min: 0, integer: true },
    seed: { type: 'number' },
    confType: { type: 'enum', values: ['log', 'log-log', 'plain'] },
    confLevel: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    ties: { type: 'enum', values: ['efron', 'breslow'] },
  });
  if (!(o.cut === 'median' || o.cut === 'optimal' || (typeof o.cut === 'number' && Number.isFinite(o.cut))))
    throw new DataError(survivalMsg.badSplitCut(String(o.cut)));
  checkLengths(time, event, ['marker', marker]);
  const spec: CutpointOptions =
    typeof o.cut === 'number' ? { method: 'fixed', value: o.cut }
    : o.cut === 'median' ? { method: 'median', permutations: 0 }
    : { method: 'maxstat', minprop: o.minprop, maxprop: o.maxprop, permutations: o.permutations, seed: o.seed };
  const cut = cutpoint(time, event, marker, { ...spec, name: o.name });
  if (cut.nLow === 0 || cut.nHigh === 0) throw new DataError(survivalMsg.emptySplit(o.name, cut.cutpoint, cut.nLow, cut.nHigh));
  // subjects missing time or event count as missing in the split too (as in cutpoint)
  const values = Float64Array.from({ length: time.length }, (_, i) => (Number.isNaN(time[i]) || Number.isNaN(event[i]) ? NaN : marker[i]));
  const split = dichotomise(values, cut.cutpoint, { name: o.name });
  const { levels, group } = split;
  const km = kaplanMeier(time, event, { group, levels, confType: o.confType, confLevel: o.confLevel });
  const lr = logrank(time, event, group, { levels });
  const cox = coxph(time, event, [{ name: levels[1], values: split.high }], { ties: o.ties, confLevel: o.confLevel });
  return { cut, split, km, logrank: lr, cox, warnings: [...cut.warnings, ...km.warnings, ...lr.warnings, ...cox.warnings] };
}
