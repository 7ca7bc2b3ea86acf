import { describe, it, expect } from 'vitest';
import { gseaPhenotype } from '../../src/enrich/phenotype.js';
import { rankMetric } from '../../src/enrich/metrics.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { createMatrix, matrixFromRows } from '../../src/core/matrix.js';
import { rng } from '../../src/core/random.js';

function cohort(seed: number) {
  const r = rng(seed);
  const genes = Array.from({ length: 400 }, (_, i) => `g${i}`);
  const ns = 24;
  const x = createMatrix(genes.length, ns);
  const labels = Int8Array.from({ length: ns }, (_, j) => (j < 12 ? 1 : 0));
  for (let i = 0; i < genes.length; i++) for (let j = 0; j < ns; j++) x.data[i * ns + j] = 5 + r.normal() + (i < 20 && labels[j] === 1 ? 1.5 : 0);
  const sets = [
    { id: 'UP', genes: genes.slice(0, 20) },
    ...Array.from({ length: 8 }, (_, s) => ({ id: `RAND${s}`, genes: genes.slice(40 + 30 * s, 60 + 30 * s) })),
  ];
  return { es: createExpressionSet(x, genes, Array.from({ length: ns }, (_, j) => `s${j}`)), labels, sets };
}

describe('gseaPhenotype(expr, labels, sets)', () => {
  const { es, labels, sets } = cohort(1);
  const r = gseaPhenotype(es, labels, sets, { nperm: 200, minSize: 10, seed: 4 });
  it('finds the planted set with small nominal p, FDR q and FWER', () => {
    const i = r.pathway.indexOf('UP');
    expect(r.NES[i]).toBeGreaterThan(1.5);
    expect(r.pval[i]).toBeLessThan(0.01);
    expect(r.fdr_q[i]).toBeLessThan(0.05);
    expect(r.fwer_p[i]).toBeLessThan(0.05);
  });
  it('gives q and FWER in [0, 1] and is reproducible for a seed', () => {
    for (const v of [...r.fdr_q, ...r.fwer_p, ...r.pval]) expect(v >= 0 && v <= 1).toBe(true);
    const again = gseaPhenotype(es, labels, sets, { nperm: 200, minSize: 10, seed: 4 });
    expect(again.NES).toEqual(r.NES);
    expect(again.fdr_q).toEqual(r.fdr_q);
  });
  it('gene-set permutation also finds the planted set', () => {
    const g = gseaPhenotype(es, labels, sets, { nperm: 500, minSize: 10, seed: 4, permutation: 'gene_set' });
    expect(g.pval[g.pathway.indexOf('UP')]).toBeLessThan(0.01);
  });
  it('rejects groups smaller than two samples', () => {
    expect(() => gseaPhenotype(es, Int8Array.from(labels, (_, j) => (j === 0 ? 1 : 0)), sets)).toThrow(/at least 2 samples/);
  });
});

describe('rankMetric(x, labels, metric)', () => {
  it('floors each SD at 0.2·|mean| (0.2 when the mean is 0) for s2n', () => {
    const x = matrixFromRows([[1, 1, 0, 0], [10, 10.01, 5, 5.01], [2, 4, 1, 3]]);
    const l = Int8Array.from([1, 1, 0, 0]);
    const s2n = rankMetric(x, l, 's2n');
    expect(s2n[0]).toBeCloseTo(1 / (0.2 + 0.2), 12); // sd 0 in both: floors 0.2·1 = 0.2 and 0.2 (mean 0)
    expect(s2n[1]).toBeCloseTo(5 / (0.2 * 10.005 + 0.2 * 5.005), 10);
    expect(s2n[2]).toBeCloseTo(1 / (Math.SQRT2 + Math.SQRT2), 12);
    expect(rankMetric(x, l, 'diff')[2]).toBe(1);
    expect(rankMetric(x, l, 'log2ratio')[2]).toBeCloseTo(Math.log2(1.5), 14);
  });
});
