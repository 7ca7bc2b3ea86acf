import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { confDir, sharedData, readTsv, column, readMatrix, maxRelDiff } from './helpers.js';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { fitFDistRobustly, outlierPriorDf } from '../../src/de/fit-fdist-robust.js';
import { fitFDist } from '../../src/de/fit-fdist.js';
import { winsorizedLogFMoments } from '../../src/de/winsorized-log-f.js';
import { differentialExpression, type DeOptions } from '../../src/de/differential-expression.js';
import { designFromFormula } from '../../src/de/design.js';
import { lmFit } from '../../src/de/lm-fit.js';
import { eBayes } from '../../src/de/ebayes.js';
import { voom } from '../../src/de/voom.js';
import { normFactors } from '../../src/normalize/rnaseq/norm-factors.js';
import { cpm } from '../../src/normalize/rnaseq/cpm.js';
import type { Matrix } from '../../src/core/matrix.js';
import type { ResultColumns } from '../../src/de/top-table.js';

interface FdCase {
  name: string; x: number[]; df1: number; covariate?: number[];
  scale: number | number[]; df2: number; df2_outlier: number; df2_shrunk: number[]; tail_p: number[]; prob_outlier: number[];
}
const fd = JSON.parse(readFileSync(join(confDir, 'robust_fdist.json'), 'utf8')) as { cases: FdCase[] };

const median = (a: number[]): number => {
  const s = a.slice().sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const rel = (a: ArrayLike<number>, e: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < e.length; i++) m = Math.max(m, Math.abs(a[i] - e[i]) / Math.abs(e[i]));
  return m;
};

/**
 * d₀ comes from the same root search as limma's: Brent's zeroin on u = d₀/(1 + d₀) over
 * [u of the moment estimate, 1] with tolerance 1e-8 (see zeroin.test.ts, which checks the points
 * evaluated against uniroot's). The search stops where limma's stops, so d₀ agrees to ~1e-13 and
 * not just within the root tolerance; everything below is held to 1e-8 (1e-6 for topTable).
 */
const TOL = 1e-8;

describe('fitFDistRobustly matches limma 3.54.1 fitFDistRobustly', () => {
  for (const c of fd.cases) {
    it(`fitFDistRobustly(${c.name}): d0, s0² and per-gene df within 1e-8`, () => {
      const x = Float64Array.from(c.x);
      const df = new Float64Array(x.length).fill(c.df1);
      const f = fitFDistRobustly(x, df, Array.isArray(c.covariate) ? { covariate: Float64Array.from(c.covariate) } : {});
      expect(Math.abs(f.df0 / c.df2 - 1), 'df2').toBeLessThan(TOL);
      expect(rel(f.s20, Array.isArray(c.scale) ? c.scale : [c.scale]), 'scale').toBeLessThan(TOL);
      expect(rel(f.df0Gene, c.df2_shrunk), 'df2.shrunk').toBeLessThan(TOL);
      // invariants: d0_g ≤ d0, non-decreasing in the tail p-value
      const order = Array.from(f.tailP.keys()).sort((a, b) => f.tailP[a] - f.tailP[b]);
      for (let k = 1; k < order.length; k++) expect(f.df0Gene[order[k]]).toBeGreaterThanOrEqual(f.df0Gene[order[k - 1]]);
      expect(Math.max(...f.df0Gene)).toBeLessThanOrEqual(f.df0);
    });
    it(`outlierPriorDf(${c.name}) with limma's d0 and s0²: df2.shrunk, df2.outlier, tail p and outlier probabilities within 1e-8`, () => {
      const scale = Array.isArray(c.scale) ? c.scale : c.x.map(() => c.scale as number);
      const ratio = Float64Array.from(c.x, (v, i) => Math.max(v, 1e-12 * median(c.x)) / scale[i]);
      const o = outlierPriorDf(ratio, new Float64Array(c.x.length).fill(c.df1), c.df2);
      expect(rel(o.df0Gene, c.df2_shrunk), 'df2.shrunk').toBeLessThan(1e-8);
      expect(rel(o.tailP, c.tail_p), 'tail.p.value').toBeLessThan(1e-8);
      c.prob_outlier.forEach((p, i) => expect(Math.abs(o.probOutlier[i] - p), `prob.outlier ${i}`).toBeLessThan(1e-8 * Math.max(p, 1e-2)));
      if (c.prob_outlier.some((p) => p > 0)) expect(Math.abs(o.df0Outlier / c.df2_outlier - 1), 'df2.outlier').toBeLessThan(1e-8);
      else expect(o.df0Outlier).toBe(c.df2);
    });
  }
  it('fitFDistRobustly is never below the moment estimate, and reduces to it without outliers', () => {
    const c = fd.cases.find((k) => k.name.includes('no outliers'))!;
    const x = Float64Array.from(c.x);
    const df = new Float64Array(x.length).fill(c.df1);
    expect(fitFDistRobustly(x, df).df0).toBe(fitFDist(x, df).df0);
  });
  it('winsorizedLogFMoments: tends to the χ² limit as d2 grows and widens as d2 shrinks', () => {
    const inf = winsorizedLogFMoments(4, Infinity, 0.05, 0.1);
    const big = winsorizedLogFMoments(4, 1e9, 0.05, 0.1);
    expect(Math.abs(big.variance - inf.variance)).toBeLessThan(1e-7);
    expect(winsorizedLogFMoments(4, 2, 0.05, 0.1).variance).toBeGreaterThan(winsorizedLogFMoments(4, 20, 0.05, 0.1).variance);
  });
  it('fitFDistRobustly with fewer than 3 usable genes returns NaN hyperparameters', () => {
    const f = fitFDistRobustly(Float64Array.of(1, NaN), Float64Array.of(3, 3));
    expect(Number.isNaN(f.df0)).toBe(true);
  });
});

const counts = readMatrix(readFileSync(join(confDir, 'synth_counts.tsv'), 'utf8'));
const outlierCounts = readMatrix(readFileSync(join(confDir, 'synth_outlier_counts.tsv'), 'utf8'));
const samples = parseSampleTable(readFileSync(join(confDir, 'synth_samples.tsv'), 'utf8'), { source: 'synth_samples.tsv' });
const robustHyper = readTsv(join(confDir, 'robust_hyper.tsv'));
const COLS = ['logFC', 'AveExpr', 't', 'P.Value', 'adj.P.Val', 'B'];

function byGene(t: ResultColumns, name: string): Map<string, number> {
  const g = t.get('gene') as string[];
  const v = t.get(name) as Float64Array;
  return new Map(g.map((id, i) => [id, v[i]]));
}

/** topTable within 1e-6 relative (plus 1e-7 absolute on logFC, t and B for the all-zero genes, whose values are ~1e-15). */
function expectTable(t: ResultColumns, fixture: string): void {
  const ref = readTsv(join(confDir, fixture));
  for (const c of COLS) {
    const d = maxRelDiff(byGene(t, c), column(ref, c), c === 'AveExpr' || c.includes('P.Val') ? 0 : 1e-7);
    measured.set(`${fixture} ${c}`, d);
    expect(d, `${fixture} ${c}`).toBeLessThan(1e-6);
  }
}
const measured = new Map<string, number>();
afterAll(() => {
  if (process.env.SIGSCORE_PRINT_DIFFS) for (const [k, v] of measured) console.log(`${k}\t${v.toExponential(2)}`);
});

/** Per-gene d0 and s0² of eBayes(robust) against the fixture: 1e-8 relative. */
function expectPrior(genes: readonly string[], dfPrior: Float64Array, s2Prior: Float64Array, fixture: string): void {
  const ref = readTsv(join(confDir, fixture));
  const d = new Map(genes.map((g, i) => [g, dfPrior[i]]));
  const s = new Map(genes.map((g, i) => [g, s2Prior.length === 1 ? s2Prior[0] : s2Prior[i]]));
  const dd = maxRelDiff(d, column(ref, 'df_prior'));
  const ds = maxRelDiff(s, column(ref, 's2_prior'));
  measured.set(`${fixture} df.prior`, dd);
  measured.set(`${fixture} s2.prior`, ds);
  expect(dd, `${fixture} df.prior`).toBeLessThan(TOL);
  expect(ds, `${fixture} s2.prior`).toBeLessThan(TOL);
}

type Counts = typeof counts;
function robustFit(c: Counts, method: 'voom' | 'limma-trend' | 'limma') {
  const d = designFromFormula(samples, c.samples, '~ group + age');
  const nf = normFactors(c.x, { method: 'tmm' });
  const lib = nf.libSize.map((l, j) => l * nf.factors[j]);
  let fitIn: Matrix;
  let weights: Matrix | undefined;
  if (method === 'voom') {
    const v = voom(c.x, d.design, { libSize: lib });
    fitIn = v.E;
    weights = v.weights;
  } else fitIn = cpm(c.x, { log: true, priorCount: 2, libSize: lib });
  const fit = lmFit(fitIn, d.design, { weights });
  return { robust: eBayes(fit, { trend: method === 'limma-trend', robust: true }), plain: eBayes(fit, { trend: method === 'limma-trend' }) };
}

const cases = [
  { name: 'synth_voom', c: counts, method: 'voom' },
  { name: 'synth_trend', c: counts, method: 'limma-trend' },
  { name: 'outlier_voom', c: outlierCounts, method: 'voom' },
  { name: 'outlier_trend', c: outlierCounts, method: 'limma-trend' },
  { name: 'outlier_limma', c: outlierCounts, method: 'limma' },
] as const;

describe('eBayes(robust = TRUE) conformance on seeded synthetic counts (limma 3.54.1, edgeR 3.40.2)', () => {
  for (const k of cases) {
    it(`${k.name}: ${k.method} --robust matches topTable within 1e-6, per-gene df.prior, s2.prior and d0 within 1e-8`, () => {
      const opts: DeOptions = { formula: '~ group + age', contrasts: ['groupB'], method: k.method, normalize: 'tmm', robust: true };
      const r = differentialExpression({ x: k.c.x, genes: k.c.genes, samples: k.c.samples }, samples, opts);
      expectTable(r.table, `robust_${k.name}.tsv`);
      const { robust } = robustFit(k.c, k.method);
      const d0 = column(robustHyper, 'df_prior_bulk').get(k.name)!;
      expectPrior(k.c.genes, robust.dfPriorGene!, robust.s2Prior, `robust_${k.name}_prior.tsv`);
      const meta = r.meta.dfPrior as { robust: boolean; bulk: number; genesBelowBulk: number };
      expect(meta.robust).toBe(true);
      expect(Math.abs(meta.bulk / d0 - 1)).toBeLessThan(TOL);
      expect(meta.genesBelowBulk).toBe(column(robustHyper, 'n_reduced').get(k.name));
    });
  }
  it('planted hypervariable genes get a smaller prior df and lose significance: robust differs from non-robust', () => {
    const { robust, plain } = robustFit(outlierCounts, 'limma');
    const hv = outlierCounts.genes.map((g, i) => [g, i] as const).filter(([g]) => Number(g.slice(1)) >= 101 && Number(g.slice(1)) <= 112);
    // most planted genes are flagged (a random swing can leave one looking ordinary)
    const flagged = hv.filter(([, i]) => robust.dfPriorGene![i] < robust.dfPrior);
    expect(flagged.length).toBeGreaterThanOrEqual(8);
    for (const [g, i] of flagged) expect(robust.dfTotal[i], g).toBeLessThan(plain.dfTotal[i] + robust.dfPrior - plain.dfPrior);
    expect(robust.dfPrior).not.toBeCloseTo(plain.dfPrior, 3);
    let differ = 0;
    for (let g = 0; g < robust.ngenes; g++) if (Math.abs(robust.pValue[g * 3 + 1] / plain.pValue[g * 3 + 1] - 1) > 1e-3) differ++;
    expect(differ).toBeGreaterThan(robust.ngenes / 2);
  });
});

const bladderPath = join(sharedData, 'microarray', 'bladderbatch_hgu133a_log2.tsv.gz');
const haveBladder = existsSync(bladderPath);
if (!haveBladder) console.warn(`skipping bladderbatch robust conformance: ${bladderPath} not found`);

describe.skipIf(!haveBladder)('eBayes(robust = TRUE) conformance on bladderbatch (limma 3.54.1)', () => {
  it('limma --robust ~ cancer + factor(batch) matches topTable within 1e-6 and per-gene df.prior, s2.prior within 1e-8 (every 10th probe)', () => {
    const m = readMatrix(gunzipSync(readFileSync(bladderPath)).toString('utf8'), 2);
    const pd = parseSampleTable(readFileSync(join(sharedData, 'microarray', 'bladderbatch_pdata.tsv')), { idColumn: 'sample_file' });
    const es = { x: m.x, genes: m.genes, samples: m.samples };
    const opts: DeOptions = { formula: '~ cancer + factor(batch)', ref: new Map([['cancer', 'Normal']]), contrasts: ['cancer:Cancer:Normal'], robust: true };
    const r = differentialExpression(es, pd, opts);
    expectTable(r.table, 'robust_bladder.tsv');
    const d = designFromFormula(pd, m.samples, opts.formula!, { ref: opts.ref });
    const eb = eBayes(lmFit(m.x, d.design), { robust: true });
    expectPrior(m.genes, eb.dfPriorGene!, eb.s2Prior, 'robust_bladder_prior.tsv');
    expect(Math.abs(eb.dfPrior / column(robustHyper, 'df_prior_bulk').get('bladder')! - 1)).toBeLessThan(TOL);
  });
});

describe('fitFDistRobustly edge cases', () => {
  const x = Float64Array.from({ length: 50 }, (_, i) => 0.5 + ((i * 37) % 50) / 50);
  const df = new Float64Array(50).fill(4);
  it('fitFDistRobustly rejects Winsorizing proportions outside (0, 0.5), naming each', () => {
    expect(() => fitFDistRobustly(x, df, { winsorTailP: [0, 0.6] })).toThrow(/winsorTailP\[0\] must be in \(0, 0.5\), got 0; option winsorTailP\[1\]/);
  });
  it('fitFDistRobustly gives an infinite prior df, the same for every gene, when the variances spread less than sampling alone', () => {
    const f = fitFDistRobustly(x, df);
    expect(f.df0).toBe(Infinity);
    expect(Array.from(f.df0Gene).every((d) => d === Infinity)).toBe(true);
    expect(Number.isFinite(f.s20[0])).toBe(true);
  });
  it('fitFDistRobustly offsets zero variances and warns; genes with NaN keep the bulk d0', () => {
    const y = Float64Array.from(fd.cases[0].x);
    y[0] = 0;
    y[1] = NaN;
    const f = fitFDistRobustly(y, new Float64Array(y.length).fill(fd.cases[0].df1));
    expect(f.warnings.length).toBe(1);
    expect(f.df0Gene[1]).toBe(f.df0);
    expect(Number.isNaN(f.tailP[1])).toBe(true);
    expect(f.df0Gene[0]).toBe(f.df0);
  });
});
