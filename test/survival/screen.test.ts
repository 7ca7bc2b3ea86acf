import { describe, it, expect } from 'vitest';
import { coxph, logrank, survivalScreen, survivalScreenParallel, riskGroups, cutpoint, kaplanMeier } from '../../src/survival/index.js';
import { rng } from '../../src/core/random.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';

function cohort(rows: number, n: number, seed: number) {
  const r = rng(seed, 0);
  const time = Float64Array.from({ length: n }, () => Math.round(r.uniform() * 40) + 1); // many ties
  const event = Uint8Array.from({ length: n }, () => (r.uniform() < 0.7 ? 1 : 0));
  const data = new Float64Array(rows * n);
  for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) data[i * n + j] = r.normal() + (i % 5 === 0 ? 0.05 * time[j] : 0);
  data.fill(3, 2 * n, 3 * n); // a constant row
  data[5 * n + 7] = NaN; // a row with a missing value
  return { time, event, x: { nrow: rows, ncol: n, data } };
}

describe('survivalScreen', () => {
  const { time, event, x } = cohort(40, 60, 3);
  const res = survivalScreen(x, time, event, { blockSize: 16 });

  it('survivalScreen(x, time, event) equals coxph and the median-split logrank row by row', () => {
    for (let i = 0; i < x.nrow; i++) {
      if (i === 2) continue;
      const v = x.data.subarray(i * x.ncol, (i + 1) * x.ncol);
      const fit = coxph(time, event, Float64Array.from(v), { concordance: false });
      expect(res.coef[i]).toBeCloseTo(fit.coef[0], 10);
      expect(res.se[i]).toBeCloseTo(fit.se[0], 10);
      expect(res.lrP[i]).toBeCloseTo(fit.lr.p, 10);
      expect(res.scoreP[i]).toBeCloseTo(fit.score.p, 10);
      expect(res.n[i]).toBe(fit.n);
      const keep = [...v.keys()].filter((j) => !Number.isNaN(v[j]));
      const med = res.median[i];
      const lr = logrank(keep.map((j) => time[j]), keep.map((j) => event[j]), keep.map((j) => (v[j] <= med ? 'low' : 'high')), { levels: ['low', 'high'] });
      expect(res.logrankChisq[i]).toBeCloseTo(lr.chisq, 10);
    }
  });

  it('survivalScreen gives NaN for a constant row', () => {
    expect(Number.isNaN(res.coef[2])).toBe(true);
    expect(Number.isNaN(res.logrankChisq[2])).toBe(true);
  });

  it('survivalScreenParallel gives identical results with 1 and 2 workers', async () => {
    const pool = createWorkerPool({ threads: 2 });
    try {
      const par = await survivalScreenParallel(x, time, event, { executor: pool, blockSize: 16 });
      expect(Array.from(par.coef)).toEqual(Array.from(res.coef));
      expect(Array.from(par.logrankP)).toEqual(Array.from(res.logrankP));
    } finally {
      await pool.close();
    }
  }, 30000);
});

describe('riskGroups and cutpoint', () => {
  const { time, event, x } = cohort(6, 80, 11);
  const a = x.data.slice(0, 80), b = x.data.slice(80, 160);

  it('riskGroups(time, event, a, b) splits at the medians into four groups with overall and BH-adjusted pairwise tests', () => {
    const rg = riskGroups(time, event, a, b, { names: ['FLIPI', 'TNF'] });
    expect(rg.levels).toEqual(['FLIPI_low:TNF_low', 'FLIPI_low:TNF_high', 'FLIPI_high:TNF_low', 'FLIPI_high:TNF_high']);
    expect(rg.km.curves.reduce((s, c) => s + c.n, 0)).toBe(80);
    expect(rg.overall.df).toBe(3);
    expect(rg.pairwise).toHaveLength(6);
    for (const p of rg.pairwise) expect(p.pAdjusted).toBeGreaterThanOrEqual(p.p);
    expect(rg.cuts[0].method).toBe('median');
  });

  it('riskGroups with a maxstat cut uses the cutpoint() optimum', () => {
    const rg = riskGroups(time, event, a, b, { cutA: { method: 'maxstat', permutations: 0 } });
    expect(rg.cuts[0].cutpoint).toBe(cutpoint(time, event, a, { permutations: 0 }).cutpoint);
    expect(rg.cuts[0].method).toBe('maxstat');
  });

  it('riskGroups with a fixed cut on the first marker uses it', () => {
    const rg = riskGroups(time, event, a, b, { cutA: 0.5 });
    expect(rg.cuts[0].cutpoint).toBe(0.5);
    expect(rg.cuts[0].nLow).toBe(Array.from(a).filter((v) => v <= 0.5).length);
  });

  it('cutpoint(median) splits at the type-7 median and reports the log-rank p of that split', () => {
    const c = cutpoint(time, event, a, { method: 'median' });
    const s = Array.from(a).sort((p, q) => p - q);
    expect(c.cutpoint).toBe((s[39] + s[40]) / 2);
    expect(c.nLow).toBe(40);
    const lr = logrank(time, event, Array.from(a, (v) => (v <= c.cutpoint ? 'low' : 'high')), { levels: ['low', 'high'] });
    expect(c.pLogrank).toBeCloseTo(lr.p, 14);
    expect(c.statistic ** 2).toBeGreaterThan(0);
    expect(Number.isNaN(c.pLau94)).toBe(true);
  });

  it('cutpoint(maxstat) on a constant marker gives NaN and a warning', () => {
    const c = cutpoint(time, event, new Float64Array(80).fill(1), { permutations: 10 });
    expect(Number.isNaN(c.cutpoint)).toBe(true);
    expect(c.warnings.length).toBeGreaterThan(0);
  });

  it('kaplanMeier is non-increasing and empty input gives no curves points', () => {
    const km = kaplanMeier(time, event);
    const s = km.curves[0].surv;
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
    expect(kaplanMeier([], []).curves[0].time.length).toBe(0);
    expect(kaplanMeier([5], [1]).curves[0].surv[0]).toBe(0);
  });
});
