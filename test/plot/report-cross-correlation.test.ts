import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { crossCorrelationSpec } from '../../src/plot/report-cross-correlation.js';
import { assembleReport } from '../../src/plot/report-auto.js';
import { compileSpec, renderSvg } from '../../src/plot/node/render.js';
import type { PlotTable } from '../../src/plot/table.js';

const vlBuild = dirname(fileURLToPath(import.meta.resolve('vega-lite')));
const schema = JSON.parse(readFileSync(join(vlBuild, 'vega-lite-schema.json'), 'utf8'));

function plotTable(cols: Record<string, (string | number)[]>): PlotTable {
  const names = Object.keys(cols);
  return { names, nrow: cols[names[0]].length, columns: new Map(names.map((n) => [n, cols[n]])) };
}
/** 3 × 2 cross-correlation table: strong positive, strong negative and null pairs. */
const long = () => plotTable({
  feature_a: ['H_IFNG', 'H_IFNG', 'H_MYC', 'H_MYC', 'H_TNF', 'H_TNF'],
  feature_b: ['TIS', '<img src=x onerror=alert(1)>', 'TIS', '<img src=x onerror=alert(1)>', 'TIS', '<img src=x onerror=alert(1)>'],
  n: [30, 30, 30, 30, 30, 30],
  rho: [0.8, 0.1, -0.7, 0.05, 0.3, NaN],
  p: [1e-6, 0.6, 1e-4, 0.8, 0.11, NaN],
  q: [6e-6, 0.72, 0.003, 0.8, 0.04, NaN],
});

describe('crossCorrelationSpec(long table)', () => {
  it('validates against the Vega-Lite v6 schema, compiles without warnings and renders', async () => {
    const { spec, rows, columns } = crossCorrelationSpec(long());
    const v = new Ajv({ strict: false, logger: false, validateFormats: false }).compile(schema);
    expect(v(spec)).toBe(true);
    expect((await compileSpec(spec)).warnings).toEqual([]);
    const { svg } = await renderSvg(spec);
    expect(svg).not.toContain('<img');
    expect(rows.slice().sort()).toEqual(['H_IFNG', 'H_MYC', 'H_TNF']);
    expect(columns).toHaveLength(2);
  });
  it('marks q < 0.05 with * and q < 0.01 with **, and shows NA pairs without a mark', () => {
    const values = (crossCorrelationSpec(long()).spec as any).data.values as { a: string; b: string; label: string; r: number | null }[];
    const label = (a: string, b: string) => values.find((x) => x.a === a && x.b === b)!.label;
    expect(label('H_IFNG', 'TIS')).toBe('0.8**');
    expect(label('H_MYC', 'TIS')).toBe('-0.7**');
    expect(label('H_TNF', 'TIS')).toBe('0.3*');
    expect(label('H_IFNG', '<img src=x onerror=alert(1)>')).toBe('0.1');
    const na = values.find((x) => x.a === 'H_TNF' && x.b !== 'TIS')!;
    expect([na.r, na.label]).toEqual([null, '']);
  });
  it('keeps input order on request and rejects a table without the columns', () => {
    expect(crossCorrelationSpec(long(), { order: 'input' }).rows).toEqual(['H_IFNG', 'H_MYC', 'H_TNF']);
    expect(() => crossCorrelationSpec(plotTable({ a: ['x'], b: ['y'], rho: [1] }))).toThrow(/feature_a, feature_b and rho or r/);
  });
});

describe('assembleReport with correlate tables and GSEA running sums', () => {
  it('draws the cross-correlation heatmap and the enrichment plots of the top 3 sets by padj', () => {
    const gsea = plotTable({ pathway: ['A', 'B', 'C', 'D'], NES: [1.5, -1.2, 2.1, 0.3], padj: [0.2, 0.01, 0.001, 0.9], pval: [0.1, 0.005, 0.0005, 0.8] });
    const sets = ['A', 'B', 'C', 'D'].map((p, k) => ({ pathway: p, hits: [k, k + 3], runningSum: [0.1 * k, -0.2, 0.3] }));
    const { report, warnings } = assembleReport([
      { name: 'correlation/x.tsv', table: long() },
      { name: 'gsea/g.tsv', table: gsea },
      { name: 'gsea/g_running_sum.json', json: { n: 10, stats: [5, 4, 3, 2, 1, 0, -1, -2, -3, -4], sets } },
    ]);
    expect(warnings).toEqual([]);
    const cc = report.sections.find((s) => s.title === 'Correlation — correlation/x.tsv')!;
    expect(cc.charts).toHaveLength(1);
    const rs = report.sections.find((s) => s.title === 'GSEA enrichment plots — gsea/g_running_sum.json')!;
    expect(rs.charts!.map((c) => c.title)).toEqual(['C', 'B', 'A']);
  });
});
