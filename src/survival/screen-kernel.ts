/**
 * Univariate survival screen kernel: for each row of a features × samples matrix, a one-covariate
 * Cox model (Efron or Breslow, Newton–Raphson with step-halving exactly as `coxph`) and the
 * log-rank test of the split at the row's median (low = value ≤ median, R type-7 median).
 *
 * Contract: `data` row-major nrow × ncol; rows [start, end) are processed; `time`/`event` length
 * ncol and complete. The time order and tie groups are computed once per block; each row costs
 * O(ncol·iterations) for the Cox fit plus O(ncol log ncol) for its median. Rows with missing
 * values fall back to the general `coxph` on their complete samples.
 * Checked against `coxph` and `logrank` of this module (which are checked against R survival).
 */
import { coxph } from './cox.js';
import { logrank } from './logrank.js';
import { chisqUpper, normalTwoSided, qnorm } from './dist.js';
import { orderDescending } from './order.js';

export interface ScreenKernelOptions {
  ties: 'efron' | 'breslow';
  maxIter: number;
  eps: number;
  confLevel: number;
}

export interface ScreenBlock {
  n: Int32Array; events: Int32Array; coef: Float64Array; se: Float64Array; z: Float64Array; p: Float64Array;
  hr: Float64Array; hrLower: Float64Array; hrUpper: Float64Array; lrP: Float64Array; scoreP: Float64Array;
  converged: Uint8Array; iterations: Int32Array;
  median: Float64Array; logrankChisq: Float64Array; logrankP: Float64Array;
}

export const SCREEN_FIELDS = ['n', 'events', 'coef', 'se', 'z', 'p', 'hr', 'hrLower', 'hrUpper', 'lrP', 'scoreP', 'converged', 'iterations', 'median', 'logrankChisq', 'logrankP'] as const;

export function allocScreen(m: number): ScreenBlock {
  return {
    n: new Int32Array(m), events: new Int32Array(m), coef: new Float64Array(m), se: new Float64Array(m), z: new Float64Array(m),
    p: new Float64Array(m), hr: new Float64Array(m), hrLower: new Float64Array(m), hrUpper: new Float64Array(m),
    lrP: new Float64Array(m), scoreP: new Float64Array(m), converged: new Uint8Array(m), iterations: new Int32Array(m),
    median: new Float64Array(m), logrankChisq: new Float64Array(m), logrankP: new Float64Array(m),
  };
}

/** Process rows [start, end); returns a block of results for those rows. */
export function survivalScreenBlock(
  data: Float64Array, ncol: number, start: number, end: number,
  time: Float64Array, event: Uint8Array, opts: ScreenKernelOptions,
): ScreenBlock {
  const n = ncol;
  const out = allocScreen(end - start);
  const ord = orderDescending(time);
  const ts = Float64Array.from(ord, (i) => time[i]);
  const es = Uint8Array.from(ord, (i) => event[i]);
  // tie groups in descending time
  const gEnd: number[] = [];
  for (let k = 0; k < n; k++) if (k + 1 === n || ts[k + 1] !== ts[k]) gEnd.push(k + 1);
  const G = gEnd.length;
  const gd = new Int32Array(G);
  let totalEvents = 0;
  for (let g = 0, k = 0; g < G; g++) for (; k < gEnd[g]; k++) if (es[k]) { gd[g]++; totalEvents++; }
  const xs = new Float64Array(n), sorted = new Float64Array(n);
  const efron = opts.ties === 'efron';
  const zc = qnorm(1 - (1 - opts.confLevel) / 2);
  const ev = { ll: 0, u: 0, i: 0 };
  const evaluate = (beta: number): void => {
    let S0 = 0, S1 = 0, S2 = 0, ll = 0, U = 0, I = 0, k = 0;
    for (let g = 0; g < G; g++) {
      let D0 = 0, D1 = 0, D2 = 0;
      for (const e = gEnd[g]; k < e; k++) {
        const x = xs[k], r = Math.exp(beta * x), rx = r * x;
        S0 += r; S1 += rx; S2 += rx * x;
        if (es[k]) { D0 += r; D1 += rx; D2 += rx * x; ll += beta * x; U += x; }
      }
      const d = gd[g];
      for (let m = 0; m < d; m++) {
        const f = efron ? m / d : 0;
        const s0 = S0 - f * D0, a = (S1 - f * D1) / s0;
        ll -= Math.log(s0); U -= a; I += (S2 - f * D2) / s0 - a * a;
      }
    }
    ev.ll = ll; ev.u = U; ev.i = I;
  };
  for (let r = start; r < end; r++) {
    const o = r - start;
    const off = r * ncol;
    let mean = 0, missing = false;
    for (let k = 0; k < n; k++) {
      const v = data[off + ord[k]];
      if (Number.isNaN(v)) missing = true;
      xs[k] = v;
      mean += v;
    }
    if (missing) { fallbackRow(data.subarray(off, off + ncol), time, event, opts, out, o); continue; }
    mean /= n;
    let lo = Infinity, hi = -Infinity;
    for (let k = 0; k < n; k++) { xs[k] -= mean; if (xs[k] < lo) lo = xs[k]; if (xs[k] > hi) hi = xs[k]; }
    out.n[o] = n; out.events[o] = totalEvents;
    // Newton–Raphson as coxFit
    evaluate(0);
    const ll0 = ev.ll;
    let ll = ev.ll, u = ev.u, info = ev.i;
    const constant = !(hi > lo) || !(info > 0);
    out.scoreP[o] = constant ? NaN : chisqUpper((u * u) / info, 1);
    let beta = 0, step = constant ? 0 : u / info, it = 0, conv = constant, halving = false;
    while (!conv && it < opts.maxIter) {
      it++;
      const nb = beta + step;
      evaluate(nb);
      conv = !halving && Math.abs(1 - ll / ev.ll) <= opts.eps;
      if (!conv && (!Number.isFinite(ev.ll) || ev.ll < ll)) { step /= 2; halving = true; continue; }
      halving = false;
      beta = nb; ll = ev.ll; u = ev.u; info = ev.i;
      step = info > 0 ? u / info : 0;
    }
    const se = constant ? NaN : 1 / Math.sqrt(info);
    const b = constant ? NaN : beta;
    out.coef[o] = b; out.se[o] = se; out.z[o] = b / se; out.p[o] = normalTwoSided(b / se);
    out.hr[o] = Math.exp(b); out.hrLower[o] = Math.exp(b - zc * se); out.hrUpper[o] = Math.exp(b + zc * se);
    out.lrP[o] = constant ? NaN : chisqUpper(2 * (ll - ll0), 1);
    out.converged[o] = conv ? 1 : 0; out.iterations[o] = it;
    // log-rank at the median split, walking tie groups from the latest time back
    for (let k = 0; k < n; k++) sorted[k] = xs[k];
    const h = (n - 1) * 0.5, fl = Math.floor(h);
    const lowV = select(sorted, fl);
    let nextV = lowV;
    if (fl + 1 < n) {
      nextV = Infinity;
      for (let k = fl + 1; k < n; k++) if (sorted[k] < nextV) nextV = sorted[k];
    }
    const medc = lowV + (h - fl) * (nextV - lowV);
    out.median[o] = medc + mean;
    let nLow = 0;
    for (let k = 0; k < n; k++) if (xs[k] <= medc) nLow++;
    let atRisk = n, lowRisk = nLow, O = 0, E = 0, V = 0, k = n;
    for (let g = G - 1; g >= 0; g--) {
      const s = g === 0 ? 0 : gEnd[g - 1];
      let d = 0, dl = 0, leave = 0, leaveLow = 0;
      for (let q = s; q < k; q++) {
        const low = xs[q] <= medc;
        leave++; if (low) leaveLow++;
        if (es[q]) { d++; if (low) dl++; }
      }
      if (d > 0) {
        const pl = lowRisk / atRisk;
        O += dl; E += d * pl;
        if (atRisk > 1) V += ((d * (atRisk - d)) / (atRisk - 1)) * pl * (1 - pl);
      }
      atRisk -= leave; lowRisk -= leaveLow; k = s;
    }
    const chisq = V > 0 ? ((O - E) * (O - E)) / V : NaN;
    out.logrankChisq[o] = chisq; out.logrankP[o] = chisqUpper(chisq, 1);
  }
  return out;
}

function fallbackRow(x: Float64Array, time: Float64Array, event: Uint8Array, opts: ScreenKernelOptions, out: ScreenBlock, o: number): void {
  const keep: number[] = [];
  for (let j = 0; j < x.length; j++) if (!Number.isNaN(x[j])) keep.push(j);
  const t = Float64Array.from(keep, (j) => time[j]), e = Uint8Array.from(keep, (j) => event[j]);
  const v = Float64Array.from(keep, (j) => x[j]);
  out.n[o] = keep.length;
  out.events[o] = e.reduce((a, b) => a + b, 0);
  if (keep.length < 2) {
    for (const f of ['coef', 'se', 'z', 'p', 'hr', 'hrLower', 'hrUpper', 'lrP', 'scoreP', 'median', 'logrankChisq', 'logrankP'] as const) out[f][o] = NaN;
    return;
  }
  const fit = coxph(t, e, v, { ties: opts.ties, maxIter: opts.maxIter, eps: opts.eps, confLevel: opts.confLevel, concordance: false });
  out.coef[o] = fit.coef[0]; out.se[o] = fit.se[0]; out.z[o] = fit.z[0]; out.p[o] = fit.p[0];
  out.hr[o] = fit.hr[0]; out.hrLower[o] = fit.hrLower[0]; out.hrUpper[o] = fit.hrUpper[0];
  out.lrP[o] = fit.lr.p; out.scoreP[o] = fit.score.p; out.converged[o] = fit.converged ? 1 : 0; out.iterations[o] = fit.iterations;
  const s = Float64Array.from(v).sort();
  const h = (s.length - 1) * 0.5, fl = Math.floor(h);
  const med = s[fl] + (h - fl) * (s[Math.min(s.length - 1, fl + 1)] - s[fl]);
  out.median[o] = med;
  const lr = logrank(t, e, Array.from(v, (z) => (z <= med ? 'low' : 'high')), { levels: ['low', 'high'] });
  out.logrankChisq[o] = lr.chisq; out.logrankP[o] = lr.p;
}

/**
 * k-th smallest (0-based) by quickselect (Hoare partition, median-of-three pivot), in place:
 * afterwards a[0..k] ≤ a[k] ≤ a[k+1..]. O(n) expected, no allocation (a typed-array sort boxes
 * its elements). Readable form: `Float64Array.from(a).sort()[k]`.
 */
export function select(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three as pivot
    let x = a[lo], y = a[mid], z = a[hi];
    if (x > y) { const t = x; x = y; y = t; }
    if (y > z) { y = z; }
    const pivot = x > y ? x : y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
