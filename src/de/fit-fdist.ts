/**
 * Hyperparameters of the scaled-F (scaled inverse-χ²) prior of the gene-wise variances, by the
 * method of moments on the log-variances (Smyth 2004, doi:10.2202/1544-6115.1027, §6.2):
 * e_g = log s²_g − ψ(d_g/2) + log(d_g/2); with ē and the sample variance V of e_g,
 * ψ₁(d₀/2) = V − mean ψ₁(d_g/2) gives d₀ (∞ when the right side is ≤ 0) and
 * s₀² = exp(ē + ψ(d₀/2) − log(d₀/2)). With a covariate (limma-trend), ē is replaced by a
 * natural-spline regression of e_g on the covariate (4 df) and V by its residual mean square.
 * Zero variances are offset to 1e-5 × the median. O(G).
 * Oracle: limma 3.54.1 `fitFDist` / `squeezeVar` (through `eBayes`).
 */
import digamma from '@stdlib/math-base-special-digamma';
import { trigamma, trigammaInverse } from '../stats/special/polygamma.js';
import { naturalSplineFit } from './natural-spline.js';
import { quantileSorted } from '../stats/quantile.js';
import { deMsg } from './messages.js';

export interface FDistFit {
  /** Prior degrees of freedom d₀ (may be Infinity). */
  df0: number;
  /** Prior variance s₀²: length 1, or one per gene with a covariate. */
  s20: Float64Array;
  warnings: string[];
}

export interface FitFDistOptions {
  /** Trend covariate, one per gene (e.g. AveExpr). Default none. */
  covariate?: Float64Array;
  /** Spline degrees of freedom for the trend. Default 4. */
  covariateDf?: number;
}

export function fitFDist(s2: Float64Array, df: Float64Array, options: FitFDistOptions = {}): FDistFit {
  const G = s2.length;
  const warnings: string[] = [];
  const ok: number[] = [];
  for (let g = 0; g < G; g++) if (Number.isFinite(s2[g]) && Number.isFinite(df[g]) && s2[g] > -1e-15 && df[g] > 1e-15) ok.push(g);
  const n = ok.length;
  const cov = options.covariate;
  const nanFit = (): FDistFit => ({ df0: NaN, s20: new Float64Array(cov ? G : 1).fill(NaN), warnings });
  if (n === 0) return nanFit();
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.max(s2[ok[i]], 0);
  const med = quantileSorted(Float64Array.from(x).sort(), 0.5);
  let m = med;
  if (m === 0) {
    warnings.push(deMsg.mostlyZeroVariances());
    m = 1;
  } else if (x.some((v) => v === 0)) warnings.push(deMsg.zeroVariances());
  const e = new Float64Array(n);
  let meanTri = 0;
  for (let i = 0; i < n; i++) {
    const d = df[ok[i]];
    e[i] = Math.log(Math.max(x[i], 1e-5 * m)) - digamma(d / 2) + Math.log(d / 2);
    meanTri += trigamma(d / 2);
  }
  meanTri /= n;
  let evar: number;
  let emean: Float64Array;
  if (!cov) {
    let s = 0;
    for (let i = 0; i < n; i++) s += e[i];
    const mu = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (e[i] - mu) * (e[i] - mu);
    emean = Float64Array.of(mu);
    evar = n > 1 ? ss / (n - 1) : NaN;
  } else {
    const cx = new Float64Array(n);
    for (let i = 0; i < n; i++) cx[i] = cov[ok[i]];
    const fitS = naturalSplineFit(cx, e, options.covariateDf ?? 4);
    evar = fitS.residualVariance;
    emean = new Float64Array(G).fill(NaN);
    for (let i = 0; i < n; i++) emean[ok[i]] = fitS.fitted[i];
    if (n < G) fillByNearest(cov, emean, cx, fitS.fitted);
  }
  evar -= meanTri;
  let df0: number;
  const s20 = new Float64Array(emean.length);
  if (evar > 0) {
    df0 = 2 * trigammaInverse(evar);
    const shift = digamma(df0 / 2) - Math.log(df0 / 2);
    for (let i = 0; i < s20.length; i++) s20[i] = Math.exp(emean[i] + shift);
  } else {
    df0 = Infinity;
    for (let i = 0; i < s20.length; i++) s20[i] = Math.exp(emean[i]);
  }
  return { df0, s20, warnings };
}

/** Genes left out of the trend fit take the fitted value at the nearest covariate value. */
function fillByNearest(cov: Float64Array, out: Float64Array, cx: Float64Array, fitted: Float64Array): void {
  const order = Array.from(cx.keys()).sort((a, b) => cx[a] - cx[b]);
  for (let g = 0; g < out.length; g++) {
    if (!Number.isNaN(out[g]) || Number.isNaN(cov[g])) continue;
    let lo = 0;
    let hi = order.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cx[order[mid]] <= cov[g]) lo = mid;
      else hi = mid;
    }
    const a = order[lo];
    const b = order[hi];
    out[g] = Math.abs(cx[a] - cov[g]) <= Math.abs(cx[b] - cov[g]) ? fitted[a] : fitted[b];
  }
}
