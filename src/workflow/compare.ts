/**
 * Cross-cohort comparison of signature scores: common genes, score distributions against a
 * reference cohort (Wilcoxon, AUC, Cliff's δ, fraction above the reference median), and
 * inverse-variance fixed- and DerSimonian–Laird random-effects meta-analysis of per-cohort
 * effects (e.g. log OR of response per SD of a signature) with Cochran's Q and I².
 */
import { wilcoxonTest } from '../stats/wilcoxon.js';
import { logisticRegression } from '../stats/logistic.js';
import { pnormTwoSided, qnorm } from '../stats/tails.js';

/** Genes present in every list, in the order of the first list. O(total genes). */
export function commonGenes(lists: readonly (readonly string[])[]): string[] {
  if (lists.length === 0) return [];
  const sets = lists.slice(1).map((l) => new Set(l));
  return [...new Set(lists[0])].filter((g) => sets.every((s) => s.has(g)));
}

export interface CohortDistribution {
  cohort: string;
  n: number;
  median: number;
  /** Wilcoxon rank-sum p of this cohort vs the reference (NaN for the reference itself). */
  pValue: number;
  /** P(score of this cohort > score of the reference), ties ½. */
  auc: number;
  /** Cliff's δ = 2·AUC − 1. */
  cliffDelta: number;
  /** Fraction of this cohort's scores above the reference cohort's median. */
  fractionAboveReferenceMedian: number;
}

const finite = (x: ArrayLike<number>): number[] => Array.from(x).filter(Number.isFinite);
const median = (x: readonly number[]): number => {
  if (!x.length) return NaN;
  const s = [...x].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/**
 * Compare each cohort's scores of one signature with the reference cohort's (`reference`, an
 * index into `cohorts`). NaN scores are dropped. Wilcoxon as R `wilcox.test` (oracle checked in
 * test/stats). O(N log N) per cohort.
 */
export function compareDistributions(cohorts: readonly { name: string; values: ArrayLike<number> }[], reference: number): CohortDistribution[] {
  const ref = finite(cohorts[reference].values);
  const refMedian = median(ref);
  return cohorts.map((c, i) => {
    const v = finite(c.values);
    const w = i === reference || v.length === 0 || ref.length === 0 ? null : wilcoxonTest(v, ref, { confInt: false });
    return {
      cohort: c.name,
      n: v.length,
      median: median(v),
      pValue: w ? w.pValue : NaN,
      auc: w ? w.auc : NaN,
      cliffDelta: w ? 2 * w.auc - 1 : NaN,
      fractionAboveReferenceMedian: v.length ? v.filter((x) => x > refMedian).length / v.length : NaN,
    };
  });
}

export interface StudyEffect {
  name: string;
  /** Effect on the log scale (log OR, log HR). */
  estimate: number;
  /** Its standard error. */
  se: number;
}

/**
 * Log odds ratio of a binary response (0/1) per SD of `score`, by logistic regression on the
 * standardised score; NaN pairs dropped. O(n·iterations).
 */
export function logOddsPerSd(score: ArrayLike<number>, response: ArrayLike<number>): { estimate: number; se: number; pValue: number; n: number; events: number; converged: boolean; warnings: string[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]) && Number.isFinite(response[i])) (x.push(score[i]), y.push(response[i]));
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  const events = y.filter((v) => v === 1).length;
  if (n < 3 || !(sd > 0) || events === 0 || events === n) return { estimate: NaN, se: NaN, pValue: NaN, n, events, converged: false, warnings: [`cannot fit: n = ${n}, events = ${events}, sd = ${sd}`] };
  const fit = logisticRegression(y, [x.map((v) => (v - m) / sd)]);
  return { estimate: fit.coefficients[1], se: fit.se[1], pValue: fit.pValue[1], n, events, converged: fit.converged, warnings: fit.warnings };
}

export interface PooledEffect {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  pValue: number;
}

export interface MetaAnalysis {
  studies: number;
  /** Inverse-variance fixed effect: θ = Σwᵢθᵢ/Σwᵢ, wᵢ = 1/seᵢ², se = 1/√Σwᵢ. */
  fixed: PooledEffect;
  /** DerSimonian–Laird random effects: wᵢ* = 1/(seᵢ² + τ²). */
  random: PooledEffect;
  /** τ² = max(0, (Q − df)/(Σw − Σw²/Σw)). */
  tau2: number;
  /** Cochran's Q = Σwᵢ(θᵢ − θ_fixed)², df = k − 1, p from χ²(df). */
  q: number;
  df: number;
  /** I² = max(0, (Q − df)/Q). */
  i2: number;
  weightsFixed: Float64Array;
  weightsRandom: Float64Array;
  warnings: string[];
}

/**
 * Fixed- and random-effects meta-analysis of per-study effects with finite estimate and se > 0
 * (others are dropped with a warning). Normal CIs at `confLevel` (default 0.95). O(k).
 * Reference: DerSimonian & Laird 1986 doi:10.1016/0197-2456(86)90046-2; Higgins & Thompson 2002
 * doi:10.1002/sim.1186. Checked against a hand-computed 3-study example (test/workflow).
 */
export function metaAnalysis(effects: readonly StudyEffect[], options: { confLevel?: number } = {}): MetaAnalysis {
  const warnings: string[] = [];
  const ok = effects.filter((e) => Number.isFinite(e.estimate) && e.se > 0 && Number.isFinite(e.se));
  if (ok.length < effects.length) warnings.push(`${effects.length - ok.length} study effect(s) not finite, left out`);
  const z = qnorm(1 - (1 - (options.confLevel ?? 0.95)) / 2);
  const k = ok.length;
  const w = Float64Array.from(ok, (e) => 1 / (e.se * e.se));
  const pool = (wt: Float64Array): PooledEffect => {
    let sw = 0;
    let swt = 0;
    for (let i = 0; i < k; i++) (sw += wt[i]), (swt += wt[i] * ok[i].estimate);
    const est = k ? swt / sw : NaN;
    const se = k ? 1 / Math.sqrt(sw) : NaN;
    return { estimate: est, se, lower: est - z * se, upper: est + z * se, pValue: k ? pnormTwoSided(est / se) : NaN };
  };
  const fixed = pool(w);
  let q = 0;
  let sw = 0;
  let sw2 = 0;
  for (let i = 0; i < k; i++) (q += w[i] * (ok[i].estimate - fixed.estimate) ** 2), (sw += w[i]), (sw2 += w[i] * w[i]);
  const df = k - 1;
  const tau2 = k > 1 ? Math.max(0, (q - df) / (sw - sw2 / sw)) : 0;
  const wr = Float64Array.from(ok, (e) => 1 / (e.se * e.se + tau2));
  if (k < 2) warnings.push('fewer than 2 studies: heterogeneity not estimable');
  return { studies: k, fixed, random: pool(wr), tau2, q: k > 1 ? q : NaN, df, i2: k > 1 && q > 0 ? Math.max(0, (q - df) / q) : k > 1 ? 0 : NaN, weightsFixed: w, weightsRandom: wr, warnings };
}
