import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { welchTest } from '../../src/stats/welch.js';
import type { Alternative } from '../../src/stats/rank-sum.js';

interface Case { name: string; x: number[]; y: number[]; alternative: Alternative; t: number; df: number; p: number }
const small = JSON.parse(readFileSync(fileURLToPath(new URL('../conformance/de/small.json', import.meta.url)), 'utf8')) as { welch: Case[] };

describe('welchTest', () => {
  for (const c of small.welch) {
    it(`welchTest(x, y) matches t.test on "${c.name}" (${c.alternative}) within 1e-10 relative`, () => {
      const r = welchTest(c.x, c.y, { alternative: c.alternative });
      expect(Math.abs(r.statistic / c.t - 1)).toBeLessThan(1e-12);
      expect(Math.abs(r.df / c.df - 1)).toBeLessThan(1e-12);
      expect(Math.abs(r.pValue / c.p - 1)).toBeLessThan(1e-10);
    });
  }
  it('welchTest gives NaN with fewer than two values in a group, and drops NaN', () => {
    expect(Number.isNaN(welchTest([1], [1, 2, 3]).pValue)).toBe(true);
    expect(Number.isNaN(welchTest([], []).statistic)).toBe(true);
    expect(welchTest([1, 2, NaN, 4], [3, 5, 6])).toEqual(welchTest([1, 2, 4], [3, 5, 6]));
  });
  it('welchTest on constant groups gives NaN, not Infinity', () => {
    const r = welchTest([2, 2, 2], [2, 2]);
    expect(Number.isNaN(r.statistic)).toBe(true);
    expect(Number.isNaN(r.pValue)).toBe(true);
  });
  it('welchTest is scale invariant at huge magnitudes', () => {
    const a = welchTest([1e150, 2e150, 4e150], [3e150, 5e150, 6e150]);
    const b = welchTest([1, 2, 4], [3, 5, 6]);
    expect(a.pValue).toBeCloseTo(b.pValue, 10);
  });
});
