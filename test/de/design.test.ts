import { describe, it, expect } from 'vitest';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { parseFormula } from '../../src/de/formula.js';
import { designFromFormula } from '../../src/de/design.js';
import { parseContrast } from '../../src/de/contrast.js';
import { lmFit } from '../../src/de/lm-fit.js';
import { eBayes } from '../../src/de/ebayes.js';
import { contrastsFit } from '../../src/de/contrasts-fit.js';
import { matrixFrom } from '../../src/core/matrix.js';
import { deMsg } from '../../src/de/messages.js';

const table = parseSampleTable(
  'id\tresponse\tage\tbatch\n' +
  's1\tR\t50\t1\ns2\tNR\t61\t2\ns3\tR\t45\t1\ns4\tNR\tNA\t2\ns5\tNR\t70\t3\ns6\tR\t38\t3\ns7\tR\t55\t2\n',
);

describe('parseFormula', () => {
  it('parseFormula reads terms, factor() and intercept removal', () => {
    expect(parseFormula('~ response + age')).toEqual({
      intercept: true,
      variables: [{ column: 'response', label: 'response', factor: false }, { column: 'age', label: 'age', factor: false }],
      terms: [{ label: 'response', variables: [0] }, { label: 'age', variables: [1] }],
    });
    expect(parseFormula('~0 + factor(batch)').intercept).toBe(false);
    expect(parseFormula('~ response - 1').intercept).toBe(false);
    expect(parseFormula('~ `odd name` + x').variables[0].column).toBe('odd name');
  });
  it('parseFormula rejects malformed formulas with a message naming the formula', () => {
    expect(() => parseFormula('response + age')).toThrow(deMsg.formulaSyntax('response + age', 'it must start with ~'));
    expect(() => parseFormula('~ a +')).toThrow(/ends with an operator/);
    expect(() => parseFormula('~')).toThrow(/no terms/);
    expect(() => parseFormula('~ a b')).toThrow(/expected \+, -, \* or :/);
    expect(() => parseFormula('~ (a + b')).toThrow(/unclosed parenthesis/);
    expect(() => parseFormula('~ a:1')).toThrow(/cannot be part of an interaction/);
  });
});

describe('parseFormula interactions', () => {
  const labels = (f: string): string[] => parseFormula(f).terms.map((t) => t.label);
  it('parseFormula expands a*b to a + b + a:b and orders terms by degree, as terms.formula', () => {
    expect(labels('~ a*b + c')).toEqual(['a', 'b', 'c', 'a:b']);
    expect(labels('~ a*b*c')).toEqual(['a', 'b', 'c', 'a:b', 'a:c', 'b:c', 'a:b:c']);
    expect(labels('~ (a + b):c')).toEqual(['a:c', 'b:c']);
    expect(labels('~ a*b - a:b')).toEqual(['a', 'b']);
    expect(labels('~ a:a + a')).toEqual(['a']);
  });
  it('parseFormula writes a term\'s variables in order of first appearance in the formula', () => {
    expect(labels('~ age + group + group:age')).toEqual(['age', 'group', 'age:group']);
    expect(labels('~ group:factor(batch) + factor(batch)')).toEqual(['factor(batch)', 'group:factor(batch)']);
  });
});

describe('designFromFormula', () => {
  it('designFromFormula builds treatment contrasts with the reference level and drops samples with missing covariates', () => {
    const d = designFromFormula(table, ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 'sX'], '~ response + age', { ref: new Map([['response', 'NR']]) });
    expect(d.design.columns).toEqual(['(Intercept)', 'responseR', 'age']);
    expect(d.usedIds).toEqual(['s1', 's2', 's3', 's5', 's6', 's7']);
    expect(Array.from(d.design.x.subarray(0, 6))).toEqual([1, 1, 50, 1, 0, 61]);
    expect(d.warnings.some((w) => w.includes('sX'))).toBe(true);
    expect(d.warnings.some((w) => w.includes('s4'))).toBe(true);
  });
  it('designFromFormula with factor(batch) and no intercept gives one column per level', () => {
    const d = designFromFormula(table, table.ids, '~ 0 + factor(batch)');
    expect(d.design.columns).toEqual(['factor(batch)1', 'factor(batch)2', 'factor(batch)3']);
  });
  it('designFromFormula rejects unknown columns and levels', () => {
    expect(() => designFromFormula(table, table.ids, '~ grade')).toThrow(/not a sample-table column/);
    expect(() => designFromFormula(table, table.ids, '~ response', { ref: new Map([['response', 'CR']]) })).toThrow(/no level "CR"/);
  });
});

describe('parseContrast', () => {
  const d = designFromFormula(table, table.ids, '~ response + factor(batch)', { ref: new Map([['response', 'NR']]) });
  it('parseContrast reads term:A:B, coefficient names with parentheses, and multipliers', () => {
    expect(Array.from(parseContrast('response:R:NR', d.design.columns, d.terms))).toEqual([0, 1, 0, 0]);
    expect(Array.from(parseContrast('response:NR:R', d.design.columns, d.terms))).toEqual([0, -1, 0, 0]);
    expect(Array.from(parseContrast('factor(batch):3:2', d.design.columns, d.terms))).toEqual([0, 0, -1, 1]);
    expect(Array.from(parseContrast('factor(batch)3 - 0.5*factor(batch)2', d.design.columns, d.terms))).toEqual([0, 0, -0.5, 1]);
  });
  it('parseContrast rejects unknown names and zero contrasts', () => {
    expect(() => parseContrast('responseX', d.design.columns, d.terms)).toThrow(/no coefficient "responseX"/);
    expect(() => parseContrast('response:R:R', d.design.columns, d.terms)).toThrow(/is zero/);
  });
});

describe('lmFit and eBayes edge cases', () => {
  const design = { n: 6, p: 2, x: Float64Array.of(1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1), columns: ['(Intercept)', 'g'] };
  it('lmFit drops missing values per gene: the fit equals the fit on the complete observations', () => {
    const E = matrixFrom(2, 6, Float64Array.of(1, 2, NaN, 4, 6, 5, 1, 2, 3, 4, 6, 5));
    const f = lmFit(E, design);
    const sub = lmFit(matrixFrom(1, 5, Float64Array.of(1, 2, 4, 6, 5)), { n: 5, p: 2, x: Float64Array.of(1, 0, 1, 0, 1, 1, 1, 1, 1, 1), columns: ['a', 'b'] });
    expect(f.coefficients[1]).toBeCloseTo(sub.coefficients[1], 12);
    expect(f.sigma[0]).toBeCloseTo(sub.sigma[0], 12);
    expect(f.dfResidual[0]).toBe(3);
    expect(f.dfResidual[1]).toBe(4);
  });
  it('lmFit gives NaN and a warning for a gene with too few observations', () => {
    const f = lmFit(matrixFrom(1, 6, Float64Array.of(1, NaN, NaN, NaN, NaN, NaN)), design);
    expect(Number.isNaN(f.coefficients[1])).toBe(true);
    expect(f.warnings[0]).toBe(deMsg.genesNotEstimable(1));
  });
  it('lmFit rejects a rank-deficient design, naming the column', () => {
    const bad = { n: 4, p: 2, x: Float64Array.of(1, 2, 1, 2, 1, 2, 1, 2), columns: ['a', 'b'] };
    expect(() => lmFit(matrixFrom(1, 4, Float64Array.of(1, 2, 3, 4)), bad)).toThrow(deMsg.rankDeficient('b'));
  });
  it('eBayes with a constant gene keeps finite moderated statistics (p ≈ 1 for that gene)', () => {
    const E = matrixFrom(3, 6, Float64Array.of(1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 4, 6, 2, 1, 3, 3, 5, 4));
    const eb = eBayes(contrastsFit(lmFit(E, design), { names: ['g'], weights: [Float64Array.of(0, 1)] }));
    expect(eb.pValue[0]).toBeCloseTo(1, 6);
    expect(eb.pValue[1]).toBeGreaterThan(0);
    expect(eb.pValue[1]).toBeLessThan(1);
  });
});
