import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confDir, readTsv, column, readMatrix, maxRelDiff } from './helpers.js';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { designFromFormula } from '../../src/de/design.js';
import { parseContrast } from '../../src/de/contrast.js';
import { differentialExpression } from '../../src/de/differential-expression.js';
import type { ResultColumns } from '../../src/de/top-table.js';

interface MmFixture {
  table: { id: string; response: string; age: number; batch: string; w: number }[];
  designs: { formula: string; columns: string[]; x: number[] }[];
}
const mm = JSON.parse(readFileSync(join(confDir, 'interaction_mm.json'), 'utf8')) as MmFixture;
const small = parseSampleTable(
  'id\tresponse\tage\tbatch\tw\n' + mm.table.map((r) => [r.id, r.response, r.age, r.batch, r.w].join('\t')).join('\n') + '\n',
);
const ids = mm.table.map((r) => r.id);

describe('designFromFormula with interactions matches R model.matrix (R 4.2.2)', () => {
  for (const f of mm.designs) {
    it(`designFromFormula(${f.formula}) has model.matrix's columns, in order, and values`, () => {
      const d = designFromFormula(small, ids, f.formula);
      expect(d.design.columns).toEqual(f.columns);
      // values exact up to the 15 significant digits the JSON fixture keeps
      expect(d.design.x.length).toBe(f.x.length);
      f.x.forEach((v, i) => expect(Math.abs(d.design.x[i] - v), `${i}`).toBeLessThanOrEqual(1e-14 * Math.abs(v)));
    });
  }
  it('designFromFormula codes a factor by indicators when the term without it is absent (nested design)', () => {
    const d = designFromFormula(small, ids, '~ response + response:age');
    expect(d.design.columns).toEqual(['(Intercept)', 'responseR', 'responseNR:age', 'responseR:age']);
    expect(d.terms.map((t) => t.kind)).toEqual(['categorical', 'interaction']);
    expect(d.terms[1].columns).toEqual([2, 3]);
  });
  it('designFromFormula honours --ref in interaction columns', () => {
    const d = designFromFormula(small, ids, '~ response*batch', { ref: new Map([['response', 'R'], ['batch', 'b3']]) });
    expect(d.design.columns).toEqual(['(Intercept)', 'responseNR', 'batchb1', 'batchb2', 'responseNR:batchb1', 'responseNR:batchb2']);
  });
});

describe('parseContrast on interaction coefficients', () => {
  const d = designFromFormula(small, ids, '~ response*batch');
  it('parseContrast reads interaction coefficient names, alone and in linear combinations', () => {
    expect(Array.from(parseContrast('responseR:batchb2', d.design.columns, d.terms))).toEqual([0, 0, 0, 0, 1, 0]);
    expect(Array.from(parseContrast('responseR + responseR:batchb3', d.design.columns, d.terms))).toEqual([0, 1, 0, 0, 0, 1]);
    expect(Array.from(parseContrast('responseR:batchb3 - responseR:batchb2', d.design.columns, d.terms))).toEqual([0, 0, 0, 0, -1, 1]);
    expect(Array.from(parseContrast('response:R:NR', d.design.columns, d.terms))).toEqual([0, 1, 0, 0, 0, 0]);
  });
  it('parseContrast still rejects a term:A:B contrast on a term that is not categorical', () => {
    expect(() => parseContrast('age:R:NR', d.design.columns, d.terms)).toThrow(/not a categorical design term/);
  });
});

const counts = readMatrix(readFileSync(join(confDir, 'synth_counts.tsv'), 'utf8'));
const samples = parseSampleTable(readFileSync(join(confDir, 'synth_batch_samples.tsv'), 'utf8'), { source: 'synth_batch_samples.tsv' });
const es = { x: counts.x, genes: counts.genes, samples: counts.samples };
const COLS = ['logFC', 'AveExpr', 't', 'P.Value', 'adj.P.Val', 'B'];

function expectTable(t: ResultColumns, fixture: string): void {
  const ref = readTsv(join(confDir, fixture));
  const g = t.get('gene') as string[];
  for (const c of COLS) {
    const v = t.get(c) as Float64Array;
    // 1e-6 relative; plus 1e-7 absolute on logFC, t and B for all-zero genes (values ~1e-15)
    const d = maxRelDiff(new Map(g.map((id, i) => [id, v[i]])), column(ref, c), c === 'AveExpr' || c.includes('P.Val') ? 0 : 1e-7);
    expect(d, `${fixture} ${c}`).toBeLessThan(1e-6);
  }
}

describe('limma with interaction designs matches limma 3.54.1 on seeded synthetic counts', () => {
  it('~ group*batch + age, coefficient groupB:batchb2, matches topTable within 1e-6 relative', () => {
    const r = differentialExpression(es, samples, { formula: '~ group*batch + age', contrasts: ['groupB:batchb2'], normalize: 'tmm' });
    expect((r.meta.design as { columns: string[] }).columns).toEqual(['(Intercept)', 'groupB', 'batchb2', 'age', 'groupB:batchb2']);
    expectTable(r.table, 'synth_interaction.tsv');
  });
  it('the contrast groupB + groupB:batchb2 matches contrasts.fit within 1e-6 relative', () => {
    const r = differentialExpression(es, samples, { formula: '~ group*batch + age', contrasts: ['groupB + groupB:batchb2'], normalize: 'tmm' });
    expectTable(r.table, 'synth_interaction_combo.tsv');
  });
  it('~ group*age, coefficient groupB:age (numeric × factor), matches topTable within 1e-6 relative', () => {
    const r = differentialExpression(es, samples, { formula: '~ group*age', contrasts: ['groupB:age'], normalize: 'tmm' });
    expectTable(r.table, 'synth_interaction_age.tsv');
  });
});
