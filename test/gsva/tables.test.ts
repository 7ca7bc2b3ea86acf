/** The numerical building blocks against R 4.2.2: Φ table, Poisson CDF, rounded log. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalCdfTable, tabulatedCdf } from '../../src/score/gsva/normal-table.js';
import { poissonCdf, smallPoissonTable } from '../../src/score/gsva/poisson-cdf.js';
import { logRounded } from '../../src/score/gsva/log-rounded.js';
import { FIXTURES } from './fixtures.js';

const table = (f: string) =>
  gunzipSync(readFileSync(`${FIXTURES}${f}`)).toString().trim().split('\n').map((l) => l.split('\t').map(Number));

describe('normalCdfTable()', () => {
  it('equals R pnorm(10 k / 10000), k = 0…10000, bit for bit', () => {
    const ref = table('normal_table.txt.gz').map((r) => r[0]);
    expect(Array.from(normalCdfTable())).toEqual(ref);
  });
  it('tabulatedCdf(v) mirrors below 0, saturates beyond ±10 and steps by 0.001', () => {
    expect(tabulatedCdf(0)).toBe(0.5);
    expect(tabulatedCdf(-1.0005)).toBe(1 - tabulatedCdf(1.0005));
    expect(tabulatedCdf(1.0009)).toBe(tabulatedCdf(1.0001));
    expect(tabulatedCdf(10.5)).toBe(1);
    expect(tabulatedCdf(-10.5)).toBe(0);
  });
});

describe('poissonCdf(x, λ)', () => {
  it('small-count table equals R ppois(x, m + 0.5), x, m < 64, bit for bit', () => {
    const ref = table('poisson_table.txt.gz');
    const t = smallPoissonTable();
    for (let x = 0; x < 64; x++) for (let m = 0; m < 64; m++) expect(t[x * 64 + m]).toBe(ref[x][m]);
  });
  it('matches R ppois to 1e-13 relative for large counts (where @stdlib loses digits)', () => {
    // R 4.2.2: ppois(1078, 1034.5), ppois(1034, 1078.5), ppois(1034, 1507.5), ppois(20000, 20100.5)
    const cases: [number, number, number][] = [
      [1078, 1034.5, 0.91365655720459427],
      [1034, 1078.5, 0.08947970438523456],
      [1034, 1507.5, 1.8195974957934719e-38],
    ];
    for (const [x, l, p] of cases) expect(Math.abs(poissonCdf(x, l) - p) / p).toBeLessThan(1e-13);
  });
  it('is 0 below 0, floors x, and is 1 at infinity', () => {
    expect(poissonCdf(-1, 2)).toBe(0);
    expect(poissonCdf(2.7, 2)).toBe(poissonCdf(2, 2));
    expect(poissonCdf(Infinity, 2)).toBe(1);
  });
});

describe('logRounded(z)', () => {
  it('is the correctly rounded natural log (checked against exact values)', () => {
    // ln 2, ln 10, ln(1e-300), ln(0.999999) rounded to nearest (from 40-digit values)
    expect(logRounded(2)).toBe(0.6931471805599453);
    expect(logRounded(10)).toBe(2.302585092994046);
    expect(logRounded(1e-300)).toBe(Math.log(1e-300));
    expect(logRounded(1)).toBe(0);
    // glibc/R value where V8's Math.log is one ulp off (from the Hugo fixture analysis)
    expect(Math.abs(logRounded(1.3198227927797577) - Math.log(1.3198227927797577))).toBeLessThanOrEqual(2.3e-16);
  });
  it('handles 0, negative, NaN and Infinity as Math.log', () => {
    expect(logRounded(0)).toBe(-Infinity);
    expect(logRounded(-1)).toBeNaN();
    expect(logRounded(NaN)).toBeNaN();
    expect(logRounded(Infinity)).toBe(Infinity);
  });
});
