/**
 * Robust hyperparameters of the scaled-F prior of the gene-wise variances (Phipson, Lee,
 * Majewski, Alexander & Smyth 2016, doi:10.1214/16-AOAS920), as limma `fitFDistRobustly`:
 *
 * 1. z_g = log s²_g (values below 1e-12 × the median offset to it); with a covariate (limma-trend)
 *    z is first detrended by lowess (span 0.4, 3 robustness passes) on the covariate.
 * 2. z (or its residuals) is Winsorized at its pLow and 1 − pHigh quantiles (R type 7), giving the
 *    mean m_W and variance v_W. d₀ solves v_W = Var_W(log F(d₁, d₀)) (the Winsorized log-F
 *    variance, decreasing in d₀); it is never below the non-robust moment estimate (`fitFDist`)
 *    and is ∞ when v_W ≤ Var_W(log χ²_d₁/d₁). The root is searched as limma does (observed by
 *    tracing its `uniroot` call): Brent's zeroin (./zeroin.ts) on u = d₀/(1 + d₀) over
 *    [u of the moment estimate, 1] for log v_W − log Var_W = 0, tolerance 1e-8 on u; the same
 *    points are evaluated, so d₀ matches limma's to ~1e-13 rather than to the tolerance.
 *    s₀²_g = exp(trend_g + m_W − E_W(log F(d₁, d₀))).
 * 3. Outliers: tail p_g = P(F(d₁, d₀) > s²_g/s₀²_g); the probability of not being an outlier is
 *    min(1, p_g / ppoints_g) with ppoints from the ranks of p (R `ppoints`). The outlier df
 *    d_out makes the largest F-ratio roughly the median of F(d₁, d_out): two steps of
 *    d ← d·log ½ / log P(F(d₁, d) > F_max) from d₀. Per gene
 *    d₀_g = (1 − π_g)·d₀ + π_g·d_out, then made non-decreasing in p: in order of increasing p the
 *    first genes up to the minimum of the running mean take that mean, then a running maximum.
 *
 * O(G log G) plus a fixed number of quadratures for the root of d₀.
 * Oracle: limma 3.54.1 `fitFDistRobustly` and `eBayes(robust = TRUE)` (black-box).
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import fCdf from '@stdlib/stats-base-dists-f-cdf';
import { fitFDist } from './fit-fdist.js';
import { quantileSorted } from '../stats/quantile.js';
import { lowess } from './lowess.js';
import { winsorizedLogFMoments } from './winsorized-log-f.js';
import { zeroin } from '../stats/zeroin.js';
import { deMsg } from './messages.js';
import { msg } from '../core/messages.js';
import { OptionError } from '../core/errors.js';

export interface FitFDistRobustOptions {
  /** Trend covariate, one per gene (e.g. AveExpr). Default none. */
  covariate?: Float64Array;
  /** Proportions Winsorized in the lower and upper tails of log s², each in (0, 0.5). Default [0.05, 0.1]. */
  winsorTailP?: [number, number];
}

export interface FDistRobustFit {
  /** d₀ of the bulk of the genes (may be Infinity). */
  df0: number;
  /** Per-gene prior df (d₀ for genes that are not outliers, smaller for outliers). */
  df0Gene: Float64Array;
  /** Prior variance s₀²: length 1, or one per gene with a covariate. */
  s20: Float64Array;
  /** Upper tail probability of each s²_g under the fitted scaled F (NaN for unusable genes). */
  tailP: Float64Array;
  /** Probability that each gene is an outlier. */
  probOutlier: Float64Array;
  /** Prior df fitted to the most extreme gene. */
  df0Outlier: number;
  warnings: string[];
}

/** P(F > f), F ~ F(d1, d2), from the small tail; χ²_d1/d1 when d2 is infinite. */
function fUpper(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  if (d2 === Infinity) return gammainc((f * d1) / 2, d1 / 2, true, true);
  const x = d2 / (d2 + d1 * f);
  return x < 0.5 ? betainc(x, d2 / 2, d1 / 2, true, false) : 1 - fCdf(f, d1, d2);
}

/** Average ranks (ties share their mean rank), 1-based. */
function averageRanks(v: Float64Array, order: Int32Array): Float64Array {
  const n = v.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && v[order[j + 1]] === v[order[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}

/**
 * d₀ with Var_W(log F(d1, d₀)) = target, by bisection then secant steps on log d₀: only when the
 * moment estimate is 0 or NaN and so gives no lower end for the zeroin search.
 */
function solveDf(d1: number, target: number, pl: number, ph: number): number {
  const V = (u: number): number => winsorizedLogFMoments(d1, Math.exp(u), pl, ph).variance - target;
  let lo = 0;
  let flo = V(lo);
  let hi = lo;
  let fhi = flo;
  if (flo > 0) {
    do { lo = hi; flo = fhi; hi += 2; fhi = V(hi); } while (fhi > 0 && hi < 60);
    if (fhi > 0) return Infinity;
  } else {
    do { hi = lo; fhi = flo; lo -= 2; flo = V(lo); } while (flo < 0 && lo > -60);
    if (flo < 0) return 0;
  }
  // Brent-free Illinois regula falsi: V is smooth and monotone on the bracket
  let side = 0;
  let u = lo;
  for (let it = 0; it < 100 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); it++) {
    u = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(u > lo && u < hi)) u = (lo + hi) / 2;
    const fu = V(u);
    if (Math.abs(fu) <= 1e-15 * target) return Math.exp(u);
    if (fu > 0) {
      lo = u; flo = fu;
      if (side === 1) fhi /= 2;
      side = 1;
    } else {
      hi = u; fhi = fu;
      if (side === -1) flo /= 2;
      side = -1;
    }
  }
  return Math.exp(u);
}

export function fitFDistRobustly(s2: Float64Array, df: Float64Array, options: FitFDistRobustOptions = {}): FDistRobustFit {
  const G = s2.length;
  const [pl, ph] = options.winsorTailP ?? [0.05, 0.1];
  const problems = [pl, ph].flatMap((p, k) => (p > 0 && p < 0.5 ? [] : [msg.optionOutOfRange(`winsorTailP[${k}]`, p, 'in (0, 0.5)')]));
  if (problems.length) throw new OptionError(problems);
  const cov = options.covariate;
  const warnings: string[] = [];
  const ok: number[] = [];
  for (let g = 0; g < G; g++) if (Number.isFinite(s2[g]) && Number.isFinite(df[g]) && s2[g] > -1e-15 && df[g] > 1e-15) ok.push(g);
  const n = ok.length;
  const nan = (): FDistRobustFit => ({
    df0: NaN, df0Gene: new Float64Array(G).fill(NaN), s20: new Float64Array(cov ? G : 1).fill(NaN),
    tailP: new Float64Array(G).fill(NaN), probOutlier: new Float64Array(G).fill(NaN), df0Outlier: NaN, warnings,
  });
  if (n < 3) return nan();
  // residual df are equal unless some genes have missing values; the moments then use the median
  const dfs = Float64Array.from(ok, (g) => df[g]).sort();
  const d1 = quantileSorted(dfs, 0.5);
  if (dfs[0] !== dfs[n - 1]) warnings.push(deMsg.robustUnequalDf(d1));
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.max(s2[ok[i]], 0);
  // (near-)zero variances are offset to 1e-12 × the median (limma's robust fit behaves so)
  const med = quantileSorted(Float64Array.from(x).sort(), 0.5);
  const floor = med > 0 ? 1e-12 * med : 1e-15;
  if (x.some((v) => v < floor)) warnings.push(deMsg.zeroVariances());
  for (let i = 0; i < n; i++) x[i] = Math.max(x[i], floor);
  // 1. log-variances and their trend
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = Math.log(x[i]);
  const trend = new Float64Array(n);
  if (cov) {
    const cx = Float64Array.from(ok, (g) => cov[g]);
    const order = Int32Array.from(cx.keys()).sort((a, b) => cx[a] - cx[b] || a - b);
    const lo = lowess(Float64Array.from(order, (i) => cx[i]), Float64Array.from(order, (i) => z[i]), { f: 0.4, iter: 3 });
    order.forEach((i, k) => (trend[i] = lo.y[k]));
  }
  // 2. Winsorized moments of the (detrended) log-variances
  const e = Float64Array.from(z, (v, i) => v - trend[i]);
  const sorted = Float64Array.from(e).sort();
  const qlo = quantileSorted(sorted, pl);
  const qhi = quantileSorted(sorted, 1 - ph);
  let mW = 0;
  for (let i = 0; i < n; i++) mW += Math.min(Math.max(e[i], qlo), qhi);
  mW /= n;
  let vW = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.min(Math.max(e[i], qlo), qhi) - mW;
    vW += d * d;
  }
  vW /= n - 1;
  const start = fitFDist(s2, df, cov ? { covariate: cov } : {}).df0;
  let df0: number;
  const vInf = winsorizedLogFMoments(d1, Infinity, pl, ph).variance;
  if (vInf >= vW || start === Infinity) df0 = Infinity;
  else if (start > 0 && Number.isFinite(start)) {
    // d₀ ≥ the moment estimate: search u = d₀/(1 + d₀) in [start/(1 + start), 1] for
    // log v_W − log Var_W(log F(d₁, u/(1 − u))) = 0, with limma's tolerance on u (1e-8), so
    // that d₀ agrees with limma's to the last digits and not just within the tolerance
    const g = (u: number): number => Math.log(vW) - Math.log(winsorizedLogFMoments(d1, u / (1 - u), pl, ph).variance);
    const u0 = start / (1 + start);
    const gLo = g(u0);
    if (gLo >= 0) df0 = start;
    else {
      const u = zeroin(g, u0, 1, { fLower: gLo, fUpper: Math.log(vW) - Math.log(vInf), tol: 1e-8 }).root;
      df0 = u / (1 - u);
    }
  } else df0 = solveDf(d1, vW, pl, ph);
  const shift = mW - winsorizedLogFMoments(d1, df0, pl, ph).mean;
  const s20ok = Float64Array.from(trend, (t) => Math.exp(t + shift));
  // 3. outliers
  const ratio = Float64Array.from(x, (v, i) => v / s20ok[i]);
  const out = outlierPriorDf(ratio, Float64Array.from(ok, (g) => df[g]), df0);
  const dfOk = out.df0Gene;
  const tailOk = out.tailP;
  const probOk = out.probOutlier;
  const dfOut = out.df0Outlier;
  // back to all genes; unusable genes take d₀ and the nearest trend value
  const df0Gene = new Float64Array(G).fill(df0);
  const tailP = new Float64Array(G).fill(NaN);
  const probOutlier = new Float64Array(G).fill(NaN);
  ok.forEach((g, i) => {
    df0Gene[g] = dfOk[i];
    tailP[g] = tailOk[i];
    probOutlier[g] = probOk[i];
  });
  let s20: Float64Array;
  if (!cov) s20 = Float64Array.of(s20ok[0]);
  else {
    s20 = new Float64Array(G).fill(NaN);
    ok.forEach((g, i) => (s20[g] = s20ok[i]));
    if (n < G) fillInterpolated(cov, s20, Float64Array.from(ok, (g) => cov[g]), s20ok);
  }
  return { df0, df0Gene, s20, tailP, probOutlier, df0Outlier: dfOut, warnings };
}

export interface OutlierPriorDf {
  /** Per-gene prior df, non-decreasing in the tail p-value. */
  df0Gene: Float64Array;
  tailP: Float64Array;
  probOutlier: Float64Array;
  df0Outlier: number;
}

/**
 * Step 3 of `fitFDistRobustly` on its own: per-gene prior df from the F-ratios s²_g/s₀²_g, the
 * residual df and the prior df d₀ of the bulk (see the file comment). O(G log G).
 */
export function outlierPriorDf(ratio: Float64Array, df1: Float64Array, df0: number): OutlierPriorDf {
  const n = ratio.length;
  const tailP = new Float64Array(n);
  let iMax = 0;
  for (let i = 0; i < n; i++) {
    tailP[i] = fUpper(ratio[i], df1[i], df0);
    if (ratio[i] > ratio[iMax]) iMax = i;
  }
  const order = Int32Array.from(tailP.keys()).sort((a, b) => tailP[a] - tailP[b] || a - b);
  const rank = averageRanks(tailP, order);
  const a = n <= 10 ? 3 / 8 : 1 / 2;
  const probOutlier = new Float64Array(n);
  const df0Gene = new Float64Array(n).fill(df0);
  let anyOutlier = false;
  for (let i = 0; i < n; i++) {
    // probability of not being an outlier: p over its expected uniform quantile (R ppoints)
    const pNot = Math.min(1, tailP[i] / ((rank[i] - a) / (n + 1 - 2 * a)));
    probOutlier[i] = 1 - pNot;
    if (pNot < 1) anyOutlier = true;
  }
  let dfOut = df0;
  if (anyOutlier && Number.isFinite(df0)) {
    dfOut = (Math.log(0.5) / Math.log(tailP[order[0]])) * df0;
    dfOut = (Math.log(0.5) / Math.log(fUpper(ratio[iMax], df1[iMax], dfOut))) * dfOut;
    const raw = Float64Array.from(order, (i) => (1 - probOutlier[i]) * df0 + probOutlier[i] * dfOut);
    // monotone in p: the leading genes up to the minimum of the running mean take that mean,
    // then a running maximum
    let sum = 0;
    let best = Infinity;
    let kBest = 0;
    for (let k = 0; k < n; k++) {
      sum += raw[k];
      const mean = sum / (k + 1);
      if (mean < best) { best = mean; kBest = k; }
    }
    for (let k = 0; k <= kBest; k++) raw[k] = best;
    for (let k = 1; k < n; k++) if (raw[k] < raw[k - 1]) raw[k] = raw[k - 1];
    order.forEach((i, k) => (df0Gene[i] = raw[k]));
  }
  return { df0Gene, tailP, probOutlier, df0Outlier: dfOut };
}

/** Genes left out of the fit take log s₀² linearly interpolated in the covariate (constant beyond the ends). */
function fillInterpolated(cov: Float64Array, out: Float64Array, cx: Float64Array, s20: Float64Array): void {
  const order = Array.from(cx.keys()).sort((a, b) => cx[a] - cx[b]);
  for (let g = 0; g < out.length; g++) {
    if (!Number.isNaN(out[g]) || Number.isNaN(cov[g])) continue;
    const v = cov[g];
    if (v <= cx[order[0]]) { out[g] = s20[order[0]]; continue; }
    if (v >= cx[order[order.length - 1]]) { out[g] = s20[order[order.length - 1]]; continue; }
    let lo = 0;
    let hi = order.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cx[order[mid]] <= v) lo = mid;
      else hi = mid;
    }
    const a = order[lo];
    const b = order[hi];
    const t = cx[b] === cx[a] ? 0 : (v - cx[a]) / (cx[b] - cx[a]);
    out[g] = Math.exp((1 - t) * Math.log(s20[a]) + t * Math.log(s20[b]));
  }
}
