/**
 * Inverse-variance fixed-effect and DerSimonian–Laird random-effects meta-analysis of per-study
 * effects on the log scale (log OR, log HR), with Cochran's Q, τ² and I².
 */
import { pnormTwoSided, qnorm, pchisqUpper } from '../../stats/tails.js';
import { compareMsg } from './messages.js';

export interface StudyEffect {
  name: string;
  /** Effect on the log scale (log OR, log HR). */
  estimate: number;
  /** Its standard error. */
  se: number;
}

export interface PooledEffect {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  pValue: number;
}

export interface MetaAnalysisOptions {
  /** Confidence level of the pooled intervals, default 0.95, in (0, 1). */
  confLevel?: number;
}

export interface MetaAnalysis {
  /** Number of studies pooled (finite estimate, se > 0). */
  studies: number;
  /** Names of the pooled studies, in input order (the order of the weights). */
  included: string[];
  /** Names of the studies left out (non-finite estimate or se). */
  excluded: string[];
  /** Inverse-variance fixed effect: θ = Σwᵢθᵢ/Σwᵢ, wᵢ = 1/seᵢ², se = 1/√Σwᵢ. */
  fixed: PooledEffect;
  /** DerSimonian–Laird random effects: wᵢ* = 1/(seᵢ² + τ²). */
  random: PooledEffect;
  /** τ² = max(0, (Q − df)/(Σw − Σw²/Σw)). */
  tau2: number;
  /** Cochran's Q = Σwᵢ(θᵢ − θ_fixed)², df = k − 1. */
  q: number;
  df: number;
  /** P(χ²(df) ≥ Q), NaN for fewer than 2 studies. */
  qPValue: number;
  /** I² = max(0, (Q − df)/Q). */
  i2: number;
  /** Fixed and random weights of the included studies (1/se², 1/(se² + τ²)). */
  weightsFixed: Float64Array;
  weightsRandom: Float64Array;
  warnings: string[];
}

/**
 * Fixed- and random-effects meta-analysis of per-study effects with finite estimate and se > 0
 * (others are left out with a warning naming them). Wald CIs θ ± z₁₋α/₂·se, p = 2Φ(−|θ/se|).
 * O(k).
 * References: DerSimonian & Laird 1986 doi:10.1016/0197-2456(86)90046-2; Higgins & Thompson
 * 2002 doi:10.1002/sim.1186. Checked against hand-computed 3-study examples (test/workflow) and
 * the same textbook formulas in base R over the eight ICB cohorts (test/conformance/compare).
 */
export function metaAnalysis(effects: readonly StudyEffect[], options: MetaAnalysisOptions = {}): MetaAnalysis {
  const warnings: string[] = [];
  const ok = effects.filter((e) => Number.isFinite(e.estimate) && e.se > 0 && Number.isFinite(e.se));
  const excluded = effects.filter((e) => !ok.includes(e)).map((e) => e.name);
  if (excluded.length) warnings.push(compareMsg.studiesLeftOut(excluded));
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
  if (k < 2) warnings.push(compareMsg.oneStudy());
  return {
    studies: k, included: ok.map((e) => e.name), excluded,
    fixed, random: pool(wr), tau2,
    q: k > 1 ? q : NaN, df, qPValue: k > 1 ? pchisqUpper(q, df) : NaN,
    i2: k > 1 && q > 0 ? Math.max(0, (q - df) / q) : k > 1 ? 0 : NaN,
    weightsFixed: w, weightsRandom: wr, warnings,
  };
}
