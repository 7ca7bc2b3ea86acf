/**
 * Empirical Bayes moderation of gene-wise linear models, as limma `eBayes` (Smyth 2004,
 * doi:10.2202/1544-6115.1027). Posterior variances s̃² = (d₀s₀² + d·s²)/(d₀ + d) from the prior
 * of `fitFDist`; moderated t = β̂/(u·s̃) on d₀ + d degrees of freedom (capped at the pooled
 * residual df); B = log-odds of differential expression with prior proportion π = 0.01 and the
 * prior coefficient variance v₀ estimated from the top |t| (clamped to (0.1², 4²)/median s₀²);
 * moderated F for all contrasts together, F = tᵀR⁻¹t / r with R the contrast correlation.
 * `trend: true` makes s₀² a smooth function of AveExpr (limma-trend). `robust: true` estimates the
 * prior robustly (`fitFDistRobustly`, Phipson et al. 2016, doi:10.1214/16-AOAS920): d₀ becomes
 * per gene, smaller for genes whose variance is an outlier, and every formula above uses d₀_g.
 * O(G·k) (+O(G log G) for B and the robust prior).
 * Oracle: limma 3.54.1 `eBayes` / `topTable` (also with `robust = TRUE`).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import gammainc from '@stdlib/math-base-special-gammainc';
import betainc from '@stdlib/math-base-special-betainc';
import type { LinearModelFit } from './lm-fit.js';
import { fitFDist } from './fit-fdist.js';
import { fitFDistRobustly } from './fit-fdist-robust.js';
import { tmixture } from './tmixture.js';
import { symmetricInverseSqrt } from './sym-eigen.js';

export interface EBayesOptions {
  /** Prior proportion of differentially expressed genes, in (0, 1). Default 0.01. */
  proportion?: number;
  /** Limits of the prior standard deviation of the log-fold-changes. Default [0.1, 4]. */
  stdevCoefLim?: [number, number];
  /** Let the prior variance depend on AveExpr (limma-trend). Default false. */
  trend?: boolean;
  /** Estimate the prior robustly against outlier variances (per-gene d₀). Default false. */
  robust?: boolean;
  /** Tail proportions Winsorized by the robust estimate, [lower, upper]. Default [0.05, 0.1]. */
  winsorTailP?: [number, number];
}

export interface EBayesFit extends LinearModelFit {
  /** Prior df d₀ (Infinity when the variances show no extra spread); with `robust`, d₀ of the bulk of the genes. */
  dfPrior: number;
  /** With `robust`: the prior df of each gene (≤ d₀, smaller for outlier variances); else null. */
  dfPriorGene: Float64Array | null;
  /** Prior variance s₀² (length 1, or one per gene with `trend`). */
  s2Prior: Float64Array;
  s2Post: Float64Array;
  dfTotal: Float64Array;
  /** Moderated t, p-values and B, genes × contrasts. */
  t: Float64Array;
  pValue: Float64Array;
  lods: Float64Array;
  /** Moderated F over all contrasts and its p-value (one per gene). */
  F: Float64Array;
  FpValue: Float64Array;
  /** Rank of the contrast correlation (numerator df of F). */
  dfF: number;
}

/** Two-sided t p-value 2·P(T > |t|), normal when df is infinite. */
export function ptTwo(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df)) return NaN;
  const a = -Math.abs(t);
  return Math.min(1, 2 * (df > 1e12 ? normalCdf(a, 0, 1) : tCdf(a, df)));
}

/** P(F > f) for F(d1, d2), from the small tail (χ² when d2 is infinite). */
export function pfUpper(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (d2 > 1e12) return gammainc((f * d1) / 2, d1 / 2, true, true);
  const x = (d2) / (d2 + d1 * f);
  return x < 0.5 ? betainc(x, d2 / 2, d1 / 2, true, false) : 1 - fCdf(f, d1, d2);
}

export function eBayes(fit: LinearModelFit, options: EBayesOptions = {}): EBayesFit {
  const proportion = options.proportion ?? 0.01;
  const lim = options.stdevCoefLim ?? [0.1, 4];
  const G = fit.ngenes;
  const k = fit.ncoef;
  const s2 = new Float64Array(G);
  for (let g = 0; g < G; g++) s2[g] = fit.sigma[g] * fit.sigma[g];
  const fdOpts = options.trend ? { covariate: fit.amean } : {};
  const prior = options.robust
    ? fitFDistRobustly(s2, fit.dfResidual, { ...fdOpts, winsorTailP: options.winsorTailP })
    : { ...fitFDist(s2, fit.dfResidual, fdOpts), df0Gene: null };
  const d0 = prior.df0;
  const d0Gene = prior.df0Gene;
  const d0At = (g: number): number => (d0Gene ? d0Gene[g] : d0);
  const s20 = prior.s20;
  const s20At = (g: number): number => (s20.length === 1 ? s20[0] : s20[g]);
  let dfPooled = 0;
  for (let g = 0; g < G; g++) if (Number.isFinite(s2[g])) dfPooled += fit.dfResidual[g];
  const s2Post = new Float64Array(G);
  const dfTotal = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const d = fit.dfResidual[g];
    const s0 = s20At(g);
    const d0g = d0At(g);
    s2Post[g] = d0g === Infinity ? s0 : Number.isFinite(s2[g]) ? (d0g * s0 + d * s2[g]) / (d0g + d) : s0;
    dfTotal[g] = Math.min(d + d0g, dfPooled);
  }
  const t = new Float64Array(G * k);
  const pValue = new Float64Array(G * k);
  for (let i = 0; i < G * k; i++) {
    const g = (i / k) | 0;
    t[i] = fit.coefficients[i] / (fit.stdevUnscaled[i] * Math.sqrt(s2Post[g]));
    pValue[i] = ptTwo(t[i], dfTotal[g]);
  }
  // B-statistic
  const medS20 = median(s20);
  const vlim: [number, number] = [(lim[0] * lim[0]) / medS20, (lim[1] * lim[1]) / medS20];
  const lods = new Float64Array(G * k);
  const tc = new Float64Array(G);
  const uc = new Float64Array(G);
  const warnings = fit.warnings.concat(prior.warnings);
  for (let c = 0; c < k; c++) {
    for (let g = 0; g < G; g++) {
      tc[g] = t[g * k + c];
      uc[g] = fit.stdevUnscaled[g * k + c];
    }
    let v0 = tmixture(tc, uc, dfTotal, proportion, vlim);
    if (Number.isNaN(v0)) v0 = 1 / medS20;
    const logit = Math.log(proportion / (1 - proportion));
    for (let g = 0; g < G; g++) {
      const u2 = uc[g] * uc[g];
      const r = (u2 + v0) / u2;
      const t2 = tc[g] * tc[g];
      const df = dfTotal[g];
      const kernel = d0At(g) > 1e6 ? (t2 * (1 - 1 / r)) / 2 : ((1 + df) / 2) * Math.log((t2 + df) / (t2 / r + df));
      lods[g * k + c] = logit - Math.log(r) / 2 + kernel;
    }
  }
  const { F, FpValue, dfF } = moderatedF(t, G, k, fit.covCoefficients, dfTotal);
  return {
    ...fit, warnings, dfPrior: d0, dfPriorGene: d0Gene, s2Prior: s20, s2Post, dfTotal, t, pValue, lods, F, FpValue, dfF,
  };
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a.filter((v) => !Number.isNaN(v))).sort();
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** F = ‖W t‖²/r with W = Λ^(−1/2)Eᵀ from the correlation of the contrasts. */
function moderatedF(t: Float64Array, G: number, k: number, cov: Float64Array, dfTotal: Float64Array) {
  const sd = new Float64Array(k);
  for (let j = 0; j < k; j++) sd[j] = Math.sqrt(cov[j * k + j]);
  const cor = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) cor[i * k + j] = cov[i * k + j] / (sd[i] * sd[j]);
  const { W, rank } = symmetricInverseSqrt(cor, k);
  const F = new Float64Array(G);
  const FpValue = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    let s = 0;
    for (let r = 0; r < rank; r++) {
      let z = 0;
      for (let j = 0; j < k; j++) z += W[r * k + j] * t[g * k + j];
      s += z * z;
    }
    F[g] = s / rank;
    FpValue[g] = pfUpper(F[g], rank, dfTotal[g]);
  }
  return { F, FpValue, dfF: rank };
}
