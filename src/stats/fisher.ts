/**
 * Fisher's exact test. 2×2 (`fisherTest2x2`), as R `fisher.test`: with a = x[1,1],
 * m = a + c, n = b + d, k = a + b, the conditional distribution of a given the margins is the
 * non-central hypergeometric P(a = s; ψ) ∝ C(m, s)·C(n, k − s)·ψˢ. Two-sided p = Σ P(s; 1) over
 * s with P(s; 1) ≤ P(a; 1)·(1 + 1e-7). Odds ratio: the conditional MLE, the root of
 * E[a; ψ] = a; CI: the ψ where the one-sided tail probabilities equal (1 − level)/2 (roots by
 * Brent with R's `uniroot` defaults, so agreement is to the root finder's path).
 * O((k) · iterations). Reference: Fisher 1922 doi:10.2307/2340521; Cornfield 1956.
 * r×c tables: Monte Carlo p with a seed (`fisherTestMonteCarlo`).
 * Oracle: R 4.2.2 `fisher.test` (p, estimate, conf.int).
 */
import binomcoefln from '@stdlib/math-base-special-binomcoefln';
import { uniroot } from './zeroin.js';

export interface FisherOptions {
  /** Confidence level of the odds-ratio CI, in (0, 1). Default 0.95. */
  confLevel?: number;
}

export interface FisherResult {
  pValue: number;
  /** Conditional maximum-likelihood odds ratio (0 or Infinity at the support ends). */
  oddsRatio: number;
  lower: number;
  upper: number;
  method: string;
  n: number;
  warnings: string[];
}

const EPS = 2.220446049250313e-16;

/** Fisher's exact test of the 2×2 table [[a, b], [c, d]]. */
export function fisherTest2x2(a: number, b: number, c: number, d: number, options: FisherOptions = {}): FisherResult {
  const confLevel = options.confLevel ?? 0.95;
  for (const v of [a, b, c, d]) if (!(v >= 0) || !Number.isInteger(v)) throw new RangeError(`fisher: counts must be non-negative integers, got ${v}`);
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const len = hi - lo + 1;
  const support = new Float64Array(len);
  const logdc = new Float64Array(len);
  const lchoose = binomcoefln(m + n, k);
  for (let i = 0; i < len; i++) {
    const s = lo + i;
    support[i] = s;
    logdc[i] = binomcoefln(m, s) + binomcoefln(n, k - s) - lchoose;
  }
  const dn = new Float64Array(len);
  const dnhyper = (ncp: number): Float64Array => {
    const l = Math.log(ncp);
    let mx = -Infinity;
    for (let i = 0; i < len; i++) {
      dn[i] = logdc[i] + l * support[i];
      if (dn[i] > mx) mx = dn[i];
    }
    let s = 0;
    for (let i = 0; i < len; i++) s += dn[i] = Math.exp(dn[i] - mx);
    for (let i = 0; i < len; i++) dn[i] /= s;
    return dn;
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const p = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < len; i++) s += support[i] * p[i];
    return s;
  };
  const pnhyper = (q: number, ncp: number, upper: boolean): number => {
    if (ncp === 0) return upper ? +(q <= lo) : +(q >= lo);
    if (ncp === Infinity) return upper ? +(q <= hi) : +(q >= hi);
    const p = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < len; i++) if (upper ? support[i] >= q : support[i] <= q) s += p[i];
    return s;
  };
  // p-value at ψ = 1
  const d1 = Float64Array.from(dnhyper(1));
  const ref = d1[x - lo] * (1 + 1e-7);
  let pv = 0;
  for (let i = 0; i < len; i++) if (d1[i] <= ref) pv += d1[i];
  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1).root;
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, EPS, 1).root;
    return 1;
  };
  const alpha = (1 - confLevel) / 2;
  const ncpU = (): number => {
    if (x === hi) return Infinity;
    const p = pnhyper(x, 1, false);
    if (p < alpha) return uniroot((t) => pnhyper(x, t, false) - alpha, 0, 1).root;
    if (p > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, false) - alpha, EPS, 1).root;
    return 1;
  };
  const ncpL = (): number => {
    if (x === lo) return 0;
    const p = pnhyper(x, 1, true);
    if (p > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1).root;
    if (p < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, EPS, 1).root;
    return 1;
  };
  return {
    pValue: Math.min(1, pv),
    oddsRatio: mle(),
    lower: ncpL(),
    upper: ncpU(),
    method: "Fisher's Exact Test for Count Data",
    n: m + n,
    warnings: [],
  };
}
