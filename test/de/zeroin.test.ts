import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confDir } from './helpers.js';
import { zeroin } from '../../src/stats/zeroin.js';
import { fitFDistRobustly } from '../../src/de/fit-fdist-robust.js';
import { fitFDist } from '../../src/de/fit-fdist.js';
import { quantileSorted } from '../../src/stats/quantile.js';
import { winsorizedLogFMoments } from '../../src/de/winsorized-log-f.js';

/** Fixture from scripts/de-uniroot-fixtures.R (numbers as %.17g strings). */
interface Traced { name: string; interval: string[]; tol: string; evaluated: string[]; root: string; iter: number }
interface LimmaCall { name: string; called: boolean; df2: string; interval?: string[]; tol?: string; f_lower?: string; f_upper?: string; evaluated?: string[] }
const trace = JSON.parse(readFileSync(join(confDir, 'uniroot_trace.json'), 'utf8')) as { functions: Traced[]; limma_calls: LimmaCall[] };
const fdist = JSON.parse(readFileSync(join(confDir, 'robust_fdist.json'), 'utf8')) as { cases: { name: string; x: number[]; df1: number; covariate?: number[] }[] };

const fns: Record<string, (x: number) => number> = {
  'x^3 - 2x - 5 on [2, 3]': (x) => x * x * x - 2 * x - 5,
  'x^3 - 2x - 5 on [2, 3], tol 1e-12': (x) => x * x * x - 2 * x - 5,
  'cos(x) - x on [0, 1], tol 1e-10': (x) => Math.cos(x) - x,
  'exp(x) - 1e4 on [-5, 20], tol 1e-9': (x) => Math.exp(x) - 1e4,
  '(x - 0.3)^3 on [0, 1], tol 1e-10': (x) => (x - 0.3) * ((x - 0.3) * (x - 0.3)),
};

/** Points evaluated by zeroin, in order. */
function traced(f: (x: number) => number): { f: (x: number) => number; xs: number[] } {
  const xs: number[] = [];
  return { xs, f: (x) => (xs.push(x), f(x)) };
}

const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('zeroin evaluates the same points as R uniroot (R 4.2.2)', () => {
  for (const c of trace.functions) {
    it(`zeroin(${c.name}): same evaluation sequence and root as uniroot, within 1e-13 relative`, () => {
      const t = traced(fns[c.name]);
      const r = zeroin(t.f, Number(c.interval[0]), Number(c.interval[1]), { tol: Number(c.tol) });
      // uniroot evaluates both ends, then one point per iteration, then f(root) once more
      const ref = c.evaluated.map(Number);
      expect(t.xs.length).toBe(ref.length - 1);
      t.xs.forEach((x, i) => expect(relDiff(x, ref[i]), `point ${i}`).toBeLessThan(1e-13));
      expect(relDiff(r.root, Number(c.root))).toBeLessThan(1e-13);
      expect(r.iterations).toBe(c.iter);
      expect(r.converged).toBe(true);
    });
  }

  it('zeroin: known end values are not re-evaluated; an exact zero at an end is returned at once; maxIter stops early', () => {
    const t = traced((x) => x - 1 / 3);
    const r = zeroin(t.f, 0, 1, { fLower: -1 / 3, fUpper: 2 / 3, tol: 1e-12 });
    expect(t.xs[0]).not.toBe(0);
    expect(t.xs).not.toContain(1);
    expect(r.root).toBeCloseTo(1 / 3, 12);
    expect(zeroin((x) => x - 2, 0, 2).root).toBe(2);
    const s = zeroin((x) => Math.cbrt(x - 0.3), 0, 1, { tol: 1e-14, maxIter: 3 });
    expect(s.converged).toBe(false);
    expect(s.iterations).toBe(3);
  });
});

describe('the robust d0 search evaluates the points limma 3.54.1 fitFDistRobustly passes to uniroot', () => {
  for (const call of trace.limma_calls) {
    const c = fdist.cases.find((k) => k.name === call.name)!;
    const x = Float64Array.from(c.x);
    const df = new Float64Array(x.length).fill(c.df1);
    it(`fitFDistRobustly(${call.name}): d0 equals limma's within 1e-13 relative`, () => {
      const f = fitFDistRobustly(x, df, Array.isArray(c.covariate) ? { covariate: Float64Array.from(c.covariate) } : {});
      expect(relDiff(f.df0, Number(call.df2))).toBeLessThan(1e-13);
    });
    if (!call.called || Array.isArray(c.covariate)) continue;
    it(`${call.name}: interval [d/(1+d) of fitFDist, 1], tol 1e-8, end values and every point evaluated agree with uniroot's`, () => {
      // the objective as limma passes it: log of the Winsorized variance of log s² over the
      // Winsorized log-F variance at d0 = u/(1 − u)
      const z = Float64Array.from(x, Math.log).sort();
      const lo = quantileSorted(z, 0.05);
      const hi = quantileSorted(z, 0.9);
      const w = Float64Array.from(z, (v) => Math.min(Math.max(v, lo), hi));
      const m = w.reduce((s, v) => s + v, 0) / w.length;
      const vW = w.reduce((s, v) => s + (v - m) ** 2, 0) / (w.length - 1);
      const g = (u: number): number => Math.log(vW) - Math.log(winsorizedLogFMoments(c.df1, u === 1 ? Infinity : u / (1 - u), 0.05, 0.1).variance);
      const start = fitFDist(x, df).df0;
      const u0 = start / (1 + start);
      expect(relDiff(u0, Number(call.interval![0]))).toBeLessThan(1e-13);
      expect(Number(call.interval![1])).toBe(1);
      expect(Number(call.tol)).toBe(1e-8);
      expect(Math.abs(g(u0) - Number(call.f_lower))).toBeLessThan(1e-12);
      expect(Math.abs(g(1) - Number(call.f_upper))).toBeLessThan(1e-12);
      const t = traced(g);
      zeroin(t.f, u0, 1, { fLower: g(u0), fUpper: g(1), tol: 1e-8 });
      const ref = call.evaluated!.map(Number);
      expect(t.xs.length).toBe(ref.length - 1);
      t.xs.forEach((u, i) => expect(relDiff(u, ref[i]), `point ${i}`).toBeLessThan(1e-13));
    });
  }
});
