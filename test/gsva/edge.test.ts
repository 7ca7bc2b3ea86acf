/** gsva()/ssgsea(): GSVA 1.46's handling of degenerate input, invariants, options. */
import { describe, it, expect } from 'vitest';
import { gsva, ssgsea, gsvaMsg } from '../../src/score/gsva/index.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { matrixFromRows } from '../../src/core/matrix.js';
import { DataError, OptionError } from '../../src/core/errors.js';
import { FIXTURES, readSets, readTsvMatrix } from './fixtures.js';

const x = readTsvMatrix(`${FIXTURES}synth_expr.tsv.gz`);
const sets = readSets(`${FIXTURES}synth_sets.gmt`);

function small(rows: number[][], genes?: string[]) {
  return createExpressionSet(matrixFromRows(rows), genes ?? rows.map((_, i) => `g${i + 1}`), rows[0].map((_, j) => `s${j + 1}`));
}
const tiny = small([
  [1, 2, 3, 4, 5, 6], [3, 1, 2, 6, 5, 4], [5, 5, 5, 5, 5, 5], [2, 4, 6, 1, 3, 5], [6, 5, 4, 3, 2, 1], [1, 1, 2, 2, 3, 3],
]);

describe('gsva(expr, sets) handles constant genes, empty and one-gene sets as GSVA 1.46', () => {
  it('drops the constant gene before matching: a set of only that gene disappears, a set with one more gene has size 1', async () => {
    const r = await gsva(x, sets);
    expect(r.warnings).toContain(gsvaMsg.constantGenes(1));
    expect(r.setIds).not.toContain('ONLY_CONSTANT');
    expect(r.setIds).not.toContain('ONLY_UNKNOWN');
    expect(r.sizes[r.setIds.indexOf('CONST_PLUS_ONE')]).toBe(1);
    expect(r.warnings.some((w) => /gene set\(s\) of size one \(SET01, /.test(w))).toBe(true);
    expect(r.params.genesUsed).toBe(1999);
  });
  it('ssgsea keeps the constant gene, so its one-gene set is scored', async () => {
    const r = await ssgsea(x, sets);
    expect(r.setIds).toContain('ONLY_CONSTANT');
    expect(r.sizes[r.setIds.indexOf('CONST_PLUS_ONE')]).toBe(2);
  });
  it('throws a DataError when no set has a gene in the matrix', async () => {
    await expect(gsva(tiny, [{ id: 'A', genes: ['zz'] }])).rejects.toThrow(new DataError(gsvaMsg.noSetLeft(1, Infinity)));
    await expect(ssgsea(tiny, [{ id: 'A', genes: ['zz'] }])).rejects.toThrow(DataError);
  });
  it('applies minSize/maxSize after matching and counts a repeated gene once', async () => {
    const r = await gsva(tiny, [{ id: 'A', genes: ['g1', 'g1', 'g2'] }, { id: 'B', genes: ['g1', 'g2', 'g4', 'zz'] }], { maxSize: 2 });
    expect(r.setIds).toEqual(['A']);
    expect(r.sizes[0]).toBe(2);
    expect(r.warnings).toContain(gsvaMsg.duplicateSetGenes(1));
  });
  it('drops genes with missing values (gsva) and rejects them (ssgsea)', async () => {
    const withNaN = small([[1, 2, NaN, 4], [4, 3, 2, 1], [1, 3, 2, 4], [2, 2, 1, 1]]);
    const r = await gsva(withNaN, [{ id: 'A', genes: ['g1', 'g2', 'g3'] }]);
    expect(r.sizes[0]).toBe(2);
    expect(r.warnings).toContain(gsvaMsg.constantGenes(1));
    await expect(ssgsea(withNaN, [{ id: 'A', genes: ['g1', 'g2'] }])).rejects.toThrow(gsvaMsg.missingValues('ssgsea', 1));
  });
  it('needs two samples and two non-constant genes', async () => {
    await expect(gsva(small([[1], [2], [3]]), [{ id: 'A', genes: ['g1'] }])).rejects.toThrow(gsvaMsg.tooFewSamples(1));
    await expect(gsva(small([[1, 2], [3, 3]]), [{ id: 'A', genes: ['g1'] }])).rejects.toThrow(gsvaMsg.tooFewGenes(1));
    await expect(gsva(small([[]]), [{ id: 'A', genes: ['g1'] }])).rejects.toThrow(gsvaMsg.emptyMatrix('gsva'));
  });
  it('rejects negative counts for the Poisson kernel and warns on non-integer ones', async () => {
    await expect(gsva(small([[1, -2, 3], [1, 2, 3], [3, 2, 1]]), [{ id: 'A', genes: ['g1'] }], { kcdf: 'poisson' })).rejects.toThrow(
      gsvaMsg.negativeCounts(1),
    );
    const r = await gsva(small([[1, 2.5, 3], [1, 2, 3], [3, 2, 1]]), [{ id: 'A', genes: ['g1'] }], { kcdf: 'poisson' });
    expect(r.warnings).toContain(gsvaMsg.nonIntegerCounts(1));
  });
  it('ssgsea on one sample and one set divides by a zero range: warning and a non-finite score', async () => {
    const r = await ssgsea(small([[1], [2], [3]]), [{ id: 'A', genes: ['g1', 'g2'] }]);
    expect(r.warnings).toContain(gsvaMsg.zeroRange());
    expect(Number.isFinite(r.scores.data[0])).toBe(false);
  });
});

describe('gsva() invariants', () => {
  it('scores lie in [−1, 1] (maxDiff true/false) and in [0, 2] with absRanking', async () => {
    for (const [opts, lo, hi] of [[{}, -1, 1], [{ maxDiff: false }, -1, 1], [{ absRanking: true }, 0, 2]] as const) {
      const r = await gsva(x, sets, opts);
      for (const v of r.scores.data) {
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThanOrEqual(hi);
      }
    }
  });
  it('a set holding the top genes of every sample scores high', async () => {
    const r = await gsva(tiny, [{ id: 'up', genes: ['g1', 'g4'] }], { kcdf: 'none' });
    expect(r.scores.nrow).toBe(1);
    expect(r.scores.ncol).toBe(6);
  });
  it('block sizes do not change the scores', async () => {
    const a = await gsva(x, sets.slice(0, 8));
    const b = await gsva(x, sets.slice(0, 8), { blockSize: 7, sampleBlockSize: 1 });
    expect(b.scores.data).toEqual(a.scores.data);
    const c = await ssgsea(x, sets.slice(0, 8), { sampleBlockSize: 5 });
    const d = await ssgsea(x, sets.slice(0, 8));
    expect(c.scores.data).toEqual(d.scores.data);
  });
  it('exactKernel changes scores only slightly (≤ 1e-2)', async () => {
    const a = await gsva(x, sets.slice(0, 5));
    const b = await gsva(x, sets.slice(0, 5), { exactKernel: true });
    let m = 0;
    for (let i = 0; i < a.scores.data.length; i++) m = Math.max(m, Math.abs(a.scores.data[i] - b.scores.data[i]));
    expect(m).toBeLessThan(1e-2);
  });
});

describe('gsva()/ssgsea() options', () => {
  it('report every invalid option at once', async () => {
    const p = gsva(tiny, [{ id: 'A', genes: ['g1'] }], { kcdf: 'gamma' as never, tau: -1, minSize: 1.5 });
    await expect(p).rejects.toThrow(OptionError);
    await expect(p).rejects.toThrow(/3 invalid options/);
    await expect(ssgsea(tiny, [{ id: 'A', genes: ['g1'] }], { normalize: 'max' as never })).rejects.toThrow(OptionError);
  });
  it('record the effective options in params', async () => {
    const r = await gsva(tiny, [{ id: 'A', genes: ['g1', 'g2'] }], { tau: 0.5 });
    expect(r.params).toMatchObject({ method: 'gsva', kcdf: 'gaussian', tau: 0.5, maxDiff: true, absRanking: false, minSize: 1 });
    const s = await ssgsea(tiny, [{ id: 'A', genes: ['g1', 'g2'] }]);
    expect(s.params).toMatchObject({ method: 'ssgsea', alpha: 0.25, normalize: 'matrix-range' });
  });
});
