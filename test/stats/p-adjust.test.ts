import { describe, it, expect } from 'vitest';
import { pAdjust } from '../../src/stats/p-adjust.js';

// R 4.2.2: p <- c(0.01, 0.04, 0.03, 0.2, NA, 0.04); p.adjust(p, m) for each method
const p = [0.01, 0.04, 0.03, 0.2, NaN, 0.04];
const R = {
  BH: [0.05, 0.05, 0.05, 0.2, NaN, 0.05],
  holm: [0.05, 0.12, 0.12, 0.2, NaN, 0.12],
  bonferroni: [0.05, 0.2, 0.15, 1, NaN, 0.2],
  BY: [0.1141666666666667, 0.1141666666666667, 0.1141666666666667, 0.4566666666666667, NaN, 0.1141666666666667],
} as const;

describe('pAdjust(p, { method })', () => {
  for (const [method, expected] of Object.entries(R)) {
    it(`matches p.adjust(method = "${method}") with NA and ties`, () => {
      const got = pAdjust(p, { method: method as any });
      expected.forEach((e, i) => {
        if (Number.isNaN(e)) expect(got[i]).toBeNaN();
        else expect(got[i]).toBeCloseTo(e, 14);
      });
    });
  }
  it('returns an empty array for empty input and NaN for all-NaN', () => {
    expect(pAdjust([]).length).toBe(0);
    expect(Number.isNaN(pAdjust([NaN])[0])).toBe(true);
  });
});
