/**
 * Summaries of a Kaplan–Meier curve: quantiles (median) with confidence limits, survival at
 * given times, and the restricted mean survival time.
 *
 * Quantile p: the first time at which the curve is ≤ 1 − p; when the curve sits exactly at 1 − p
 * (within √ε) over an interval, the midpoint of that interval (as R's `quantile.survfit`). The
 * confidence limits are the same rule applied to the lower (→ lower limit) and upper (→ upper
 * limit) pointwise bands (Brookmeyer & Crowley 1982, doi:10.2307/2530286).
 * RMST to τ: ∫₀^τ Ŝ(t) dt; SE² = Σ_{event times tᵢ ≤ τ} A(tᵢ)²·dᵢ/(nᵢ(nᵢ−dᵢ)) with A(tᵢ) the area under Ŝ
 * from tᵢ to τ (Klein & Moeschberger 2003, §4.5). O(m) per summary for m curve points.
 * Checked against R survival 3.5-3 `quantile.survfit`, `summary(survfit, times, rmean)`.
 */
import type { KmCurve } from './km.js';

const TOL = Math.sqrt(2.220446049250313e-16);

/** Time at which a step curve (values `y` after each time `t`) first reaches `q`, with the midpoint rule. */
export function stepQuantile(t: ArrayLike<number>, y: ArrayLike<number>, q: number): number {
  const m = t.length;
  for (let k = 0; k < m; k++) {
    const v = y[k];
    if (Number.isNaN(v)) continue;
    if (v <= q + TOL) {
      if (Math.abs(v - q) <= TOL) {
        for (let j = k + 1; j < m; j++) if (y[j] < q - TOL) return (t[k] + t[j]) / 2;
        return NaN;
      }
      return t[k];
    }
  }
  return NaN;
}

export interface KmQuantile {
  prob: number;
  time: number;
  lower: number;
  upper: number;
}

/** Quantiles (default median only) with confidence limits. */
export function kmQuantiles(c: KmCurve, probs: readonly number[] = [0.5]): KmQuantile[] {
  return probs.map((p) => ({
    prob: p,
    time: stepQuantile(c.time, c.surv, 1 - p),
    lower: stepQuantile(c.time, c.lower, 1 - p),
    upper: stepQuantile(c.time, c.upper, 1 - p),
  }));
}

export interface KmAtTimes {
  time: Float64Array;
  surv: Float64Array;
  stdErr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  nRisk: Float64Array;
}

/** Ŝ, SE and limits at the given times (the curve's last value carried forward). */
export function kmAt(c: KmCurve, times: readonly number[]): KmAtTimes {
  const out: KmAtTimes = {
    time: Float64Array.from(times),
    surv: new Float64Array(times.length), stdErr: new Float64Array(times.length),
    lower: new Float64Array(times.length), upper: new Float64Array(times.length), nRisk: new Float64Array(times.length),
  };
  times.forEach((x, i) => {
    let k = -1;
    while (k + 1 < c.time.length && c.time[k + 1] <= x) k++;
    out.surv[i] = k < 0 ? 1 : c.surv[k];
    out.stdErr[i] = k < 0 ? 0 : c.stdErr[k];
    out.lower[i] = k < 0 ? 1 : c.lower[k];
    out.upper[i] = k < 0 ? 1 : c.upper[k];
    // number at risk just before x: subjects with time ≥ x
    let r = 0;
    for (let j = c.time.length - 1; j >= 0 && c.time[j] >= x; j--) r = c.nRisk[j];
    out.nRisk[i] = r;
  });
  return out;
}

/** Restricted mean survival time to τ and its standard error. */
export function rmst(c: KmCurve, tau: number): { rmst: number; se: number; tau: number } {
  const pts: number[] = [0], vals: number[] = [1];
  for (let k = 0; k < c.time.length && c.time[k] < tau; k++) {
    if (c.nEvent[k] > 0) {
      pts.push(c.time[k]);
      vals.push(c.surv[k]);
    }
  }
  pts.push(tau);
  // area of each step
  const seg = new Float64Array(pts.length - 1);
  for (let j = 0; j < seg.length; j++) seg[j] = (pts[j + 1] - pts[j]) * vals[j];
  let area = 0;
  for (const a of seg) area += a;
  let v = 0;
  let tail = area;
  let ev = 0;
  for (let k = 0; k < c.time.length && c.time[k] < tau; k++) {
    if (c.nEvent[k] === 0) continue;
    tail -= seg[ev];
    ev++;
    const d = c.nEvent[k], r = c.nRisk[k];
    if (r > d) v += (tail * tail * d) / (r * (r - d));
  }
  return { rmst: area, se: Math.sqrt(v), tau };
}
