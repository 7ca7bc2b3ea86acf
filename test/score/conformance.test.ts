import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { readMatrixFile, readGmtFile } from '../../src/io/node/readers.js';
import { scoreSignatures, type ScoreResult } from '../../src/score/index.js';
import type { ExpressionSet } from '../../src/core/expression-set.js';
import type { GeneSet } from '../../src/core/gene-set.js';
import { fixtureDir, hasShared, readScoreTable, sharedData } from './helpers.js';

// Fixtures: scripts/score-fixtures.R (GSVA 1.46.0, R 4.2.2). Tolerance: 1e-6 absolute.
const TOL = 1e-6;

if (!hasShared) console.warn('skipping GSVA conformance tests: ../shared/data/icb_cohorts is absent');

describe.skipIf(!hasShared)('zscore and plage vs GSVA 1.46 on the Liu cohort (Danaher + Mariathasan sets)', () => {
  let es: ExpressionSet;
  let sets: GeneSet[];
  const run = async (method: 'zscore' | 'plage'): Promise<ScoreResult> =>
    scoreSignatures(es, sets, { method, minGenes: 1 });
  beforeAll(async () => {
    es = await readMatrixFile(resolve(sharedData, 'icb_cohorts/ICB_small_Liu_expr_log2tpm.tsv.gz'));
    sets = [
      ...(await readGmtFile(resolve(sharedData, 'genesets/danaher2017_immune_celltypes.gmt'))),
      ...(await readGmtFile(resolve(sharedData, 'genesets/mariathasan2018_imvigor210.gmt'))),
    ];
  });

  it('scoreSignatures(es, sets, {method: "zscore"}) equals gsva(method = "zscore") to 1e-6', async () => {
    const ref = readScoreTable(resolve(fixtureDir, 'liu_zscore.tsv'));
    const r = await run('zscore');
    expect(r.samples).toEqual(ref.samples);
    let maxDiff = 0;
    for (const [id, expected] of ref.rows) {
      const i = r.signatures.indexOf(id);
      expect(i, id).toBeGreaterThanOrEqual(0);
      for (let j = 0; j < expected.length; j++) maxDiff = Math.max(maxDiff, Math.abs(r.scores.data[i * r.scores.ncol + j] - expected[j]));
    }
    expect(ref.rows.size).toBe(28);
    expect(maxDiff).toBeLessThan(TOL);
  });

  it('scoreSignatures(es, sets, {method: "plage"}) equals gsva(method = "plage") to 1e-6 after sign alignment', async () => {
    const ref = readScoreTable(resolve(fixtureDir, 'liu_plage.tsv'));
    const r = await run('plage');
    let maxDiff = 0;
    let compared = 0;
    for (const [id, expected] of ref.rows) {
      const i = r.signatures.indexOf(id);
      // One matched gene: GSVA 1.46 returns 1 for every sample (its 1 × n matrix drops to a vector);
      // sigscore returns the true singular vector, the standardised gene scaled to unit length.
      if (r.coverage[i].genesMatched === 1) {
        expect(expected.every((v) => v === 1), id).toBe(true);
        continue;
      }
      compared++;
      const got = r.scores.data.subarray(i * r.scores.ncol, (i + 1) * r.scores.ncol);
      let dot = 0;
      for (let j = 0; j < got.length; j++) dot += got[j] * expected[j];
      const s = dot < 0 ? -1 : 1;
      for (let j = 0; j < got.length; j++) maxDiff = Math.max(maxDiff, Math.abs(s * got[j] - expected[j]));
    }
    expect(compared).toBe(20);
    expect(maxDiff).toBeLessThan(TOL);
  });

  it('plage scores correlate positively with the mean expression of their set (documented sign)', async () => {
    const r = await run('plage');
    const gene = new Map(es.genes.map((g, i) => [g, i] as const));
    for (const s of sets) {
      const rows = s.genes.map((g) => gene.get(g)).filter((v): v is number => v !== undefined);
      const i = r.signatures.indexOf(s.id);
      const v = r.scores.data.subarray(i * es.x.ncol, (i + 1) * es.x.ncol);
      if (!rows.length || Number.isNaN(v[0])) continue;
      const m = new Float64Array(es.x.ncol);
      for (const row of rows) for (let j = 0; j < m.length; j++) m[j] += es.x.data[row * es.x.ncol + j];
      const mm = m.reduce((a, b) => a + b) / m.length, vm = v.reduce((a, b) => a + b) / v.length;
      let cov = 0;
      for (let j = 0; j < m.length; j++) cov += (m[j] - mm) * (v[j] - vm);
      expect(cov, s.id).toBeGreaterThanOrEqual(0);
    }
  });

  it('sets with no gene in the matrix score NA with an "insufficient" coverage row (GSVA drops them)', async () => {
    const r = await run('zscore');
    const ref = readScoreTable(resolve(fixtureDir, 'liu_zscore.tsv'));
    const dropped = r.signatures.filter((id) => !ref.rows.has(id));
    expect(dropped.length).toBe(4);
    for (const id of dropped) {
      const c = r.coverage.find((x) => x.signature === id)!;
      expect(c.genesMatched).toBe(0);
      expect(c.status).toBe('insufficient');
      expect(Number.isNaN(r.scores.data[r.signatures.indexOf(id) * r.scores.ncol])).toBe(true);
    }
  });
});
