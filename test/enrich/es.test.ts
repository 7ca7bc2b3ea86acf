import { describe, it, expect } from 'vitest';
import { enrichmentScore, runningSum, leadingEdge } from '../../src/enrich/es.js';
import { rng } from '../../src/core/random.js';
import { SubsetSampler } from '../../src/enrich/sample.js';

/** Brute-force O(n) walk: the maximum deviation of the running sum. */
function bruteEs(stats: Float64Array, pos: Int32Array, p = 1): number {
  const rs = runningSum(stats, pos, { p });
  let max = -Infinity, min = Infinity;
  for (const v of [0, ...rs]) { max = Math.max(max, v); min = Math.min(min, v); }
  return max > -min ? max : max < -min ? min : 0;
}

describe('enrichmentScore(stats, positions)', () => {
  it('equals the hand-computed ES 47/63 on a 10-gene example, with leading edge up to the peak', () => {
    const stats = Float64Array.from([5, 4, 3, 2, 1, -1, -2, -3, -4, -5]);
    const pos = Int32Array.from([0, 2, 5]);
    const e = enrichmentScore(stats, pos);
    expect(e.es).toBeCloseTo(47 / 63, 15);
    expect(leadingEdge(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], pos, e)).toEqual(['a', 'c']);
    // classic Kolmogorov–Smirnov weights (p = 0): 1/3 steps up, 1/7 down; peak after f: 1 − 3/7
    expect(enrichmentScore(stats, pos, { p: 0 }).es).toBeCloseTo(1 - 3 / 7, 15);
  });

  it('equals a brute-force O(n) walk on random rankings and sets (property test), and lies in [−1, 1]', () => {
    const r = rng(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = 20 + r.int(300);
      const stats = Float64Array.from({ length: n }, () => r.normal() * 3).sort().reverse();
      if (trial % 3 === 0) for (let i = 0; i < n; i++) stats[i] = Math.round(stats[i]); // ties
      const k = 1 + r.int(Math.min(60, n - 1));
      const pos = new SubsetSampler(n, r).draw(new Int32Array(k));
      const p = [0, 1, 1.5][trial % 3];
      const e = enrichmentScore(stats, pos, { p }).es;
      const b = bruteEs(stats, pos, p);
      if (Number.isNaN(b)) expect(e).toBeNaN();
      else {
        expect(e).toBeCloseTo(b, 12);
        expect(Math.abs(e)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('changes sign when the ranking is negated and reversed', () => {
    const r = rng(3);
    const n = 200;
    const stats = Float64Array.from({ length: n }, () => r.normal()).sort().reverse();
    const mirror = Float64Array.from({ length: n }, (_, i) => -stats[n - 1 - i]);
    const pos = new SubsetSampler(n, r).draw(new Int32Array(25));
    const mpos = Int32Array.from(pos, (q) => n - 1 - q).sort();
    expect(enrichmentScore(mirror, mpos).es).toBeCloseTo(-enrichmentScore(stats, pos).es, 14);
  });

  it('is NaN for an empty set, a set of all genes, and all-zero statistics', () => {
    const stats = Float64Array.from([1, 0, 0, -1]);
    expect(enrichmentScore(stats, new Int32Array(0)).es).toBeNaN();
    expect(enrichmentScore(stats, Int32Array.from([0, 1, 2, 3])).es).toBeNaN();
    expect(enrichmentScore(stats, Int32Array.from([1, 2])).es).toBeNaN();
  });

  it('gives −1 for a set at the very bottom and 1 for one at the very top', () => {
    const stats = Float64Array.from([3, 2, 1, -1, -2, -3]);
    expect(enrichmentScore(stats, Int32Array.from([0, 1])).es).toBeCloseTo(1, 15);
    expect(enrichmentScore(stats, Int32Array.from([4, 5])).es).toBeCloseTo(-1, 15);
  });
});
