import { describe, it, expect } from 'vitest';
import { wilcoxonTest, qwilcox } from '../../src/stats/wilcoxon.js';
import { aucDeLong } from '../../src/stats/auc.js';
import { kruskalTest } from '../../src/stats/kruskal.js';
import { chisqTest } from '../../src/stats/chisq.js';
import { fisherTest2x2 } from '../../src/stats/fisher.js';
import { fisherTestMonteCarlo } from '../../src/stats/fisher-mc.js';
import { correlationTest } from '../../src/stats/correlation.js';
import { prho } from '../../src/stats/spearman-exact.js';
import { corMatrix } from '../../src/stats/cor-matrix.js';
import { averageRanks } from '../../src/stats/ranks.js';
import { uniroot } from '../../src/stats/zeroin.js';

describe('averageRanks(x)', () => {
  it('averages tied ranks and sums t³ − t', () => {
    const r = averageRanks([3, 1, 3, 2, 3]);
    expect(Array.from(r.ranks)).toEqual([4, 1, 4, 2, 4]);
    expect(r.tieSum).toBe(24);
    expect(averageRanks([]).ranks.length).toBe(0);
  });
});

describe('uniroot(f, lower, upper)', () => {
  // R 4.2.2: uniroot(function(x) x^3 - 2*x - 5, c(2, 3)) → root 2.0945412049478809, iter 5
  it('reproduces R uniroot path on x³ − 2x − 5', () => {
    const r = uniroot((x) => x ** 3 - 2 * x - 5, 2, 3);
    expect(r.root).toBe(2.0945412049478809);
    expect(r.iterations).toBe(5);
  });
  // R: uniroot(function(x) ifelse(x<0.3,-1,1)+0.01*x, c(0,1), tol=1e-4) → 0.29999380695598965, 14
  it('reproduces R uniroot on a step function (tol 1e-4)', () => {
    const r = uniroot((x) => (x < 0.3 ? -1 : 1) + 0.01 * x, 0, 1, 1e-4);
    expect(r.root).toBe(0.29999380695598965);
    expect(r.iterations).toBe(14);
  });
});

describe('wilcoxonTest(x, y)', () => {
  // R: wilcox.test(c(1.1,2.2,2.2,3.5,4.1,5), c(0.5,1.1,2.0,2.2,3.3), conf.int=TRUE, exact=FALSE)
  it('matches wilcox.test(exact = FALSE, conf.int = TRUE) with ties', () => {
    const r = wilcoxonTest([1.1, 2.2, 2.2, 3.5, 4.1, 5], [0.5, 1.1, 2.0, 2.2, 3.3], { exact: false });
    expect(r.shift).toBeCloseTo(1.1500000000000004, 14);
    expect(r.shiftLower).toBeCloseTo(-1.099976581409212, 12);
    expect(r.shiftUpper).toBeCloseTo(3.0000226566113835, 12);
  });
  it('gives AUC 1 and the smallest exact p under complete separation', () => {
    const r = wilcoxonTest([10, 11, 12, 13], [1, 2, 3]);
    expect(r.auc).toBe(1);
    expect(r.exact).toBe(true);
    expect(r.pValue).toBeCloseTo(2 / 35, 15);
    expect(Number.isFinite(r.shift)).toBe(true);
  });
  it('returns NaN with a warning for an empty group, and NaN p for constant data', () => {
    const e = wilcoxonTest([], [1, 2]);
    expect(e.pValue).toBeNaN();
    expect(e.warnings.length).toBe(1);
    const c = wilcoxonTest([2, 2, 2], [2, 2]);
    expect(c.pValue).toBeNaN();
    expect(c.warnings.join(' ')).toMatch(/constant/);
  });
  it('drops NaN and handles n = 1 per group', () => {
    const r = wilcoxonTest([1, NaN], [2]);
    expect([r.nx, r.ny, r.statistic, r.pValue]).toEqual([1, 1, 0, 1]);
  });
  it('qwilcox(p, m, n) matches R qwilcox', () => {
    // R: qwilcox(0.025, 13, 13) = 46; qwilcox(0.025, 4, 3) = 0
    expect(qwilcox(0.025, 13, 13)).toBe(46);
    expect(qwilcox(0.025, 4, 3)).toBe(0);
  });
});

describe('aucDeLong(cases, controls)', () => {
  it('equals W/(mn) and gives a CI inside [0, 1] with ties and huge values', () => {
    const a = aucDeLong([1e300, 2e300, 5, 5], [5, 1, -1e300]);
    const w = wilcoxonTest([1e300, 2e300, 5, 5], [5, 1, -1e300], { confInt: false });
    expect(a.auc).toBeCloseTo(w.auc, 15);
    expect(a.lower).toBeGreaterThanOrEqual(0);
    expect(a.upper).toBeLessThanOrEqual(1);
  });
});

describe('aucDeLong by sorted merge', () => {
  it('agrees with the O(mn) placement definition and with wilcoxonTest W, with ties and ±0', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, -0, 5];
    const y = [2, 7, 1, 8, 2, 8, 0, 4];
    const m = x.length, n = y.length;
    const psi = (a: number, b: number): number => (a > b ? 1 : a === b ? 0.5 : 0);
    const v10 = x.map((a) => y.reduce((s, b) => s + psi(a, b), 0) / n);
    const v01 = y.map((b) => x.reduce((s, a) => s + psi(a, b), 0) / m);
    const auc = v10.reduce((s, v) => s + v, 0) / m;
    const sv = (v: number[]): number => v.reduce((s, u) => s + (u - auc) ** 2, 0) / (v.length - 1);
    const r = aucDeLong(x, y);
    expect(r.auc).toBeCloseTo(auc, 15);
    expect(r.se).toBeCloseTo(Math.sqrt(sv(v10) / m + sv(v01) / n), 14);
    const w = wilcoxonTest(x, y, { confInt: false });
    expect(r.statistic).toBe(w.statistic);
    expect(r.tieSum).toBe(averageRanks([...x, ...y]).tieSum);
  });
});

describe('kruskalTest(x, group)', () => {
  // R: kruskal.test(c(2.9,3.0,2.5,2.6,3.2,3.8,2.7,4.0,2.4,2.8,3.4,3.7,2.2,2.0), rep(1:3, c(5,4,5)))
  it('matches kruskal.test on the Hollander–Wolfe airway data', () => {
    const x = [2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0];
    const g = [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2];
    const r = kruskalTest(x, g);
    expect(r.statistic).toBeCloseTo(0.77142857142857224, 13);
    expect(r.pValue).toBeCloseTo(0.67996477357889362, 13);
  });
  it('gives NaN with a warning for one group or constant data', () => {
    expect(kruskalTest([1, 2, 3], [0, 0, 0]).pValue).toBeNaN();
    expect(kruskalTest([1, 1, 1, 1], [0, 0, 1, 1]).warnings[0]).toMatch(/constant/);
  });
});

describe('chisqTest(table, nrow)', () => {
  it('returns NaN with a warning when a margin is zero', () => {
    const r = chisqTest([0, 0, 3, 4], 2);
    expect(r.statistic).toBeNaN();
    expect(r.warnings[0]).toMatch(/zero/);
  });
});

describe('fisherTest2x2(a, b, c, d)', () => {
  it('gives OR 0 / Infinity at the support ends and p 1 for an empty table side', () => {
    const lo = fisherTest2x2(0, 5, 4, 3);
    expect(lo.oddsRatio).toBe(0);
    expect(lo.lower).toBe(0);
    const hi = fisherTest2x2(7, 0, 2, 9);
    expect(hi.oddsRatio).toBe(Infinity);
    expect(hi.upper).toBe(Infinity);
  });
  it('rejects negative or fractional counts', () => {
    expect(() => fisherTest2x2(-1, 2, 3, 4)).toThrow(/non-negative integers/);
    expect(() => fisherTest2x2(1.5, 2, 3, 4)).toThrow(/non-negative integers/);
  });
});

describe('fisherTestMonteCarlo(table, nrow, { seed })', () => {
  it('is reproducible for a seed and records it', () => {
    const t = [3, 1, 4, 1, 5, 9, 2, 6, 5];
    const a = fisherTestMonteCarlo(t, 3, { seed: 5, replicates: 500 });
    const b = fisherTestMonteCarlo(t, 3, { seed: 5, replicates: 500 });
    expect(a.pValue).toBe(b.pValue);
    expect(a.seed).toBe(5);
    expect(a.pValue).toBeGreaterThan(0);
    expect(a.pValue).toBeLessThanOrEqual(1);
  });
});

describe('correlationTest(x, y, { method })', () => {
  it('returns NaN with a warning for n < 3 and for constant input', () => {
    expect(correlationTest([1, 2], [3, 4]).estimate).toBeNaN();
    const c = correlationTest([1, 1, 1, 1], [1, 2, 3, 4], { method: 'spearman' });
    expect(c.estimate).toBeNaN();
    expect(c.warnings[0]).toMatch(/constant/);
  });
  it('drops pairs with a NaN', () => {
    const a = correlationTest([1, 2, NaN, 4, 5], [2, 1, 7, 4, 3]);
    const b = correlationTest([1, 2, 4, 5], [2, 1, 4, 3]);
    expect(a.estimate).toBe(b.estimate);
    expect(a.n).toBe(4);
  });
  it('spearman on a perfect monotone relation gives rho 1 and exact p 2/n!', () => {
    const r = correlationTest([1, 2, 3, 4, 5], [10, 20, 30, 40, 1000], { method: 'spearman' });
    expect(r.estimate).toBeCloseTo(1, 15);
    expect(r.pValue).toBeCloseTo(2 / 120, 15);
  });
  it('prho(is, n) is a probability and monotone in is', () => {
    let prev = 1;
    for (let s = 0; s <= 400; s += 20) {
      const p = prho(s, 12, false);
      expect(p).toBeLessThanOrEqual(prev + 1e-15);
      expect(p).toBeGreaterThanOrEqual(0);
      prev = p;
    }
  });
});

describe('corMatrix(values, names)', () => {
  it('is symmetric with unit diagonal and one pair per i < j', () => {
    const m = corMatrix([[1, 2, 3, 4], [2, 1, 4, 3], [4, 3, 2, 1]], ['a', 'b', 'c']);
    expect(m.pairs.i.length).toBe(3);
    expect(m.r[0]).toBe(1);
    expect(m.r[1]).toBe(m.r[3]);
    expect(m.r[2 * 3 + 0]).toBeCloseTo(-1, 15);
  });
});
