/**
 * LOWESS scatterplot smoother with R `lowess(x, y, f, iter, delta)` semantics (Cleveland 1979,
 * doi:10.1080/01621459.1979.10481038): at each x (sorted), a weighted linear fit over the
 * ⌊f·n⌋ nearest points with tricube weights (1 − (d/h)³)³, points within `delta` of the last fit
 * interpolated linearly, then `iter` robustness passes with bisquare weights (1 − (r/6M)²)² where
 * M is the median absolute residual. O(n·k) per pass for k = ⌊f·n⌋ neighbours (less with delta).
 * Oracle: R 4.2.2 `lowess` (through limma `voom`'s trend).
 */
import { selectInPlace } from '../normalize/rnaseq/order-statistic.js';

export interface LowessOptions {
  /** Smoother span, the fraction of points in each local fit, (0, 1]. Default 2/3. */
  f?: number;
  /** Robustness iterations, integer ≥ 0. Default 3. */
  iter?: number;
  /** Distance within which fits are interpolated. Default 0.01 × range(x). */
  delta?: number;
}

export interface LowessResult {
  /** x sorted increasingly. */
  x: Float64Array;
  /** Smoothed y at each sorted x. */
  y: Float64Array;
}

/** Local weighted linear fit at xs over points nleft..n−1; returns NaN when all weights vanish. */
function fitAt(
  x: Float64Array, y: Float64Array, n: number, xs: number, nleft: number, nright: number,
  w: Float64Array, rw: Float64Array | null,
): number {
  const range = x[n - 1] - x[0];
  const h = Math.max(xs - x[nleft], x[nright] - xs);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  let j = nleft;
  for (; j < n; j++) {
    w[j] = 0;
    const r = Math.abs(x[j] - xs);
    if (r <= h9) {
      if (r <= h1) w[j] = 1;
      else {
        const q = r / h;
        const u = 1 - q * q * q;
        w[j] = u * u * u;
      }
      if (rw) w[j] *= rw[j];
      a += w[j];
    } else if (x[j] > xs) break;
  }
  const nrt = j - 1;
  if (a <= 0) return NaN;
  for (j = nleft; j <= nrt; j++) w[j] /= a;
  if (h > 0) {
    a = 0;
    for (j = nleft; j <= nrt; j++) a += w[j] * x[j];
    let b = xs - a;
    let c = 0;
    for (j = nleft; j <= nrt; j++) c += w[j] * (x[j] - a) * (x[j] - a);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (j = nleft; j <= nrt; j++) w[j] *= b * (x[j] - a) + 1;
    }
  }
  let ys = 0;
  for (j = nleft; j <= nrt; j++) ys += w[j] * y[j];
  return ys;
}

/** One smoothing run on sorted x (R's clowess). */
export function lowessSorted(x: Float64Array, y: Float64Array, f: number, iter: number, delta: number): Float64Array {
  const n = x.length;
  const ys = new Float64Array(n);
  if (n < 2) {
    ys.set(y);
    return ys;
  }
  const ns = Math.max(2, Math.min(n, Math.floor(f * n + 1e-7)));
  const w = new Float64Array(n);
  const res = new Float64Array(n);
  const abs = new Float64Array(n);
  let rw: Float64Array | null = null;
  for (let pass = 0; pass <= iter; pass++) {
    let nleft = 0;
    let nright = ns - 1;
    let last = -1;
    let i = 0;
    for (;;) {
      if (i < n - 1) {
        while (nright < n - 1) {
          const d1 = x[i] - x[nleft];
          const d2 = x[nright + 1] - x[i];
          if (d1 <= d2) break;
          nleft++;
          nright++;
        }
      }
      const v = fitAt(x, y, n, x[i], nleft, nright, w, rw);
      ys[i] = Number.isNaN(v) ? y[i] : v;
      if (last < i - 1) {
        const denom = x[i] - x[last];
        for (let j = last + 1; j < i; j++) {
          const alpha = (x[j] - x[last]) / denom;
          ys[j] = alpha * ys[i] + (1 - alpha) * ys[last];
        }
      }
      last = i;
      const cut = x[last] + delta;
      for (i = last + 1; i < n; i++) {
        if (x[i] > cut) break;
        if (x[i] === x[last]) {
          ys[i] = ys[last];
          last = i;
        }
      }
      i = Math.max(last + 1, i - 1);
      if (last >= n - 1) break;
    }
    let sc = 0;
    for (let k = 0; k < n; k++) {
      res[k] = y[k] - ys[k];
      sc += Math.abs(res[k]);
    }
    sc /= n;
    if (pass === iter) break;
    for (let k = 0; k < n; k++) abs[k] = Math.abs(res[k]);
    const m1 = Math.floor(n / 2);
    let cmad: number;
    if (n % 2 === 0) {
      const a1 = selectInPlace(abs, m1);
      const a2 = selectInPlace(abs, n - m1 - 1);
      cmad = 3 * (a1 + a2);
    } else cmad = 6 * selectInPlace(abs, m1);
    if (cmad < 1e-7 * sc) break;
    const c9 = 0.999 * cmad;
    const c1 = 0.001 * cmad;
    rw ??= new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const r = Math.abs(res[k]);
      if (r <= c1) rw[k] = 1;
      else if (r <= c9) {
        const u = r / cmad;
        rw[k] = (1 - u * u) * (1 - u * u);
      } else rw[k] = 0;
    }
  }
  return ys;
}

/** LOWESS of y on x; returns the points sorted by x (stable order for ties, as R's `order`). */
export function lowess(x: ArrayLike<number>, y: ArrayLike<number>, options: LowessOptions = {}): LowessResult {
  const n = x.length;
  const f = options.f ?? 2 / 3;
  const iter = options.iter ?? 3;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a] - x[b] || a - b);
  const xs = new Float64Array(n);
  const yv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = x[order[i]];
    yv[i] = y[order[i]];
  }
  const delta = options.delta ?? (n > 0 ? 0.01 * (xs[n - 1] - xs[0]) : 0);
  return { x: xs, y: lowessSorted(xs, yv, f, iter, delta) };
}

/**
 * Linear interpolation of the curve (x sorted, ties averaged as R's `approxfun(ties = mean)`),
 * constant beyond the ends (`rule = 2`).
 */
export function interpolator(cx: Float64Array, cy: Float64Array): (v: number) => number {
  const ux: number[] = [];
  const uy: number[] = [];
  for (let i = 0; i < cx.length; ) {
    let j = i + 1;
    let s = cy[i];
    while (j < cx.length && cx[j] === cx[i]) s += cy[j++];
    ux.push(cx[i]);
    uy.push(s / (j - i));
    i = j;
  }
  const X = Float64Array.from(ux);
  const Y = Float64Array.from(uy);
  const m = X.length;
  // Bucket table over [X0, X_{m−1}]: start[b] is the last knot at or left of bucket b's left edge,
  // so a look-up walks ~1 knot instead of a binary search.
  const nb = Math.min(1 << 16, Math.max(1, 2 * m));
  const x0 = X[0];
  const width = (X[m - 1] - x0) / nb;
  const start = new Int32Array(nb + 1);
  for (let b = 0, k = 0; b <= nb; b++) {
    const edge = x0 + b * width;
    while (k + 1 < m && X[k + 1] <= edge) k++;
    start[b] = k;
  }
  return (v: number): number => {
    if (!(v > X[0])) return Number.isNaN(v) ? NaN : Y[0];
    if (v >= X[m - 1]) return Y[m - 1];
    let lo = start[Math.min(nb, Math.floor((v - x0) / width))];
    while (lo + 1 < m && X[lo + 1] <= v) lo++;
    while (lo > 0 && X[lo] > v) lo--;
    const hi = lo + 1;
    return Y[lo] + ((Y[hi] - Y[lo]) * (v - X[lo])) / (X[hi] - X[lo]);
  };
}
