import { describe, it, expect } from 'vitest';
import { coxph, logrank, survivalData, concordance, kaplanMeier, kmQuantiles, rmst } from '../../src/survival/index.js';
import { DataError } from '../../src/core/errors.js';
import { survivalMsg } from '../../src/survival/messages.js';

// Six subjects, tied events at t = 1, a censoring tied with an event at t = 2, censored last.
const time = Float64Array.from([1, 1, 2, 2, 3, 4]);
const event = Uint8Array.from([1, 1, 1, 0, 1, 0]);
const x = Float64Array.from([1, 0, 1, 0, 0, 0]);

// Closed forms with θ = e^β. Risk sets: t=1 {2θ+4, deaths θ and 1}, t=2 {θ+3, death θ}, t=3 {2, death x=0}.
const breslow = {
  ll: (b: number) => 2 * b - 2 * Math.log(2 * Math.exp(b) + 4) - Math.log(Math.exp(b) + 3) - Math.log(2),
  u: (b: number) => { const t = Math.exp(b); return 2 - (2 * 2 * t) / (2 * t + 4) - t / (t + 3); },
  info: (b: number) => { const t = Math.exp(b); return (2 * (2 * t * 4)) / (2 * t + 4) ** 2 + (3 * t) / (t + 3) ** 2; },
};
const efron = {
  ll: (b: number) => { const t = Math.exp(b); return 2 * b - Math.log(2 * t + 4) - Math.log(1.5 * t + 3.5) - Math.log(t + 3) - Math.log(2); },
  u: (b: number) => { const t = Math.exp(b); return 2 - (2 * t) / (2 * t + 4) - (1.5 * t) / (1.5 * t + 3.5) - t / (t + 3); },
  info: (b: number) => { const t = Math.exp(b); return (2 * t * 4) / (2 * t + 4) ** 2 + (1.5 * t * 3.5) / (1.5 * t + 3.5) ** 2 + (3 * t) / (t + 3) ** 2; },
};
/** Root of the decreasing score by bisection. */
function root(u: (b: number) => number): number {
  let lo = -10, hi = 10;
  for (let k = 0; k < 200; k++) {
    const m = (lo + hi) / 2;
    if (u(m) > 0) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

describe('coxph on a hand-derived data set with ties and censoring', () => {
  for (const [ties, f] of [['breslow', breslow], ['efron', efron]] as const) {
    it(`coxph(${ties}) equals the closed-form partial likelihood, its root and curvature`, () => {
      const fit = coxph(time, event, x, { ties, names: ['x'] });
      const bhat = root(f.u);
      expect(fit.coef[0]).toBeCloseTo(bhat, 10);
      expect(fit.loglik[0]).toBeCloseTo(f.ll(0), 12);
      expect(fit.loglik[1]).toBeCloseTo(f.ll(bhat), 12);
      expect(fit.se[0]).toBeCloseTo(1 / Math.sqrt(f.info(bhat)), 9);
      expect(fit.score.chisq).toBeCloseTo(f.u(0) ** 2 / f.info(0), 12);
      expect(fit.wald.chisq).toBeCloseTo(bhat ** 2 * f.info(bhat), 8);
      expect(fit.lr.chisq).toBeCloseTo(2 * (f.ll(bhat) - f.ll(0)), 12);
      expect(fit.converged).toBe(true);
      expect(fit.n).toBe(6);
      expect(fit.events).toBe(4);
    });
  }

  it('logrank(time, event, x) equals the hand-computed O, E, V and χ²', () => {
    const r = logrank(time, event, x);
    expect(r.groups).toEqual(['0', '1']);
    expect(r.observed[1]).toBe(2);
    expect(r.expected[1]).toBeCloseTo(11 / 12, 14);
    const v = 64 / 180 + 3 / 16;
    expect(r.variance[3]).toBeCloseTo(v, 14);
    expect(r.chisq).toBeCloseTo((13 / 12) ** 2 / v, 12);
    // observed − expected sums to zero
    expect(r.observed[0] + r.observed[1] - r.expected[0] - r.expected[1]).toBeCloseTo(0, 12);
    expect(r.df).toBe(1);
  });

  it('kaplanMeier(time, event) equals the hand-computed product-limit, Greenwood variance and midpoint median', () => {
    const c = kaplanMeier(time, event).curves[0];
    expect(Array.from(c.time)).toEqual([1, 2, 3, 4]);
    expect(Array.from(c.nRisk)).toEqual([6, 4, 2, 1]);
    expect(Array.from(c.nCensor)).toEqual([0, 1, 0, 1]);
    [4 / 6, 0.5, 0.25, 0.25].forEach((v, k) => expect(c.surv[k]).toBeCloseTo(v, 15));
    // σ² = Σ d/(n(n−d)): 2/24, + 1/12, + 1/2
    expect(c.stdErrCumhaz[2]).toBeCloseTo(Math.sqrt(1 / 12 + 1 / 12 + 1 / 2), 14);
    expect(c.stdErr[1]).toBeCloseTo(0.5 * Math.sqrt(1 / 6), 14);
    expect(c.lower[1]).toBeCloseTo(0.5 * Math.exp(-1.959963984540054 * Math.sqrt(1 / 6)), 12);
    // the curve sits at exactly 0.5 on [2, 3): the median is the midpoint
    expect(kmQuantiles(c)[0].time).toBe(2.5);
    // RMST to 4: 1·1 + (2/3)·1 + 0.5·1 + 0.25·1
    expect(rmst(c, 4).rmst).toBeCloseTo(1 + 2 / 3 + 0.5 + 0.25, 14);
  });

  it('logrank trend test with two groups equals the 1-df log-rank χ²', () => {
    const r = logrank(time, event, x);
    expect(r.trend.chisq).toBeCloseTo(r.chisq, 12);
  });

  it('concordance(time, event, x) counts comparable pairs by hand', () => {
    // event at 1 (x=1) vs later: subjects 3..6 (x 1,0,0,0): tied x with 3, concordant with 4,5,6
    // event at 1 (x=0) vs later: tied x with 4,5,6, discordant with 3
    // event at 2 (x=1) vs censored at 2 (x=0) and 5,6: concordant 3
    // event at 3 (x=0) vs 6 (x=0): tied x
    const c = concordance(time, event, x);
    expect([c.concordant, c.discordant, c.tiedX, c.tiedY]).toEqual([6, 1, 5, 1]);
    expect(c.concordance).toBeCloseTo((6 + 2.5) / 12, 14);
  });
});

describe('coxph edge cases', () => {
  it('coxph with no events returns NaN coefficients and a warning', () => {
    const fit = coxph([1, 2, 3], [0, 0, 0], Float64Array.from([1, 2, 3]));
    expect(fit.events).toBe(0);
    expect(fit.warnings).toContain(survivalMsg.noEvents('Cox model'));
  });
  it('coxph with a constant covariate marks it aliased (NaN) and warns', () => {
    const fit = coxph(time, event, [{ name: 'c', values: [2, 2, 2, 2, 2, 2] }]);
    expect(Number.isNaN(fit.coef[0])).toBe(true);
    expect(fit.warnings).toContain(survivalMsg.singular(['c']));
  });
  it('coxph on perfectly separated data warns of monotone likelihood', () => {
    const t = [1, 2, 3, 4, 5, 6, 7, 8];
    const e = [1, 1, 1, 1, 1, 1, 1, 1];
    const z = Float64Array.from([8, 7, 6, 5, 4, 3, 2, 1].map((v) => (v > 4 ? 1 : 0)));
    const fit = coxph(t, e, z, { names: ['z'] });
    expect(fit.warnings.some((w) => w.includes('monotone likelihood'))).toBe(true);
  });
  it('coxph drops rows with a missing covariate and counts them', () => {
    const fit = coxph(time, event, [{ name: 'x', values: [1, 0, NaN, 0, 0, 0] }]);
    expect(fit.n).toBe(5);
    expect(fit.dropped).toBe(1);
  });
  it('coxph on huge covariate values stays finite (centring)', () => {
    const fit = coxph(time, event, [{ name: 'x', values: Array.from(x, (v) => 1e6 + v) }]);
    expect(fit.coef[0]).toBeCloseTo(coxph(time, event, x).coef[0], 8);
  });
  it('coxph with an empty data set throws a DataError', () => {
    expect(() => coxph([], [], new Float64Array(0))).toThrow(DataError);
  });
  it('coxph, kaplanMeier and logrank on one subject give NaN statistics, not exceptions', () => {
    const fit = coxph([5], [1], Float64Array.from([1]), { names: ['x'] });
    expect(Number.isNaN(fit.coef[0])).toBe(true);
    const km = kaplanMeier([5], [1]).curves[0];
    expect(km.surv[0]).toBe(0);
    expect(Number.isNaN(km.lower[0])).toBe(true);
    expect(Number.isNaN(logrank([5], [1], ['a']).chisq)).toBe(true);
  });
  it('kaplanMeier and coxph are unchanged by huge time scales (only the order of times matters)', () => {
    const big = Float64Array.from(time, (t) => t * 1e300);
    expect(Array.from(kaplanMeier(big, event).curves[0].surv)).toEqual(Array.from(kaplanMeier(time, event).curves[0].surv));
    expect(coxph(big, event, x).coef[0]).toBe(coxph(time, event, x).coef[0]);
  });
  it('logrank with one group gives NaN and a warning', () => {
    const r = logrank(time, event, ['a', 'a', 'a', 'a', 'a', 'a']);
    expect(Number.isNaN(r.chisq)).toBe(true);
    expect(r.warnings).toContain(survivalMsg.oneGroup('log-rank'));
  });
});

describe('survivalData codings', () => {
  it('survivalData recognises 1/2, 0/1, TRUE/FALSE and named levels, and drops missing rows', () => {
    expect(Array.from(survivalData([1, 2, 3], [1, 2, 2]).event)).toEqual([0, 1, 1]);
    expect(Array.from(survivalData([1, 2, 3], [0, 1, 0]).event)).toEqual([0, 1, 0]);
    expect(Array.from(survivalData([1, 2, 3], [true, 'FALSE', 'TRUE']).event)).toEqual([1, 0, 1]);
    const d = survivalData([1, NaN, 3, 4], ['dead', 'alive', null, 'alive'], { eventCode: 'alive/dead' });
    expect(Array.from(d.event)).toEqual([1, 0]);
    expect(d.dropped).toBe(2);
    expect(Array.from(d.index)).toEqual([0, 3]);
  });
  it('survivalData rejects negative times and undeclared codes', () => {
    expect(() => survivalData([1, -1], [0, 1])).toThrow(survivalMsg.negativeTime(1, -1));
    expect(() => survivalData([1, 2], ['x', 'y'])).toThrow(DataError);
    expect(() => survivalData([1, 2], [0, 3], { eventCode: '0/1' })).toThrow(survivalMsg.badEventCode('3', '0/1'));
  });
});
