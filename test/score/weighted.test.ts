import { describe, it, expect } from 'vitest';
import { matrixFromRows } from '../../src/core/matrix.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { builtinCollection, builtinAliases, scoreSignatures, weightedScore, type Signature } from '../../src/score/index.js';

// Cristescu et al. 2018, table S2B, as quoted in the issue.
const TABLE: [string, number][] = [
  ['CCL5', 0.008346], ['CD27', 0.072293], ['CD274', 0.042853], ['CD276', -0.0239], ['CD8A', 0.031021],
  ['CMKLR1', 0.151253], ['CXCL9', 0.074135], ['CXCR6', 0.004313], ['HLA-DQA1', 0.020091], ['HLA-DRB1', 0.058806],
  ['HLA-E', 0.07175], ['IDO1', 0.060679], ['LAG3', 0.123895], ['NKG7', 0.075524], ['PDCD1LG2', 0.003734],
  ['PSMB10', 0.032999], ['STAT1', 0.250229], ['TIGIT', 0.084767],
];
const HK = ['ABCF1', 'C14orf102', 'G6PD', 'OAZ1', 'POLR2A', 'SDHA', 'STK11IP', 'TBC1D10B', 'TBP', 'UBB', 'ZBTB34'];

const tis = (): Signature => builtinCollection('io360-public').signatures.find((s) => s.id === 'TIS')!;

describe('TIS in io360-public', () => {
  it('ships exactly the 18 weights of table S2B, the 11 housekeeping genes and intercept 0', () => {
    const s = tis();
    expect(s.genes).toEqual(TABLE.map(([g]) => g));
    expect(Array.from(s.weights!)).toEqual(TABLE.map(([, w]) => w));
    expect(s.housekeeping).toEqual(HK);
    expect(s.intercept).toBe(0);
    expect(s.method).toBe('weighted');
    expect(s.citation?.doi).toBe('10.1126/science.aar3593');
  });

  it('scoreSignatures computes the TIS of a 3-sample toy matrix as Σ w·(x − mean(HK)) by hand', async () => {
    // Gene g (0-based in TABLE order) has log2 value 5 + g/4 + sample; housekeeping gene h has 8 + h/10 − sample/2.
    const genes = [...TABLE.map(([g]) => g), ...HK.map((h) => (h === 'C14orf102' ? 'NRDE2' : h))];
    const rows = [
      ...TABLE.map((_, g) => [0, 1, 2].map((s) => 5 + g / 4 + s)),
      ...HK.map((_, h) => [0, 1, 2].map((s) => 8 + h / 10 - s / 2)),
    ];
    const es = createExpressionSet(matrixFromRows(rows), genes, ['s1', 's2', 's3']);
    const r = await scoreSignatures(es, [tis()], { aliases: builtinAliases() });
    // By hand: mean(HK) in sample s = 8 + mean(0..10)/10 − s/2 = 8.5 − s/2;
    // TIS_s = Σ_g w_g·(5 + g/4 + s − 8.5 + s/2) = Σ w_g·(g/4 − 3.5) + 1.5·s·Σ w_g.
    const sumW = TABLE.reduce((a, [, w]) => a + w, 0);
    const base = TABLE.reduce((a, [, w], g) => a + w * (g / 4 - 3.5), 0);
    const expected = [0, 1, 2].map((s) => base + 1.5 * s * sumW);
    for (let s = 0; s < 3; s++) expect(r.scores.data[s]).toBeCloseTo(expected[s], 12);
    expect(sumW).toBeCloseTo(1.142788, 12);
    expect(r.coverage[0]).toMatchObject({ genesTotal: 18, genesMatched: 18, housekeepingMatched: 11, weightFraction: 1, status: 'complete', aliased: [] });
  });
});

describe('weightedScore(x, rows, weights, hk, intercept)', () => {
  it('matches a two-gene example worked by hand', () => {
    // genes A, B (weights 0.5, −2), housekeeping H1, H2; intercept 1.
    const x = matrixFromRows([
      [4, 6], // A
      [1, 3], // B
      [2, 2], // H1
      [4, 0], // H2
    ]);
    // sample 1: hk = 3 → 0.5·(4−3) − 2·(1−3) + 1 = 0.5 + 4 + 1 = 5.5
    // sample 2: hk = 1 → 0.5·(6−1) − 2·(3−1) + 1 = 2.5 − 4 + 1 = −0.5
    const s = weightedScore(x, Int32Array.of(0, 1), Float64Array.of(0.5, -2), Int32Array.of(2, 3), 1);
    expect(Array.from(s)).toEqual([5.5, -0.5]);
  });

  it('without housekeeping genes is Σ w·x + intercept; empty gene list gives the intercept', () => {
    const x = matrixFromRows([[1, 2, 3]]);
    expect(Array.from(weightedScore(x, Int32Array.of(0), Float64Array.of(2), new Int32Array(0), 0))).toEqual([2, 4, 6]);
    expect(Array.from(weightedScore(x, new Int32Array(0), new Float64Array(0), new Int32Array(0), 7))).toEqual([7, 7, 7]);
  });

  it('propagates NaN and keeps huge magnitudes finite', () => {
    const x = matrixFromRows([[NaN, 1e300], [0, 1e300]]);
    const s = weightedScore(x, Int32Array.of(0), Float64Array.of(1), Int32Array.of(1), 0);
    expect(Number.isNaN(s[0])).toBe(true);
    expect(s[1]).toBe(0);
  });
});
