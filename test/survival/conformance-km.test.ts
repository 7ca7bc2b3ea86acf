import { describe, it, expect } from 'vitest';
import { kaplanMeier, kmQuantiles, kmAt, rmst } from '../../src/survival/index.js';
import { HAVE_DATA, fixture, arr, num, dataset, numeric, expectClose } from './helpers.js';

const EST = 1e-8;
const NAMES_KM = ['lung', 'lung', 'lung', 'lung', 'lung', 'veteran', 'veteran', 'ovarian', 'colon', 'gbsg', 'rotterdam'];
const nums = (v: unknown): number[] => arr(v).map(num);

describe.skipIf(!HAVE_DATA)('kaplanMeier conformance with R survival survfit', () => {
  fixture.km.forEach((c: any, k: number) => {
    const name = NAMES_KM[k];
    it(`kaplanMeier(${name} by ${c.group ?? 'none'}, ${c.conf_type}) matches the survfit table, medians and quantiles`, () => {
      const d = dataset(name);
      const status = numeric(d, c.status);
      const event = name === 'lung' ? status.map((v) => v - 1) : status;
      const groups = arr<string>(c.summary.group).map(String);
      const group = c.group ? d.get(c.group)!.map((v) => (v === null ? null : String(v))) : null;
      const km = kaplanMeier(numeric(d, c.time), event, { group, levels: c.group ? groups : null, confType: c.conf_type });
      expect(km.curves.map((x) => x.group)).toEqual(groups);
      const cat = (f: (x: (typeof km.curves)[0]) => ArrayLike<number>) => km.curves.flatMap((x) => Array.from(f(x)));
      expectClose(cat((x) => x.time), nums(c.curve.time), 0, 'time');
      expectClose(cat((x) => x.nRisk), nums(c.curve.n_risk), 0, 'n_risk');
      expectClose(cat((x) => x.nEvent), nums(c.curve.n_event), 0, 'n_event');
      expectClose(cat((x) => x.nCensor), nums(c.curve.n_censor), 0, 'n_censor');
      expectClose(cat((x) => x.surv), nums(c.curve.surv), EST, 'surv', 1e-12);
      expectClose(cat((x) => x.stdErrCumhaz), nums(c.curve.std_err_cumhaz), EST, 'std.err', 1e-12);
      expectClose(cat((x) => x.lower), nums(c.curve.lower), EST, 'lower', 1e-12);
      expectClose(cat((x) => x.upper), nums(c.curve.upper), EST, 'upper', 1e-12);
      expect(km.curves.map((x) => x.n)).toEqual(nums(c.summary.n));
      expect(km.curves.map((x) => x.events)).toEqual(nums(c.summary.events));
      const med = km.curves.map((x) => kmQuantiles(x)[0]);
      expectClose(med.map((m) => m.time), nums(c.summary.median), 0, 'median');
      expectClose(med.map((m) => m.lower), nums(c.summary.median_lower), 0, 'median lower');
      expectClose(med.map((m) => m.upper), nums(c.summary.median_upper), 0, 'median upper');
      const probs = nums(c.quantiles.probs);
      const qs = km.curves.map((x) => kmQuantiles(x, probs));
      const flat = (m: unknown) => (arr<unknown>(m) as unknown[]).flatMap((r) => nums(r));
      const want = (key: string) => (km.curves.length === 1 ? flat(c.quantiles[key]) : flat(c.quantiles[key]));
      expectClose(qs.flatMap((q) => q.map((e) => e.time)), want('quantile'), 0, 'quantile');
      expectClose(qs.flatMap((q) => q.map((e) => e.lower)), want('lower'), 0, 'quantile lower');
      expectClose(qs.flatMap((q) => q.map((e) => e.upper)), want('upper'), 0, 'quantile upper');
      if (c.rmean_tau !== null) {
        const r = km.curves.map((x) => rmst(x, c.rmean_tau));
        expectClose(r.map((x) => x.rmst), nums(c.summary.rmean), EST, 'rmean');
        expectClose(r.map((x) => x.se), nums(c.summary.rmean_se), EST, 'rmean se');
      }
      if (c.at) {
        const times = nums(c.at.times);
        const at = km.curves.map((x) => kmAt(x, times));
        expectClose(at.flatMap((a) => Array.from(a.surv)), nums(c.at.surv), EST, 'surv at');
        expectClose(at.flatMap((a) => Array.from(a.stdErr)), nums(c.at.std_err), EST, 'std_err at');
        expectClose(at.flatMap((a) => Array.from(a.lower)), nums(c.at.lower), EST, 'lower at');
      }
    });
  });
});
