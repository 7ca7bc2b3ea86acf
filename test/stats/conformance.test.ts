import { describe, it, expect, afterAll } from 'vitest';
import { hasData, readFrame, relClose, relDiff, loadFixture, toNumber } from './data-helpers.js';
import { wilcoxonTest } from '../../src/stats/wilcoxon.js';
import { kruskalTest } from '../../src/stats/kruskal.js';
import { chisqTest } from '../../src/stats/chisq.js';
import { fisherTest2x2 } from '../../src/stats/fisher.js';
import { fisherTestMonteCarlo } from '../../src/stats/fisher-mc.js';
import { correlationTest } from '../../src/stats/correlation.js';
import { corMatrix } from '../../src/stats/cor-matrix.js';
import { logisticRegression } from '../../src/stats/logistic.js';
import { predictProbability } from '../../src/stats/logistic-predict.js';

const TOL = 1e-8;
const arr = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
/** Largest relative difference seen per quantity (printed at the end for the record). */
const maxDiff = new Map<string, number>();
const expectRel = (what: string, a: number, e: number | string | null, tol = TOL): void => {
  const d = relDiff(a, toNumber(e));
  const key = what.replace(/ \d+$/, '');
  if (Number.isFinite(d)) maxDiff.set(key, Math.max(maxDiff.get(key) ?? 0, d));
  if (!relClose(a, e, tol)) throw new Error(`${what}: got ${a}, R ${e} (rel diff ${relDiff(a, toNumber(e))})`);
};

/** Values of `value` in rows whose `group` cell text equals `level` (NA dropped). */
function groupValues(file: string, value: string, group: string, level: string): number[] {
  const f = readFrame(file);
  const v = f.num(value);
  const g = f.text(group);
  const out: number[] = [];
  for (let i = 0; i < f.nrow; i++) if (!Number.isNaN(v[i]) && g[i] === level) out.push(v[i]);
  return out;
}

afterAll(() => {
  if (maxDiff.size) console.log('stats conformance, max relative difference vs R: ' + [...maxDiff].map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', '));
});

describe.skipIf(!hasData)('stats conformance with R 4.2.2 on ../shared/data (1e-8 relative)', () => {
  const wil = loadFixture<{ cases: any[] }>('wilcox').cases;
  for (const c of wil) {
    it(`wilcoxonTest matches wilcox.test(conf.int = TRUE): ${c.file} ${c.value} by ${c.group}`, () => {
      const x = groupValues(c.file, c.value, c.group, c.x);
      const y = groupValues(c.file, c.value, c.group, c.y);
      expect([x.length, y.length]).toEqual([c.nx, c.ny]);
      const r = wilcoxonTest(x, y);
      expect(r.statistic).toBe(c.W);
      expectRel('p', r.pValue, c.p);
      expectRel('estimate', r.shift, c.estimate);
      expectRel('lower', r.shiftLower, c.lower);
      expectRel('upper', r.shiftUpper, c.upper);
      expect(r.auc).toBeCloseTo(c.W / (c.nx * c.ny), 15);
      expect(r.method).toBe(c.method);
    });
  }

  for (const c of loadFixture<{ cases: any[] }>('kruskal').cases) {
    it(`kruskalTest matches kruskal.test: ${c.file} ${c.value} by ${c.group}`, () => {
      const f = readFrame(c.file);
      const g = f.text(c.group);
      const levels = new Map<string, number>();
      const codes = g.map((s) => (s === null ? -1 : levels.get(s) ?? (levels.set(s, levels.size), levels.size - 1)));
      const r = kruskalTest(f.num(c.value), codes);
      expect(r.n).toBe(c.n);
      expect(r.df).toBe(c.df);
      expectRel('H', r.statistic, c.statistic);
      expectRel('p', r.pValue, c.p);
    });
  }

  const ct = loadFixture<{ cases: { data: any[]; literal: any[] } }>('contingency').cases;
  for (const c of ct.data) {
    it(`chisqTest and fisher match chisq.test/fisher.test: ${c.file} ${c.row} × ${c.col}`, () => {
      const f = readFrame(c.file);
      const rt = f.text(c.row), ctx = f.text(c.col);
      const nr = c.rowLevels.length, nc = c.colLevels.length;
      const counts = new Array(nr * nc).fill(0);
      for (let i = 0; i < f.nrow; i++) {
        const a = c.rowLevels.indexOf(rt[i]), b = c.colLevels.indexOf(ctx[i]);
        if (a >= 0 && b >= 0) counts[a * nc + b]++;
      }
      expect(counts).toEqual(c.counts);
      const ch = chisqTest(counts, nr);
      expect(ch.df).toBe(c.df);
      expectRel('X2', ch.statistic, c.chisq);
      expectRel('chisq p', ch.pValue, c.chisqP);
      if (nr === 2 && nc === 2) {
        const fi = fisherTest2x2(counts[0], counts[1], counts[2], counts[3]);
        expectRel('fisher p', fi.pValue, c.fisherP);
        expectRel('OR', fi.oddsRatio, c.oddsRatio);
        expectRel('OR lower', fi.lower, c.orLower);
        expectRel('OR upper', fi.upper, c.orUpper);
      } else {
        // Monte Carlo p within 4 binomial SEs of R's exact network-algorithm p
        const mc = fisherTestMonteCarlo(counts, nr, { replicates: 4000, seed: 7 });
        const se = Math.sqrt((c.fisherP * (1 - c.fisherP)) / 4000) + 1 / 4001;
        expect(Math.abs(mc.pValue - c.fisherP)).toBeLessThanOrEqual(4 * se);
      }
    });
  }
  for (const c of ct.literal) {
    it(`fisherTest2x2 and chisqTest match R on the table [${c.counts}]`, () => {
      const [a, b, cc, d] = c.counts;
      const fi = fisherTest2x2(a, b, cc, d);
      expectRel('fisher p', fi.pValue, c.fisherP);
      expectRel('OR', fi.oddsRatio, c.oddsRatio);
      expectRel('OR lower', fi.lower, c.orLower);
      expectRel('OR upper', fi.upper, c.orUpper);
      expectRel('X2', chisqTest(c.counts, 2).statistic, c.chisq);
      expectRel('chisq p', chisqTest(c.counts, 2).pValue, c.chisqP);
      expectRel('X2 uncorrected', chisqTest(c.counts, 2, { correct: false }).statistic, c.chisqUncorrected);
    });
  }

  for (const c of loadFixture<{ cases: any[] }>('correlation').cases) {
    const rows = c.rows ? ` rows ${c.rows[0]}–${c.rows[c.rows.length - 1]}` : '';
    it(`correlationTest matches cor.test (pearson, spearman): ${c.file} ${c.x} × ${c.y}${rows}`, () => {
      const f = readFrame(c.file);
      let x = f.num(c.x), y = f.num(c.y);
      if (c.rows) {
        x = x.slice(c.rows[0] - 1, c.rows[c.rows.length - 1]);
        y = y.slice(c.rows[0] - 1, c.rows[c.rows.length - 1]);
      }
      const pe = correlationTest(x, y);
      expect(pe.n).toBe(c.n);
      expectRel('r', pe.estimate, c.pearson);
      expectRel('t', pe.statistic, c.pearsonT);
      expectRel('pearson p', pe.pValue, c.pearsonP);
      expectRel('lower', pe.lower, c.pearsonLower);
      expectRel('upper', pe.upper, c.pearsonUpper);
      const sp = correlationTest(x, y, { method: 'spearman' });
      expectRel('rho', sp.estimate, c.spearman);
      expectRel('S', sp.statistic, c.spearmanS);
      expectRel('spearman p', sp.pValue, c.spearmanP);
    });
  }

  it('corMatrix(spearman) matches cor.test per pair and p.adjust(BH) on lung', () => {
    const c = loadFixture<any>('cormatrix').cases;
    const f = readFrame(c.file);
    const m = corMatrix(c.columns.map((n: string) => f.num(n)), c.columns);
    c.pairs.forEach((e: any, k: number) => {
      expect([m.pairs.i[k], m.pairs.j[k], m.pairs.n[k]]).toEqual([e.i, e.j, e.n]);
      expectRel('rho', m.pairs.r[k], e.r);
      expectRel('p', m.pairs.p[k], e.p);
      expectRel('q', m.pairs.q[k], e.q);
    });
  });

  for (const c of loadFixture<{ cases: any[] }>('logistic').cases) {
    it(`logisticRegression and predictProbability match glm/predict.glm: ${c.file} ${c.y}==${c.event} ~ ${arr(c.x).join(' + ')}`, () => {
      const f = readFrame(c.file);
      const yt = f.text(c.y);
      const y = Float64Array.from(yt, (s) => (s === null ? NaN : s === c.event ? 1 : 0));
      const fit = logisticRegression(y, arr<string>(c.x).map((n) => f.num(n)), { names: arr(c.x) });
      expect([fit.n, fit.events, fit.converged]).toEqual([c.n, c.events, true]);
      expect(fit.iterations).toBe(c.iterations);
      c.coef.forEach((e: number, j: number) => {
        expectRel(`coef ${j}`, fit.coefficients[j], e);
        expectRel(`se ${j}`, fit.se[j], c.se[j]);
        expectRel(`z ${j}`, fit.z[j], c.z[j]);
        expectRel(`p ${j}`, fit.pValue[j], c.p[j]);
        expectRel(`lower ${j}`, fit.lower[j], c.lower[j]);
        expectRel(`upper ${j}`, fit.upper[j], c.upper[j]);
      });
      expectRel('deviance', fit.deviance, c.deviance);
      expectRel('null deviance', fit.nullDeviance, c.nullDeviance);
      const band = predictProbability(fit, c.grid, { covariate: 0, at: [0, ...arr<number>(c.at)] });
      c.grid.forEach((_: number, t: number) => {
        expectRel('eta', band.eta[t], c.eta[t]);
        expectRel('se.fit', band.se[t], c.seFit[t]);
        expectRel('prob', band.probability[t], c.prob[t]);
        expectRel('prob lower', band.lower[t], c.probLower[t]);
        expectRel('prob upper', band.upper[t], c.probUpper[t]);
      });
    });
  }
});
