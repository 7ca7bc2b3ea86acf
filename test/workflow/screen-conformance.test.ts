import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { hasData, DATA_ROOT, loadFixture, relClose } from '../stats/data-helpers.js';
import { parseSampleTable } from '../../src/io/sample-table-text.js';
import { screen, parseEndpoint } from '../../src/workflow/index.js';

// R 4.2.2 stats + survival 3.5-3 (scripts/stats-fixtures.R): the screen's rows on the Liu cohort.
describe.skipIf(!hasData)('screen(table) matches R on icb_cohorts Liu (1e-8 relative; HR/CI 1e-8; p 1e-8)', () => {
  const fx = loadFixture<{ cases: any }>('screen').cases;
  const table = parseSampleTable(readFileSync(DATA_ROOT + fx.file), { source: fx.file });
  const res = screen(table, { endpoints: fx.endpoints.map(parseEndpoint), covariates: fx.covariates, minN: 5 });
  const t = res.table;
  for (const e of fx.rows) {
    it(`row ${e.covariate} × ${e.endpoint} (${e.test})`, () => {
      const k = t.covariate.findIndex((c, i) => c === e.covariate && t.endpoint[i] === e.endpoint);
      expect(k).toBeGreaterThanOrEqual(0);
      expect([t.n[k], t.test[k]]).toEqual([e.n, e.test]);
      const check = (what: string, a: number, x: unknown): void => {
        if (!relClose(a, x as number, 1e-8)) throw new Error(`${what}: got ${a}, R ${x}`);
      };
      check('effect', t.effect[k], e.effect);
      if (e.test !== 'wilcoxon') {
        check('lower', t.effect_lower[k], e.lower);
        check('upper', t.effect_upper[k], e.upper);
      }
      check('p', t.p[k], e.p);
      check('q', t.q[k], e.q);
      check('median_cutoff', t.median_cutoff[k], e.median_cutoff);
      check('logrank_p_median', t.logrank_p_median[k], e.logrank_p_median);
    });
  }
});
