import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { hclust, hclustRows, leafOrder, rowDistances, condensedIndex } from '../../src/plot/index.js';
import { matrixFrom, matrixFromRows, transpose } from '../../src/core/matrix.js';

const fixture = JSON.parse(readFileSync(new URL('../conformance/plot/hclust.json', import.meta.url), 'utf8'));

describe('hclust conformance with R 4.2.2 hclust (scripts/plot-fixtures.R)', () => {
  const x = matrixFrom(fixture.nrow, fixture.ncol, Float64Array.from(fixture.x));
  for (const c of fixture.cases) {
    it(`hclustRows(${c.axis}, ${c.distance}, ${c.linkage}) has R's merge matrix, order and heights within 1e-10`, () => {
      const m = c.axis === 'rows' ? x : transpose(x);
      const h = hclustRows(m, { distance: c.distance, linkage: c.linkage });
      expect(Array.from(h.merge)).toEqual(c.merge);
      expect(Array.from(h.order, (v) => v + 1)).toEqual(c.order);
      let maxDiff = 0;
      for (let k = 0; k < c.height.length; k++) maxDiff = Math.max(maxDiff, Math.abs(h.height[k] - c.height[k]));
      expect(maxDiff).toBeLessThan(1e-10);
    });
  }
});

describe('hclust edge cases', () => {
  it('hclust on 0 and 1 items returns no merges', () => {
    expect(hclust(new Float64Array(0), 0).merge.length).toBe(0);
    const one = hclust(new Float64Array(0), 1);
    expect(Array.from(one.order)).toEqual([0]);
  });
  it('hclust on 2 items merges them at their distance', () => {
    const h = hclust(Float64Array.of(3), 2);
    expect(Array.from(h.merge)).toEqual([-1, -2]);
    expect(h.height[0]).toBe(3);
  });
  it('hclust rejects a distance vector of the wrong length', () => {
    expect(() => hclust(new Float64Array(4), 3)).toThrow(/n\(n-1\)\/2 = 3/);
  });
  it('hclust heights are non-decreasing and equal ties merge the first pair', () => {
    // four points on a line at equal spacing: every neighbour distance ties
    const m = matrixFromRows([[0], [1], [2], [3]]);
    const h = hclustRows(m, { linkage: 'single' });
    expect(Array.from(h.height)).toEqual([1, 1, 1]);
    expect(Array.from(h.merge.slice(0, 2))).toEqual([-1, -2]);
  });
  it('rowDistances with NaN scales Euclidean sums like R dist and correlation of a constant row is 1', () => {
    const m = matrixFromRows([[0, 0, NaN, 0], [1, 1, 1, 1], [5, 5, 5, 5]]);
    const d = rowDistances(m);
    expect(d[condensedIndex(3, 0, 1)]).toBeCloseTo(Math.sqrt((3 * 4) / 3), 14);
    const c = rowDistances(m, { method: 'correlation' });
    expect(c[condensedIndex(3, 1, 2)]).toBe(1);
  });
  it('hclust with undefined distances warns and still returns a full tree', () => {
    const h = hclust(Float64Array.of(1, NaN, 2), 3);
    expect(h.warnings.length).toBe(1);
    expect(Array.from(h.order).sort()).toEqual([0, 1, 2]);
  });
  it('leafOrder expands left before right', () => {
    expect(Array.from(leafOrder(Int32Array.of(-2, -3, -1, 1), 3))).toEqual([0, 1, 2]);
  });
});
