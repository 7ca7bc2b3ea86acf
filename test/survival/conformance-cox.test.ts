import { describe, it, expect } from 'vitest';
import { coxph, coxZph, logrank, type CoxColumn } from '../../src/survival/index.js';
import { HAVE_DATA, fixture, arr, num, dataset, numeric, expectClose } from './helpers.js';

const EST = 1e-8;
const PTOL = 1e-6;

function termColumns(d: ReturnType<typeof dataset>, rhs: string, factors: string[], levels: Record<string, unknown> = {}): { cols: CoxColumn[]; strata?: (string | null)[] } {
  const cols: CoxColumn[] = [];
  let strata: (string | null)[] | undefined;
  for (const raw of rhs.split('+').map((s) => s.trim())) {
    const m = /^strata\((.*)\)$/.exec(raw);
    if (m) {
      strata = d.get(m[1])!.map((v) => (v === null ? null : String(v)));
      continue;
    }
    if (factors.includes(raw)) cols.push({ name: raw, values: d.get(raw)!.map((v) => (v === null ? null : String(v))), levels: arr<string>(levels[raw]).map(String) });
    else cols.push({ name: raw, values: numeric(d, raw) });
  }
  return { cols, strata };
}

const dataOf = (c: { time: string; status: string }, name: string) => {
  const d = dataset(name);
  const status = numeric(d, c.status);
  const twoCoded = name === 'lung';
  return { d, time: numeric(d, c.time), event: status.map((v) => (Number.isNaN(v) ? NaN : twoCoded ? v - 1 : v)) };
};

const NAMES_COX = ['lung', 'lung', 'lung', 'lung', 'veteran', 'veteran', 'ovarian', 'colon', 'gbsg', 'rotterdam'];
const NAMES_LR = ['lung', 'lung', 'lung', 'lung', 'veteran', 'veteran', 'veteran', 'ovarian', 'colon', 'gbsg', 'rotterdam'];

describe.skipIf(!HAVE_DATA)('coxph conformance with R survival coxph', () => {
  fixture.cox.forEach((c: any, k: number) => {
    const name = NAMES_COX[k];
    it(`coxph(${name}: ${c.rhs}, ${c.ties}) matches coef, se, loglik, tests and concordance`, () => {
      const { d, time, event } = dataOf(c, name);
      const { cols, strata } = termColumns(d, c.rhs, arr<string>(c.factors), c.levels ?? {});
      const fit = coxph(time, event, cols, { ties: c.ties, strata });
      if (c.iterations !== undefined) expect.soft(fit.iterations, 'iterations').toBe(c.iterations);
      expect(fit.terms).toEqual(arr<string>(c.terms));
      expectClose(fit.coef, arr(c.coef), EST, 'coef');
      expectClose(fit.se, arr(c.se), EST, 'se');
      expectClose(fit.z, arr(c.z), EST, 'z');
      expectClose(fit.p, arr(c.p), PTOL, 'p');
      expectClose(fit.hrLower, arr(c.hr_lower), EST, 'hr_lower');
      expectClose(fit.hrUpper, arr(c.hr_upper), EST, 'hr_upper');
      expectClose(fit.loglik, arr(c.loglik), EST, 'loglik');
      expectClose([fit.wald.chisq, fit.wald.df], arr(c.wald).slice(0, 2), EST, 'wald');
      expectClose([fit.wald.p], [arr(c.wald)[2]], PTOL, 'wald p');
      expectClose([fit.lr.chisq, fit.lr.p], [arr(c.lr)[0], arr(c.lr)[2]], PTOL, 'lr');
      expectClose([fit.score.chisq, fit.score.p], [arr(c.score)[0], arr(c.score)[2]], PTOL, 'score');
      expect(fit.n).toBe(c.n);
      expect(fit.events).toBe(c.events);
      expect(fit.converged).toBe(true);
      let cc = c.concordance_count;
      if (Array.isArray(cc)) {
        // one row per stratum, stored column-major: concordant, discordant, tied.x, tied.y, tied.xy
        const k = cc.length / 5;
        const col = (j: number) => cc.slice(j * k, (j + 1) * k).reduce((a: number, b: number) => a + b, 0);
        cc = { concordant: col(0), discordant: col(1), 'tied.x': col(2) };
      }
      expect([fit.concordance!.concordant, fit.concordance!.discordant, fit.concordance!.tiedX]).toEqual([cc.concordant, cc.discordant, cc['tied.x']]);
      expectClose([fit.concordance!.concordance], [num(c.concordance)], EST, 'concordance');
    });
  });
});

describe.skipIf(!HAVE_DATA)('logrank conformance with R survival survdiff', () => {
  fixture.logrank.forEach((c: any, k: number) => {
    const name = NAMES_LR[k];
    it(`logrank(${name}: ${c.group}, rho=${c.rho}, strata=${c.strata}) matches chisq, observed, expected`, () => {
      const { d, time, event } = dataOf(c, name);
      const group = d.get(c.group)!.map((v) => (v === null ? null : String(v))) as string[];
      const strata = c.strata ? (d.get(c.strata)!.map((v) => (v === null ? null : String(v))) as string[]) : undefined;
      const r = logrank(time, event, group, { rho: c.rho, strata, levels: arr<string>(c.groups).map(String) });
      expect(r.groups).toEqual(arr<string>(c.groups).map(String));
      expect(Array.from(r.n)).toEqual(arr(c.n));
      expectClose(r.observed, arr(c.observed), EST, 'observed');
      expectClose(r.expected, arr(c.expected), EST, 'expected');
      expectClose(r.variance, arr(c.variance), EST, 'variance', 1e-12);
      expectClose([r.chisq], [c.chisq], EST, 'chisq');
      expect(r.df).toBe(c.df);
      expectClose([r.p], [c.p], PTOL, 'p');
    });
  });
});

describe.skipIf(!HAVE_DATA)('coxZph conformance with R survival cox.zph', () => {
  fixture.cox.forEach((c: any, k: number) => {
    if (!c.zph) return;
    const name = NAMES_COX[k];
    it(`coxZph(${name}: ${c.rhs}, ${c.ties}) matches cox.zph chisq and p per covariate and global`, () => {
      const { d, time, event } = dataOf(c, name);
      const { cols, strata } = termColumns(d, c.rhs, arr<string>(c.factors), c.levels ?? {});
      const z = coxZph(time, event, cols, { ties: c.ties, strata });
      const chisq = arr(c.zph.chisq), p = arr(c.zph.p);
      expectClose(z.chisq, chisq.slice(0, -1), 1e-8, 'zph chisq');
      expectClose(z.p, p.slice(0, -1), 1e-6, 'zph p');
      expectClose([z.global.chisq], chisq.slice(-1), 1e-8, 'zph global');
      expectClose([z.global.p], p.slice(-1), 1e-6, 'zph global p');
    });
  });
});
