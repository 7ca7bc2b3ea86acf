import { describe, it, expect } from 'vitest';
import { detectGeneIds, stripEnsemblVersion, stripEnsemblVersions } from '../../src/io/gene-ids.js';
import { collapseDuplicateGenes } from '../../src/io/duplicates.js';
import { summarizeExpression } from '../../src/io/inspect.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { matrixFromRows, createMatrix } from '../../src/core/matrix.js';

describe('detectGeneIds', () => {
  it('classifies Ensembl (human, mouse, PAR, versioned), Entrez and symbols', () => {
    const s = detectGeneIds(['ENSG00000141510.17', 'ENSMUSG00000059552', 'ENSGR0000002586', 'ENSG00000182378.14_PAR_Y', '7157', 'TP53']);
    expect(s).toEqual({ type: 'ensembl', n: 6, ensembl: 4, ensemblVersioned: 2, entrez: 1, symbol: 1 });
    expect(detectGeneIds(['7157', '3845', 'KRAS']).type).toBe('entrez');
    expect(detectGeneIds(['TP53', 'HLA-A', 'C4orf3', '7157']).type).toBe('symbol');
    expect(detectGeneIds([]).type).toBe('none');
  });

  it('stripEnsemblVersion keeps _PAR_Y and leaves other ids alone', () => {
    expect(stripEnsemblVersion('ENSG00000141510.17')).toBe('ENSG00000141510');
    expect(stripEnsemblVersion('ENSG00000182378.14_PAR_Y')).toBe('ENSG00000182378_PAR_Y');
    expect(stripEnsemblVersion('HLA-A.2')).toBe('HLA-A.2');
    expect(stripEnsemblVersions(['ENSG00000000003.1', 'X']).stripped).toBe(1);
  });
});

describe('collapseDuplicateGenes', () => {
  const es = () =>
    createExpressionSet(matrixFromRows([[1, NaN], [10, 20], [3, NaN], [NaN, NaN]]), ['a', 'b', 'a', 'a'], ['S1', 'S2'], {
      geneAnnotation: new Map([['symbol', ['A1', 'B', 'A2', 'A3']]]),
    });

  it('mean, max and sum skip NaN per sample (NaN when every value is NaN)', () => {
    const mean = collapseDuplicateGenes(es(), { policy: 'mean' });
    expect(mean.data.genes).toEqual(['a', 'b']);
    expect([...mean.data.x.data]).toEqual([2, NaN, 10, 20]);
    expect([...collapseDuplicateGenes(es(), { policy: 'max' }).data.x.data]).toEqual([3, NaN, 10, 20]);
    expect([...collapseDuplicateGenes(es(), { policy: 'sum' }).data.x.data]).toEqual([4, NaN, 10, 20]);
    expect(mean.report).toEqual({ policy: 'mean', duplicatedIds: 1, rowsBefore: 4, rowsAfter: 2, examples: ['a'] });
  });

  it('first and maxMean pick a whole row and carry its annotation', () => {
    const first = collapseDuplicateGenes(es(), { policy: 'first' }).data;
    expect(first.geneAnnotation?.get('symbol')).toEqual(['A1', 'B']);
    const mm = collapseDuplicateGenes(es(), { policy: 'maxMean' }).data;
    expect([...mm.x.data]).toEqual([3, NaN, 10, 20]);
    expect(mm.geneAnnotation?.get('symbol')).toEqual(['A2', 'B']);
  });

  it('error names the rows; keep and unique ids return the input unchanged', () => {
    expect(() => collapseDuplicateGenes(es())).toThrow('duplicate gene id "a" (rows 1 and 3)');
    const input = es();
    expect(collapseDuplicateGenes(input, { policy: 'keep' }).data).toBe(input);
    const unique = createExpressionSet(matrixFromRows([[1]]), ['x'], ['S']);
    expect(collapseDuplicateGenes(unique, { policy: 'mean' }).report.rowsAfter).toBe(1);
    expect(() => collapseDuplicateGenes(input, { policy: 'median' as never })).toThrow(/unknown duplicate policy "median"/);
  });
});

describe('summarizeExpression', () => {
  it('guesses raw counts, log scale and linear values', () => {
    const counts = summarizeExpression(createExpressionSet(matrixFromRows([[0, 5], [120, 3]]), ['a', 'b'], ['S1', 'S2']));
    expect(counts).toMatchObject({ scale: 'raw counts', integerFraction: 1, zero: 1, min: 0, max: 120 });
    const log = summarizeExpression(createExpressionSet(matrixFromRows([[7.5, 3.25]]), ['a'], ['S1', 'S2']));
    expect(log.scale).toBe('log scale');
    const tpm = summarizeExpression(createExpressionSet(matrixFromRows([[1500.5, 3.25]]), ['a'], ['S1', 'S2']));
    expect(tpm.scale).toBe('linear, non-integer');
  });

  it('handles an all-NaN matrix and an empty one', () => {
    const nan = summarizeExpression(createExpressionSet(matrixFromRows([[NaN]]), ['a'], ['S']));
    expect(nan).toMatchObject({ scale: 'unknown', missing: 1 });
    expect(nan.min).toBeNaN();
    const empty = summarizeExpression(createExpressionSet(createMatrix(0, 0), [], []));
    expect(empty).toMatchObject({ genes: 0, samples: 0, scale: 'unknown' });
  });
});
