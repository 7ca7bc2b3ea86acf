import { describe, it, expect } from 'vitest';
import { matrixFromRows } from '../../src/core/matrix.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { DataError, OptionError, UsageError } from '../../src/core/errors.js';
import { plageScores, scoreMsg, scoreSignatures, singscoreScores, summaryScore, zscoreScores, type Signature } from '../../src/score/index.js';

const rows = (...r: number[]) => Int32Array.from(r);

describe('summaryScore(x, rows, {stat, center, directions})', () => {
  const x = matrixFromRows([[1, 2, 3], [3, 2, NaN], [5, 8, 3], [0, 0, 0]]);
  it('mean and median per sample skip NaN; ties in the median average the middle pair', () => {
    expect(Array.from(summaryScore(x, rows(0, 1, 2), { stat: 'mean' }))).toEqual([3, 4, 3]);
    expect(Array.from(summaryScore(x, rows(0, 1, 2, 3), { stat: 'median' }))).toEqual([2, 2, 3]);
  });
  it('center subtracts each gene\'s cohort mean first; directions subtract the down part', () => {
    // gene means: 2, 2.5, 16/3
    const c = summaryScore(x, rows(0, 2), { stat: 'mean', center: true });
    expect(c[0]).toBeCloseTo((-1 + (5 - 16 / 3)) / 2, 14);
    expect(Array.from(summaryScore(x, rows(2, 0), { stat: 'mean', directions: Int8Array.of(1, -1) }))).toEqual([4, 6, 0]);
  });
  it('an empty set or an all-NaN sample gives NaN', () => {
    expect(Number.isNaN(summaryScore(x, rows(), { stat: 'mean' })[0])).toBe(true);
    expect(Number.isNaN(summaryScore(x, rows(1), { stat: 'median' })[2])).toBe(true);
  });
});

describe('zscoreScores(x, sets) — combined z (Lee 2008)', () => {
  it('equals (z_A + z_B)/√2 computed by hand, with sd on n − 1', () => {
    const x = matrixFromRows([[1, 2, 3], [2, 4, 9]]);
    const [s] = zscoreScores(x, [{ rows: rows(0, 1) }]);
    const zb = [-3, -1, 4].map((v) => v / Math.sqrt(13));
    [-1, 0, 1].forEach((za, j) => expect(s[j]).toBeCloseTo((za + zb[j]) / Math.SQRT2, 14));
  });
  it('leaves constant genes out (k counts only variable genes) and down genes count negatively', () => {
    const x = matrixFromRows([[1, 2, 3], [5, 5, 5]]);
    expect(Array.from(zscoreScores(x, [{ rows: rows(0, 1) }])[0])).toEqual([-1, 0, 1]);
    expect(Array.from(zscoreScores(x, [{ rows: rows(0), directions: Int8Array.of(-1) }])[0], (v) => v + 0)).toEqual([1, 0, -1]);
  });
  it('scoreSignatures warns about constant genes and gives NaN with one sample', async () => {
    const es = createExpressionSet(matrixFromRows([[1, 2, 3], [5, 5, 5]]), ['A', 'K'], ['a', 'b', 'c']);
    const r = await scoreSignatures(es, [{ id: 'S', genes: ['A', 'K'] }], { method: 'zscore' });
    expect(r.warnings).toContain(scoreMsg.constantGene('K'));
    const one = createExpressionSet(matrixFromRows([[1], [2]]), ['A', 'B'], ['a']);
    const r1 = await scoreSignatures(one, [{ id: 'S', genes: ['A', 'B'] }], { method: 'zscore' });
    expect(Number.isNaN(r1.scores.data[0])).toBe(true);
    expect(r1.warnings).toContain(scoreMsg.tooFewSamples('zscore/plage', 1));
  });
});

describe('plageScores(x, sets)', () => {
  const x = matrixFromRows([[1, 2, 3, 4.5], [2, 4, 9, 1], [0, 1, 0, 3], [7, 1, 2, 2]]);
  it('returns a unit-length vector whose sign follows the set mean; a one-gene set is its z-score scaled to unit length', () => {
    const [s, one] = plageScores(x, [{ rows: rows(0, 1, 2) }, { rows: rows(3) }]);
    expect(s.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 14);
    const z = [7, 1, 2, 2].map((v) => v - 3);
    const norm = Math.hypot(...z);
    z.forEach((v, j) => expect(one[j]).toBeCloseTo(v / norm, 14));
  });
  it('uses the n × n Gram matrix when the set has more genes than samples, with the same result as transposing', () => {
    const wide = matrixFromRows([[1, 2, 3], [2, 4, 9], [0, 1, 0], [7, 1, 2], [3, 3, 1]]);
    const [s] = plageScores(wide, [{ rows: rows(0, 1, 2, 3, 4) }]);
    const [t] = plageScores(wide, [{ rows: rows(0, 1, 2) }]);
    expect(s.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 12);
    expect(t.reduce((a, v) => a + v * v, 0)).toBeCloseTo(1, 12);
  });
});

describe('singscoreScores(x, sets, {center}) — Foroutan 2018', () => {
  // One sample, genes G1..G5 = 1, 5, 3, 3, 9. Increasing ranks (ties min): 1, 4, 2, 2, 5.
  // Decreasing ranks (ties min): G5 1, G2 2, G3 3, G4 3, G1 5.
  const x = matrixFromRows([[1], [5], [3], [3], [9]]);
  it('normalises the mean rank by its bounds (k+1)/2 and (2N−k+1)/2 and centres at 0', () => {
    const r = singscoreScores(x, [{ up: rows(1, 4) }, { up: rows(2, 3) }, { up: rows(4), down: rows(0) }]);
    expect(r.scores[0][0]).toBeCloseTo(0.5, 15); // mean rank 4.5 → (4.5 − 1.5)/3 − 0.5
    expect(r.scores[1][0]).toBeCloseTo(1 / 6 - 0.5, 15); // tied ranks 2, 2 → mean 2
    expect(r.scores[2][0]).toBeCloseTo(1, 15); // up G5 rank 5 → 0.5; down G1 rank 5 → 0.5
    expect(r.dispersions[0][0]).toBeCloseTo((0.5 * 1.4826) / 3, 15);
  });
  it('uncentred scores lie in [0, 1]; a NaN in the set makes the sample NaN', () => {
    const r = singscoreScores(x, [{ up: rows(1, 4) }], { center: false });
    expect(r.scores[0][0]).toBeCloseTo(1, 15);
    const withNaN = matrixFromRows([[1], [NaN], [3]]);
    expect(Number.isNaN(singscoreScores(withNaN, [{ up: rows(1) }]).scores[0][0])).toBe(true);
    expect(singscoreScores(withNaN, [{ up: rows(2) }]).scores[0][0]).toBeCloseTo(0.5, 15);
  });
  it('scoreSignatures(…, {method: "singscore"}) uses the signature directions and returns dispersions', async () => {
    const es = createExpressionSet(x, ['G1', 'G2', 'G3', 'G4', 'G5'], ['s']);
    const sig: Signature = { id: 'S', genes: ['G5', 'G1'], directions: Int8Array.of(1, -1) };
    const r = await scoreSignatures(es, [sig], { method: 'singscore' });
    expect(r.scores.data[0]).toBeCloseTo(1, 15);
    expect(r.dispersion).toBeDefined();
  });
});

describe('scoreSignatures(es, signatures, options)', () => {
  const es = createExpressionSet(matrixFromRows([[1, 2, 3], [3, 5, 7], [0, 0, 9]]), ['A', 'B', 'C'], ['s1', 's2', 's3']);
  const sets: Signature[] = [
    { id: 'AB', genes: ['A', 'B'] },
    { id: 'C2', genes: ['C', 'A'], method: 'median' },
    { id: 'D', genes: [], formula: 'AB - 0.5 * C2 + log(exp(1))' },
  ];
  it('evaluates derived signatures with mathjs over the other scores, per sample', async () => {
    const r = await scoreSignatures(es, sets);
    expect(r.methods).toEqual(['mean', 'median', 'formula']);
    const ab = [2, 3.5, 5], c2 = [0.5, 1, 6];
    [0, 1, 2].forEach((j) => expect(r.scores.data[6 + j]).toBeCloseTo(ab[j] - 0.5 * c2[j] + 1, 14));
    expect(r.coverage[2].status).toBe('derived');
  });
  it('rejects formula cycles, unknown references, duplicate ids, empty matrices and bad options', async () => {
    await expect(scoreSignatures(es, [{ id: 'X', genes: [], formula: 'Y' }, { id: 'Y', genes: [], formula: 'X + 1' }])).rejects.toThrow(scoreMsg.formulaCycle('X'));
    await expect(scoreSignatures(es, [{ id: 'X', genes: [], formula: 'Nope * 2' }])).rejects.toThrow(scoreMsg.formulaUnknownRef('X', 'Nope'));
    await expect(scoreSignatures(es, [sets[0], sets[0]])).rejects.toThrow(DataError);
    await expect(scoreSignatures(createExpressionSet(matrixFromRows([]), [], []), sets)).rejects.toThrow(scoreMsg.emptyMatrix());
    await expect(scoreSignatures(es, sets, { method: 'magic' as never, minCoverage: 2 })).rejects.toThrow(OptionError);
  });
  it('keeps row order and sample names; every method gives finite scores on a well-covered set', async () => {
    for (const method of ['weighted', 'mean', 'median', 'zscore', 'plage', 'singscore'] as const) {
      // (singscore is undefined when the set is the whole matrix: its bounds coincide.)
      const r = await scoreSignatures(es, [{ id: 'AC', genes: ['A', 'C'] }], { method });
      expect(r.samples).toEqual(['s1', 's2', 's3']);
      expect(Array.from(r.scores.data).every(Number.isFinite), method).toBe(true);
    }
  });
});

describe('scoreSignatures dispatches gsva and ssgsea to the GSVA module', () => {
  it('gives the same scores as calling gsva()/ssgsea() on the matched genes, with aliases applied first', async () => {
    const { gsva, ssgsea } = await import('../../src/score/gsva/index.js');
    const { builtinAliases } = await import('../../src/score/index.js');
    const data: number[][] = [];
    for (let i = 0; i < 12; i++) data.push([0, 1, 2, 3, 4].map((j) => Math.sin(i * 7 + j * 3) * 3 + i / 4));
    const genes = ['FAM30A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
    const es = createExpressionSet(matrixFromRows(data), genes, ['a', 'b', 'c', 'd', 'e']);
    const sigs: Signature[] = [{ id: 'S1', genes: ['KIAA0125', 'B', 'C'] }, { id: 'S2', genes: ['D', 'E', 'F', 'G'] }];
    const direct = [{ id: 'S1', genes: ['FAM30A', 'B', 'C'] }, { id: 'S2', genes: ['D', 'E', 'F', 'G'] }];
    for (const [method, fn] of [['gsva', gsva], ['ssgsea', ssgsea]] as const) {
      const r = await scoreSignatures(es, sigs, { method, aliases: builtinAliases() });
      const ref = await fn(es, direct);
      expect(Array.from(r.scores.data), method).toEqual(Array.from(ref.scores.data));
    }
  });
});

describe('standardizeRows(x, rows) on huge magnitudes', () => {
  it('gives the same z-scores for a row multiplied by 1e300 (no overflow in the squares)', async () => {
    const { standardizeRows } = await import('../../src/score/index.js');
    const x = matrixFromRows([[1, 2, 4], [1e300, 2e300, 4e300]]);
    const z = standardizeRows(x, [0, 1]);
    const a = z.get(0)!, b = z.get(1)!;
    for (let j = 0; j < 3; j++) expect(b[j]).toBeCloseTo(a[j], 14);
  });
});
