/**
 * Dense numeric matrix, row-major, genes × samples; missing values are `NaN`.
 * Row i is `data.subarray(i * ncol, (i + 1) * ncol)`: a view, not a copy.
 */
export interface Matrix {
  readonly nrow: number;
  readonly ncol: number;
  readonly data: Float64Array;
}

/** A zero-filled matrix. With `shared: true` the storage is a `SharedArrayBuffer` (for workers). */
export function createMatrix(nrow: number, ncol: number, options: { shared?: boolean } = {}): Matrix {
  const n = nrow * ncol;
  const data = options.shared
    ? new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(n);
  return { nrow, ncol, data };
}

/** Wrap existing data (checked for length). */
export function matrixFrom(nrow: number, ncol: number, data: Float64Array): Matrix {
  if (data.length !== nrow * ncol) {
    throw new RangeError(`matrix data has length ${data.length}, expected ${nrow}×${ncol}=${nrow * ncol}`);
  }
  return { nrow, ncol, data };
}

/** Build from an array of rows (tests, small inputs). */
export function matrixFromRows(rows: ArrayLike<number>[]): Matrix {
  const nrow = rows.length;
  const ncol = nrow ? rows[0].length : 0;
  const m = createMatrix(nrow, ncol);
  for (let i = 0; i < nrow; i++) {
    if (rows[i].length !== ncol) throw new RangeError(`row ${i} has ${rows[i].length} values, expected ${ncol}`);
    m.data.set(rows[i], i * ncol);
  }
  return m;
}

/** Row i as a view. */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.ncol, (i + 1) * m.ncol);
}

/** Column j as a copy. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.nrow);
  for (let i = 0, k = j; i < m.nrow; i++, k += m.ncol) out[i] = m.data[k];
  return out;
}

/** Transposed copy, blocked for cache locality. O(nrow·ncol). */
export function transpose(m: Matrix, options: { shared?: boolean } = {}): Matrix {
  const { nrow, ncol, data } = m;
  const t = createMatrix(ncol, nrow, options);
  const out = t.data;
  const B = 64;
  for (let i0 = 0; i0 < nrow; i0 += B) {
    const i1 = Math.min(nrow, i0 + B);
    for (let j0 = 0; j0 < ncol; j0 += B) {
      const j1 = Math.min(ncol, j0 + B);
      for (let i = i0; i < i1; i++) {
        const base = i * ncol;
        for (let j = j0; j < j1; j++) out[j * nrow + i] = data[base + j];
      }
    }
  }
  return t;
}

/** Copy of the rows at `rows` (in that order) and, optionally, the columns at `cols`. */
export function selectMatrix(m: Matrix, rows: ArrayLike<number> | null, cols: ArrayLike<number> | null = null): Matrix {
  const nr = rows ? rows.length : m.nrow;
  const nc = cols ? cols.length : m.ncol;
  const out = createMatrix(nr, nc);
  for (let a = 0; a < nr; a++) {
    const i = rows ? rows[a] : a;
    const src = i * m.ncol;
    const dst = a * nc;
    if (!cols) out.data.set(m.data.subarray(src, src + m.ncol), dst);
    else for (let b = 0; b < nc; b++) out.data[dst + b] = m.data[src + cols[b]];
  }
  return out;
}

/** Copy the matrix into shared memory (no-op when it already is). */
export function toShared(m: Matrix): Matrix {
  if (m.data.buffer instanceof SharedArrayBuffer) return m;
  const s = createMatrix(m.nrow, m.ncol, { shared: true });
  s.data.set(m.data);
  return s;
}
