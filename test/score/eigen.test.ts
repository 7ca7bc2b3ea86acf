import { describe, it, expect } from 'vitest';
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { rng } from '../../src/core/random.js';
import { symmetricEigen, topEigenvector } from '../../src/score/index.js';

function randomGram(m: number, n: number, seed: number): Float64Array {
  const r = rng(seed, 0);
  const z = Float64Array.from({ length: m * n }, () => r.normal());
  const g = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += z[a * n + j] * z[b * n + j];
    g[a * m + b] = s;
  }
  return g;
}

describe('symmetricEigen(a, m)', () => {
  it.each([[1], [2], [5], [40]])('gives A·v = λ·v with orthonormal vectors and the eigenvalues of ml-matrix (m = %i)', (m) => {
    const a = randomGram(m, 30, m);
    const { values, vectors } = symmetricEigen(a, m);
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < m; k++) {
        let av = 0;
        for (let j = 0; j < m; j++) av += a[k * m + j] * vectors[j * m + i];
        expect(av).toBeCloseTo(values[i] * vectors[k * m + i], 8);
      }
      let norm = 0;
      for (let k = 0; k < m; k++) norm += vectors[k * m + i] ** 2;
      expect(norm).toBeCloseTo(1, 12);
    }
    const rows = Array.from({ length: m }, (_, i) => Array.from(a.subarray(i * m, (i + 1) * m)));
    const ref = new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true }).realEigenvalues.sort((x, y) => x - y);
    const mine = Array.from(values).sort((x, y) => x - y);
    mine.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 8));
  });

  it('topEigenvector handles a diagonal matrix, repeated eigenvalues and the zero matrix', () => {
    expect(Array.from(topEigenvector(Float64Array.of(1, 0, 0, 3), 2), Math.abs)).toEqual([0, 1]);
    const v = topEigenvector(Float64Array.of(2, 0, 0, 2), 2);
    expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 15);
    expect(Math.hypot(...topEigenvector(new Float64Array(9), 3))).toBeCloseTo(1, 15);
  });
});
