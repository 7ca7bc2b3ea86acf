import { describe, it, expect } from 'vitest';
import { logisticRegression } from '../../src/stats/logistic.js';
import { predictProbability } from '../../src/stats/logistic-predict.js';
import { statsMsg } from '../../src/stats/messages.js';
import { rng } from '../../src/core/random.js';

describe('logisticRegression(y, covariates)', () => {
  it('warns of perfect separation and stays finite; Firth gives finite estimates and bands', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const ml = logisticRegression(y, [x], { names: ['x'] });
    expect(ml.separation).toBe(true);
    expect(ml.warnings).toContain(statsMsg.separation('logistic'));
    expect(Array.from(ml.coefficients).every(Number.isFinite)).toBe(true);
    const f = logisticRegression(y, [x], { names: ['x'], firth: true });
    expect(f.converged).toBe(true);
    expect(f.separation).toBe(true);
    expect(Math.abs(f.coefficients[1])).toBeLessThan(5);
    expect(Array.from(f.se).every((s) => Number.isFinite(s) && s > 0)).toBe(true);
    const band = predictProbability(f, [1, 5.5, 10]);
    for (let k = 0; k < 3; k++) {
      expect(band.lower[k]).toBeLessThanOrEqual(band.probability[k]);
      expect(band.upper[k]).toBeGreaterThanOrEqual(band.probability[k]);
    }
    expect(band.probability[1]).toBeCloseTo(0.5, 6);
  });
  it('detects separation by a combination of two covariates from the unpenalised fit', () => {
    const x1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const x2 = [5, 3, 6, 2, 7, 9, 4, 8, 6, 9];
    const y = x1.map((v, i) => (v + x2[i] > 11 ? 1 : 0));
    const fit = logisticRegression(y, [x1, x2]);
    expect(fit.separation).toBe(true);
    expect(fit.warnings).toContain(statsMsg.separation('logistic'));
    const firth = logisticRegression(y, [x1, x2], { firth: true });
    expect(Array.from(firth.coefficients).every(Number.isFinite)).toBe(true);
    expect(firth.converged).toBe(true);
  });
  it('Firth solution zeroes the modified score Xᵀ(y − μ + h(½ − μ))', () => {
    const x = [0.5, 1.2, 1.9, 2.2, 3.1, 3.3, 4.0, 4.8, 5.5, 6.1, 6.4, 7.7];
    const y = [0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1];
    const f = logisticRegression(y, [x], { firth: true });
    const [b0, b1] = f.coefficients;
    const mu = x.map((v) => 1 / (1 + Math.exp(-(b0 + b1 * v))));
    const w = mu.map((m) => m * (1 - m));
    const i00 = w.reduce((s, v) => s + v, 0), i01 = w.reduce((s, v, k) => s + v * x[k], 0), i11 = w.reduce((s, v, k) => s + v * x[k] * x[k], 0);
    const det = i00 * i11 - i01 * i01;
    const h = x.map((v, k) => (w[k] * (i11 - 2 * i01 * v + i00 * v * v)) / det);
    const u0 = y.reduce((s, yy, k) => s + yy - mu[k] + h[k] * (0.5 - mu[k]), 0);
    const u1 = y.reduce((s, yy, k) => s + (yy - mu[k] + h[k] * (0.5 - mu[k])) * x[k], 0);
    expect(Math.abs(u0)).toBeLessThan(1e-9);
    expect(Math.abs(u1)).toBeLessThan(1e-9);
    // the penalised estimate is shrunk towards 0 relative to maximum likelihood
    const ml = logisticRegression(y, [x]);
    expect(Math.abs(f.coefficients[1])).toBeLessThan(Math.abs(ml.coefficients[1]));
  });
  it('fits a rare-event endpoint (8 events in 124) with finite estimates and a monotone band', () => {
    const r = rng(3, 0);
    const x = Array.from({ length: 124 }, () => r.normal());
    const order = x.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
    const y = new Array(124).fill(0);
    // 8 events: mostly among high x, two among low x (no separation)
    [0, 1, 2, 4, 7, 11].forEach((k) => (y[order[k][1]] = 1));
    y[order[100][1]] = 1;
    y[order[120][1]] = 1;
    const fit = logisticRegression(y, [x]);
    expect(fit.events).toBe(8);
    expect(fit.converged).toBe(true);
    expect(fit.separation).toBe(false);
    expect(Array.from(fit.se).every(Number.isFinite)).toBe(true);
    const band = predictProbability(fit, [-2, 0, 2]);
    expect(band.probability[0]).toBeLessThan(band.probability[2]);
  });
  it('returns NaN with a warning for a single outcome class and for a constant covariate', () => {
    const one = logisticRegression([1, 1, 1], [[1, 2, 3]]);
    expect(one.coefficients[0]).toBeNaN();
    expect(one.warnings).toContain(statsMsg.singleClass('logistic'));
    const c = logisticRegression([0, 1, 0, 1], [[2, 2, 2, 2]]);
    expect(c.coefficients[1]).toBeNaN();
    expect(c.warnings).toContain(statsMsg.rankDeficient('logistic'));
  });
  it('rejects outcomes other than 0/1 and drops rows with NaN', () => {
    expect(() => logisticRegression([0, 2], [[1, 2]])).toThrow(/0 or 1/);
    const a = logisticRegression([0, 1, 0, 1, 1, NaN], [[1, 2, 2.5, 3, 0.5, 9]]);
    expect(a.n).toBe(5);
  });
});
