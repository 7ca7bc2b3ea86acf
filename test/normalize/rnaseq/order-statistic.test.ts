import { describe, it, expect } from 'vitest';
import { rng } from '../../../src/core/random.js';
import { quantile7Select, rankWindow, selectInPlace } from '../../../src/normalize/rnaseq/order-statistic.js';

/** Readable reference: average ranks (ties averaged) by a full sort. */
function averageRanks(v: Float64Array): Float64Array {
  const n = v.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a] - v[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && v[order[j + 1]] === v[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j + 2) / 2;
    i = j + 1;
  }
  return r;
}

function sample(n: number, distinct: number, seed: number): Float64Array {
  const r = rng(seed, 0);
  return Float64Array.from({ length: n }, () => (distinct > 0 ? Math.floor(r.uniform() * distinct) / 7 : r.normal()));
}

describe('selectInPlace', () => {
  it('puts the k-th smallest at k with smaller values before and larger after, ties and sorted input included', () => {
    for (const [n, distinct, seed] of [[1, 0, 1], [2, 0, 2], [101, 0, 3], [500, 3, 4], [1000, 1, 5]] as const) {
      const v = sample(n, distinct, seed);
      const sorted = v.slice().sort();
      for (const k of [0, n >> 1, n - 1]) {
        const w = v.slice();
        expect(selectInPlace(w, k)).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(w[i]).toBeLessThanOrEqual(w[k]);
        for (let i = k + 1; i < n; i++) expect(w[i]).toBeGreaterThanOrEqual(w[k]);
      }
      const asc = sorted.slice();
      expect(selectInPlace(asc, n - 1)).toBe(sorted[n - 1]);
    }
  });
});

describe('quantile7Select', () => {
  it('equals the type-7 quantile of the sorted values, and NaN for no values', () => {
    const v = sample(999, 40, 6);
    const s = v.slice().sort();
    for (const p of [0, 0.25, 0.75, 0.9, 1]) {
      const h = (s.length - 1) * p;
      const lo = Math.floor(h);
      const hi = Math.min(s.length - 1, lo + 1);
      expect(quantile7Select(v, p)).toBe(s[lo] + (h - lo) * (s[hi] - s[lo]));
    }
    expect(quantile7Select(new Float64Array(0), 0.75)).toBeNaN();
  });
});

describe('rankWindow', () => {
  it('selects exactly the elements whose average rank is within [rLo, rHi], with and without ties', () => {
    for (const [n, distinct, seed] of [[1, 0, 7], [2, 1, 8], [10, 3, 9], [97, 0, 10], [1000, 5, 11], [1000, 60, 12], [3001, 0, 13]] as const) {
      const v = sample(n, distinct, seed);
      const r = averageRanks(v);
      const work = new Float64Array(n);
      for (const trim of [0, 0.05, 0.3, 0.49]) {
        const lo = Math.floor(n * trim) + 1;
        const hi = n + 1 - lo;
        const [a, b] = rankWindow(v, lo, hi, work);
        for (let i = 0; i < n; i++) expect(v[i] >= a && v[i] <= b).toBe(r[i] >= lo && r[i] <= hi);
      }
    }
  });

  it('gives an empty window when rHi < rLo or when ties straddle both ends', () => {
    const [a, b] = rankWindow(Float64Array.of(1, 2, 3), 3, 1, new Float64Array(3));
    expect(a).toBeGreaterThan(b);
    // four equal values have average rank 2.5, outside [2, 2]
    const [c, d] = rankWindow(Float64Array.of(5, 5, 5, 5), 2, 2, new Float64Array(4));
    expect(c).toBeGreaterThan(d);
  });
});
