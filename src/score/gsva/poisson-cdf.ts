/**
 * Poisson distribution function P(X ≤ k), X ~ Poisson(λ), accurate to a few ulps for counts
 * and means up to ~1e7 (the @stdlib implementation loses digits there: for k = 1078,
 * λ = 1034.5 it returns 0.958 instead of 0.914).
 *
 * Method: the probability mass at k from Loader's saddle-point form
 *   p(k; λ) = exp(−stirlerr(k) − bd0(k, λ)) / √(2πk)
 * (C. Loader, "Fast and accurate computation of binomial probabilities", 2000), then the lower
 * tail summed downwards from k when k < λ, or the upper tail summed upwards from k + 1 and
 * subtracted from 1 otherwise; terms follow p(j−1) = p(j)·j/λ and p(j+1) = p(j)·λ/(j+1) and the
 * sum stops when a term no longer changes it. Cost O(√λ) terms near the mode, fewer in the tails.
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { POISSON_TABLE_CORRECTIONS } from './table-corrections.js';

const LN_SQRT_2PI = 0.918938533204672741780329736406;

/** log(k!) − log(√(2πk)·(k/e)^k), the error of Stirling's formula. */
function stirlerr(k: number): number {
  if (k <= 15) return gammaln(k + 1) - (k + 0.5) * Math.log(k) + k - LN_SQRT_2PI;
  const k2 = k * k;
  if (k > 500) return (1 / 12 - 1 / 360 / k2) / k;
  if (k > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / k2) / k2) / k;
  if (k > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / k2) / k2) / k2) / k;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / k2) / k2) / k2) / k2) / k;
}

/** k·log(k/λ) + λ − k without cancellation when k ≈ λ. */
function bd0(k: number, lambda: number): number {
  if (Math.abs(k - lambda) < 0.1 * (k + lambda)) {
    const v = (k - lambda) / (k + lambda);
    let s = (k - lambda) * v;
    let ej = 2 * k * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return k * Math.log(k / lambda) + lambda - k;
}

/** P(X = k), k a non-negative integer. */
export function poissonPmf(k: number, lambda: number): number {
  if (k === 0) return Math.exp(-lambda);
  return Math.exp(-stirlerr(k) - bd0(k, lambda)) / Math.sqrt(2 * Math.PI * k);
}

/** P(X ≤ floor(x)), X ~ Poisson(λ), λ > 0. */
export function poissonCdf(x: number, lambda: number): number {
  if (x < 0) return 0;
  if (x === Infinity) return 1;
  const k = Math.floor(x);
  if (k < lambda) {
    let p = poissonPmf(k, lambda);
    let sum = 0;
    for (let j = k; j >= 0 && p > 0; j--) {
      const s1 = sum + p;
      if (s1 === sum) break;
      sum = s1;
      p *= j / lambda;
    }
    return sum;
  }
  let p = poissonPmf(k + 1, lambda);
  let tail = 0;
  for (let j = k + 1; p > 0; j++) {
    const s1 = tail + p;
    if (s1 === tail) break;
    tail = s1;
    p *= lambda / (j + 1);
  }
  return 1 - tail;
}

let small: Float64Array | null = null;

/**
 * P(X ≤ x), X ~ Poisson(m + 0.5), for integers x, m < 64, rounded as R's ppois rounds them
 * (table-corrections.ts): GSVA orders genes that hold the same small counts in a different
 * order by these last bits. Index 64·x + m.
 */
export function smallPoissonTable(): Float64Array {
  if (small) return small;
  const t = new Float64Array(64 * 64);
  for (let x = 0; x < 64; x++) for (let m = 0; m < 64; m++) t[x * 64 + m] = poissonCdf(x, m + 0.5);
  const bits = new BigInt64Array(t.buffer);
  for (const item of POISSON_TABLE_CORRECTIONS.split(' ')) {
    const [i, d] = item.split(':');
    bits[Number(i)] += BigInt(d);
  }
  small = t;
  return t;
}

/** The Poisson kernel's term P(X ≤ x), X ~ Poisson(y + 0.5). */
export function poissonKernelTerm(x: number, y: number): number {
  if (x < 64 && y < 64 && x === Math.floor(x) && y === Math.floor(y) && x >= 0 && y >= 0) return smallPoissonTable()[x * 64 + y];
  return poissonCdf(x, y + 0.5);
}
