import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { cutpointCurveSpec } from '../../src/plot/report-cutpoint.js';
import { assembleReport } from '../../src/plot/report-auto.js';
import { compileSpec, renderSvg } from '../../src/plot/node/render.js';
import type { PlotTable } from '../../src/plot/table.js';

const vlBuild = dirname(fileURLToPath(import.meta.resolve('vega-lite')));
const schema = JSON.parse(readFileSync(join(vlBuild, 'vega-lite-schema.json'), 'utf8'));
const plotTable = (cols: Record<string, (string | number)[]>): PlotTable => {
  const names = Object.keys(cols);
  return { names, nrow: cols[names[0]].length, columns: new Map(names.map((n) => [n, cols[n]])) };
};
const curve = () => plotTable({ marker: ['a', 'a', 'a', 'b', 'b'], cut: [1, 2, 3, 10, 20], statistic: [1.2, 2.5, 1.9, 0.4, 0.8] });
const cuts = () => plotTable({ marker: ['a', 'b'], method: ['maxstat', 'maxstat'], cutpoint: [2, 20], statistic: [2.5, 0.8], p_lau94: [0.01, 0.9] });

describe('cutpointCurveSpec(curve, cuts)', () => {
  it('validates, compiles without warnings and renders one panel per marker with the chosen cut', async () => {
    const { spec } = cutpointCurveSpec(curve(), cuts());
    expect(new Ajv({ strict: false, logger: false, validateFormats: false }).compile(schema)(spec)).toBe(true);
    expect((await compileSpec(spec)).warnings).toEqual([]);
    expect((await renderSvg(spec)).svg.startsWith('<svg')).toBe(true);
    const rules = (spec as any).data.values.filter((v: any) => v.layer === 'rule');
    expect(rules.map((r: any) => [r.marker, r.cut, r.label])).toEqual([['a', 2, 'cut 2, p = 0.01'], ['b', 20, 'cut 20, p = 0.90']]);
  });
  it('draws the curve alone without a cut table, and rejects a table without the columns', () => {
    expect((cutpointCurveSpec(curve()).spec as any).data.values).toHaveLength(5);
    expect(() => cutpointCurveSpec(plotTable({ marker: ['a'], x: [1] }))).toThrow(/marker, cut, statistic/);
  });
  it('assembleReport pairs the curve with its cut-point table and does not list that table again', () => {
    const { report } = assembleReport([{ name: 'survival/cutpoint-curve.tsv', table: curve() }, { name: 'survival/cutpoint.tsv', table: cuts() }]);
    expect(report.sections.map((s) => s.title)).toEqual(['Cut-points — survival/cutpoint-curve.tsv']);
    expect(report.sections[0].tables![0].title).toBe('survival/cutpoint.tsv');
  });
});
