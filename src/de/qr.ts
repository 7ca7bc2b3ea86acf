/**
 * Householder QR of a small dense n×p matrix (column-major), the kernel of the linear-model
 * fits. Stores the reflectors in place (LINPACK style): column k holds v_k below the diagonal,
 * `beta[k]` its scale, R on and above the diagonal. No pivoting: a column whose residual norm is
 * below `tol` × its original norm makes the matrix rank deficient (`rank < p`).
 * O(n·p²) to factor, O(n·p) to apply Qᵀ to a vector. Golub & Van Loan, Matrix Computations §5.2.
 */

export interface QR {
  n: number;
  p: number;
  /** Column-major n×p: R above/on the diagonal, reflectors below. */
  qr: Float64Array;
  /** Reflector scales: H_k = I − beta_k v_k v_kᵀ with v_k[k] = 1. */
  beta: Float64Array;
  /** Number of columns before the first (near) dependent one. */
  rank: number;
}

/** Factor a (copied) n×p column-major matrix; `tol` relative to each column's norm (default 1e-7). */
export function qrDecompose(a: Float64Array, n: number, p: number, tol = 1e-7, out?: QR): QR {
  const qr = out?.qr.length === n * p ? out.qr : new Float64Array(n * p);
  qr.set(a.subarray(0, n * p));
  const beta = out?.beta.length === p ? out.beta : new Float64Array(p);
  let rank = p;
  for (let k = 0; k < p; k++) {
    const ck = k * n;
    let norm0 = 0;
    for (let i = 0; i < n; i++) norm0 += qr[ck + i] * qr[ck + i];
    let sigma = 0;
    for (let i = k; i < n; i++) sigma += qr[ck + i] * qr[ck + i];
    const alpha = Math.sqrt(sigma);
    if (!(alpha > tol * Math.sqrt(norm0)) || k >= n) {
      if (rank === p) rank = k;
      beta[k] = 0;
      continue;
    }
    const x0 = qr[ck + k];
    const r = x0 >= 0 ? -alpha : alpha; // R_kk
    const v0 = x0 - r;
    // v = x(k:n)/v0 with v[k] = 1; beta = −v0/r
    for (let i = k + 1; i < n; i++) qr[ck + i] /= v0;
    beta[k] = -v0 / r;
    qr[ck + k] = r;
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let s = qr[cj + k];
      for (let i = k + 1; i < n; i++) s += qr[ck + i] * qr[cj + i];
      s *= beta[k];
      qr[cj + k] -= s;
      for (let i = k + 1; i < n; i++) qr[cj + i] -= s * qr[ck + i];
    }
  }
  return { n, p, qr, beta, rank };
}

/** y ← Qᵀ y in place (the "effects"); y has length n. */
export function applyQt(f: QR, y: Float64Array): void {
  const { n, p, qr, beta } = f;
  for (let k = 0; k < p; k++) {
    if (beta[k] === 0) continue;
    const ck = k * n;
    let s = y[k];
    for (let i = k + 1; i < n; i++) s += qr[ck + i] * y[i];
    s *= beta[k];
    y[k] -= s;
    for (let i = k + 1; i < n; i++) y[i] -= s * qr[ck + i];
  }
}

/** Solve R b = e (first p effects) into b. */
export function solveR(f: QR, e: Float64Array, b: Float64Array): void {
  const { n, p, qr } = f;
  for (let j = p - 1; j >= 0; j--) {
    let s = e[j];
    for (let k = j + 1; k < p; k++) s -= qr[k * n + j] * b[k];
    b[j] = s / qr[j * n + j];
  }
}

/** (RᵀR)⁻¹ as a p×p row-major matrix (the unscaled covariance of the coefficients). */
export function unscaledCovariance(f: QR): Float64Array {
  const { n, p, qr } = f;
  const ri = new Float64Array(p * p); // R⁻¹, upper triangular, row-major
  for (let c = 0; c < p; c++) {
    for (let j = c; j >= 0; j--) {
      let s = j === c ? 1 : 0;
      for (let k = j + 1; k <= c; k++) s -= qr[k * n + j] * ri[k * p + c];
      ri[j * p + c] = s / qr[j * n + j];
    }
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += ri[i * p + k] * ri[j * p + k];
      cov[i * p + j] = s;
      cov[j * p + i] = s;
    }
  return cov;
}

/** Diagonal of (RᵀR)⁻¹ into `out` (length p), using `scratch` (length ≥ p²) for R⁻¹. */
export function unscaledVariances(f: QR, out: Float64Array, scratch: Float64Array): void {
  const { n, p, qr } = f;
  const ri = scratch;
  for (let c = 0; c < p; c++) {
    for (let j = c; j >= 0; j--) {
      let s = j === c ? 1 : 0;
      for (let k = j + 1; k <= c; k++) s -= qr[k * n + j] * ri[k * p + c];
      ri[j * p + c] = s / qr[j * n + j];
    }
  }
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let k = i; k < p; k++) s += ri[i * p + k] * ri[i * p + k];
    out[i] = s;
  }
}
