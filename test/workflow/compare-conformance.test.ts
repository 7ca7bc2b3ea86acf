// sigscore compare over the eight ICB cohorts against R: scripts/compare-fixtures.R scores CD8
// T-effector (PLAGE on the common genes) in R, fits coxph (survival 3.5-3, Efron) and glm per
// cohort on the score per SD, and pools them with the textbook fixed / DerSimonian–Laird formulas
// in base R. Tolerance: 1e-6 relative on every per-cohort and pooled number.
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sigscore } from '../helpers/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const icb = join(root, '..', 'shared', 'data', 'icb_cohorts');
const present = existsSync(icb);
if (!present) console.warn(`skipping the compare conformance test: ${icb} is absent`);

interface Pooled { estimate: number; se: number; lower: number; upper: number; p: number }
interface Fixture {
  cohorts: string[];
  signature: string;
  common_genes: number;
  endpoints: Record<string, [string, string]>;
  per_cohort: Record<string, { study: string[]; n: number[]; events: number[]; estimate: number[]; se: number[]; p: number[] }>;
  meta: Record<string, { studies: number; fixed: Pooled; random: Pooled; tau2: number; q: number; df: number; q_p: number; i2: number }>;
}
const fx: Fixture = JSON.parse(readFileSync(join(root, 'test', 'conformance', 'compare', 'cd8_meta.json'), 'utf8'));

/** |a − b| ≤ tol·|b|, with an absolute floor for values that are 0 in R (τ², I² when Q < df). */
function close(a: number, b: number, what: string, tol = 1e-6): void {
  const ok = Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-12);
  expect(ok, `${what}: sigscore ${a} vs R ${b}`).toBe(true);
}

interface Ratio { logRatio: number; se: number; ratio: number; lower: number; upper: number; p: number }
interface MetaSummary {
  endpoint: string; studies: number; included: string[]; excluded: string[];
  perCohort: ({ cohort: string; n: number; events: number } & Ratio)[];
  fixed: Ratio; random: Ratio; tau2: number; q: number; df: number; qP: number; i2: number;
}

describe.skipIf(!present)('sigscore compare matches R (coxph, glm, textbook pooling) on the eight ICB cohorts', () => {
  it('per-cohort log HR / log OR per SD of CD8 T-effector and the pooled OS, PFS and response effects agree to 1e-6', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sigscore-compare-conf-'));
    const args = fx.cohorts.flatMap((c) => ['--cohort', `${c}=${join(icb, `ICB_small_${c}_expr_log2tpm.tsv.gz`)},${join(icb, `ICB_small_${c}_clinical.tsv`)}`]);
    const survival = Object.entries(fx.endpoints).flatMap(([name, [t, e]]) => ['--survival', `${name}=${t},${e}`]);
    const r = await sigscore(['compare', ...args, '-s', 'tme-rnaseq', '-o', join(out, 'dist.tsv'), ...survival, '--summary', join(out, 'summary.json'), '--quiet']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.commonGenes).toBe(fx.common_genes);
    const sig = summary.signatures.find((s: { id: string }) => s.id === fx.signature);
    for (const ep of ['response', ...Object.keys(fx.endpoints)]) {
      const m: MetaSummary = sig.meta.find((x: MetaSummary) => x.endpoint === ep);
      const want = fx.per_cohort[ep];
      const meta = fx.meta[ep];
      expect(m.included, ep).toEqual(want.study);
      want.study.forEach((c, i) => {
        const got = m.perCohort.find((x) => x.cohort === c)!;
        expect(got.n, `${ep} ${c} n`).toBe(want.n[i]);
        expect(got.events, `${ep} ${c} events`).toBe(want.events[i]);
        close(got.logRatio, want.estimate[i], `${ep} ${c} estimate`);
        close(got.se, want.se[i], `${ep} ${c} se`);
        close(got.p, want.p[i], `${ep} ${c} p`);
      });
      expect(m.studies).toBe(meta.studies);
      for (const kind of ['fixed', 'random'] as const) {
        close(m[kind].logRatio, meta[kind].estimate, `${ep} ${kind} estimate`);
        close(m[kind].se, meta[kind].se, `${ep} ${kind} se`);
        close(Math.log(m[kind].lower), meta[kind].lower, `${ep} ${kind} lower`);
        close(Math.log(m[kind].upper), meta[kind].upper, `${ep} ${kind} upper`);
        close(m[kind].p, meta[kind].p, `${ep} ${kind} p`);
      }
      close(m.tau2, meta.tau2, `${ep} tau2`);
      close(m.q, meta.q, `${ep} Q`);
      close(m.qP, meta.q_p, `${ep} p(Q)`);
      close(m.i2, meta.i2, `${ep} I²`);
      expect(m.df).toBe(meta.df);
    }
    // direction, as published for the CD8 T-effector signature: lower hazard of death per SD
    expect(sig.meta.find((x: MetaSummary) => x.endpoint === 'os').random.ratio).toBeLessThan(1);
  });
});
