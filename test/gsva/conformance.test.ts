/**
 * gsva() and ssgsea() against GSVA 1.46.0 (fixtures from scripts/gsva-fixtures.R): max absolute
 * difference ≤ 1e-6 on every score. Real-data cases read ../shared/data and skip when absent.
 */
import { describe, it, expect } from 'vitest';
import { gsva, ssgsea } from '../../src/score/gsva/index.js';
import type { ExpressionSet } from '../../src/core/expression-set.js';
import type { GeneSet } from '../../src/core/gene-set.js';
import { FIXTURES, SHARED, maxAbsDiff, readScores, readSets, readStadCounts, readTsvMatrix, sharedAvailable } from './fixtures.js';

const TOL = 1e-6;

async function check(name: string, run: () => Promise<{ setIds: string[]; samples: string[]; scores: { data: Float64Array } }>) {
  const r = await run();
  const ref = readScores(name);
  expect(r.setIds).toEqual(ref.ids);
  expect(r.samples).toEqual(ref.samples);
  const d = maxAbsDiff(r.scores.data, ref.data);
  expect(d).toBeLessThanOrEqual(TOL);
  return d;
}

describe('gsva()/ssgsea() match GSVA 1.46 on the seeded synthetic 2000 × 60 matrix (ties, constant and identical genes)', () => {
  const x = readTsvMatrix(`${FIXTURES}synth_expr.tsv.gz`);
  const sets = readSets(`${FIXTURES}synth_sets.gmt`);
  const cases: [string, () => ReturnType<typeof gsva>][] = [
    ['synth_gaussian', () => gsva(x, sets, { kcdf: 'gaussian' })],
    ['synth_gaussian_nomxdiff', () => gsva(x, sets, { maxDiff: false })],
    ['synth_gaussian_absranking', () => gsva(x, sets, { absRanking: true })],
    ['synth_gaussian_tau05_min3_max150', () => gsva(x, sets, { tau: 0.5, minSize: 3, maxSize: 150 })],
    ['synth_none', () => gsva(x, sets, { kcdf: 'none' })],
    ['synth_none_nomxdiff', () => gsva(x, sets, { kcdf: 'none', maxDiff: false })],
    ['synth_ssgsea', () => ssgsea(x, sets)],
    ['synth_ssgsea_nonorm', () => ssgsea(x, sets, { normalize: 'none' })],
    ['synth_ssgsea_alpha1', () => ssgsea(x, sets, { alpha: 1 })],
  ];
  for (const [name, run] of cases) it(`${name} within 1e-6`, () => check(name, run));
});

describe('gsva(kcdf: poisson) matches GSVA 1.46 on seeded synthetic counts 1000 × 30 (low counts, an all-zero gene)', () => {
  const cnt = readTsvMatrix(`${FIXTURES}synth_counts.tsv.gz`);
  const sets = readSets(`${FIXTURES}synth_counts_sets.gmt`);
  it('synth_counts_poisson within 1e-6', () => check('synth_counts_poisson', () => gsva(cnt, sets, { kcdf: 'poisson' })));
  it('synth_counts_poisson_nomxdiff within 1e-6', () =>
    check('synth_counts_poisson_nomxdiff', () => gsva(cnt, sets, { kcdf: 'poisson', maxDiff: false })));
});

const hugoPath = 'icb_cohorts/ICB_small_Hugo_expr_log2tpm.tsv.gz';
const hallPath = 'genesets/msigdb_h.all.v7.0.symbols.gmt';
const haveHugo = sharedAvailable(hugoPath, hallPath);
if (!haveHugo) console.warn(`skipping GSVA conformance on ICB Hugo: ${SHARED}${hugoPath} or ${hallPath} not found`);

describe.skipIf(!haveHugo)('gsva()/ssgsea() match GSVA 1.46 on ICB Hugo (log2 TPM) with MSigDB Hallmark v7.0', () => {
  let x: ExpressionSet;
  let hall: GeneSet[];
  const load = () => {
    x ??= readTsvMatrix(`${SHARED}${hugoPath}`);
    hall ??= readSets(`${SHARED}${hallPath}`);
  };
  const cases: [string, () => ReturnType<typeof gsva>][] = [
    ['hugo_hallmark_gaussian', () => gsva(x, hall)],
    ['hugo_hallmark_gaussian_nomxdiff', () => gsva(x, hall, { maxDiff: false })],
    ['hugo_hallmark_absranking', () => gsva(x, hall, { absRanking: true })],
    ['hugo_hallmark_none', () => gsva(x, hall, { kcdf: 'none' })],
    ['hugo_hallmark_ssgsea', () => ssgsea(x, hall)],
    ['hugo_hallmark_ssgsea_nonorm', () => ssgsea(x, hall, { normalize: 'none' })],
  ];
  for (const [name, run] of cases) it(`${name} within 1e-6`, () => (load(), check(name, run)));
});

const stadPath = 'tcga_stad/tcga_stad_counts_10samples.tsv.gz';
const haveStad = sharedAvailable(stadPath, 'tcga_stad/anno_grch38_ensembl_to_symbol.tsv.gz', hallPath);
if (!haveStad) console.warn(`skipping GSVA Poisson conformance on TCGA-STAD: ${SHARED}${stadPath} not found`);

describe.skipIf(!haveStad)('gsva(kcdf: poisson) matches GSVA 1.46 on TCGA-STAD raw counts with Hallmark', () => {
  let x: ExpressionSet;
  let hall: GeneSet[];
  const load = () => {
    x ??= readStadCounts();
    hall ??= readSets(`${SHARED}${hallPath}`);
  };
  it('stad_hallmark_poisson within 1e-6', () => (load(), check('stad_hallmark_poisson', () => gsva(x, hall, { kcdf: 'poisson' }))), 30000);
  it('stad_hallmark_poisson_absranking within 1e-6', () =>
    (load(), check('stad_hallmark_poisson_absranking', () => gsva(x, hall, { kcdf: 'poisson', absRanking: true }))), 30000);
  it('stad_hallmark_ssgsea within 1e-6', () => (load(), check('stad_hallmark_ssgsea', () => ssgsea(x, hall))));
});
