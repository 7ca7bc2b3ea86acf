import { describe, it, expect } from 'vitest';
import { hypergeometricUpper, ora } from '../../src/enrich/ora.js';

describe('hypergeometricUpper(x, N, K, n)', () => {
  // R 4.2.2: phyper(x - 1, K, N - K, n, lower.tail = FALSE)
  it('matches R phyper upper tails to 1e-12 relative, including tiny tails', () => {
    const cases: [number, number, number, number, number][] = [
      [5, 1000, 40, 50, 0.044469897153435425],
      [1, 1000, 40, 50, 0.87679785004205391],
      [20, 20000, 200, 300, 2.5164047209111721e-11],
      [10, 1000, 10, 20, 7.0140202836971322e-19],
    ];
    for (const [x, N, K, n, p] of cases) expect(Math.abs(hypergeometricUpper(x, N, K, n) / p - 1)).toBeLessThan(1e-12);
  });
  it('is 1 at x = 0 and 0 beyond the support', () => {
    expect(hypergeometricUpper(0, 100, 10, 10)).toBe(1);
    expect(hypergeometricUpper(11, 100, 10, 20)).toBe(0);
  });
});

describe('ora(query, sets, { universe })', () => {
  it('counts overlaps within the universe and adjusts by BH', () => {
    const universe = Array.from({ length: 100 }, (_, i) => `g${i}`);
    const sets = [{ id: 'A', genes: ['g0', 'g1', 'g2', 'g3', 'x'] }, { id: 'B', genes: ['g50', 'g51'] }];
    const r = ora(['g0', 'g1', 'g2', 'g9', 'zz'], sets, { universe });
    expect([...r.overlap]).toEqual([3, 0]);
    expect([...r.setSize]).toEqual([4, 2]);
    expect(r.querySize).toBe(4);
    expect(r.warnings[0]).toMatch(/1 query gene/);
    expect(r.pval[1]).toBe(1);
    expect(r.padj[0]).toBeGreaterThanOrEqual(r.pval[0]);
  });
});
