/** Random variates for the simulator, all drawn from the seeded generator. */
import type { Rng } from '../src/core/random.js';

/** Gamma(shape, scale=1) by Marsaglia & Tsang (2000), doi:10.1145/358407.358414. */
export function gamma(r: Rng, shape: number): number {
  if (shape < 1) return gamma(r, shape + 1) * Math.pow(r.uniform() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = r.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson(λ): inversion for small λ, normal-rounded gamma–Poisson split for large λ. */
export function poisson(r: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const L = Math.exp(-lambda);
    let k = 0;
    let p = r.uniform();
    while (p > L) {
      k++;
      p *= r.uniform();
    }
    return k;
  }
  // Ahrens–Dieter style reduction: X ~ Gamma(m) decides which half holds the count.
  const m = Math.floor(0.875 * lambda);
  const g = gamma(r, m);
  if (g > lambda) return binomial(r, m - 1, lambda / g);
  return m + poisson(r, lambda - g);
}

/** Binomial(n, p) by summing geometric waiting times (fine for the sizes used here). */
export function binomial(r: Rng, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (n < 64) {
    let k = 0;
    for (let i = 0; i < n; i++) if (r.uniform() < p) k++;
    return k;
  }
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  return Math.max(0, Math.min(n, Math.round(mean + sd * r.normal())));
}

/** Negative binomial with mean μ and dispersion φ (variance μ + φμ²) as a gamma–Poisson mixture. */
export function negativeBinomial(r: Rng, mu: number, phi: number): number {
  if (phi <= 0) return poisson(r, mu);
  const shape = 1 / phi;
  return poisson(r, (gamma(r, shape) / shape) * mu);
}
