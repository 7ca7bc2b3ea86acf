import { describe, it, expect } from 'vitest';
import {
  volcanoSpec, heatmapSpec, kmSpec, boxSpec, importanceSpec, forestSpec, correlationSpec, probabilitySpec,
  negLog10, niceTicks, parsePlotTable, directionLabel, matrixFromPairs, correlationFromTable, formatP, hclustRows,
} from '../../src/plot/index.js';
import { matrixFromRows } from '../../src/core/matrix.js';
import { DataError, ParseError } from '../../src/core/errors.js';

const layerData = (spec: any, k: number): any[] => spec.layer[k].data.values;

describe('negLog10 and volcanoSpec', () => {
  it('negLog10 computes from the decimal text, below the double range too', () => {
    expect(negLog10('1e-300')).toBe(300);
    expect(negLog10('2.5e-400')).toBeCloseTo(400 - Math.log10(2.5), 12);
    expect(negLog10(0.01)).toBeCloseTo(2, 15);
    expect(negLog10('NA')).toBeNaN();
  });
  it('volcanoSpec plots p = 1e-300 at 300 and p = 0 capped as a triangle with a warning', () => {
    const { spec, warnings } = volcanoSpec({ gene: ['a', 'b', 'c', 'd'], logFC: [2, -3, 0.1, 5], 'P.Value': ['1e-300', '0.5', '0.9', 0], 'adj.P.Val': [1e-299, 0.6, 0.9, 0] });
    const pts = layerData(spec, 0);
    expect(pts[0].nlp).toBe(300);
    expect(pts[3].capped).toBe(true);
    expect(pts[3].nlp).toBeCloseTo(315, 6);
    expect(warnings).toEqual(['1 p-value(s) are 0 (below double precision); drawn at -log10 p = 315.0 as triangles']);
    expect(pts.map((p: any) => p.direction)).toEqual(['up', 'not significant', 'not significant', 'up']);
  });
  it('volcanoSpec labels at most topN called genes, most significant first', () => {
    const n = 30;
    const { spec } = volcanoSpec({ gene: Array.from({ length: n }, (_, i) => `g${i}`), logFC: Array(n).fill(2), 'P.Value': Array.from({ length: n }, (_, i) => 10 ** -(i + 2)), 'adj.P.Val': Array(n).fill(0.01) }, { topN: 3 });
    expect(layerData(spec, 3).map((r: any) => r.label)).toEqual(['g29', 'g28', 'g27']);
  });
  it('volcanoSpec names a missing column and rejects an empty table', () => {
    expect(() => volcanoSpec({ gene: ['a'], 'P.Value': [0.1] })).toThrow(/no column "logFC"/);
    expect(() => volcanoSpec({ gene: [], logFC: [], 'P.Value': [] })).toThrow(DataError);
  });
  it('volcanoSpec drops rows with NaN effect or p and warns', () => {
    const r = volcanoSpec({ gene: ['a', 'b'], logFC: [NaN, 1], 'P.Value': [0.1, 'NA'] });
    expect(layerData(r.spec, 0)).toHaveLength(0);
    expect(r.warnings[0]).toMatch(/2 row\(s\) with missing logFC or P.Value/);
  });
});

describe('heatmapSpec', () => {
  const x = matrixFromRows([[1, 2, 3, 4], [10, 10, 10, 10], [4, 3, 2, 1], [2, 4, 6, 9]]);
  it('z-scores rows (mean 0, sd 1) and warns about constant rows', () => {
    const r = heatmapSpec(x, ['a', 'b', 'c', 'd'], ['s1', 's2', 's3', 's4'], { clusterRows: false, clusterColumns: false });
    const cells = (r.spec.layer[0].data.values as any[]).filter((v) => v.row === 'a').map((v) => v.z);
    const mean = cells.reduce((s, v) => s + v, 0) / 4;
    const sd = Math.sqrt(cells.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
    expect(mean).toBeCloseTo(0, 12);
    expect(sd).toBeCloseTo(1, 7);
    expect(r.warnings).toEqual(['1 constant row(s) have no z-score; drawn as 0']);
    expect(r.rowOrder).toEqual(['a', 'b', 'c', 'd']);
  });
  it('orders rows by hclust on the z-scored rows', () => {
    const r = heatmapSpec(x, ['a', 'b', 'c', 'd'], ['s1', 's2', 's3', 's4'], { clusterColumns: false });
    expect(r.rowOrder).toHaveLength(4);
    // a and d rise, c falls: a and d are neighbours in the order
    expect(Math.abs(r.rowOrder.indexOf('a') - r.rowOrder.indexOf('d'))).toBe(1);
  });
  it('keeps the maxRows most variable rows and handles a 1 × 1 matrix', () => {
    expect(heatmapSpec(x, ['a', 'b', 'c', 'd'], ['s1', 's2', 's3', 's4'], { maxRows: 1 }).rowOrder).toEqual(['d']);
    expect(heatmapSpec(matrixFromRows([[5]]), ['r'], ['s']).rowOrder).toEqual(['r']);
  });
  it('refuses more cells than maxCells and mismatched names', () => {
    expect(() => heatmapSpec(x, ['a', 'b', 'c', 'd'], ['s1', 's2', 's3', 's4'], { maxCells: 8 })).toThrow(/16 cells, more than 8/);
    expect(() => heatmapSpec(x, ['a'], ['s1', 's2', 's3', 's4'])).toThrow(DataError);
  });
});

describe('kmSpec', () => {
  const km = {
    group: ['A', 'A', 'A', 'B', 'B'], time: [2, 5, 9, 3, 12], n_risk: [10, 8, 4, 6, 2], n_event: [1, 2, 1, 2, 1], n_censor: [1, 2, 0, 2, 1],
    surv: [0.9, 0.675, 0.506, 0.667, 0.333], lower: [0.7, 0.4, 0.2, 0.4, 0.1], upper: [1, 0.9, 0.8, 0.9, 0.8],
  };
  it('numbers at risk at each tick are n_risk of the first time ≥ tick, and what remains after the last', () => {
    const { spec } = kmSpec(km);
    const risk = spec.vconcat[1].data.values as any[];
    const a = risk.filter((r) => r.short === 'A').map((r) => [r.time, r.n]);
    expect(a).toEqual([[0, 10], [2, 10], [4, 8], [6, 4], [8, 4], [10, 3], [12, 3]]);
    const b = risk.filter((r) => r.short === 'B').map((r) => [r.time, r.n]);
    expect(b[b.length - 1]).toEqual([12, 2]);
  });
  it('curves start at (0, 1) and censored times get ticks', () => {
    const { spec } = kmSpec(km, { riskTable: false });
    const line = spec.layer[1].data.values as any[];
    expect(line[0]).toMatchObject({ time: 0, surv: 1 });
    expect((spec.layer[2].data.values as any[]).length).toBe(4);
  });
  it('labels groups with n and median from the summary and prints the log-rank p', () => {
    const { spec } = kmSpec(km, { summary: { group: ['A', 'B'], n: [10, 6], events: [4, 3], median: [9, NaN] }, logrank: { p: 0.0123, chisq: 6.3, df: 1 } });
    expect(spec.title.subtitle).toBe('Log-rank p = 0.012 (χ² = 6.3, df = 1)');
    expect(JSON.stringify(spec)).toContain('A (n=10, 4 events, median 9)');
    expect(JSON.stringify(spec)).toContain('B (n=6, 3 events, median NR)');
  });
  it('one curve when there is no group column', () => {
    const { group: _g, ...single } = km;
    const { spec } = kmSpec(single, { riskTable: false });
    expect(new Set((spec.layer[1].data.values as any[]).map((r) => r.group)).size).toBe(1);
  });
});

describe('boxSpec, importanceSpec, forestSpec, correlationSpec, probabilitySpec', () => {
  const data = { value: [1, 2, 3, NaN, 5, 6], group: ['R', 'R', 'R', 'NR', 'NR', ''], sample: ['a', 'b', 'c', 'd', 'e', 'f'] };
  it('boxSpec jitter is reproducible with a seed and drops missing values with a warning', () => {
    const a = boxSpec(data, { seed: 1 });
    const b = boxSpec(data, { seed: 1 });
    const c = boxSpec(data, { seed: 2 });
    expect(a.spec.data.values).toEqual(b.spec.data.values);
    expect(a.spec.data.values).not.toEqual(c.spec.data.values);
    expect(a.spec.data.values).toHaveLength(4);
    expect(a.warnings).toEqual(['2 row(s) with missing value or group left out']);
    for (const r of a.spec.data.values as any[]) expect(Math.abs(r.jitter)).toBeLessThanOrEqual(0.25);
  });
  it('directionLabel reads signs, words and numbers', () => {
    expect(['+', '-', 'positive', 'Negative', '0.3', '-2', '', 'weird'].map(directionLabel)).toEqual(['positive', 'negative', 'positive', 'negative', 'positive', 'negative', 'none', 'weird']);
  });
  it('importanceSpec keeps the top N by importance', () => {
    const { spec } = importanceSpec({ covariate: ['a', 'b', 'c'], importance: [0.1, 0.3, 0.2], direction: ['+', '-', '+'] }, { topN: 2 });
    expect((spec.data.values as any[]).map((r) => r.covariate)).toEqual(['b', 'c']);
  });
  it('forestSpec leaves out non-positive ratios with a warning and filters a screen by endpoint', () => {
    const r = forestSpec({ term: ['a', 'b'], hr: [1.5, -1], hr_lower: [1.1, 0.5], hr_upper: [2, 2], p: [0.01, 0.5] });
    expect(r.warnings).toEqual(['1 row(s) with hr ≤ 0 cannot be drawn on a log scale; left out']);
    const s = forestSpec({ covariate: ['x', 'y'], endpoint: ['pfs', 'os'], effect: [1.2, 1.3], effect_lower: [1, 1], effect_upper: [1.4, 1.6] }, { term: 'covariate', estimate: 'effect', lower: 'effect_lower', upper: 'effect_upper', filterColumn: 'endpoint', filterValue: 'pfs' });
    expect((s.spec.data.values as any[]).map((r) => r.term)).toEqual(['x']);
    expect(s.spec.hconcat[0].layer[2].encoding.x.scale.type).toBe('log');
  });
  it('correlationSpec stars off-diagonal cells with p < alpha only', () => {
    const { m: r, names } = matrixFromPairs(['a', 'a', 'b'], ['b', 'c', 'c'], [0.9, 0.1, -0.5]);
    const { m: p } = matrixFromPairs(['a', 'a', 'b'], ['b', 'c', 'c'], [0.001, 0.5, 0.04], 0);
    const { spec } = correlationSpec(r, names, { p, order: 'input' });
    const stars = (spec.data.values as any[]).filter((v) => v.label.endsWith('*')).map((v) => `${v.a}-${v.b}`);
    expect(stars.sort()).toEqual(['a-b', 'b-a', 'b-c', 'c-b']);
  });
  it('correlationFromTable reads a square matrix and checks its header', () => {
    const t = parsePlotTable('name\ta\tb\na\t1\t0.5\nb\t0.5\t1\n');
    expect(Array.from(correlationFromTable(t).r.data)).toEqual([1, 0.5, 0.5, 1]);
    expect(() => correlationFromTable(parsePlotTable('name\ta\tc\na\t1\t0.5\nb\t0.5\t1\n'))).toThrow(/square matrix/);
  });
  it('probabilitySpec sorts by x and needs at least one finite row', () => {
    const { spec } = probabilitySpec({ x: [3, 1, 2], probability: [0.3, 0.1, 0.2], lower: [0.2, 0, 0.1], upper: [0.4, 0.2, 0.3] });
    expect((spec.layer[1].data.values as any[]).map((r) => r.x)).toEqual([1, 2, 3]);
    expect(() => probabilitySpec({ x: [NaN], probability: [0.5] })).toThrow(/no rows to plot/);
  });
});

describe('helpers', () => {
  it('niceTicks covers [0, max] in 1-2-2.5-5 steps', () => {
    expect(niceTicks(47, 6)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(12, 6)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(niceTicks(0)).toEqual([0]);
  });
  it('parsePlotTable reads quotes, CRLF and a BOM, and names the line of a ragged row', () => {
    const t = parsePlotTable('\ufeffa,b\r\n"x, y",2\r\n');
    expect(t.names).toEqual(['a', 'b']);
    expect(t.columns.get('a')![0]).toBe('x, y');
    expect(() => parsePlotTable('a\tb\n1\t2\n3\n', { source: 'f.tsv' })).toThrow(ParseError);
    expect(() => parsePlotTable('a\tb\n1\t2\n3\n', { source: 'f.tsv' })).toThrow(/^f\.tsv:3: expected 2 fields, found 1$/);
  });
  it('formatP prints small, tiny and zero p-values', () => {
    expect([formatP(0.5), formatP(0.0123), formatP(3.2e-7), formatP(0), formatP(NaN)]).toEqual(['p = 0.50', 'p = 0.012', 'p = 3.2e-7', 'p < 1e-300', 'p = NA']);
  });
  it('hclustRows with NaN cells still orders every row', () => {
    const h = hclustRows(matrixFromRows([[1, NaN, 3], [1, 2, 3], [9, 8, NaN], [0, 0, 0]]), { distance: 'correlation' });
    expect(Array.from(h.order).sort()).toEqual([0, 1, 2, 3]);
  });
});
