import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dichotomise, formatCut, splitSurvival, kmQuantiles, cutpoint } from '../../src/survival/index.js';
import { DataError } from '../../src/core/errors.js';
import { HAVE_DATA, arr, num, dataset, numeric, expectClose } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, '../conformance/survival/km_split_fixtures.json'), 'utf8'));

describe('dichotomise', () => {
  it('puts values equal to the cut in the low group, keeps NaN missing and labels the groups name<=cut / name>cut', () => {
    const d = dichotomise([1, 2, 2, 3, NaN, 5], 2, { name: 'x' });
    expect(d.levels).toEqual(['x<=2', 'x>2']);
    expect(d.group).toEqual(['x<=2', 'x<=2', 'x<=2', 'x>2', null, 'x>2']);
    expect(Array.from(d.high)).toEqual([0, 0, 0, 1, NaN, 1]);
    expect([d.nLow, d.nHigh]).toEqual([3, 2]);
  });
  it('prints the cut with at most 6 significant digits in the labels', () => {
    expect(formatCut(12.350000000000001)).toBe('12.35');
    expect(formatCut(1 / 3)).toBe('0.333333');
    expect(dichotomise([0.1], 1 / 3).levels).toEqual(['marker<=0.333333', 'marker>0.333333']);
  });
});

describe('splitSurvival by hand', () => {
  const time = [1, 2, 3, 4, 5, 6, 7, 8];
  const event = [1, 1, 1, 0, 1, 0, 1, 0];
  const x = [9, 8, 7, 6, 4, 3, 2, 1];
  it('splits at the type-7 median of the complete cases, the groups matching cutpoint(median)', () => {
    const r = splitSurvival(time, event, x, { name: 'x' });
    expect(r.cut.cutpoint).toBe(5);
    expect(r.cut.cutpoint).toBe(cutpoint(time, event, x, { method: 'median' }).cutpoint);
    expect(r.split.levels).toEqual(['x<=5', 'x>5']);
    expect(r.km.curves.map((c) => [c.group, c.n, c.events])).toEqual([['x<=5', 4, 2], ['x>5', 4, 3]]);
    expect(r.cox.terms).toEqual(['x>5']);
    expect(r.cox.hr[0]).toBeGreaterThan(1); // the high group dies first
  });
  it('ignores subjects with a missing time when choosing the median', () => {
    const r = splitSurvival([...time, NaN, NaN], [...event, 1, 1], [...x, 100, 100], { name: 'x' });
    expect(r.cut.cutpoint).toBe(5);
    expect(r.split.group.slice(8)).toEqual([null, null]);
  });
  it('refuses a fixed cut that leaves a group empty and a cut that is neither median, optimal nor a number', () => {
    expect(() => splitSurvival(time, event, x, { cut: 100, name: 'x' })).toThrow(DataError);
    expect(() => splitSurvival(time, event, x, { cut: 100, name: 'x' })).toThrow(/x split at 100 leaves 8 subject\(s\) ≤ cut and 0 > cut/);
    expect(() => splitSurvival(time, event, x, { cut: 'mean' as never })).toThrow(/split cut must be median, optimal or a finite number/);
  });
});

const CASES: any[] = fx.cases;
describe.skipIf(!HAVE_DATA)('splitSurvival conformance with survfit, survdiff, coxph(ties = "efron") and maxstat.test on x > cut', () => {
  CASES.forEach((c) => {
    it(`${c.data}: ${c.x} at the ${c.method} cut (${c.cut}) — cut, groups, log-rank, Cox HR and KM medians and curves as R`, () => {
      const d = dataset(c.data);
      const status = numeric(d, c.status);
      const event = c.data === 'lung' ? status.map((v) => v - 1) : status;
      const r = splitSurvival(numeric(d, c.time), event, numeric(d, c.x), {
        cut: c.method === 'fixed' ? c.cut : c.method, name: c.x, minprop: c.minprop, maxprop: c.maxprop, permutations: 0,
      });
      expect(r.cut.cutpoint).toBe(c.cut);
      expect([r.split.nLow, r.split.nHigh]).toEqual([c.n_low, c.n_high]);
      expect(r.cox.n).toBe(c.n);
      if (c.method === 'optimal') {
        expectClose([r.cut.statistic], [c.statistic], 1e-8, 'maxstat statistic');
        // maxstat caps Lau92 at 1; sigscore reports the approximation as computed (cutpoint.ts)
        if (c.p_lau92 < 1) expectClose([r.cut.pLau92], [c.p_lau92], 1e-6, 'Lau92');
        else expect(r.cut.pLau92).toBeGreaterThanOrEqual(1);
        expectClose([r.cut.pLau94], [c.p_lau94], 1e-6, 'Lau94');
      }
      expectClose(r.logrank.observed, arr(c.logrank.observed), 1e-12, 'observed');
      expectClose(r.logrank.expected, arr(c.logrank.expected), 1e-10, 'expected');
      expectClose([r.logrank.chisq, r.logrank.p], [c.logrank.chisq, c.logrank.p], 1e-8, 'log-rank');
      const x = c.cox;
      expectClose([r.cox.coef[0], r.cox.se[0], r.cox.hr[0], r.cox.hrLower[0], r.cox.hrUpper[0], r.cox.z[0], r.cox.p[0]],
        [x.coef, x.se, x.hr, x.hr_lower, x.hr_upper, x.z, x.p], 1e-7, 'Cox');
      expectClose([r.cox.wald.p, r.cox.lr.p, r.cox.score.p], [x.wald_p, x.lr_p, x.score_p], 1e-7, 'Cox tests');
      expectClose(r.cox.loglik, arr(x.loglik), 1e-10, 'loglik');
      const k = c.km;
      expect(r.km.curves.map((q) => q.n)).toEqual(arr(k.n));
      expect(r.km.curves.map((q) => q.events)).toEqual(arr(k.events));
      const med = r.km.curves.map((q) => kmQuantiles(q)[0]);
      expectClose(med.map((m) => m.time), arr(k.median).map(num), 1e-12, 'median');
      expectClose(med.map((m) => m.lower), arr(k.median_lower).map(num), 1e-12, 'median lower');
      expectClose(med.map((m) => m.upper), arr(k.median_upper).map(num), 1e-12, 'median upper');
      const cat = (f: (q: (typeof r.km.curves)[0]) => ArrayLike<number>): number[] => r.km.curves.flatMap((q) => Array.from(f(q)));
      expect(cat((q) => q.time)).toEqual(arr(k.time));
      expectClose(cat((q) => q.surv), arr(k.surv), 1e-12, 'surv');
      expectClose(cat((q) => q.lower), arr(k.lower).map(num), 1e-10, 'lower');
      expectClose(cat((q) => q.upper), arr(k.upper).map(num), 1e-10, 'upper');
    });
  });
});
