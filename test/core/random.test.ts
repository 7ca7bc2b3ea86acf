import { describe, it, expect } from 'vitest';
import { rng } from '../../src/core/random.js';

describe('rng (xoshiro128**)', () => {
  it('rng(seed, stream) is reproducible and streams differ', () => {
    const a = rng(1, 0), b = rng(1, 0), c = rng(1, 1);
    const xa = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xa);
  });

  it('uniform() lies in [0,1) with mean ≈ 0.5; normal() has mean ≈ 0 and sd ≈ 1', () => {
    const r = rng(123);
    let s = 0, lo = 1, hi = 0;
    for (let i = 0; i < 100_000; i++) { const u = r.uniform(); s += u; lo = Math.min(lo, u); hi = Math.max(hi, u); }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / 100_000 - 0.5)).toBeLessThan(0.005);
    let m = 0, v = 0;
    for (let i = 0; i < 100_000; i++) { const z = r.normal(); m += z; v += z * z; }
    expect(Math.abs(m / 100_000)).toBeLessThan(0.02);
    expect(Math.abs(v / 100_000 - 1)).toBeLessThan(0.02);
  });

  it('int(n) is unbiased over small n and shuffle permutes', () => {
    const r = rng(5);
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30_000; i++) counts[r.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const a = r.shuffle([1, 2, 3, 4, 5, 6]);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
