import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { forestSpec, type VegaLiteSpec } from '../../src/plot/index.js';
import { compileSpec, renderSvg } from '../../src/plot/node/render.js';

// A meta-analysis forest table as sigscore compare writes it (--survival-forest).
const meta = {
  term: ['A', 'B', 'C', 'fixed', 'random'],
  hr: [0.7, 1.1, 0.8, 0.78, 0.79],
  hr_lower: [0.5, 0.6, 0.6, 0.66, 0.64],
  hr_upper: [0.98, 2.0, 1.07, 0.92, 0.97],
  p: [0.04, 0.7, 0.13, 0.003, 0.03],
  weight: [50, 12.5, 37.5, '', ''],
  pooled: [0, 0, 0, 1, 1],
};
const rows = (spec: VegaLiteSpec): any[] => (spec as any).data.values;

describe('forestSpec for a meta-analysis (weight and pooled columns)', () => {
  const { spec, warnings } = forestSpec(meta);
  it('draws square areas proportional to the study weights and the pooled rows as diamonds', () => {
    expect(warnings).toEqual([]);
    const r = rows(spec);
    expect(r.map((x) => x.shape)).toEqual(['square', 'square', 'square', 'diamond', 'diamond']);
    // the heaviest study is drawn at 4 × 60 px²; the others in proportion to their weights
    expect(r.slice(0, 3).map((x) => x.size)).toEqual([240, 60, 180]);
    expect(r[0].size / r[2].size).toBeCloseTo(50 / 37.5, 12);
    expect(r[3].size).toBe(r[4].size);
    expect(r.slice(0, 3).map((x) => x.weight)).toEqual([50, 12.5, 37.5]);
    expect(r[3].weight).toBeUndefined();
  });
  it('keeps the plain Cox-table look (squares of one size, no weight) without those columns', () => {
    const { spec: plain } = forestSpec({ term: meta.term, hr: meta.hr, hr_lower: meta.hr_lower, hr_upper: meta.hr_upper, p: meta.p });
    expect(rows(plain).map((x) => x.shape)).toEqual(Array(5).fill('square'));
    expect(new Set(rows(plain).map((x) => x.size))).toEqual(new Set([60]));
  });
  it('reads other column names from the options and ignores a pooled flag that is not 1/true', () => {
    const { spec: s } = forestSpec({ ...meta, w: [1, 1, 2, 0, 0], kind: ['no', 'no', 'no', 'true', 'yes'] }, { weight: 'w', pooled: 'kind' });
    const r = rows(s);
    expect(r.map((x) => x.shape)).toEqual(['square', 'square', 'square', 'diamond', 'diamond']);
    expect(r.slice(0, 3).map((x) => x.size)).toEqual([120, 120, 240]);
  });
  it('validates against the Vega-Lite schema, compiles without warnings and renders', async () => {
    const vlBuild = dirname(fileURLToPath(import.meta.resolve('vega-lite')));
    const schema = JSON.parse(readFileSync(join(vlBuild, 'vega-lite-schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, logger: false, validateFormats: false }).compile(schema);
    expect(validate(spec)).toBe(true);
    expect((await compileSpec(spec)).warnings).toEqual([]);
    const { svg } = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
  });
});
