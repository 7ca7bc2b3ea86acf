/**
 * Agreement with fgsea 1.31.6 on the reference outputs in ../shared/oracles/fgsea/:
 * ES and leading edges exact (1e-12); multilevel p within fgsea's own error band
 * |log2 p − log2 p_fgsea| ≤ 2·max(log2err) + 0.5, against the mean log2 p of fgsea seeds 1–20
 * where available; simple p within Monte Carlo error (0.5 bit for p ≈ 2e-4, 3 binomial SDs above);
 * NES within 2% of fgsea's (mean over seeds where available).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gseaPreranked } from '../../src/enrich/preranked.js';
import { rankGenes, setPositions } from '../../src/enrich/ranking.js';
import { enrichmentScore, leadingEdge } from '../../src/enrich/es.js';

const DIR = fileURLToPath(new URL('../../../shared/oracles/fgsea/', import.meta.url));
const present = existsSync(DIR);
if (!present) console.warn(`skipping fgsea conformance: ${DIR} not found`);

const read = (f: string) => readFileSync(DIR + f, 'utf8').trim().split('\n').map((l) => l.split('\t'));
const load = (name: string) => {
  const ranks = read(`${name}.ranks.tsv`).slice(1);
  const sets = read(`${name}.gmt`).map((f) => ({ id: f[0], genes: f.slice(2) }));
  return { genes: ranks.map((r) => r[0]), stats: ranks.map((r) => Number(r[1])), sets };
};
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;

describe.skipIf(!present)('gseaPreranked matches fgsea 1.31.6', () => {
  for (const name of ['b_synth', 'c_synth_ties']) {
    it(`${name}: ES and leading edges equal fgsea's exactly`, () => {
      const { genes, stats, sets } = load(name);
      const ranking = rankGenes(genes, stats);
      const byId = new Map(sets.map((s) => [s.id, s.genes]));
      for (const row of read(`${name}.es.tsv`).slice(1)) {
        const pos = setPositions(ranking, byId.get(row[0])!);
        const e = enrichmentScore(ranking.stats, pos);
        expect(Math.abs(e.es - Number(row[3]))).toBeLessThan(1e-12);
        expect(leadingEdge(ranking.genes, pos, e).join(',')).toBe(row[6]);
      }
    });

    it(`${name}: multilevel p within fgsea's log2err band and NES within 2%`, () => {
      const { genes, stats, sets } = load(name);
      const r = gseaPreranked({ genes, stats }, sets, { method: 'multilevel', seed: 1 });
      const ref = new Map(read(`${name}.multilevel.tsv`).slice(1).map((f) => [f[0], f]));
      const seedRef = new Map<string, { lp: number[]; nes: number[] }>();
      if (name === 'b_synth') {
        for (const f of read('b_synth_seeds1-20.tsv').slice(1)) {
          const e = seedRef.get(f[1]) ?? { lp: [], nes: [] };
          e.lp.push(Math.log2(Number(f[2])));
          e.nes.push(Number(f[4]));
          seedRef.set(f[1], e);
        }
      }
      const maxErr = Math.max(...[...ref.values()].map((f) => Number(f[3])));
      expect(r.pathway.length).toBe(ref.size);
      r.pathway.forEach((p, i) => {
        const f = ref.get(p)!;
        const s = seedRef.get(p);
        const refLog2 = s ? mean(s.lp) : Math.log2(Number(f[1]));
        const refNes = s ? mean(s.nes) : Number(f[5]);
        if (Number(f[1]) >= 1e-10 || s) {
          expect(Math.abs(Math.log2(r.pval[i]) - refLog2)).toBeLessThanOrEqual(2 * maxErr + 0.5);
        }
        expect(Math.abs(r.NES[i] / refNes - 1)).toBeLessThanOrEqual(0.02 + (Math.abs(refNes) < 1.3 ? 0.02 : 0));
        expect(r.ES[i]).toBeCloseTo(Number(f[4]), 12);
      });
    });

    it(`${name}: simple p within Monte Carlo error of fgseaSimple (10,000 permutations)`, () => {
      const { genes, stats, sets } = load(name);
      const r = gseaPreranked({ genes, stats }, sets, { method: 'simple', nperm: 10000, seed: 1 });
      const ref = new Map(read(`${name}.simple.tsv`).slice(1).map((f) => [f[0], f]));
      r.pathway.forEach((p, i) => {
        const pr = Number(ref.get(p)![1]);
        const sd = Math.sqrt((2 * pr * (1 - pr)) / 5000); // both estimates carry Monte Carlo error
        expect(Math.abs(r.pval[i] - pr)).toBeLessThanOrEqual(4 * sd + 1e-4);
      });
    });
  }
});
