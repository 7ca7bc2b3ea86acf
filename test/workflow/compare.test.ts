import { describe, it, expect, vi, afterEach } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonGenes, compareDistributions, logOddsPerSd, metaAnalysis } from '../../src/workflow/compare/index.js';
import { sigscore } from '../helpers/cli.js';

describe('metaAnalysis', () => {
  // Hand computation: θ = (0.5, 0.1, 0.9), se = (0.2, 0.25, 0.3) → w = (25, 16, 11.111…), Σw = 52.111…
  // fixed θ = 24.1 / 52.111 = 0.462473, se = 52.111^-½ = 0.138527
  // Q = 25·0.037527² + 16·0.362473² + 11.111·0.437527² = 4.264392, df = 2, I² = 2.264392/4.264392 = 0.531
  // τ² = (Q − 2)/(Σw − Σw²/Σw) = 2.264392/(52.111 − 1004.457/52.111) = 0.068961
  // random: w* = 1/(se² + τ²) → θ = 0.477188, se = 0.208174
  const ma = metaAnalysis([
    { name: 'a', estimate: 0.5, se: 0.2 },
    { name: 'b', estimate: 0.1, se: 0.25 },
    { name: 'c', estimate: 0.9, se: 0.3 },
  ]);
  it('gives the hand-computed fixed and DerSimonian–Laird random effects, Q, τ² and I²', () => {
    expect(ma.fixed.estimate).toBeCloseTo(0.462473, 6);
    expect(ma.fixed.se).toBeCloseTo(0.138527, 6);
    expect(ma.q).toBeCloseTo(4.264392, 6);
    expect(ma.df).toBe(2);
    expect(ma.i2).toBeCloseTo(0.531, 6);
    expect(ma.tau2).toBeCloseTo(0.068961, 6);
    expect(ma.random.estimate).toBeCloseTo(0.477188, 6);
    expect(ma.random.se).toBeCloseTo(0.208174, 6);
    expect(ma.fixed.lower).toBeCloseTo(0.462473 - 1.959964 * 0.138527, 5);
    expect(ma.random.pValue).toBeGreaterThan(ma.fixed.pValue);
  });
  it('gives τ² = 0 and I² = 0 for identical studies, so fixed = random', () => {
    const m = metaAnalysis([{ name: 'a', estimate: 0.3, se: 0.1 }, { name: 'b', estimate: 0.3, se: 0.2 }]);
    expect(m.tau2).toBe(0);
    expect(m.i2).toBe(0);
    expect(m.random.estimate).toBeCloseTo(m.fixed.estimate, 12);
  });
  it('drops non-finite studies with a warning and reports NaN heterogeneity for one study', () => {
    const m = metaAnalysis([{ name: 'a', estimate: 0.3, se: 0.1 }, { name: 'b', estimate: NaN, se: NaN }]);
    expect(m.studies).toBe(1);
    expect(m.fixed.estimate).toBeCloseTo(0.3, 12);
    expect(Number.isNaN(m.i2)).toBe(true);
    expect(m.warnings.length).toBe(2);
  });
});

describe('commonGenes, compareDistributions, logOddsPerSd', () => {
  it('keeps genes present in every cohort, in the first cohort\'s order', () => {
    expect(commonGenes([['A', 'B', 'C', 'D'], ['D', 'B', 'A'], ['B', 'D', 'E']])).toEqual(['B', 'D']);
    expect(commonGenes([])).toEqual([]);
  });
  it('reports median, AUC, Cliff\'s δ and the fraction above the reference median', () => {
    const d = compareDistributions([{ name: 'ref', values: [1, 2, 3, 4, NaN] }, { name: 'x', values: [3, 4, 5, 6] }], 0);
    expect(d[0].n).toBe(4);
    expect(d[0].median).toBe(2.5);
    expect(Number.isNaN(d[0].pValue)).toBe(true);
    expect(d[0].fractionAboveReferenceMedian).toBe(0.5);
    expect(d[1].fractionAboveReferenceMedian).toBe(1);
    // pairs x > ref: 3>{1,2}+½(3=3) … = (2.5 + 3.5 + 4 + 4)/16
    expect(d[1].auc).toBeCloseTo(14 / 16, 12);
    expect(d[1].cliffDelta).toBeCloseTo(2 * (14 / 16) - 1, 12);
  });
  it('gives NaN and a warning when the response has no events', () => {
    const r = logOddsPerSd([1, 2, 3, 4], [0, 0, 0, 0]);
    expect(Number.isNaN(r.estimate)).toBe(true);
    expect(r.warnings.length).toBe(1);
  });
  it('gives a positive log OR when responders score higher', () => {
    const r = logOddsPerSd([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 1, 0, 1, 0, 1, 1]);
    expect(r.estimate).toBeGreaterThan(0);
    expect(r.n).toBe(8);
    expect(r.events).toBe(4);
  });
});

afterEach(() => vi.restoreAllMocks());
const out = mkdtempSync(join(tmpdir(), 'sigscore-compare-'));

describe('sigscore compare usage errors', () => {
  it('rejects a malformed --cohort with exit 2 and one line, writing nothing', async () => {
    const r = await sigscore(['compare', '--cohort', 'A', '-s', 'tme-rnaseq', '-o', join(out, 'bad.tsv')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/invalid --cohort "A"; use NAME=matrix\[,clinical\]/);
    expect(existsSync(join(out, 'bad.tsv'))).toBe(false);
  });
});

const icb = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'icb_cohorts');
const present = existsSync(icb);
if (!present) console.warn(`skipping sigscore compare on the ICB cohorts: ${icb} is absent`);
const cohorts = ['Mariathasan', 'Hugo', 'Liu', 'Miao', 'Nathanson', 'Padron', 'Riaz', 'Van_Allen'];

describe.skipIf(!present)('sigscore compare over the eight ICB cohorts', () => {
  it('scores all cohorts on common genes and meta-analyses CD8 T-effector vs response', async () => {
    const args = cohorts.flatMap((c) => ['--cohort', `${c}=${join(icb, `ICB_small_${c}_expr_log2tpm.tsv.gz`)},${join(icb, `ICB_small_${c}_clinical.tsv`)}`]);
    const r = await sigscore(['compare', ...args, '-s', 'tme-rnaseq', '-o', join(out, 'dist.tsv'), '--meta', join(out, 'meta.tsv'), '--genes', join(out, 'genes.json'),
      '--forest', `Mariathasan_CD8_T_effector=${join(out, 'forest.tsv')}`, '--quiet']);
    expect(r.code).toBe(0);
    const genes = JSON.parse(readFileSync(join(out, 'genes.json'), 'utf8'));
    expect(genes.common).toBeGreaterThan(1500);
    const meta = readFileSync(join(out, 'meta.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const head = meta[0];
    const cd8 = meta.filter((l) => l[0] === 'Mariathasan_CD8_T_effector');
    expect(cd8.map((l) => l[1])).toEqual([...cohorts, 'fixed', 'random']);
    const get = (study: string, col: string): number => Number(cd8.find((l) => l[1] === study)![head.indexOf(col)]);
    // IMvigor210 (Mariathasan): CD8 T-effector higher in responders
    expect(get('Mariathasan', 'log_or')).toBeGreaterThan(0);
    expect(get('Mariathasan', 'p')).toBeLessThan(0.05);
    expect(get('random', 'log_or')).toBeGreaterThan(0);
    const i2 = get('random', 'i2');
    expect(i2).toBeGreaterThanOrEqual(0);
    expect(i2).toBeLessThan(1);
    const forest = readFileSync(join(out, 'forest.tsv'), 'utf8').trim().split('\n');
    expect(forest[0]).toBe('term\tn\tevents\tor\tor_lower\tor_upper\tp\tweight\tpooled\ti2');
    expect(forest.length).toBe(1 + cohorts.length + 2);
    const plot = await sigscore(['plot', 'forest', join(out, 'forest.tsv'), '--estimate', 'or', '--lower', 'or_lower', '--upper', 'or_upper', '--measure', 'OR', '-o', join(out, 'forest.svg'), '--quiet']);
    expect(plot.code).toBe(0);
    expect(readFileSync(join(out, 'forest.svg'), 'utf8')).toMatch(/<svg/);
    const dist = readFileSync(join(out, 'dist.tsv'), 'utf8').trim().split('\n');
    expect(dist[0]).toBe('signature\tcohort\tn\tmedian\tp\tauc\tcliff_delta\tfraction_above_reference_median\treference');
  });
});
