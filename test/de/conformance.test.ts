import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { confDir, sharedData, readTsv, column, readMatrix, maxRelDiff } from './helpers.js';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { differentialExpression } from '../../src/de/differential-expression.js';
import { normFactors } from '../../src/normalize/rnaseq/norm-factors.js';
import { filterByExpr } from '../../src/normalize/rnaseq/filter-by-expr.js';
import { cpm } from '../../src/normalize/rnaseq/cpm.js';
import { designFromFormula } from '../../src/de/design.js';
import { lmFit } from '../../src/de/lm-fit.js';
import { eBayes } from '../../src/de/ebayes.js';
import type { ResultColumns } from '../../src/de/top-table.js';

const counts = readMatrix(readFileSync(join(confDir, 'synth_counts.tsv'), 'utf8'));
const samples = parseSampleTable(readFileSync(join(confDir, 'synth_samples.tsv'), 'utf8'), { source: 'synth_samples.tsv' });
const es = { x: counts.x, genes: counts.genes, samples: counts.samples };
const hyper = readTsv(join(confDir, 'hyper.tsv'));
const dfPrior = column(hyper, 'df_prior');
const s2Prior = column(hyper, 's2_prior');
const COLS = ['logFC', 'AveExpr', 't', 'P.Value', 'adj.P.Val', 'B'];

function byGene(t: ResultColumns, name: string): Map<string, number> {
  const g = t.get('gene') as string[];
  const v = t.get(name) as Float64Array;
  return new Map(g.map((id, i) => [id, v[i]]));
}

function expectTable(t: ResultColumns, fixture: string, cols = COLS): void {
  const ref = readTsv(join(confDir, fixture));
  for (const c of cols) {
    // 1e-6 relative; plus 1e-13 absolute for values that are zero up to rounding (all-zero genes)
    const d = maxRelDiff(byGene(t, c), column(ref, c), c === 'AveExpr' || c.includes('P.Val') ? 0 : 1e-7);
    expect(d, `${fixture} ${c}`).toBeLessThan(1e-6);
  }
}

describe('DE conformance on seeded synthetic counts (limma 3.54.1, edgeR 3.40.2)', () => {
  it('normFactors(counts) matches calcNormFactors TMM, upperquartile and RLE within 1e-9', () => {
    const ref = readTsv(join(confDir, 'synth_normfactors.tsv'));
    for (const [m, col] of [['tmm', 'TMM'], ['upperquartile', 'upperquartile'], ['rle', 'RLE']] as const) {
      const f = normFactors(counts.x, { method: m });
      const mine = new Map(counts.samples.map((s, j) => [s, f.factors[j]]));
      expect(maxRelDiff(mine, column(ref, col)), col).toBeLessThan(1e-9);
    }
  });

  it('filterByExpr(counts, design) keeps the same genes as edgeR', () => {
    const d = designFromFormula(samples, counts.samples, '~ group + age');
    const keep = filterByExpr(counts.x, { design: d.design });
    const ref = column(readTsv(join(confDir, 'synth_filter.tsv')), 'keep');
    counts.genes.forEach((g, i) => expect(keep[i], g).toBe(ref.get(g)));
  });

  it('voom + TMM + eBayes matches limma topTable within 1e-6 relative, d0 and s0² within 1e-8', () => {
    const r = differentialExpression(es, samples, { formula: '~ group + age', contrasts: ['group:B:A'], method: 'voom', normalize: 'tmm' });
    expectTable(r.table, 'synth_voom_tmm.tsv');
    expect(Math.abs((r.meta.dfPrior as number) / dfPrior.get('synth_voom_tmm')! - 1)).toBeLessThan(1e-8);
    expect(Math.abs((r.meta.s2Prior as number) / s2Prior.get('synth_voom_tmm')! - 1)).toBeLessThan(1e-8);
  });

  it('limma-trend on TMM log-CPM matches eBayes(trend = TRUE) within 1e-6, d0 and per-gene s0² within 1e-8', () => {
    const r = differentialExpression(es, samples, { formula: '~ group + age', contrasts: ['groupB'], method: 'limma-trend', normalize: 'tmm' });
    expectTable(r.table, 'synth_trend.tsv');
    expect(Math.abs((r.meta.dfPrior as number) / dfPrior.get('synth_trend')! - 1)).toBeLessThan(1e-8);
    const nf = normFactors(counts.x, { method: 'tmm' });
    const logcpm = cpm(counts.x, { log: true, priorCount: 2, libSize: nf.libSize.map((l, j) => l * nf.factors[j]) });
    const d = designFromFormula(samples, counts.samples, '~ group + age');
    const eb = eBayes(lmFit(logcpm, d.design), { trend: true });
    const mine = new Map(counts.genes.map((g, i) => [g, eb.s2Prior[i]]));
    expect(maxRelDiff(mine, column(readTsv(join(confDir, 'synth_trend_s2prior.tsv')), 's2prior'))).toBeLessThan(1e-8);
  });

  it('limma on log-CPM matches eBayes() within 1e-6 and the moderated F over two coefficients', () => {
    const r = differentialExpression(es, samples, { formula: '~ group + age', contrasts: ['group:B:A'], normalize: 'tmm' });
    expectTable(r.table, 'synth_limma.tsv');
    expect(Math.abs((r.meta.dfPrior as number) / dfPrior.get('synth_limma')! - 1)).toBeLessThan(1e-8);
    expect(Math.abs((r.meta.s2Prior as number) / s2Prior.get('synth_limma')! - 1)).toBeLessThan(1e-8);
    const f = differentialExpression(es, samples, { formula: '~ group + age', contrasts: ['groupB', 'age'], normalize: 'tmm' });
    expectTable(f.table, 'synth_limma_F.tsv', ['groupB', 'age', 'AveExpr', 'F', 'P.Value', 'adj.P.Val']);
  });
});

const bladderPath = join(sharedData, 'microarray', 'bladderbatch_hgu133a_log2.tsv.gz');
const haveBladder = existsSync(bladderPath);
if (!haveBladder) console.warn(`skipping bladderbatch conformance: ${bladderPath} not found`);

describe.skipIf(!haveBladder)('DE conformance on bladderbatch (limma 3.54.1)', () => {
  it('limma ~ cancer + factor(batch), Cancer vs Normal, matches topTable within 1e-6 (every 10th probe), d0 and s0² within 1e-8', () => {
    const m = readMatrix(gunzipSync(readFileSync(bladderPath)).toString('utf8'), 2);
    const pd = parseSampleTable(readFileSync(join(sharedData, 'microarray', 'bladderbatch_pdata.tsv')), { idColumn: 'sample_file' });
    const r = differentialExpression({ x: m.x, genes: m.genes, samples: m.samples }, pd, {
      formula: '~ cancer + factor(batch)', ref: new Map([['cancer', 'Normal']]), contrasts: ['cancer:Cancer:Normal'],
    });
    expectTable(r.table, 'bladder_limma.tsv');
    expect(Math.abs((r.meta.dfPrior as number) / dfPrior.get('bladder_limma')! - 1)).toBeLessThan(1e-8);
    expect(Math.abs((r.meta.s2Prior as number) / s2Prior.get('bladder_limma')! - 1)).toBeLessThan(1e-8);
  });
});
