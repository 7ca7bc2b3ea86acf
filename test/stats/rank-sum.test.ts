import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rankSumTest, rankSumFrequencies, type Alternative } from '../../src/stats/rank-sum.js';

interface Case { name: string; x: number[] | number; y: number[] | number; alternative: Alternative; W: number; p: number }
const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../conformance/de/wilcox.json', import.meta.url)), 'utf8'),
) as { cases: Case[] };
const arr = (v: number[] | number): number[] => (Array.isArray(v) ? v : [v]);

describe('rankSumTest', () => {
  for (const c of fixture.cases) {
    it(`rankSumTest(x, y) matches wilcox.test on "${c.name}" (${c.alternative}) within 1e-10 relative`, () => {
      const r = rankSumTest(arr(c.x), arr(c.y), { alternative: c.alternative });
      expect(r.statistic).toBe(c.W);
      expect(Math.abs(r.pValue - c.p)).toBeLessThanOrEqual(1e-10 * Math.abs(c.p) + 1e-300);
    });
  }

  it('rankSumFrequencies(m, n) sums to choose(m+n, m) and is symmetric', () => {
    const f = rankSumFrequencies(4, 6);
    let s = 0;
    for (const v of f) s += v;
    expect(s).toBe(210);
    for (let k = 0; k < f.length; k++) expect(f[k]).toBe(f[f.length - 1 - k]);
  });

  it('rankSumTest returns NaN for an empty group and drops NaN values', () => {
    expect(Number.isNaN(rankSumTest([], [1, 2]).pValue)).toBe(true);
    const a = rankSumTest([1, NaN, 3], [2, 4]);
    const b = rankSumTest([1, 3], [2, 4]);
    expect(a).toEqual(b);
  });

  it('rankSumTest on constant data gives NaN p (zero variance)', () => {
    const r = rankSumTest([2, 2, 2], [2, 2]);
    expect(r.statistic).toBe(3);
    expect(Number.isNaN(r.pValue)).toBe(true);
  });

  it('rankSumTest handles huge magnitudes by rank only', () => {
    const a = rankSumTest([1e300, 2e300], [-1e300, 0, 5]);
    const b = rankSumTest([10, 20], [-1, 0, 5]);
    expect(a.pValue).toBe(b.pValue);
  });
});
