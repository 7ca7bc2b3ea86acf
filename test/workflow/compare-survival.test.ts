import { describe, it, expect, afterEach, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareMsg, logHazardPerSd, metaAnalysis } from '../../src/workflow/compare/index.js';
import { sigscore } from '../helpers/cli.js';

// Hand-checkable Cox fits: no censoring, no ties, a 0/1 score x standardised per SD. With
// r = e^β (per unit of x) the partial likelihood is a product over event times of e^{βxᵢ}/Σ_risk e^{βxⱼ}.
//  A: x = (1, 0, 1):    L = r/((2r+1)(1+r))          → dℓ/dr = 0 ⇔ 1 − 2r² = 0, r = 2^−½;
//                        I = 2r/(2r+1)² + r/(1+r)² = 6√2 − 8.
//  C: x = (1, 0, 0, 1): L = r/((2r+2)(2+r)(1+r))     → r² + r − 1 = 0, r = 1/φ (φ = (1+√5)/2);
//                        I = 2r/(1+r)² + 2r/(2+r)² = 2/φ³ + 2/φ⁵.
//  D: x = (0, 1, 1, 0): the mirror of C, r = φ, same I.
// Each x has sd = 1/√3 (n − 1), so per SD: θ = ln(r)/√3 and se = 1/√(3I).
// R survival 3.5-3 coxph gives A −0.200094355642 (se 0.828786295692), C −0.277827776405
// (0.714754921132), D +0.277827776405: the closed forms to 3e-10 (R's convergence tolerance).
const phi = (1 + Math.sqrt(5)) / 2;
const hand = {
  A: { theta: Math.log(Math.SQRT1_2) / Math.sqrt(3), se: 1 / Math.sqrt(3 * (6 * Math.SQRT2 - 8)) },
  C: { theta: -Math.log(phi) / Math.sqrt(3), se: 1 / Math.sqrt(3 * (2 / phi ** 3 + 2 / phi ** 5)) },
  D: { theta: Math.log(phi) / Math.sqrt(3), se: 1 / Math.sqrt(3 * (2 / phi ** 3 + 2 / phi ** 5)) },
};
const studies = {
  A: { x: [1, 0, 1], t: [1, 2, 3], e: [1, 1, 1] },
  C: { x: [1, 0, 0, 1], t: [1, 2, 3, 4], e: [1, 1, 1, 1] },
  D: { x: [0, 1, 1, 0], t: [1, 2, 3, 4], e: [1, 1, 1, 1] },
};

describe('logHazardPerSd(score, time, event)', () => {
  it('gives the closed-form log HR per SD and its se on three tiny studies (6 decimals)', () => {
    expect(hand.A.theta).toBeCloseTo(-0.200094, 6);
    expect(hand.A.se).toBeCloseTo(0.828786, 6);
    expect(hand.C.theta).toBeCloseTo(-0.277828, 6);
    expect(hand.C.se).toBeCloseTo(0.714755, 6);
    for (const k of ['A', 'C', 'D'] as const) {
      const s = studies[k];
      const f = logHazardPerSd(s.x, s.t, s.e);
      expect(f.estimate).toBeCloseTo(hand[k].theta, 6);
      expect(f.se).toBeCloseTo(hand[k].se, 6);
      expect(f.n).toBe(s.x.length);
      expect(f.events).toBe(s.x.length);
      expect(f.converged).toBe(true);
    }
  });
  it('is unchanged by a linear rescaling of the score and flips sign when the score is negated', () => {
    const s = studies.C;
    const a = logHazardPerSd(s.x, s.t, s.e);
    const b = logHazardPerSd(s.x.map((v) => 100 + 7 * v), s.t, s.e);
    const c = logHazardPerSd(s.x.map((v) => -v), s.t, s.e);
    expect(b.estimate).toBeCloseTo(a.estimate, 9);
    expect(b.se).toBeCloseTo(a.se, 9);
    expect(c.estimate).toBeCloseTo(-a.estimate, 9);
  });
  it('drops subjects with a NaN score, time or event before standardising', () => {
    const f = logHazardPerSd([1, 0, NaN, 1, 5], [1, 2, 3, 3, NaN], [1, 1, 1, 1, 1]);
    expect(f.n).toBe(3);
    expect(f.estimate).toBeCloseTo(hand.A.theta, 6);
  });
  it('gives NaN and a warning, not an exception, when there are no events, too few subjects or a constant score', () => {
    const none = logHazardPerSd([1, 2, 3, 4], [1, 2, 3, 4], [0, 0, 0, 0], { endpoint: 'os' });
    expect(Number.isNaN(none.estimate)).toBe(true);
    expect(none.events).toBe(0);
    expect(none.warnings).toEqual([compareMsg.noEvents('os')]);
    const two = logHazardPerSd([1, 2], [1, 2], [1, 1]);
    expect(Number.isNaN(two.estimate)).toBe(true);
    expect(two.warnings).toHaveLength(1);
    const flat = logHazardPerSd([3, 3, 3, 3], [1, 2, 3, 4], [1, 0, 1, 1]);
    expect(Number.isNaN(flat.se)).toBe(true);
    const empty = logHazardPerSd([], [], []);
    expect(empty.n).toBe(0);
    expect(Number.isNaN(empty.estimate)).toBe(true);
  });
});

describe('metaAnalysis of log HR per SD (survival path)', () => {
  // w = 3I: wA = 3(6√2 − 8) = 1.455844, wC = wD = 3(2/φ³ + 2/φ⁵) = 1.957428, Σw = 5.370699
  // θ_fixed = wA·θA/Σw (θC + θD = 0) = −0.054240, se = Σw^−½ = 0.431504
  // Q = Σw(θ − θ_fixed)² = 0.344669 < df = 2 → τ² = 0, I² = 0, random = fixed; p(Q) = exp(−Q/2) = 0.841697
  // (base R on the coxph fits: −0.0542399009836, 0.431503761844, Q 0.344669207857, p 0.841697490758)
  const fits = (['A', 'C', 'D'] as const).map((k) => ({ name: k, ...logHazardPerSd(studies[k].x, studies[k].t, studies[k].e) }));
  const none = { name: 'E', ...logHazardPerSd([1, 2, 3], [1, 2, 3], [0, 0, 0]) };
  const ma = metaAnalysis([...fits, none]);
  it('pools the three studies to the hand-computed fixed and random effects, Q, τ², I² and p(Q) (6 decimals)', () => {
    expect(ma.studies).toBe(3);
    expect(ma.fixed.estimate).toBeCloseTo(-0.05424, 6);
    expect(ma.fixed.se).toBeCloseTo(0.431504, 6);
    expect(ma.fixed.lower).toBeCloseTo(-0.05424 - 1.959964 * 0.431504, 5);
    expect(ma.q).toBeCloseTo(0.344669, 6);
    expect(ma.qPValue).toBeCloseTo(Math.exp(-ma.q / 2), 12);
    expect(ma.qPValue).toBeCloseTo(0.841697, 6);
    expect(ma.tau2).toBe(0);
    expect(ma.i2).toBe(0);
    expect(ma.random.estimate).toBeCloseTo(ma.fixed.estimate, 12);
    expect(ma.random.se).toBeCloseTo(ma.fixed.se, 12);
  });
  it('leaves out the study without events, naming it in one warning', () => {
    expect(ma.included).toEqual(['A', 'C', 'D']);
    expect(ma.excluded).toEqual(['E']);
    expect(ma.warnings).toEqual([compareMsg.studiesLeftOut(['E'])]);
    expect(ma.weightsFixed).toHaveLength(3);
  });
});

afterEach(() => vi.restoreAllMocks());

// Three small cohorts on files: A and C have OS, B has no OS columns, Z has OS without events.
const dir = mkdtempSync(join(tmpdir(), 'sigscore-compare-surv-'));
const genes = ['CD8A', 'GZMA', 'PRF1', 'ACTB'];
function cohort(name: string, n: number, clinical: (i: number, s: number) => string, header = 'sample\tresponse\tos_time\tos_event'): string {
  const ids = Array.from({ length: n }, (_, i) => `${name}${i + 1}`);
  const score = (i: number): number => ((i * 7) % n) / n;
  const lines = ['gene\t' + ids.join('\t'), ...genes.map((g, k) => `${g}\t${ids.map((_, i) => (score(i) * (k + 1) + 0.1 * ((i + k) % 3)).toFixed(4)).join('\t')}`)];
  writeFileSync(join(dir, `${name}.tsv`), lines.join('\n') + '\n');
  writeFileSync(join(dir, `${name}_clin.tsv`), [header, ...ids.map((id, i) => `${id}\t${clinical(i, score(i))}`)].join('\n') + '\n');
  return `${name}=${join(dir, `${name}.tsv`)},${join(dir, `${name}_clin.tsv`)}`;
}
writeFileSync(join(dir, 'cd8.gmt'), 'CD8\tcytotoxic\tCD8A\tGZMA\tPRF1\n');
const A = cohort('A', 12, (i, s) => `${i % 2 ? 'R' : 'NR'}\t${(10 - 8 * s + (i % 3)).toFixed(2)}\t${i % 4 === 3 ? 0 : 1}`);
const B = cohort('B', 10, (i) => `${i % 3 ? 'NR' : 'R'}`, 'sample\tresponse');
const C = cohort('C', 14, (i, s) => `${i % 2 ? 'NR' : 'R'}\t${(5 + 6 * s - (i % 4)).toFixed(2)}\t${i % 5 === 0 ? 0 : 1}`);
const Z = cohort('Z', 8, (i) => `${i % 2 ? 'NR' : 'R'}\t${i + 1}\t0`);
const NEG = cohort('N', 6, (i) => `R\t${i === 3 ? -2 : i + 1}\t1`);
const base = (...c: string[]): string[] => ['compare', ...c.flatMap((x) => ['--cohort', x]), '-s', join(dir, 'cd8.gmt')];

describe('sigscore compare --survival', () => {
  it('meta-analyses OS over the cohorts that have it; a cohort without the columns or without events is left out with a warning', async () => {
    const r = await sigscore([...base(A, B, C, Z), '-o', join(dir, 'dist.tsv'), '--survival', 'os=os_time,os_event',
      '--survival-meta', join(dir, 'os.tsv'), '--survival-forest', `CD8=${join(dir, 'forest.tsv')}`, '--summary', join(dir, 'summary.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(compareMsg.cohortDropped('B', 'os', compareMsg.noColumnInCohort(join(dir, 'B_clin.tsv'), 'os_time')));
    expect(r.stderr).toContain(`CD8 × Z: ${compareMsg.noEvents('os')}`);
    expect(r.stderr).toContain(`CD8 × os: ${compareMsg.studiesLeftOut(['Z'])}`);
    const rows = readFileSync(join(dir, 'os.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    expect(rows[0]).toEqual(['signature', 'endpoint', 'study', 'n', 'events', 'log_hr', 'se', 'lower', 'upper', 'hr', 'hr_lower', 'hr_upper', 'p',
      'weight_fixed', 'weight_random', 'tau2', 'q', 'q_p', 'i2']);
    expect(rows.slice(1).map((l) => l[2])).toEqual(['A', 'C', 'Z', 'fixed', 'random']);
    const col = (study: string, name: string): string => rows.find((l) => l[2] === study)![rows[0].indexOf(name)];
    expect(col('Z', 'log_hr')).toBe('NA');
    expect(Number(col('A', 'weight_fixed')) + Number(col('C', 'weight_fixed'))).toBeCloseTo(100, 9);
    expect(Number(col('fixed', 'n'))).toBe(12 + 14);
    // the hazard ratio is e^log HR, and the CI e^(log HR ± 1.96 se)
    expect(Number(col('A', 'hr'))).toBeCloseTo(Math.exp(Number(col('A', 'log_hr'))), 12);
    expect(Number(col('A', 'hr_upper'))).toBeCloseTo(Math.exp(Number(col('A', 'log_hr')) + 1.959964 * Number(col('A', 'se'))), 5);
    const forest = readFileSync(join(dir, 'forest.tsv'), 'utf8').trim().split('\n');
    expect(forest[0]).toBe('term\tn\tevents\thr\thr_lower\thr_upper\tp\tweight\tpooled\ti2');
    expect(forest.slice(1).map((l) => l.split('\t')[0])).toEqual(['A', 'C', 'fixed', 'random']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const os = summary.signatures[0].meta.find((m: { endpoint: string }) => m.endpoint === 'os');
    expect(os.measure).toBe('HR');
    expect(os.included).toEqual(['A', 'C']);
    expect(os.excluded).toEqual(['Z']);
    expect(os.random.ratio).toBeCloseTo(Math.exp(os.random.logRatio), 12);
    expect(summary.endpoints.map((e: { name: string }) => e.name)).toEqual(['response', 'os']);
  });
  it('draws the forest plot itself when the file is .svg', async () => {
    const r = await sigscore([...base(A, C), '-o', join(dir, 'dist2.tsv'), '--survival', 'os=os_time,os_event', '--survival-forest', `CD8:os=${join(dir, 'forest.svg')}`, '--quiet']);
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'forest.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Pooled: random effects (DL)');
  });
  it('rejects time/event columns that no clinical table has with exit 2 and one line, writing nothing', async () => {
    const out = join(dir, 'none.tsv');
    const r = await sigscore([...base(A, C), '-o', out, '--survival', 'os=OS_time,OS_event']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('sigscore:'))).toHaveLength(1);
    expect(r.stderr).toContain(compareMsg.noColumnAnywhere('OS_time', [join(dir, 'A_clin.tsv'), join(dir, 'C_clin.tsv')]));
    expect(existsSync(out)).toBe(false);
  });
  it('rejects a malformed --survival and an unknown --survival-forest endpoint with exit 2', async () => {
    const bad = await sigscore([...base(A), '-o', join(dir, 'x.tsv'), '--survival', 'os=os_time']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(compareMsg.badSurvivalFlag('os=os_time'));
    const ep = await sigscore([...base(A), '-o', join(dir, 'x.tsv'), '--survival', 'os=os_time,os_event', '--survival-forest', `CD8:pfs=${join(dir, 'f.tsv')}`]);
    expect(ep.code).toBe(2);
    expect(ep.stderr).toMatch(/endpoint "pfs" is not a --survival name \(os\)/);
    const fixed = await sigscore(['compare', '--cohort', A.replace(/^A=/, 'fixed='), '-s', join(dir, 'cd8.gmt'), '-o', join(dir, 'x.tsv')]);
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toContain('--cohort name "fixed" is reserved for the pooled rows');
    expect(existsSync(join(dir, 'x.tsv'))).toBe(false);
  });
  it('rejects a negative survival time with exit 1, naming file:line:column and the sample', async () => {
    const r = await sigscore([...base(A, NEG), '-o', join(dir, 'neg.tsv'), '--survival', 'os=os_time,os_event']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(compareMsg.negativeTime(join(dir, 'N_clin.tsv'), 5, 3, 'N4', -2));
    expect(existsSync(join(dir, 'neg.tsv'))).toBe(false);
  });
});
