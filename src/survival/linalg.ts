/**
 * Small dense symmetric positive (semi-)definite solves for the Cox information matrix
 * (p × p, row-major). Cholesky with a pivot tolerance: a column whose pivot falls below
 * `tol` × its diagonal is treated as collinear and its solution component set to 0, which is how
 * a Cox fit drops an aliased covariate.
 */

/**
 * In-place LDLᵀ factorisation (L unit lower triangle stored below the diagonal, D on it).
 * Returns the flags of dropped (aliased) columns. O(p³).
 */
export function cholesky(a: Float64Array, p: number, tol = 1.8189894035458565e-12): Uint8Array {
  const dropped = new Uint8Array(p);
  let eps = 0;
  for (let i = 0; i < p; i++) if (Math.abs(a[i * p + i]) > eps) eps = Math.abs(a[i * p + i]);
  eps *= tol;
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k] * a[k * p + k];
    if (!(d > eps) || !Number.isFinite(d)) {
      a[j * p + j] = 0;
      dropped[j] = 1;
      for (let i = j + 1; i < p; i++) a[i * p + j] = 0;
      continue;
    }
    a[j * p + j] = d;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k] * a[k * p + k];
      a[i * p + j] = s / d;
    }
  }
  return dropped;
}

/** Solve A x = b with the factor from `cholesky` (L unit lower in the lower triangle, D on the diagonal). */
export function cholSolve(f: Float64Array, p: number, b: Float64Array, dropped: Uint8Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= f[i * p + k] * x[k];
    x[i] = s;
  }
  for (let i = 0; i < p; i++) x[i] = dropped[i] || f[i * p + i] === 0 ? 0 : x[i] / f[i * p + i];
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= f[k * p + i] * x[k];
    x[i] = dropped[i] ? 0 : s;
  }
  return x;
}

/** Inverse of a symmetric matrix via the factorisation; aliased rows/columns become NaN. */
export function cholInverse(a: Float64Array, p: number): { inv: Float64Array; dropped: Uint8Array } {
  const f = Float64Array.from(a);
  const dropped = cholesky(f, p);
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(f, p, e, dropped);
    for (let i = 0; i < p; i++) inv[i * p + j] = dropped[i] || dropped[j] ? NaN : col[i];
  }
  return { inv, dropped };
}

/** Quadratic form bᵀ A⁻¹ b over the non-aliased components. */
export function quadSolve(a: Float64Array, p: number, b: Float64Array): number {
  const f = Float64Array.from(a);
  const dropped = cholesky(f, p);
  const x = cholSolve(f, p, b, dropped);
  let s = 0;
  for (let i = 0; i < p; i++) if (!dropped[i]) s += b[i] * x[i];
  return s;
}
