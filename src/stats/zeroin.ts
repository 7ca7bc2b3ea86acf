/**
 * Brent's zeroin: a root of f in [a, b] with f(a)·f(b) ≤ 0, combining bisection, the secant
 * step and inverse quadratic interpolation (R. P. Brent 1973, "Algorithms for Minimization
 * without Derivatives", ch. 4; Forsythe, Malcolm & Moler 1977, "Computer Methods for
 * Mathematical Computations", §7.2). Each step keeps a bracket [b, c] with b the best estimate
 * (|f(b)| ≤ |f(c)|) and a the previous b; it stops when |c − b|/2 ≤ tol₁ = 2ε|b| + tol/2 or
 * f(b) = 0, and never steps by less than tol₁. An interpolated step is taken only when it stays
 * within 3/4 of the bracket and is less than half the last step b − a (the variant of the
 * public-domain C translation of zeroin; the book compares with the step before last);
 * otherwise it bisects. O(log²((b − a)/tol)) evaluations at worst, usually a handful.
 *
 * With the same interval, end values, tolerance and iteration limit this evaluates the same
 * points as R's `uniroot` (black-box: the points `uniroot` evaluates on closed-form functions,
 * and on the d₀ search of limma 3.54.1 `fitFDistRobustly`, traced by wrapping `uniroot`; see
 * scripts/de-uniroot-fixtures.R). Estimates defined as roots (Hodges–Lehmann shift with ties,
 * Fisher's conditional MLE and its CI, limma's robust d₀) then agree with R, whose answers depend
 * on the root finder's path.
 */

export interface ZeroinOptions {
  /** f(lower) when already known. Default: evaluated. */
  fLower?: number;
  /** f(upper) when already known. Default: evaluated. */
  fUpper?: number;
  /** Absolute tolerance on the root, > 0. Default ε^¼ ≈ 1.22e-4 (as `uniroot`). */
  tol?: number;
  /** Largest number of function evaluations after the end points. Default 1000. */
  maxIter?: number;
}

export interface ZeroinResult {
  root: number;
  /** f(root) as last evaluated. */
  fRoot: number;
  iterations: number;
  converged: boolean;
}

/** Root of f in [lower, upper]; f(lower) and f(upper) must not have the same strict sign. */
export function zeroin(f: (x: number) => number, lower: number, upper: number, options: ZeroinOptions = {}): ZeroinResult {
  const tol = options.tol ?? Number.EPSILON ** 0.25;
  const maxIter = options.maxIter ?? 1000;
  const EPS = Number.EPSILON;
  let a = lower;
  let b = upper;
  let fa = options.fLower ?? f(a);
  let fb = options.fUpper ?? f(b);
  // c is on the other side of the root from b
  let c = a;
  let fc = fa;
  let it = 0;
  for (;;) {
    // the last step taken (from a to b): interpolation must at least halve it
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // make b the best estimate
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol1 = 2 * EPS * Math.abs(b) + 0.5 * tol;
    const cb = c - b;
    let step = cb / 2; // bisection unless interpolation is accepted
    if (Math.abs(step) <= tol1 || fb === 0) return { root: b, fRoot: fb, iterations: it, converged: true };
    if (it >= maxIter) return { root: b, fRoot: fb, iterations: it, converged: false };
    if (Math.abs(prevStep) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // interpolate: secant when only two distinct points, else inverse quadratic; step = p/q
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // accept when it stays within 3/4 of the bracket and is less than half the last step
      if (p < 0.75 * cb * q - Math.abs(tol1 * q) / 2 && p < Math.abs((prevStep * q) / 2)) step = p / q;
    }
    if (Math.abs(step) < tol1) step = step > 0 ? tol1 : -tol1;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    it++;
    // keep the root between b and c
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
}

/** R's `uniroot(f, c(lower, upper), tol)`: evaluates the ends, then `zeroin`. */
export function uniroot(f: (x: number) => number, lower: number, upper: number, tol?: number): ZeroinResult {
  return zeroin(f, lower, upper, { tol });
}
