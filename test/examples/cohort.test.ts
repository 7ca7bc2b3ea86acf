import { describe, it, expect } from 'vitest';
import { simulateCohort } from '../../examples/cohort.js';
import { BACKGROUND_GENES } from '../../examples/gene-universe.js';
import { panelGenes, HOUSEKEEPING } from '../../examples/panel.js';

const spearmanish = (a: number[], b: number[]): number => {
  const rank = (x: number[]) => { const o = x.map((v, i) => [v, i]).sort((p, q) => p[0] - q[0]); const r = new Array(x.length); o.forEach(([, i], k) => (r[i] = k)); return r; };
  const ra = rank(a), rb = rank(b), n = a.length, m = (n - 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (ra[i] - m) * (rb[i] - m); saa += (ra[i] - m) ** 2; sbb += (rb[i] - m) ** 2; }
  return sab / Math.sqrt(saa * sbb);
};

describe('simulateCohort({ seed })', () => {
  const c = simulateCohort({ seed: 42 });
  it('is reproducible for a seed and differs between seeds', () => {
    const d = simulateCohort({ seed: 42 });
    expect(d.clinical.get('pfs_time')).toEqual(c.clinical.get('pfs_time'));
    expect(d.rnaseq.counts).toEqual(c.rnaseq.counts);
    expect(simulateCohort({ seed: 43 }).clinical.get('pfs_time')).not.toEqual(c.clinical.get('pfs_time'));
  });
  it('has 124 patients, 34 RCC files, 35 RNA-seq samples with 30 in both', () => {
    expect(c.clinical.get('sample_id')!.length).toBe(124);
    expect(c.rcc.size).toBe(34);
    expect(c.rnaseq.samples.length).toBe(35);
    const rcc = new Set([...c.rcc.keys()].map((f) => f.replace('.RCC', '')));
    expect(c.rnaseq.samples.filter((s) => rcc.has(s)).length).toBe(30);
  });
  it('plants exactly 8 grade ≥ 3 neurologic events and the collinear pairs', () => {
    expect((c.clinical.get('ne_grade') as number[]).filter((g) => g >= 3).length).toBe(8);
    expect(spearmanish(c.clinical.get('cart_peak') as number[], c.clinical.get('cart_auc') as number[])).toBeGreaterThan(0.9);
    expect(spearmanish(c.clinical.get('vegf_peak') as number[], c.clinical.get('vegf_auc') as number[])).toBeGreaterThan(0.9);
  });
  it('gives counts that are non-negative integers', () => {
    expect(c.rnaseq.counts.every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
  });
  it('names the RNA-seq background genes with 1500 distinct real symbols, none on the panel, then numbered placeholders', () => {
    expect(new Set(BACKGROUND_GENES).size).toBe(1500);
    const panel = new Set([...panelGenes(), ...HOUSEKEEPING]);
    expect(BACKGROUND_GENES.filter((g) => panel.has(g))).toEqual([]);
    expect(BACKGROUND_GENES.every((g) => /^[A-Z][A-Z0-9-]*$/.test(g) && !g.startsWith('SIMG'))).toBe(true);
    expect(new Set(c.rnaseq.genes).size).toBe(c.rnaseq.genes.length);
    const more = simulateCohort({ seed: 1, patients: 40, extraGenes: 1502 }).rnaseq.genes;
    expect(more.slice(-3)).toEqual([BACKGROUND_GENES[1499], 'SIMG01501', 'SIMG01502']);
  });
});
