/**
 * Brent's root finder (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4;
 * the zeroin procedure of Forsythe, Malcolm & Moler 1977): bisection safeguarded by secant and
 * inverse quadratic interpolation. Used with the same tolerance and iteration cap as R's
 * `uniroot` so that estimates defined as roots (Hodges–Lehmann shift with ties, Fisher's
 * conditional MLE and its CI) agree with R, whose answers depend on the root finder's path.
 * O(iterations) evaluations of f.
 */
export interface ZeroinResult {
  root: number;
  iterations: number;
  converged: boolean;
}

const EPS = 2.220446049250313e-16;

/**
 * Root of f in [a, b] given f(a) = fa and f(b) = fb of opposite signs (or one zero).
 * `tol` default 1.220703e-4 (R's `.Machine$double.eps^0.25`), `maxIter` default 1000.
 */
export function zeroin(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tol = Math.pow(EPS, 0.25),
  maxIter = 1000,
): ZeroinResult {
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };
  let it = 0;
  let left = maxIter + 1;
  while (left-- > 0) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tolAct = 2 * EPS * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return { root: b, iterations: it, converged: true };
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    it++;
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: it, converged: false };
}

/** R's `uniroot(f, c(lower, upper), tol)`: evaluates the ends, then `zeroin`. */
export function uniroot(f: (x: number) => number, lower: number, upper: number, tol?: number): ZeroinResult {
  return zeroin(f, lower, upper, f(lower), f(upper), tol);
}
