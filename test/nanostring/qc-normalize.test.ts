import { describe, it, expect } from 'vitest';
import { mergeRcc, parseRcc } from '../../src/io/rcc/index.js';
import { DataError, OptionError } from '../../src/core/errors.js';
import { normalizeNanoString, qcNanoString, positiveConcentration, selectStableGenes } from '../../src/normalize/nanostring/index.js';
import { synthRcc, type SynthLane } from './helpers.js';

const setOf = (lanes: SynthLane[]) => mergeRcc(lanes.map((l) => parseRcc(synthRcc(l), { file: `${l.id}.RCC` }))).set;

describe('normalizeNanoString on hand-derived lanes', () => {
  it('one sample: every factor is 1 and log2 values are log2 of the thresholded counts', () => {
    const r = normalizeNanoString(setOf([{ id: 'A' }]));
    expect(r.factors.positiveFactor[0]).toBeCloseTo(1, 15);
    expect(r.factors.housekeepingFactor[0]).toBeCloseTo(1, 15);
    const neg = [5, 8, 6, 7];
    const m = neg.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(neg.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
    expect(r.factors.backgroundThreshold[0]).toBeCloseTo(m + 2 * sd, 12);
    const g3 = r.set.genes.indexOf('GENE3');
    expect(r.set.x.data[g3]).toBeCloseTo(Math.log2(m + 2 * sd), 12); // count 3 raised to the threshold
    expect(r.set.x.data[r.set.genes.indexOf('GENE2')]).toBeCloseTo(Math.log2(2000), 12);
  });

  it('a lane with twice the positive counts gets factor 3/4 vs 3/2 (mean of geomeans ÷ geomean)', () => {
    const base = [10000, 2500, 620, 160, 40, 10];
    const r = normalizeNanoString(setOf([{ id: 'A', pos: base }, { id: 'B', pos: base.map((v) => 2 * v) }]), { scale: 'linear', background: 'none' });
    expect(r.factors.positiveFactor[0]).toBeCloseTo(1.5, 12);
    expect(r.factors.positiveFactor[1]).toBeCloseTo(0.75, 12);
    expect(r.warnings).toEqual([]);
  });

  it('scaling is invariant to multiplying a lane by a constant (positives, negatives and genes together)', () => {
    const k = 1e6; // huge counts stay finite
    const a: SynthLane = { id: 'A' };
    const b: SynthLane = { id: 'B', pos: [10000, 2500, 620, 160, 40, 10].map((v) => v * k), neg: [5, 8, 6, 7].map((v) => v * k), hk: [500 * k, 800 * k], endo: [100 * k, 2000 * k, 3 * k] };
    const r = normalizeNanoString(setOf([a, b]), { scale: 'linear' });
    for (let g = 0; g < r.set.x.nrow; g++) expect(r.set.x.data[g * 2 + 1] / r.set.x.data[g * 2]).toBeCloseTo(1, 9);
  });

  it('dropPosF leaves POS_F out; subtract floors at 0; log2Floor is applied', () => {
    const s = setOf([{ id: 'A', pos: [10000, 2500, 620, 160, 40, 1] }, { id: 'B', pos: [10000, 2500, 620, 160, 40, 100] }]);
    expect(normalizeNanoString(s, { dropPosF: true }).factors.positiveFactor[0]).toBeCloseTo(1, 12);
    const r = normalizeNanoString(s, { background: 'subtract', scale: 'linear', dropPosF: true });
    expect(r.set.x.data[r.set.genes.indexOf('GENE3') * 2]).toBe(0);
    const l = normalizeNanoString(s, { background: 'subtract', log2Floor: 0.5, dropPosF: true });
    expect(l.set.x.data[l.set.genes.indexOf('GENE3') * 2]).toBe(-1);
  });

  it('Binding/Purification probes are scaled but not background-corrected', () => {
    const r = normalizeNanoString(setOf([{ id: 'A', extra: ['Binding,BS1,b1,3', 'Purification,PS1,p1,2'] }]), { scale: 'linear' });
    expect(r.set.x.data[r.set.genes.indexOf('BS1')]).toBeCloseTo(3, 12);
    expect(r.set.x.data[r.set.genes.indexOf('PS1')]).toBeCloseTo(2, 12);
    expect(r.set.x.data[r.set.genes.indexOf('GENE3')]).toBeCloseTo(r.factors.backgroundThreshold[0], 12);
  });

  it('a zero housekeeping gene is an error naming the sample, never a NaN table', () => {
    const s = setOf([{ id: 'A' }, { id: 'B', hk: [0, 800] }]);
    expect(() => normalizeNanoString(s, { background: 'none' })).toThrow(DataError);
    expect(() => normalizeNanoString(s, { background: 'none' })).toThrow('sample "B": the housekeeping geometric mean is zero');
    expect(() => normalizeNanoString(s, { housekeeping: ['NOPE'] })).toThrow('housekeeping genes not in the codeset: NOPE');
    expect(() => normalizeNanoString(s, { scale: 'ln' as never, backgroundSd: -1 })).toThrow(OptionError);
  });

  it('autoHousekeeping keeps the most stable genes (geNorm) and reports them', () => {
    const lanes: SynthLane[] = [1, 2, 4, 8].map((f, i) => ({ id: `S${i}`, hk: [500 * f, 800 * f], endo: [100 * f, 2000 * f * (i % 2 ? 3 : 1), 50 * f] }));
    const s = setOf(lanes);
    const r = normalizeNanoString(s, { housekeeping: ['HK1', 'HK2', 'GENE1', 'GENE2'], autoHousekeeping: 3 });
    expect(r.housekeepingGenes.sort()).toEqual(['GENE1', 'HK1', 'HK2']);
    expect(r.warnings[0]).toMatch(/^housekeeping genes chosen by geNorm stability/);
    const sel = selectStableGenes(s.x.data, 4, Int32Array.from([8, 9, 10]), 2);
    expect(sel.rows.length).toBe(2);
    expect(() => selectStableGenes(s.x.data, 4, Int32Array.from([8]), 1)).toThrow('at least 2 candidate genes');
  });
});

describe('qcNanoString flags', () => {
  it('imaging, binding density, linearity, limit of detection and factors give pass / warn / fail', () => {
    const s = setOf([
      { id: 'ok' },
      { id: 'fov', fov: [280, 200] },
      { id: 'bind', binding: 2.5 },
      { id: 'lod', pos: [10000, 2500, 620, 160, 9, 3] },
      { id: 'hk', hk: [5, 8] },
      { id: 'lin', pos: [100, 2500, 620, 16000, 40, 10] },
    ]);
    const q = qcNanoString(s);
    const st = new Map(q.sample.map((id, j) => [id, q.status[j]]));
    expect(st.get('ok')).toBe('pass');
    expect(q.imagingFlag[1]).toBe(true);
    expect(st.get('fov')).toBe('fail');
    expect(q.bindingFlag[2]).toBe(true);
    expect(st.get('lod')).toBe('fail');
    expect(q.lodFlag[3]).toBe(true);
    expect(q.housekeepingGeoMeanFlag[4]).toBe(true);
    expect(q.housekeepingFlag[4]).toBe(true);
    expect(st.get('hk')).toBe('warn');
    expect(q.linearityFlag[5]).toBe(true);
    expect(q.positiveLinearity[0]).toBeGreaterThan(0.99);
    expect(qcNanoString(s, { sprint: true }).params.maxBindingDensity).toBe(1.8);
    expect(qcNanoString(s, { sprint: true, maxBindingDensity: 3 }).bindingFlag[2]).toBe(false);
  });

  it('positiveConcentration reads POS_A(128), POS_E and unknown names', () => {
    expect(positiveConcentration('POS_A(128)')).toBe(128);
    expect(positiveConcentration('POS_E')).toBe(0.5);
    expect(Number.isNaN(positiveConcentration('POS_1'))).toBe(true);
  });
});
