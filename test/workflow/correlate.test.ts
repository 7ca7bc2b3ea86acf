import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../../src/core/errors.js';
import { correlateTables, type FeatureTable } from '../../src/workflow/correlate.js';
import { correlationTest } from '../../src/stats/correlation.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance', 'correlate');

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));
}
function featureTable(path: string): FeatureTable {
  const [head, ...rows] = readTsv(path);
  return { features: rows.map((r) => r[0]), samples: head.slice(1), values: Float64Array.from(rows.flatMap((r) => r.slice(1).map((v) => (v === 'NA' ? NaN : Number(v))))) };
}
const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));

describe('correlateTables(a, b) matches R cor.test per pair and p.adjust BH (scripts/correlate-fixtures.R)', () => {
  const a = featureTable(join(fixtures, 'a.tsv'));
  const b = featureTable(join(fixtures, 'b.tsv'));
  for (const method of ['spearman', 'pearson'] as const) {
    it(`${method}: n, estimate, statistic, p and q within 1e-12 relative (p = 0 exactly where R gives 0)`, () => {
      const [, ...rows] = readTsv(join(fixtures, `expected_${method}.tsv`));
      const r = correlateTables(a, b, { method });
      expect(r.samples.slice().sort()).toEqual(JSON.parse(readFileSync(join(fixtures, 'versions.json'), 'utf8')).shared);
      expect(r.featureA.length).toBe(rows.length);
      let worst = 0;
      rows.forEach((e, k) => {
        expect([r.featureA[k], r.featureB[k], r.n[k]]).toEqual([e[0], e[1], Number(e[2])]);
        const got = [r.estimate[k], r.statistic[k], r.p[k], r.q[k]];
        e.slice(3).forEach((v, j) => {
          const want = Number(v);
          if (want === 0) expect(got[j]).toBeLessThan(1e-15);
          else worst = Math.max(worst, rel(got[j], want));
        });
      });
      expect(worst).toBeLessThan(1e-12);
    });
  }
});

describe('correlateTables edge cases', () => {
  const t = (features: string[], samples: string[], values: number[]): FeatureTable => ({ features, samples, values });
  it('matches samples by id whatever their order, and equals correlationTest on the matched pairs', () => {
    const a = t(['x'], ['s1', 's2', 's3', 's4', 's5'], [1, 2, 3, 4, 5]);
    const b = t(['y', 'z'], ['s5', 's4', 's3', 's2', 's1'], [10, 8, 9, 2, 1, 5, 4, 3, 2, 1]);
    const r = correlateTables(a, b, { method: 'pearson' });
    expect(r.featureB).toEqual(['y', 'z']);
    expect(r.estimate[0]).toBeCloseTo(correlationTest([1, 2, 3, 4, 5], [1, 2, 9, 8, 10], { method: 'pearson' }).estimate, 15);
    expect(r.estimate[1]).toBeCloseTo(1, 15);
    expect(r.warnings).toEqual([]);
  });
  it('defaults to Spearman and keeps q ≥ p, q ≤ 1', () => {
    const a = t(['x', 'w'], ['a', 'b', 'c', 'd', 'e', 'f'], [1, 2, 3, 4, 5, 6, 3, 1, 4, 1, 5, 9]);
    const b = t(['y'], ['a', 'b', 'c', 'd', 'e', 'f'], [2, 1, 4, 3, 6, 5]);
    const r = correlateTables(a, b);
    expect(r.method).toBe('spearman');
    for (let k = 0; k < 2; k++) expect(r.q[k] >= r.p[k] && r.q[k] <= 1).toBe(true);
  });
  it('gives NA with a warning for a constant feature, and leaves missing values out pairwise', () => {
    const a = t(['const', 'gappy'], ['a', 'b', 'c', 'd', 'e'], [1, 1, 1, 1, 1, 1, NaN, 3, 4, 5]);
    const b = t(['y'], ['a', 'b', 'c', 'd', 'e'], [5, 3, 4, 1, 2]);
    const r = correlateTables(a, b);
    expect(Number.isNaN(r.estimate[0]) && Number.isNaN(r.p[0]) && Number.isNaN(r.q[0])).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('const × y:'))).toBe(true);
    expect(r.n[1]).toBe(4);
    expect(r.q[1]).toBe(r.p[1]); // only one non-NA p
  });
  it('warns about samples only one table has', () => {
    const a = t(['x'], ['a', 'b', 'c', 'd'], [1, 2, 3, 4]);
    const b = t(['y'], ['a', 'b', 'c', 'z'], [1, 3, 2, 0]);
    const r = correlateTables(a, b, { names: ['A.tsv', 'B.tsv'] });
    expect(r.samples).toEqual(['a', 'b', 'c']);
    expect(r.warnings).toEqual(['1 sample(s) of A.tsv are not in the other table and are left out', '1 sample(s) of B.tsv are not in the other table and are left out']);
  });
  it('handles huge magnitudes as their ranks (Spearman) and correlation (Pearson)', () => {
    const a = t(['x'], ['a', 'b', 'c', 'd'], [1e300, 2e300, 3e300, 4e300]);
    const b = t(['y'], ['a', 'b', 'c', 'd'], [1e-300, 2e-300, 3e-300, 5e-300]);
    expect(correlateTables(a, b).estimate[0]).toBe(1);
    const small = t(['y'], ['a', 'b', 'c', 'd'], [1, 2, 3, 5]);
    expect(correlateTables(a, b, { method: 'pearson' }).estimate[0]).toBeCloseTo(correlateTables(t(['x'], ['a', 'b', 'c', 'd'], [1, 2, 3, 4]), small, { method: 'pearson' }).estimate[0], 14);
  });
  it('rejects too few shared samples, empty tables, duplicate sample ids and a bad shape with DataError', () => {
    const a = t(['x'], ['a', 'b', 'c'], [1, 2, 3]);
    expect(() => correlateTables(a, t(['y'], ['a', 'b', 'q'], [1, 2, 3]), { names: ['A', 'B'] })).toThrow(/^A and B share 2 sample id\(s\), fewer than 3/);
    expect(() => correlateTables(a, a, { minSamples: 4 })).toThrow(/share 3 sample id\(s\), fewer than 4/);
    expect(() => correlateTables(t([], ['a'], []), a)).toThrow(/A has no features/);
    expect(() => correlateTables(a, t(['y'], ['a', 'a', 'b'], [1, 2, 3]))).toThrow(/B: sample id "a" appears twice/);
    expect(() => correlateTables(a, t(['y'], ['a', 'b', 'c'], [1, 2]))).toThrow(DataError);
  });
});
