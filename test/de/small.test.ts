import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confDir } from './helpers.js';
import { lowess, interpolator } from '../../src/de/lowess.js';
import { trigamma, tetragamma, trigammaInverse } from '../../src/stats/special/polygamma.js';

const small = JSON.parse(readFileSync(join(confDir, 'small.json'), 'utf8'));
const maxRel = (a: ArrayLike<number>, e: number[]): number => {
  let m = 0;
  for (let i = 0; i < e.length; i++) m = Math.max(m, Math.abs(a[i] - e[i]) / Math.max(Math.abs(e[i]), 1e-300));
  return m;
};

describe('lowess', () => {
  const { x, y } = small.lowess as { x: number[]; y: number[] };
  it('lowess(x, y, {f: 0.5}) matches R lowess with ties and outliers within 1e-12', () => {
    expect(maxRel(lowess(x, y, { f: 0.5 }).y, small.lowess.f05)).toBeLessThan(1e-12);
  });
  it('lowess(x, y) with the defaults (f = 2/3, iter = 3) matches R within 1e-12', () => {
    expect(maxRel(lowess(x, y).y, small.lowess.default)).toBeLessThan(1e-12);
  });
  it('lowess with iter = 0 and delta = 0 matches R within 1e-12', () => {
    expect(maxRel(lowess(x, y, { f: 0.3, iter: 0, delta: 0 }).y, small.lowess.f03iter0delta0)).toBeLessThan(1e-12);
  });
  it('lowess of a straight line returns the line; n = 1 returns y; empty gives empty', () => {
    const r = lowess([3, 1, 2, 4], [6, 2, 4, 8]);
    expect(Array.from(r.x)).toEqual([1, 2, 3, 4]);
    r.y.forEach((v, i) => expect(v).toBeCloseTo(2 * (i + 1), 12));
    expect(Array.from(lowess([5], [7]).y)).toEqual([7]);
    expect(lowess([], []).y.length).toBe(0);
  });
  it('interpolator averages tied x and is constant beyond the ends', () => {
    const f = interpolator(Float64Array.of(0, 1, 1, 2), Float64Array.of(0, 1, 3, 4));
    expect(f(-5)).toBe(0);
    expect(f(1)).toBe(2);
    expect(f(0.5)).toBe(1);
    expect(f(9)).toBe(4);
  });
});

describe('polygamma', () => {
  const p = small.polygamma as { x: number[]; trigamma: number[]; tetragamma: number[]; trigammaInverse: number[] };
  it('trigamma and tetragamma match R within 1e-13 relative', () => {
    expect(maxRel(p.x.map(trigamma), p.trigamma)).toBeLessThan(1e-13);
    expect(maxRel(p.x.map(tetragamma), p.tetragamma)).toBeLessThan(1e-13);
  });
  it('trigammaInverse inverts trigamma and matches limma::trigammaInverse within 1e-12', () => {
    expect(maxRel(p.trigamma.map(trigammaInverse), p.trigammaInverse)).toBeLessThan(1e-12);
  });
  it('polygamma functions return NaN outside the domain', () => {
    expect(Number.isNaN(trigamma(0))).toBe(true);
    expect(Number.isNaN(tetragamma(-1))).toBe(true);
    expect(trigammaInverse(0)).toBe(Infinity);
  });
});
