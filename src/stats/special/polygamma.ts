/**
 * Trigamma ψ₁(x) and tetragamma ψ₂(x) for x > 0, and the inverse of the trigamma function.
 *
 * ψ₁ and ψ₂ shift x upward with ψ₁(x) = ψ₁(x+1) + 1/x², ψ₂(x) = ψ₂(x+1) − 2/x³ until x ≥ 12,
 * then use the asymptotic series (Abramowitz & Stegun 6.4.11–6.4.12) with Bernoulli numbers
 * B₂…B₁₂; relative error below 1e-15 for x > 0. O(1) per call (at most 12 shifts).
 * Checked against R 4.2.2 `trigamma` / `psigamma(x, 2)` in test/de/special.test.ts.
 */

const SHIFT = 12;
// Bernoulli numbers B_2k for k = 1..6.
const B = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730];

/** Trigamma ψ₁(x) = d²/dx² log Γ(x), x > 0 (NaN otherwise). */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x > 1e8) return 1 / x + 1 / (2 * x * x);
  let acc = 0;
  while (x < SHIFT) {
    acc += 1 / (x * x);
    x += 1;
  }
  // ψ₁(x) ~ 1/x + 1/(2x²) + Σ B_2k / x^(2k+1)
  const x2 = 1 / (x * x);
  let s = 0;
  let p = x2 / x;
  for (let k = 0; k < B.length; k++) {
    s += B[k] * p;
    p *= x2;
  }
  return acc + 1 / x + x2 / 2 + s;
}

/** Tetragamma ψ₂(x) = d³/dx³ log Γ(x), x > 0 (NaN otherwise). */
export function tetragamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x > 1e8) return -1 / (x * x) - 1 / (x * x * x);
  let acc = 0;
  while (x < SHIFT) {
    acc -= 2 / (x * x * x);
    x += 1;
  }
  // ψ₂(x) ~ −1/x² − 1/x³ − Σ (2k+1) B_2k / x^(2k+2)
  const x2 = 1 / (x * x);
  let s = 0;
  let p = x2 * x2;
  for (let k = 0; k < B.length; k++) {
    s += (2 * k + 3) * B[k] * p;
    p *= x2;
  }
  return acc - x2 - x2 / x - s;
}

/**
 * Inverse trigamma: y with ψ₁(y) = x, x > 0, by Newton's method on 1/ψ₁ started at 0.5 + 1/x
 * (Smyth 2004, doi:10.2202/1544-6115.1027, appendix): the step is ψ₁(y)(1 − ψ₁(y)/x)/ψ₂(y), and
 * iteration stops when the relative step is below 1e-8 (≤ 50 steps). Large x → 1/√x, tiny x → 1/x.
 */
export function trigammaInverse(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x > 1e7) return 1 / Math.sqrt(x);
  if (x < 1e-6) return 1 / x;
  let y = 0.5 + 1 / x;
  for (let it = 0; it < 50; it++) {
    const tri = trigamma(y);
    const dif = (tri * (1 - tri / x)) / tetragamma(y);
    y += dif;
    if (-dif / y < 1e-8) break;
  }
  return y;
}
