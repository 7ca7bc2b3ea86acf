/**
 * Risk groups from two markers: each marker is split at its median, a quantile, a fixed value or
 * its maximally selected log-rank cut-point (`cutpoint`), giving four groups
 * `<A>_low:<B>_low`, `<A>_low:<B>_high`, `<A>_high:<B>_low`, `<A>_high:<B>_high` (low = value ≤ cut).
 * Reported: the cut-points, a Kaplan–Meier curve per group, the 4-group log-rank test, and every
 * pairwise log-rank test with Benjamini–Hochberg adjustment (or another `p.adjust` method).
 * O(n log n) per test. Log-rank and KM are checked against R survival; BH against `p.adjust`.
 */
import { pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';
import { checkLengths } from './data.js';
import { cutpoint, type CutpointOptions, type CutpointResult } from './cutpoint.js';
import { kaplanMeier, type KaplanMeierResult, type ConfType } from './km.js';
import { logrank, type LogrankResult } from './logrank.js';

export interface RiskGroupsOptions {
  /** Names of the two markers, default ["A", "B"]. */
  names?: [string, string];
  /** How to split each marker (cutpoint options; default median). A number is a fixed cut. */
  cutA?: CutpointOptions | number;
  cutB?: CutpointOptions | number;
  /** Adjustment of the pairwise p-values, default BH. */
  adjust?: PAdjustMethod;
  /** KM confidence interval type, default log. */
  confType?: ConfType;
}

export interface RiskGroupsResult {
  levels: string[];
  /** Group label per input subject (null when a value is missing). */
  group: (string | null)[];
  cuts: [CutpointResult, CutpointResult];
  km: KaplanMeierResult;
  overall: LogrankResult;
  pairwise: { a: string; b: string; chisq: number; p: number; pAdjusted: number }[];
  warnings: string[];
}

export function riskGroups(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  markerA: ArrayLike<number>,
  markerB: ArrayLike<number>,
  options: RiskGroupsOptions = {},
): RiskGroupsResult {
  checkLengths(time, event, ['markerA', markerA], ['markerB', markerB]);
  const [na, nb] = options.names ?? ['A', 'B'];
  const spec = (c: CutpointOptions | number | undefined, name: string): CutpointOptions =>
    typeof c === 'number' ? { method: 'fixed', value: c, name } : { method: 'median', permutations: 0, ...(c ?? {}), name };
  const ca = cutpoint(time, event, markerA, spec(options.cutA, na));
  const cb = cutpoint(time, event, markerB, spec(options.cutB, nb));
  const levels = [`${na}_low:${nb}_low`, `${na}_low:${nb}_high`, `${na}_high:${nb}_low`, `${na}_high:${nb}_high`];
  const group = Array.from({ length: time.length }, (_, i) => {
    const a = markerA[i], b = markerB[i];
    if (Number.isNaN(a) || Number.isNaN(b)) return null;
    return levels[(a <= ca.cutpoint ? 0 : 2) + (b <= cb.cutpoint ? 0 : 1)];
  });
  const km = kaplanMeier(time, event, { group, levels, confType: options.confType ?? 'log' });
  const overall = logrank(time, event, group, { levels });
  const pairs: { a: string; b: string; chisq: number; p: number }[] = [];
  for (let x = 0; x < 4; x++)
    for (let y = x + 1; y < 4; y++) {
      const sub = group.map((g) => (g === levels[x] || g === levels[y] ? g : null));
      const r = logrank(time, event, sub, { levels: [levels[x], levels[y]] });
      pairs.push({ a: levels[x], b: levels[y], chisq: r.chisq, p: r.p });
    }
  const adj = pAdjust(pairs.map((q) => q.p), { method: options.adjust ?? 'BH' });
  return {
    levels, group, cuts: [ca, cb], km, overall,
    pairwise: pairs.map((q, k) => ({ ...q, pAdjusted: adj[k] })),
    warnings: [...ca.warnings, ...cb.warnings, ...overall.warnings],
  };
}
