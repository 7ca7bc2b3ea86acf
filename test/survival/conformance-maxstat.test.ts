import { describe, it, expect } from 'vitest';
import { cutpoint } from '../../src/survival/index.js';
import { HAVE_DATA, fixture, arr, dataset, numeric, expectClose } from './helpers.js';

const NAMES = ['lung', 'lung', 'veteran', 'ovarian', 'gbsg', 'gbsg', 'rotterdam'];

describe.skipIf(!HAVE_DATA)('cutpoint(maxstat) conformance with maxstat.test(smethod = "LogRank")', () => {
  fixture.maxstat.forEach((c: any, k: number) => {
    it(`cutpoint(${NAMES[k]}: ${c.x}, minprop ${c.minprop}) finds R's cut-point exactly and matches every candidate statistic and Lau92/Lau94`, () => {
      const d = dataset(NAMES[k]);
      const status = numeric(d, c.status);
      const event = NAMES[k] === 'lung' ? status.map((v) => v - 1) : status;
      const r = cutpoint(numeric(d, c.time), event, numeric(d, c.x), { minprop: c.minprop, maxprop: c.maxprop, permutations: 0 });
      expect(r.cutpoint).toBe(c.cutpoint);
      expect(Array.from(r.cuts)).toEqual(arr(c.cuts));
      expectClose(r.stats, arr(c.stats), 1e-8, 'stats');
      expectClose([r.statistic], [c.statistic], 1e-8, 'statistic');
      expectClose([r.pLau92], [c.p_lau92], 1e-6, 'Lau92');
      // R evaluates the normal tail of Lau94 as 1 − (Φ(b) − Φ(−b)), which cancels to 0 below ~1e-16;
      // sigscore uses the exact tail, so very small values are compared in absolute terms.
      expect(Math.abs(r.pLau94 - c.p_lau94)).toBeLessThanOrEqual(Math.max(1e-6 * Math.abs(c.p_lau94), 1e-15));
    });
  });

  it('cutpoint(maxstat) conditional Monte Carlo p is seeded, reproducible and within Monte Carlo error of R condMC on veteran age', () => {
    const d = dataset('veteran');
    const args = [numeric(d, 'time'), numeric(d, 'status'), numeric(d, 'age')] as const;
    const a = cutpoint(...args, { permutations: 2000, seed: 7 });
    const b = cutpoint(...args, { permutations: 2000, seed: 7 });
    expect(a.pCondMC).toBe(b.pCondMC);
    expect(a.pCondMC).toBeGreaterThan(0);
    expectClose([a.statistic], [fixture.condmc.statistic], 1e-8, 'statistic');
    // two independent estimates with B = 2000 and 10000: SD of the difference ≈ 0.012 at p ≈ 0.42
    expect(Math.abs(a.pCondMC - fixture.condmc.p)).toBeLessThan(0.05);
  });
});
