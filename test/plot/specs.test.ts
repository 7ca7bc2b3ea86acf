import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { exampleSpecs, EVIL } from './examples.js';
import { compileSpec, renderSvg, svgToPng } from '../../src/plot/node/render.js';
import type { VegaLiteSpec } from '../../src/plot/index.js';

const vlBuild = dirname(fileURLToPath(import.meta.resolve('vega-lite')));
const schema = JSON.parse(readFileSync(join(vlBuild, 'vega-lite-schema.json'), 'utf8'));

describe('every plot spec', () => {
  let validate: (s: unknown) => boolean;
  let errors: () => unknown;
  const specs = exampleSpecs();
  beforeAll(() => {
    const ajv = new Ajv({ strict: false, allErrors: false, logger: false, validateFormats: false });
    const v = ajv.compile(schema);
    validate = (s) => v(s) as boolean;
    errors = () => v.errors;
  });
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}Spec validates against the Vega-Lite v6 schema and compiles with no warnings`, async () => {
      const ok = validate(spec);
      if (!ok) console.error(name, JSON.stringify(errors(), null, 1).slice(0, 2000));
      expect(ok).toBe(true);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      const { warnings } = await compileSpec(spec as VegaLiteSpec);
      expect(warnings).toEqual([]);
    });
    it(`${name}Spec renders to SVG and PNG with data strings escaped`, async () => {
      const { svg, warnings } = await renderSvg(spec as VegaLiteSpec);
      expect(warnings).toEqual([]);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toContain('<img');
      expect(svg).not.toContain('</script>');
      const png = await svgToPng(svg, { scale: 1 });
      expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(png.length).toBeGreaterThan(5000);
    });
  }
  it('the schema check rejects an invalid spec (so passing means something)', () => {
    expect(validate({ ...specs.volcano, mark: 'bogus', layer: undefined })).toBe(false);
  });
  it('the example data really contains hostile names (so the escaping checks mean something)', () => {
    expect(JSON.stringify(specs.heatmap)).toContain(EVIL[0]);
  });
});
