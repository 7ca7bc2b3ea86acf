import { describe, it, expect } from 'vitest';
import { matrixFromRows } from '../../src/core/matrix.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { DataError } from '../../src/core/errors.js';
import { builtinAliases, matchSignatures, parseHgncAliases, resolveSymbol, reverseAliases, scoreSignatures, scoreMsg, type Signature } from '../../src/score/index.js';

const sig: Signature = {
  id: 'S', genes: ['A', 'B', 'C', 'D', 'E', 'F'], weights: Float64Array.of(1, 2, 3, 4, 5, 5), method: 'weighted',
};
// A matrix holding half of the signature (A, C, E) plus an unrelated gene.
const es = createExpressionSet(matrixFromRows([[1, 2], [3, 4], [5, 6], [7, 8]]), ['A', 'C', 'E', 'Z'], ['s1', 's2']);

describe('matchSignatures(genes, signatures, methodOf, options) coverage', () => {
  it('reports total, matched, missing genes and the |weight| fraction on a matrix missing half of a signature', () => {
    const { matched, warnings } = matchSignatures(es.genes, [sig], () => 'weighted', { minCoverage: 0 });
    const c = matched[0].coverage;
    expect(c).toMatchObject({ genesTotal: 6, genesMatched: 3, missing: ['B', 'D', 'F'], status: 'partial' });
    expect(c.weightFraction).toBeCloseTo((1 + 3 + 5) / 20, 15);
    expect(Array.from(matched[0].rows)).toEqual([0, 1, 2]);
    expect(warnings).toEqual([scoreMsg.missingGenes('S', 3, 6, ['B', 'D', 'F'])]);
  });

  it('scores NA with status "insufficient" when the weight fraction is below the default 0.8 for weighted signatures', async () => {
    const r = await scoreSignatures(es, [sig]);
    expect(r.coverage[0].status).toBe('insufficient');
    expect(Number.isNaN(r.scores.data[0])).toBe(true);
    expect(r.warnings[0]).toContain('below the minimum 80% of the weight');
  });

  it('scores the genes present under --missing drop with a low enough minimum (Σ w·x over A, C, E)', async () => {
    const r = await scoreSignatures(es, [sig], { minCoverage: 0.4 });
    expect(Array.from(r.scores.data)).toEqual([1 * 1 + 3 * 3 + 5 * 5, 1 * 2 + 3 * 4 + 5 * 6]);
  });

  it('--missing na gives NA and status "missing"; --missing error throws a DataError naming the genes', async () => {
    const na = await scoreSignatures(es, [sig], { missing: 'na' });
    expect(na.coverage[0].status).toBe('missing');
    expect(Number.isNaN(na.scores.data[1])).toBe(true);
    await expect(scoreSignatures(es, [sig], { missing: 'error' })).rejects.toThrow(new DataError(scoreMsg.missingError('S', 3, ['B', 'D', 'F'])));
  });

  it('set methods need min(2, size) matched genes by default; a one-gene set still scores', async () => {
    const sets: Signature[] = [{ id: 'one', genes: ['A', 'Q'] }, { id: 'solo', genes: ['C'] }, { id: 'two', genes: ['A', 'C', 'Q'] }];
    const r = await scoreSignatures(es, sets, { method: 'mean' });
    expect(r.coverage.map((c) => c.status)).toEqual(['insufficient', 'complete', 'partial']);
    expect(Array.from(r.scores.data)).toEqual([NaN, NaN, 3, 4, 2, 3]);
    const loose = await scoreSignatures(es, sets, { method: 'mean', minGenes: 1 });
    expect(Array.from(loose.scores.data.subarray(0, 2))).toEqual([1, 2]);
  });

  it('a weighted signature whose housekeeping genes are all absent scores NA with a warning', async () => {
    const s: Signature = { id: 'H', genes: ['A', 'C'], weights: Float64Array.of(1, 1), housekeeping: ['HK1', 'HK2'] };
    const r = await scoreSignatures(es, [s]);
    expect(r.coverage[0]).toMatchObject({ status: 'insufficient', housekeepingTotal: 2, housekeepingMatched: 0 });
    expect(r.warnings).toContain(scoreMsg.noHousekeeping('H'));
  });
});

describe('aliases', () => {
  const aliases = builtinAliases();
  const present = (genes: string[]) => new Map(genes.map((g, i) => [g, i] as const));
  it.each([
    ['C14orf102', 'NRDE2'],
    ['KIAA0125', 'FAM30A'],
    ['TIM3', 'HAVCR2'],
    ['CTGF', 'CCN2'],
    ['FAM101B', 'RFLNB'],
    ['INDO', 'IDO1'],
  ])('resolveSymbol maps the previous symbol %s to %s present in the matrix', (old, current) => {
    expect(resolveSymbol(old, present(['X', current]), aliases, reverseAliases(aliases))).toBe(current);
  });

  it('resolveSymbol maps a current symbol to its previous symbol when the matrix uses the old name', () => {
    expect(resolveSymbol('NRDE2', present(['C14orf102']), aliases, reverseAliases(aliases))).toBe('C14orf102');
    expect(resolveSymbol('NOPE', present(['C14orf102']), aliases, reverseAliases(aliases))).toBeUndefined();
  });

  it('coverage lists aliased genes as listed→matrix and counts them as matched', () => {
    const s: Signature = { id: 'al', genes: ['KIAA0125', 'TIM3', 'CD8A'] };
    const { matched } = matchSignatures(['FAM30A', 'HAVCR2', 'CD8A'], [s], () => 'mean', { aliases });
    expect(matched[0].coverage).toMatchObject({ genesMatched: 3, aliased: ['KIAA0125→FAM30A', 'TIM3→HAVCR2'], status: 'complete' });
  });

  it('two listed symbols that resolve to one matrix gene count once in the score', () => {
    const s: Signature = { id: 'dup', genes: ['KIAA0125', 'FAM30A'] };
    const { matched } = matchSignatures(['FAM30A'], [s], () => 'mean', { aliases });
    expect(Array.from(matched[0].rows)).toEqual([0]);
    expect(matched[0].coverage.genesMatched).toBe(2);
  });

  it('parseHgncAliases reads HGNC "complete set" columns (pipe-separated) and drops ambiguous aliases', () => {
    const text = 'hgnc_id\tsymbol\talias_symbol\tprev_symbol\nHGNC:1\tNRDE2\t\tC14orf102\nHGNC:2\tHAVCR2\tTIM3|TIM-3\t\nHGNC:3\tAAA\tX1\t\nHGNC:4\tBBB\tX1\t\n';
    const t = parseHgncAliases(text);
    expect(t.get('C14orf102')).toBe('NRDE2');
    expect(t.get('TIM-3')).toBe('HAVCR2');
    expect(t.has('X1')).toBe(false);
  });

  it('parseHgncAliases reads the custom-download headers (comma-separated) and rejects a table without a symbol column', () => {
    const t = parseHgncAliases('Approved symbol\tPrevious symbols\tAlias symbols\nFAM30A\tKIAA0125\tNCRNA00259, FAM30A1\n');
    expect(t.get('KIAA0125')).toBe('FAM30A');
    expect(t.get('FAM30A1')).toBe('FAM30A');
    expect(() => parseHgncAliases('gene\talias\nA\tB\n', { source: 'h.tsv' })).toThrow(/h.tsv:1: no approved-symbol column/);
  });
});
