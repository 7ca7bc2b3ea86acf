import { describe, it, expect } from 'vitest';
import { enrichmentScore } from '../../src/enrich/es.js';
import { gseaPreranked } from '../../src/enrich/preranked.js';
import { multilevelError } from '../../src/enrich/multilevel.js';

/** Exact P(ES ≥ es | ES ≥ 0) by enumerating all C(n, k) placements of a k-gene set. */
function exactP(stats: Float64Array, k: number, es: number): number {
  const n = stats.length;
  const pos = Int32Array.from({ length: k }, (_, i) => i);
  let ge = 0, nonneg = 0;
  for (;;) {
    const v = enrichmentScore(stats, pos).es;
    if (v >= 0) nonneg++;
    if (v >= es - 1e-12) ge++;
    let i = k - 1;
    while (i >= 0 && pos[i] === n - k + i) i--;
    if (i < 0) break;
    pos[i]++;
    for (let j = i + 1; j < k; j++) pos[j] = pos[j - 1] + 1;
  }
  return ge / nonneg;
}

describe('multilevel p-values', () => {
  it('agree with the exact p from enumerating all placements of a 5-gene set in a 30-gene ranking', () => {
    const n = 30;
    const stats = Float64Array.from({ length: n }, (_, i) => 2.5 - (5 * i) / (n - 1) + 0.01 * Math.sin(i));
    const genes = Array.from({ length: n }, (_, i) => `g${i}`);
    for (const members of [[0, 1, 2, 4, 7], [0, 2, 5, 9, 14], [1, 3, 6, 10, 20]]) {
      const set = { id: 'S', genes: members.map((i) => genes[i]) };
      const es = enrichmentScore(stats, Int32Array.from(members)).es;
      const exact = exactP(stats, 5, es);
      const r = gseaPreranked({ genes, stats }, [set], { minSize: 1, seed: 5, sampleSize: 101, nPermSimple: 1000 });
      // within the estimator's own error band (2 × log2err, at least half a bit)
      const band = Math.max(0.5, 2 * (Number.isNaN(r.log2err[0]) ? 0 : r.log2err[0]));
      expect(Math.abs(Math.log2(r.pval[0]) - Math.log2(exact))).toBeLessThanOrEqual(band);
    }
  });

  it('multilevelError(p, 101) reproduces fgsea log2err values', () => {
    expect(multilevelError(1.5159072403989747e-9, 101)).toBeCloseTo(0.78818681080023711, 10);
    expect(multilevelError(2.5262131901932879e-26, 101)).toBeCloseTo(1.3344974908165821, 10);
  });

  it('is reproducible for a seed', () => {
    const n = 2000;
    const genes = Array.from({ length: n }, (_, i) => `g${i}`);
    const stats = Float64Array.from({ length: n }, (_, i) => Math.cos(i) + (n - i) / n);
    const sets = [{ id: 'top', genes: genes.filter((_, i) => i % 40 === 0 && i < 1200).concat(genes.slice(0, 10)) }];
    const a = gseaPreranked({ genes, stats }, sets, { seed: 9 });
    const b = gseaPreranked({ genes, stats }, sets, { seed: 9 });
    expect(a.pval).toEqual(b.pval);
    expect(a.NES).toEqual(b.NES);
  });
});

describe('gseaPrerankedParallel', () => {
  it('gives results identical to gseaPreranked with 1 and 2 workers', async () => {
    const { gseaPrerankedParallel } = await import('../../src/enrich/preranked.js');
    const { createWorkerPool } = await import('../../src/io/node/worker-pool.js');
    const n = 3000;
    const genes = Array.from({ length: n }, (_, i) => `g${i}`);
    const stats = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 7.1) + (n / 2 - i) / n);
    const sets = Array.from({ length: 6 }, (_, s) => ({ id: `S${s}`, genes: genes.filter((_, i) => (s < 3 ? i < 400 : i > 2600) && i % (5 + s) === 0) }));
    const one = gseaPreranked({ genes, stats }, sets, { seed: 2, minSize: 5 });
    const pool = createWorkerPool({ threads: 2 });
    try {
      const two = await gseaPrerankedParallel({ genes, stats }, sets, { seed: 2, minSize: 5, executor: pool });
      expect(two.pval).toEqual(one.pval);
      expect(two.log2err).toEqual(one.log2err);
      expect(two.NES).toEqual(one.NES);
      expect(one.pval.some((p) => p < 1e-6)).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
