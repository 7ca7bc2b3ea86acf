import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confDir, readMatrix, readTsv } from '../../de/helpers.js';
import { normFactors, tmmFactor } from '../../../src/normalize/rnaseq/norm-factors.js';

// scripts/de-sparse-normfactors-fixtures.R: 400 genes × 12 samples, ~85 % zeros (edgeR 3.40.2)
const sparse = readMatrix(readFileSync(join(confDir, 'sparse_counts.tsv'), 'utf8'));
const ref = readTsv(join(confDir, 'sparse_normfactors.tsv'));
const refCol = (name: string): number[] => ref.rows.map((r) => Number(r[ref.header.indexOf(name)]));

describe('normFactors on sparse counts (zero upper quartiles)', () => {
  it('normFactors(sparse, tmm) takes the largest √-count sample as reference and matches calcNormFactors within 1e-9', () => {
    const f = normFactors(sparse.x, { method: 'tmm' });
    const e = refCol('TMM');
    f.factors.forEach((v, j) => expect(Math.abs(v / e[j] - 1), sparse.samples[j]).toBeLessThan(1e-9));
    // the reference is the sample with the largest sum of square-root counts
    let best = -1;
    let arg = -1;
    for (let j = 0; j < sparse.x.ncol; j++) {
      let s = 0;
      for (let g = 0; g < sparse.x.nrow; g++) s += Math.sqrt(sparse.x.data[g * sparse.x.ncol + j]);
      if (s > best) [best, arg] = [s, j];
    }
    expect(f.refColumn).toBe(arg);
  });
  it('normFactors(sparse, upperquartile) warns of zero quantiles and gives NaN as calcNormFactors; RLE gives NaN (R: NA)', () => {
    const uq = normFactors(sparse.x, { method: 'upperquartile' });
    expect(uq.warnings).toEqual(['one or more quantiles are zero']);
    expect(refCol('upperquartile').every(Number.isNaN)).toBe(true);
    expect(Array.from(uq.factors).every(Number.isNaN)).toBe(true);
    expect(Array.from(normFactors(sparse.x, { method: 'rle' }).factors).every(Number.isNaN)).toBe(true);
  });
});

describe('tmmFactor', () => {
  it('tmmFactor(x, x) is 1, and a sample scaled by 2 against its reference gives 1 (library sizes absorb it)', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => 1 + ((i * 7919) % 97));
    const L = x.reduce((a, b) => a + b, 0);
    expect(tmmFactor(x, x, L, L)).toBe(1);
    const y = x.map((v) => 2 * v);
    expect(tmmFactor(y, x, 2 * L, L)).toBe(1);
  });
  it('tmmFactor undoes a composition shift: 10 % of genes up 4-fold are trimmed, the rest give the factor', () => {
    const n = 400;
    const x = Float64Array.from({ length: n }, (_, i) => 50 + (i % 13));
    const y = x.map((v, i) => (i < n / 10 ? 4 * v : v));
    // library sizes 2048 and 1024: M = log2((y/2048)/(x/1024)) is exactly −1 for the unchanged genes
    // (ratios of arbitrary library sizes can split equal M values in the last bit, and a tie group
    // straddling the trim is then dropped whole, as edgeR's rank-based trim does)
    expect(tmmFactor(y, x, 2048, 1024)).toBe(0.5);
    // without trimming the shifted genes (M = 1) pull the factor up
    expect(tmmFactor(y, x, 2048, 1024, 0.0001, 0.0001)).toBeGreaterThan(0.55);
  });
});
