/**
 * Test of proportional hazards (Grambsch & Therneau 1994, doi:10.1093/biomet/81.3.515) as the
 * score test for adding β_γ·x·g(t) terms to a fitted Cox model, g the Kaplan–Meier transform of
 * time, g(t) = 1 − Ŝ(t−) (pooled KM, left-continuous), as R survival 3.x `cox.zph(transform="km")`.
 *
 * At β̂, with x̄ₘ and Vₘ the risk-set mean and variance of each event's term in the fit (Efron or
 * Breslow, as fitted):
 *   U_γ = Σ_events g(tᵢ)(xᵢ − x̄ᵢ),  I_ββ = Σ Vₘ,  I_βγ = Σ g·Vₘ,  I_γγ = Σ g²·Vₘ,
 *   W = I_γγ − I_γβ I_ββ⁻¹ I_βγ;  per covariate χ²₁ = U_γⱼ² / Wⱼⱼ;  global χ²_p = U_γᵀ W⁻¹ U_γ.
 * O(n·p² + p³). Checked against R survival 3.5-3 `cox.zph(fit, transform = "km", terms = FALSE)`.
 */
import { cholInverse, quadSolve } from './linalg.js';
import { buildDesign, type CoxCovariates } from './cox-design.js';
import { coxph, type CoxOptions, type CoxResult } from './cox.js';
import { chisqUpper } from './dist.js';
import { factor } from './data.js';
import { kmCurve } from './km.js';
import { orderDescending } from './order.js';

export interface CoxZphResult {
  terms: string[];
  chisq: Float64Array;
  df: Int32Array;
  p: Float64Array;
  global: { chisq: number; df: number; p: number };
  fit: CoxResult;
  warnings: string[];
}

export function coxZph(time: ArrayLike<number>, event: ArrayLike<number>, covariates: CoxCovariates, options: CoxOptions = {}): CoxZphResult {
  const fit = coxph(time, event, covariates, { ...options, concordance: false });
  const design = buildDesign(covariates, time.length, options.names ?? undefined);
  const p = design.p;
  const n = fit.n;
  const t = Float64Array.from(fit.index, (i) => time[i]);
  const e = Float64Array.from(fit.index, (i) => (event[i] ? 1 : 0));
  const X = new Float64Array(n * p);
  fit.index.forEach((i, j) => {
    for (let a = 0; a < p; a++) X[j * p + a] = design.X[i * p + a] - fit.means[a];
  });
  const stCodes = options.strata ? factor(options.strata).codes : null;
  const strata = stCodes ? Int32Array.from(fit.index, (i) => stCodes[i]) : undefined;
  // g(t) = 1 − Ŝ(t−) from the pooled KM
  const km = kmCurve(t, e, 'log', 1.96);
  const gRaw = (x: number): number => {
    let s = 1;
    for (let k = 0; k < km.time.length && km.time[k] < x; k++) s = km.surv[k];
    return 1 - s;
  };
  // centred over the events (changes nothing in exact arithmetic since U_β(β̂) = 0)
  let gMean = 0;
  for (let i = 0; i < n; i++) if (e[i]) gMean += gRaw(t[i]);
  gMean /= fit.events || 1;
  const g = (x: number): number => gRaw(x) - gMean;
  const beta = Float64Array.from(fit.coef, (b) => (Number.isNaN(b) ? 0 : b));
  const efron = fit.params.ties === 'efron';
  const order = orderDescending(t, strata);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += X[i * p + a] * beta[a];
    r[i] = Math.exp(s);
  }
  const Ug = new Float64Array(p), Ibb = new Float64Array(p * p), Ibg = new Float64Array(p * p), Igg = new Float64Array(p * p);
  const S1 = new Float64Array(p), S2 = new Float64Array(p * p), D1 = new Float64Array(p), D2 = new Float64Array(p * p), m1 = new Float64Array(p);
  let S0 = 0, j = 0, cur = strata ? strata[order[0]] : 0;
  while (j < n) {
    if (strata && strata[order[j]] !== cur) {
      cur = strata[order[j]];
      S0 = 0;
      S1.fill(0);
      S2.fill(0);
    }
    const tj = t[order[j]];
    let D0 = 0, d = 0;
    D1.fill(0);
    D2.fill(0);
    const gt = g(tj);
    while (j < n && t[order[j]] === tj && (!strata || strata[order[j]] === cur)) {
      const i = order[j], ri = r[i];
      S0 += ri;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) S2[a * p + b] += ri * X[i * p + a] * X[i * p + b];
      for (let a = 0; a < p; a++) S1[a] += ri * X[i * p + a];
      if (e[i]) {
        d++;
        D0 += ri;
        for (let a = 0; a < p; a++) {
          D1[a] += ri * X[i * p + a];
          Ug[a] += gt * X[i * p + a];
          for (let b = 0; b < p; b++) D2[a * p + b] += ri * X[i * p + a] * X[i * p + b];
        }
      }
      j++;
    }
    for (let m = 0; m < d; m++) {
      const f = efron ? m / d : 0;
      const s0 = S0 - f * D0;
      for (let a = 0; a < p; a++) {
        m1[a] = (S1[a] - f * D1[a]) / s0;
        Ug[a] -= gt * m1[a];
      }
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++) {
          const v = (S2[a * p + b] - f * D2[a * p + b]) / s0 - m1[a] * m1[b];
          Ibb[a * p + b] += v;
          Ibg[a * p + b] += gt * v;
          Igg[a * p + b] += gt * gt * v;
        }
    }
  }
  // W = Igg − Igb Ibb⁻¹ Ibg
  const { inv } = cholInverse(Ibb, p);
  const W = Float64Array.from(Igg);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let c = 0; c < p; c++) for (let k = 0; k < p; k++) {
        const v = inv[c * p + k];
        if (!Number.isNaN(v)) s += Ibg[c * p + a] * v * Ibg[k * p + b];
      }
      W[a * p + b] -= s;
    }
  const chisq = new Float64Array(p), pv = new Float64Array(p), df = new Int32Array(p).fill(1);
  for (let a = 0; a < p; a++) {
    chisq[a] = (Ug[a] * Ug[a]) / W[a * p + a];
    pv[a] = chisqUpper(chisq[a], 1);
  }
  const gchisq = quadSolve(W, p, Ug);
  return { terms: fit.terms, chisq, df, p: pv, global: { chisq: gchisq, df: p, p: chisqUpper(gchisq, p) }, fit, warnings: fit.warnings };
}
