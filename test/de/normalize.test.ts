import { describe, it, expect } from 'vitest';
import { matrixFrom } from '../../src/core/matrix.js';
import { cpm, librarySizes } from '../../src/normalize/rnaseq/cpm.js';
import { normFactors } from '../../src/normalize/rnaseq/norm-factors.js';
import { filterByExpr } from '../../src/normalize/rnaseq/filter-by-expr.js';

// 4 genes × 3 samples
const y = matrixFrom(4, 3, Float64Array.of(10, 20, 30, 0, 0, 0, 90, 80, 70, 0, 100, 0));

describe('cpm', () => {
  it('cpm(y) divides by the library size; log-CPM adds a library-scaled prior count', () => {
    const L = librarySizes(y);
    expect(Array.from(L)).toEqual([100, 200, 100]);
    expect(cpm(y).data[1]).toBeCloseTo(1e5, 9);
    const lc = cpm(y, { log: true, priorCount: 2 });
    const lam = (2 * 200) / (400 / 3);
    expect(lc.data[1]).toBeCloseTo(Math.log2(((20 + lam) / (200 + 2 * lam)) * 1e6), 12);
    expect(Number.isFinite(lc.data[3])).toBe(true);
  });
});

describe('normFactors', () => {
  it("normFactors with method 'none' gives ones and the library sizes", () => {
    const f = normFactors(y, { method: 'none' });
    expect(Array.from(f.factors)).toEqual([1, 1, 1]);
    expect(Array.from(f.libSize)).toEqual([100, 200, 100]);
  });
  it('normFactors factors have geometric mean 1 for every method', () => {
    for (const method of ['tmm', 'upperquartile', 'rle'] as const) {
      const f = normFactors(matrixFrom(3, 3, Float64Array.of(5, 10, 7, 20, 30, 25, 8, 4, 9)), { method });
      const lg = Array.from(f.factors).reduce((s, v) => s + Math.log(v), 0);
      expect(Math.abs(lg)).toBeLessThan(1e-12);
    }
  });
  it('normFactors of identical samples is 1 (TMM returns 1 when all log-ratios vanish)', () => {
    const f = normFactors(matrixFrom(3, 2, Float64Array.of(5, 5, 7, 7, 9, 9)));
    expect(Array.from(f.factors)).toEqual([1, 1]);
  });
  it('normFactors rejects negative or missing counts', () => {
    expect(() => normFactors(matrixFrom(1, 2, Float64Array.of(-1, 2)))).toThrow(/non-negative/);
    expect(() => normFactors(matrixFrom(1, 2, Float64Array.of(NaN, 2)))).toThrow(/non-negative/);
  });
});

describe('filterByExpr', () => {
  it('filterByExpr keeps genes with enough CPM in the smallest group and enough total count', () => {
    const keep = filterByExpr(y, { group: ['a', 'a', 'b'], minCount: 10 });
    expect(Array.from(keep)).toEqual([1, 0, 1, 1]); // gene 4 passes in one sample = the smallest group size
  });
  it('filterByExpr without design or group requires every sample above the cutoff', () => {
    expect(Array.from(filterByExpr(y))).toEqual([1, 0, 1, 0]);
    expect(Array.from(filterByExpr(matrixFrom(1, 2, Float64Array.of(0, 0))))).toEqual([0]);
  });
});
