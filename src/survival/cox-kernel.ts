/**
 * Cox partial log-likelihood, score vector and information matrix at β (Cox 1972,
 * doi:10.1111/j.2517-6161.1972.tb00899.x), with Efron (1977, doi:10.1080/01621459.1977.10480613)
 * or Breslow handling of tied event times.
 *
 * Contract:
 *   time, event  length n; event 1/0
 *   X            n × p row-major, covariates already centred (centring leaves the partial
 *                likelihood unchanged and keeps exp(η) in range)
 *   order        subjects sorted by stratum, then time DESCENDING (risk sets grow along the walk)
 *   strata       stratum code per subject, or undefined for one stratum
 *   beta         length p
 *   U (out)      length p; I (out) p × p row-major, full symmetric
 * Returns the log partial likelihood.
 *
 * At a time with d tied events, risk-set sums S0 = Σ r, S1 = Σ r·x, S2 = Σ r·xxᵀ (r = exp(xβ)) and
 * the same sums D over the d events; for m = 0…d−1 with f = m/d (Efron) or f = 0 (Breslow):
 *   ℓ −= log(S0 − f·D0),  U −= s1/s0,  I += s2/s0 − s1·s1ᵀ/s0²   (s· = S· − f·D·)
 * and ℓ += Σ_events η, U += Σ_events x. O(n·p²) per evaluation.
 */
export interface CoxScratch {
  eta: Float64Array;
  r: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  a1: Float64Array;
}

export function coxScratch(n: number, p: number): CoxScratch {
  return {
    eta: new Float64Array(n),
    r: new Float64Array(n),
    s1: new Float64Array(p),
    s2: new Float64Array(p * p),
    d1: new Float64Array(p),
    d2: new Float64Array(p * p),
    a1: new Float64Array(p),
  };
}

export function coxEval(
  time: Float64Array,
  event: ArrayLike<number>,
  X: Float64Array,
  p: number,
  order: Int32Array,
  strata: Int32Array | undefined,
  beta: Float64Array,
  efron: boolean,
  U: Float64Array,
  I: Float64Array,
  w: CoxScratch,
): number {
  const n = time.length;
  const { eta, r, s1: S1, s2: S2, d1: D1, d2: D2, a1 } = w;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += X[i * p + a] * beta[a];
    eta[i] = s;
    r[i] = Math.exp(s);
  }
  U.fill(0);
  I.fill(0);
  let ll = 0;
  let S0 = 0;
  S1.fill(0);
  S2.fill(0);
  let j = 0;
  let curStratum = strata ? strata[order[0]] : 0;
  while (j < n) {
    if (strata && strata[order[j]] !== curStratum) {
      curStratum = strata[order[j]];
      S0 = 0;
      S1.fill(0);
      S2.fill(0);
    }
    const tj = time[order[j]];
    let D0 = 0;
    let d = 0;
    D1.fill(0);
    D2.fill(0);
    while (j < n && time[order[j]] === tj && (!strata || strata[order[j]] === curStratum)) {
      const i = order[j];
      const ri = r[i];
      const off = i * p;
      S0 += ri;
      for (let a = 0; a < p; a++) {
        const xa = X[off + a] * ri;
        S1[a] += xa;
        for (let b = 0; b <= a; b++) S2[a * p + b] += xa * X[off + b];
      }
      if (event[i]) {
        d++;
        ll += eta[i];
        D0 += ri;
        for (let a = 0; a < p; a++) {
          U[a] += X[off + a];
          const xa = X[off + a] * ri;
          D1[a] += xa;
          for (let b = 0; b <= a; b++) D2[a * p + b] += xa * X[off + b];
        }
      }
      j++;
    }
    for (let m = 0; m < d; m++) {
      const f = efron ? m / d : 0;
      const s0 = S0 - f * D0;
      ll -= Math.log(s0);
      for (let a = 0; a < p; a++) {
        a1[a] = (S1[a] - f * D1[a]) / s0;
        U[a] -= a1[a];
      }
      for (let a = 0; a < p; a++)
        for (let b = 0; b <= a; b++) I[a * p + b] += (S2[a * p + b] - f * D2[a * p + b]) / s0 - a1[a] * a1[b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) I[b * p + a] = I[a * p + b];
  return ll;
}
