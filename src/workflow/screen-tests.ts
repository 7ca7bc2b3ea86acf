/**
 * One covariate against one endpoint: the test and effect the screen reports.
 * - binary endpoint, numeric covariate: Wilcoxon rank-sum p; effect AUC (cases vs controls) with
 *   DeLong CI.
 * - binary endpoint, two-level covariate: Fisher's exact p; effect conditional MLE odds ratio
 *   (second level vs first) with its exact CI, or the Haldane–Anscombe OR with Woolf CI when a
 *   cell is empty (the MLE is then 0 or ∞).
 * - binary endpoint, ≥ 3 levels: Fisher's exact p by Monte Carlo (seeded); no effect.
 * - survival endpoint, numeric covariate: Cox HR per unit (Wald CI, Wald p); log-rank p for the
 *   split above the median vs at or below it.
 * - survival endpoint, two-level covariate: Cox HR (second level vs first); ≥ 3 levels: log-rank.
 */
import type { Column } from '../core/sample-table.js';
import { SigscoreError } from '../core/errors.js';
import { rankSumPValue } from '../stats/wilcoxon.js';
import { aucDeLong } from '../stats/auc.js';
import { fisherTest2x2 } from '../stats/fisher.js';
import { fisherTestMonteCarlo } from '../stats/fisher-mc.js';
import { qnorm } from '../stats/tails.js';
import { coxph } from '../survival/cox.js';
import { logrank } from '../survival/logrank.js';
import { screenMsg } from './messages.js';

export interface ScreenRow {
  n: number;
  test: string;
  effect: number;
  lower: number;
  upper: number;
  p: number;
  medianCutoff: number;
  logrankPMedian: number;
}

export const naRow = (n: number, test: string): ScreenRow => ({
  n, test, effect: NaN, lower: NaN, upper: NaN, p: NaN, medianCutoff: NaN, logrankPMedian: NaN,
});

const Z95 = qnorm(0.975);

/** Numeric or categorical covariate against a 0/1/NaN outcome. */
export function binaryRow(cov: Column, name: string, y: Float64Array, ep: string, o: { minN: number; replicates: number; seed: number; stream: number }, warnings: string[]): ScreenRow {
  const n = y.length;
  if (cov.kind === 'numeric') {
    const x = cov.values;
    let nc = 0, nn = 0;
    for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) y[i] ? nc++ : nn++;
    const cases = new Float64Array(nc), controls = new Float64Array(nn);
    nc = nn = 0;
    for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) y[i] ? (cases[nc++] = x[i]) : (controls[nn++] = x[i]);
    const m = nc + nn;
    if (m < o.minN || !cases.length || !controls.length) {
      warnings.push(screenMsg.tooFew(name, ep, m));
      return naRow(m, 'wilcoxon');
    }
    // one sorted merge gives the AUC, its DeLong CI, W and the tie term (p as wilcoxonTest)
    const a = aucDeLong(cases, controls);
    const exact = cases.length < 50 && controls.length < 50 && a.tieSum === 0;
    const p = rankSumPValue(a.statistic, cases.length, controls.length, a.tieSum, { exact, correct: true });
    if (a.auc === 0 || a.auc === 1) warnings.push(screenMsg.separation(name, ep));
    return { ...naRow(m, 'wilcoxon'), effect: a.auc, lower: a.lower, upper: a.upper, p };
  }
  // categorical: count levels among complete cases
  const k = cov.levels.length;
  const counts = new Float64Array(k * 2);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = cov.codes[i];
    if (c < 0 || Number.isNaN(y[i])) continue;
    counts[c * 2 + y[i]]++;
    m++;
  }
  const used: number[] = [];
  for (let l = 0; l < k; l++) if (counts[2 * l] + counts[2 * l + 1] > 0) used.push(l);
  const ev = used.reduce((s, l) => s + counts[2 * l + 1], 0);
  if (m < o.minN || used.length < 2 || ev === 0 || ev === m) {
    warnings.push(screenMsg.tooFew(name, ep, m));
    return naRow(m, used.length > 2 ? 'fisher-mc' : 'fisher');
  }
  if (used.length === 2) {
    const [l0, l1] = used;
    const a = counts[2 * l1 + 1], b = counts[2 * l1], c = counts[2 * l0 + 1], d = counts[2 * l0];
    const f = fisherTest2x2(a, b, c, d);
    if (Number.isFinite(f.oddsRatio) && f.oddsRatio > 0) return { ...naRow(m, 'fisher'), effect: f.oddsRatio, lower: f.lower, upper: f.upper, p: f.pValue };
    warnings.push(screenMsg.zeroCell(name, ep));
    const lor = Math.log(((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5)));
    const se = Math.sqrt(1 / (a + 0.5) + 1 / (b + 0.5) + 1 / (c + 0.5) + 1 / (d + 0.5));
    return { ...naRow(m, 'fisher'), effect: Math.exp(lor), lower: Math.exp(lor - Z95 * se), upper: Math.exp(lor + Z95 * se), p: f.pValue };
  }
  const table = used.flatMap((l) => [counts[2 * l], counts[2 * l + 1]]);
  const f = fisherTestMonteCarlo(table, used.length, { replicates: o.replicates, seed: o.seed, stream: o.stream });
  return { ...naRow(m, 'fisher-mc'), p: f.pValue };
}

/** Numeric or categorical covariate against a survival endpoint. */
export function survivalRow(cov: Column, name: string, time: Float64Array, event: Float64Array, ep: string, o: { minN: number }, warnings: string[]): ScreenRow {
  const n = time.length;
  const ok = (i: number): boolean => !Number.isNaN(time[i]) && !Number.isNaN(event[i]) && (cov.kind === 'numeric' ? !Number.isNaN(cov.values[i]) : cov.codes[i] >= 0);
  let m = 0, events = 0;
  for (let i = 0; i < n; i++) if (ok(i)) { m++; events += event[i]; }
  const numeric = cov.kind === 'numeric';
  const levelsUsed = new Set<number>();
  if (!numeric) for (let i = 0; i < n; i++) if (ok(i)) levelsUsed.add(cov.codes[i]);
  const test = numeric || levelsUsed.size === 2 ? 'cox' : 'logrank';
  if (m < o.minN || events === 0 || (!numeric && levelsUsed.size < 2)) {
    warnings.push(screenMsg.tooFew(name, ep, m));
    return naRow(m, test);
  }
  try {
    if (numeric) {
      const x = cov.values;
      const fit = coxph(time, event, Float64Array.from(x), { names: [name], concordance: false });
      for (const w of fit.warnings) if (!/missing/.test(w)) warnings.push(screenMsg.rowWarning(name, ep, w));
      const row: ScreenRow = { ...naRow(m, 'cox'), effect: fit.hr[0], lower: fit.hrLower[0], upper: fit.hrUpper[0], p: fit.p[0] };
      const vals: number[] = [];
      for (let i = 0; i < n; i++) if (ok(i)) vals.push(x[i]);
      vals.sort((a, b) => a - b);
      const med = vals.length % 2 ? vals[(vals.length - 1) / 2] : (vals[vals.length / 2 - 1] + vals[vals.length / 2]) / 2;
      row.medianCutoff = med;
      const g: (string | null)[] = new Array(n);
      let high = 0;
      for (let i = 0; i < n; i++) {
        g[i] = ok(i) ? (x[i] > med ? 'high' : 'low') : null;
        if (g[i] === 'high') high++;
      }
      if (high > 0 && high < m) row.logrankPMedian = logrank(time, event, g, { levels: ['low', 'high'] }).p;
      return row;
    }
    const labels: (string | null)[] = Array.from({ length: n }, (_, i) => (ok(i) ? cov.levels[cov.codes[i]] : null));
    if (levelsUsed.size === 2) {
      const [l0, l1] = [...levelsUsed].sort((a, b) => a - b);
      const ind = Float64Array.from({ length: n }, (_, i) => (ok(i) ? (cov.codes[i] === l1 ? 1 : 0) : NaN));
      const fit = coxph(time, event, ind, { names: [`${name}=${cov.levels[l1]} vs ${cov.levels[l0]}`], concordance: false });
      for (const w of fit.warnings) if (!/missing/.test(w)) warnings.push(screenMsg.rowWarning(name, ep, w));
      return { ...naRow(m, 'cox'), effect: fit.hr[0], lower: fit.hrLower[0], upper: fit.hrUpper[0], p: fit.p[0] };
    }
    const lr = logrank(time, event, labels);
    return { ...naRow(m, 'logrank'), p: lr.p };
  } catch (e) {
    if (!(e instanceof SigscoreError)) throw e;
    warnings.push(screenMsg.rowWarning(name, ep, e.message));
    return naRow(m, test);
  }
}
