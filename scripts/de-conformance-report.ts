/**
 * Print the largest differences between sigscore and the committed limma/edgeR fixtures
 * (test/conformance/de/), per fixture and column. `node --import tsx scripts/de-conformance-report.ts`
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { confDir, sharedData, readTsv, column, readMatrix, maxRelDiff } from '../test/de/helpers.js';
import { parseSampleTable } from '../src/io/sample-table-text.js';
import { differentialExpression, type DeOptions } from '../src/de/differential-expression.js';
import { normFactors } from '../src/normalize/rnaseq/norm-factors.js';
import type { ResultColumns } from '../src/de/top-table.js';

const counts = readMatrix(readFileSync(join(confDir, 'synth_counts.tsv'), 'utf8'));
const samples = parseSampleTable(readFileSync(join(confDir, 'synth_samples.tsv'), 'utf8'));
const es = { x: counts.x, genes: counts.genes, samples: counts.samples };
const hyper = readTsv(join(confDir, 'hyper.tsv'));
const byGene = (t: ResultColumns, c: string) => new Map((t.get('gene') as string[]).map((g, i) => [g, (t.get(c) as Float64Array)[i]]));
const report = (name: string, t: ResultColumns, meta: Record<string, unknown>, cols: string[]) => {
  const ref = readTsv(join(confDir, `${name}.tsv`));
  const parts = cols.map((c) => `${c} ${maxRelDiff(byGene(t, c), column(ref, c), c === 'AveExpr' || c.includes('P.Val') ? 0 : 1e-7).toExponential(1)}`);
  const d0 = Math.abs((meta.dfPrior as number) / column(hyper, 'df_prior').get(name)! - 1);
  const s0 = typeof meta.s2Prior === 'number' ? Math.abs(meta.s2Prior / column(hyper, 's2_prior').get(name)! - 1) : NaN;
  process.stdout.write(`${name}: ${parts.join(', ')}; d0 ${d0.toExponential(1)}, s0² ${s0.toExponential(1)}\n`);
};
const COLS = ['logFC', 'AveExpr', 't', 'P.Value', 'adj.P.Val', 'B'];
const base: DeOptions = { formula: '~ group + age', contrasts: ['group:B:A'] };
let r = differentialExpression(es, samples, { ...base, method: 'voom' });
report('synth_voom_tmm', r.table, r.meta, COLS);
r = differentialExpression(es, samples, { ...base, method: 'limma-trend', normalize: 'tmm' });
report('synth_trend', r.table, r.meta, COLS);
r = differentialExpression(es, samples, { ...base, normalize: 'tmm' });
report('synth_limma', r.table, r.meta, COLS);
r = differentialExpression(es, samples, { ...base, contrasts: ['groupB', 'age'], normalize: 'tmm' });
const ref = readTsv(join(confDir, 'synth_limma_F.tsv'));
process.stdout.write(`synth_limma_F: ${['groupB', 'age', 'F', 'P.Value', 'adj.P.Val'].map((c) => `${c} ${maxRelDiff(byGene(r.table, c), column(ref, c), c.includes('P.Val') ? 0 : 1e-7).toExponential(1)}`).join(', ')}\n`);
const nfRef = readTsv(join(confDir, 'synth_normfactors.tsv'));
for (const [m, c] of [['tmm', 'TMM'], ['upperquartile', 'upperquartile'], ['rle', 'RLE']] as const) {
  const f = normFactors(counts.x, { method: m });
  process.stdout.write(`norm factors ${c}: ${maxRelDiff(new Map(counts.samples.map((s, j) => [s, f.factors[j]])), column(nfRef, c)).toExponential(1)}\n`);
}
const bb = join(sharedData, 'microarray', 'bladderbatch_hgu133a_log2.tsv.gz');
if (existsSync(bb)) {
  const m = readMatrix(gunzipSync(readFileSync(bb)).toString('utf8'), 2);
  const pd = parseSampleTable(readFileSync(join(sharedData, 'microarray', 'bladderbatch_pdata.tsv')), { idColumn: 'sample_file' });
  const b = differentialExpression({ x: m.x, genes: m.genes, samples: m.samples }, pd, {
    formula: '~ cancer + factor(batch)', ref: new Map([['cancer', 'Normal']]), contrasts: ['cancer:Cancer:Normal'],
  });
  report('bladder_limma', b.table, b.meta, COLS);
}

// interaction designs (scripts/de-interaction-fixtures.R)
const bsamples = parseSampleTable(readFileSync(join(confDir, 'synth_batch_samples.tsv'), 'utf8'));
const plain = (name: string, t: ResultColumns) => {
  const refT = readTsv(join(confDir, `${name}.tsv`));
  process.stdout.write(`${name}: ${COLS.map((c) => `${c} ${maxRelDiff(byGene(t, c), column(refT, c), c === 'AveExpr' || c.includes('P.Val') ? 0 : 1e-7).toExponential(1)}`).join(', ')}\n`);
};
plain('synth_interaction', differentialExpression(es, bsamples, { formula: '~ group*batch + age', contrasts: ['groupB:batchb2'], normalize: 'tmm' }).table);
plain('synth_interaction_combo', differentialExpression(es, bsamples, { formula: '~ group*batch + age', contrasts: ['groupB + groupB:batchb2'], normalize: 'tmm' }).table);
plain('synth_interaction_age', differentialExpression(es, bsamples, { formula: '~ group*age', contrasts: ['groupB:age'], normalize: 'tmm' }).table);

// robust empirical Bayes (scripts/de-robust-fixtures.R); d0 is the bulk prior df
const rh = readTsv(join(confDir, 'robust_hyper.tsv'));
const oc = readMatrix(readFileSync(join(confDir, 'synth_outlier_counts.tsv'), 'utf8'));
const robustCases: [string, typeof counts, DeOptions['method']][] = [
  ['synth_voom', counts, 'voom'], ['synth_trend', counts, 'limma-trend'],
  ['outlier_voom', oc, 'voom'], ['outlier_trend', oc, 'limma-trend'], ['outlier_limma', oc, 'limma'],
];
for (const [name, c, method] of robustCases) {
  const rr = differentialExpression({ x: c.x, genes: c.genes, samples: c.samples }, samples, { ...base, contrasts: ['groupB'], method, normalize: 'tmm', robust: true });
  const bulk = (rr.meta.dfPrior as { bulk: number }).bulk;
  const refT = readTsv(join(confDir, `robust_${name}.tsv`));
  const parts = COLS.map((col) => `${col} ${maxRelDiff(byGene(rr.table, col), column(refT, col), col === 'AveExpr' || col.includes('P.Val') ? 0 : 1e-7).toExponential(1)}`);
  process.stdout.write(`robust_${name}: ${parts.join(', ')}; d0 ${Math.abs(bulk / column(rh, 'df_prior_bulk').get(name)! - 1).toExponential(1)}\n`);
}
