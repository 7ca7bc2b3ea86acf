import { describe, it, expect } from 'vitest';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { rng } from '../../src/core/random.js';
import { screen, parseEndpoint, joinScores, screenMsg } from '../../src/workflow/index.js';
import { wilcoxonTest } from '../../src/stats/wilcoxon.js';
import { fisherTest2x2 } from '../../src/stats/fisher.js';
import { pAdjust } from '../../src/stats/p-adjust.js';
import { coxph } from '../../src/survival/cox.js';

/** A 124-patient table: 8 rare events driven by `marker`, a separating covariate, a 2- and a 3-level factor. */
function cohort(): string {
  const r = rng(11, 0);
  const n = 124;
  const lines = ['id\tmarker\tnoise\tsep\tsex\tstage\twith_na\tresp\tgrade\ttime\tevent'];
  const marker = Array.from({ length: n }, () => r.normal());
  const order = marker.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]).map((x) => x[1]);
  const grade = new Array(n).fill(1);
  [0, 1, 3, 5, 8, 13, 40, 90].forEach((k) => (grade[order[k]] = 3)); // exactly 8 grade ≥ 3
  for (let i = 0; i < n; i++) {
    const resp = r.uniform() < 0.5 ? 1 : 0;
    const sep = resp ? 10 + r.uniform() : r.uniform();
    const time = (0.5 + r.uniform() * 24) * Math.exp(-0.5 * marker[i]);
    lines.push([
      `P${i}`, marker[i].toFixed(4), r.normal().toFixed(4), sep.toFixed(4), r.uniform() < 0.5 ? 'F' : 'M',
      ['I', 'II', 'III'][r.int(3)], i % 10 === 0 ? 'NA' : r.normal().toFixed(3), resp, grade[i], time.toFixed(3), r.uniform() < 0.7 ? 1 : 0,
    ].join('\t'));
  }
  return lines.join('\n') + '\n';
}

const table = parseSampleTable(cohort(), { source: 'cohort.tsv' });
const endpoints = ['resp=binary:resp', 'pfs=survival:time,event', 'g3=binary:grade>=3'].map(parseEndpoint);

describe('screen(table, { endpoints })', () => {
  const res = screen(table, { endpoints, correlation: true, collinearity: { threshold: 0.9 }, probability: { top: 2, points: 5 } });
  const t = res.table;
  const row = (cov: string, ep: string): number => t.covariate.findIndex((c, k) => c === cov && t.endpoint[k] === ep);

  it('gives one row per covariate × endpoint, endpoint columns excluded', () => {
    expect(res.params.covariates).toEqual(['marker', 'noise', 'sep', 'sex', 'stage', 'with_na']);
    expect(t.covariate.length).toBe(18);
  });
  it('reports the AUC and Wilcoxon p of a numeric covariate against a binary endpoint', () => {
    const k = row('marker', 'resp');
    const y = table.columns.get('resp')!;
    const x = table.columns.get('marker')!;
    if (y.kind !== 'numeric' || x.kind !== 'numeric') throw new Error('types');
    const cases = Array.from(x.values).filter((_, i) => y.values[i] === 1);
    const controls = Array.from(x.values).filter((_, i) => y.values[i] === 0);
    const w = wilcoxonTest(cases, controls);
    expect(t.test[k]).toBe('wilcoxon');
    expect(t.effect[k]).toBeCloseTo(w.auc, 15);
    expect(t.p[k]).toBe(w.pValue);
    expect(t.effect_lower[k]).toBeLessThan(t.effect[k]);
  });
  it('counts complete cases with missing values', () => {
    expect(t.n[row('with_na', 'resp')]).toBe(124 - 13);
  });
  it('gives a finite AUC of 1 with a separation warning for a separating covariate, and finite Firth bands', () => {
    const k = row('sep', 'resp');
    expect(t.effect[k]).toBe(1);
    expect(res.warnings).toContain(screenMsg.separation('sep', 'resp'));
    const firth = res.probability!.method.filter((m, i) => m === 'firth' && res.probability!.covariate[i] === 'sep');
    expect(firth.length).toBe(5);
    expect(res.probability!.upper.every(Number.isFinite)).toBe(true);
  });
  it('handles the rare endpoint (8 events in 124) with finite effects and a warning', () => {
    expect(res.endpoints.find((e) => e.name === 'g3')).toEqual({ name: 'g3', kind: 'binary', n: 124, events: 8 });
    expect(res.warnings).toContain(screenMsg.fewEvents('g3', 8, 124));
    const k = row('marker', 'g3');
    expect(Number.isFinite(t.effect[k]) && Number.isFinite(t.p[k])).toBe(true);
    expect(t.effect[k]).toBeGreaterThan(0.7);
  });
  it('reports the conditional MLE odds ratio for a two-level covariate (second level vs first)', () => {
    const k = row('sex', 'resp');
    const sex = table.columns.get('sex')!, y = table.columns.get('resp')!;
    if (sex.kind === 'numeric' || y.kind !== 'numeric') throw new Error('types');
    const m = sex.levels.indexOf('M');
    let a = 0, b = 0, c = 0, d = 0;
    for (let i = 0; i < 124; i++) {
      const isM = sex.codes[i] === m;
      if (isM) y.values[i] ? a++ : b++;
      else y.values[i] ? c++ : d++;
    }
    const f = fisherTest2x2(a, b, c, d);
    expect(t.test[k]).toBe('fisher');
    expect([t.effect[k], t.effect_lower[k], t.effect_upper[k], t.p[k]]).toEqual([f.oddsRatio, f.lower, f.upper, f.pValue]);
  });
  it('uses seeded Monte Carlo Fisher for three levels and log-rank for three levels against survival', () => {
    expect(t.test[row('stage', 'resp')]).toBe('fisher-mc');
    expect(t.effect[row('stage', 'resp')]).toBeNaN();
    expect(t.test[row('stage', 'pfs')]).toBe('logrank');
    const again = screen(table, { endpoints, covariates: ['stage'] });
    expect(again.table.p[0]).toBe(t.p[row('stage', 'resp')]);
  });
  it('reports the Cox HR per unit, the median cut-off and its log-rank p for survival', () => {
    const k = row('marker', 'pfs');
    const x = table.columns.get('marker')!, time = table.columns.get('time')!, ev = table.columns.get('event')!;
    if (x.kind !== 'numeric' || time.kind !== 'numeric' || ev.kind !== 'numeric') throw new Error('types');
    const fit = coxph(time.values, ev.values, Float64Array.from(x.values), { concordance: false });
    expect(t.test[k]).toBe('cox');
    expect(t.effect[k]).toBe(fit.hr[0]);
    expect(t.effect[k]).toBeGreaterThan(1);
    const sorted = Array.from(x.values).sort((a, b) => a - b);
    expect(t.median_cutoff[k]).toBe((sorted[61] + sorted[62]) / 2);
    expect(t.logrank_p_median[k]).toBeGreaterThan(0);
    expect(t.median_cutoff[row('marker', 'resp')]).toBeNaN();
  });
  it('computes q by BH within each endpoint', () => {
    for (const ep of ['resp', 'pfs', 'g3']) {
      const idx = t.endpoint.map((e, k) => (e === ep ? k : -1)).filter((k) => k >= 0);
      const q = pAdjust(idx.map((k) => t.p[k]));
      idx.forEach((k, j) => expect(t.q[k]).toBe(q[j]));
    }
  });
  it('returns the Spearman matrix of numeric covariates and the collinearity clusters', () => {
    expect(res.correlation!.names).toEqual(['marker', 'noise', 'sep', 'with_na']);
    expect(res.correlation!.pairs.q.length).toBe(6);
    expect(res.collinearity!.keep.length).toBe(4);
  });
  it('rejects duplicate endpoint names, unknown covariates and a categorical binary endpoint without a level', () => {
    expect(() => screen(table, { endpoints: [endpoints[0], endpoints[0]] })).toThrow(screenMsg.duplicateEndpoint('resp'));
    expect(() => screen(table, { endpoints, covariates: ['nope'] })).toThrow(screenMsg.unknownCovariate('nope'));
    expect(() => screen(table, { endpoints: [parseEndpoint('s=binary:sex')] })).toThrow(/categorical/);
    expect(screen(table, { endpoints: [parseEndpoint('s=binary:sex==F')], covariates: ['marker'] }).table.n[0]).toBe(124);
  });
});

describe('parseEndpoint(text)', () => {
  it('parses binary, comparison and survival forms', () => {
    expect(parseEndpoint('ne3=binary:ne_grade>=3')).toEqual({ name: 'ne3', kind: 'binary', column: 'ne_grade', op: '>=', value: '3' });
    expect(parseEndpoint('r=binary:response==R')).toEqual({ name: 'r', kind: 'binary', column: 'response', op: '==', value: 'R' });
    expect(parseEndpoint('pfs=survival:t,e')).toEqual({ name: 'pfs', kind: 'survival', time: 't', event: 'e' });
  });
  it('rejects malformed specifications', () => {
    for (const s of ['pfs', 'x=logistic:a', 'p=survival:t', 'n=binary:a>=']) expect(() => parseEndpoint(s)).toThrow(/invalid --endpoint/);
  });
});

describe('joinScores(table, scores)', () => {
  it('adds rows of a signatures × samples matrix or columns of a samples × scores matrix', () => {
    const a = joinScores(table, { rowIds: ['TIS', 'marker'], colIds: ['P0', 'P1'], values: Float64Array.from([1, 2, 3, 4]) });
    expect(a.added).toEqual(['TIS', 'score_marker']);
    const tis = a.table.columns.get('TIS')!;
    if (tis.kind !== 'numeric') throw new Error('type');
    expect([tis.values[0], tis.values[1], tis.values[2]]).toEqual([1, 2, NaN]);
    expect(a.warnings.some((w) => w.includes('have no scores'))).toBe(true);
    const b = joinScores(table, { rowIds: ['P0', 'P1'], colIds: ['TIS'], values: Float64Array.from([5, 6]) });
    const t2 = b.table.columns.get('TIS')!;
    if (t2.kind !== 'numeric') throw new Error('type');
    expect([t2.values[0], t2.values[1]]).toEqual([5, 6]);
    expect(() => joinScores(table, { rowIds: ['a'], colIds: ['b'], values: Float64Array.from([1]) })).toThrow(/matches no clinical sample/);
  });
});
