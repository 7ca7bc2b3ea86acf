import { describe, it, expect } from 'vitest';
import { collinearityFilter, spearmanPairwise } from '../../src/ml/collinearity.js';

const a = [1, 2, 3, 4, 5, 6, 7, 8];
const b = [1.1, 2.3, 2.9, 4.2, 5.1, 6.3, 6.9, 8.4]; // ρ(a, b) = 1
const c = [8, 1, 6, 3, 5, 4, 2, 7]; // unrelated
const d = [2, 4, 6, 8, 10, 12, 14, NaN]; // ρ(a, d) = 1 on 7 pairs, one missing

describe('collinearityFilter(values, names, options)', () => {
  it('clusters |rho| > 0.9 by single linkage and keeps the most complete member', () => {
    const r = collinearityFilter([a, b, c, d], ['a', 'b', 'c', 'd']);
    const big = r.clusters.find((k) => k.members.length === 3)!;
    expect(big.members).toEqual(['a', 'b', 'd']);
    expect(big.rule).toBe('highest variance'); // a and b equally complete; b has the larger variance
    expect(big.representative).toBe('b');
    expect(r.keep).toEqual(['b', 'c']);
    expect(r.dropped.map((x) => x.name).sort()).toEqual(['a', 'd']);
  });
  it('prefers the priority list, then completeness', () => {
    expect(collinearityFilter([a, b, d], ['a', 'b', 'd'], { priority: ['d'] }).clusters[0].representative).toBe('d');
    const e = [1, 2, 3, NaN, 5, 6, 7, 8];
    const r = collinearityFilter([e, a], ['e', 'a']);
    expect(r.clusters[0].representative).toBe('a');
    expect(r.clusters[0].rule).toBe('most complete');
  });
  it('links negative correlations and respects the threshold', () => {
    const neg = a.map((v) => -v);
    expect(collinearityFilter([a, neg], ['a', 'neg']).clusters.length).toBe(1);
    expect(collinearityFilter([a, c], ['a', 'c'], { threshold: 0.99 }).clusters.length).toBe(2);
    expect(() => collinearityFilter([a], ['a'], { threshold: 0 })).toThrow(/threshold/);
  });
  it('handles empty input, constant columns and too few pairs', () => {
    expect(collinearityFilter([], []).keep).toEqual([]);
    const k = collinearityFilter([a, [3, 3, 3, 3, 3, 3, 3, 3]], ['a', 'k']);
    expect(k.clusters.length).toBe(2);
    expect(spearmanPairwise([1, NaN, NaN], [1, 2, 3])).toBeNaN();
  });
});
