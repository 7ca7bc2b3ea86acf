/** Write small seeded result tables in the formats the producing commands write (CLI and report tests). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../src/core/random.js';
import { EVIL } from './examples.js';

const tsv = (cols: string[], rows: (string | number)[][]): string => [cols.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';

export function writeResultTables(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const r = rng(11, 0);
  const f: Record<string, string> = {};
  const put = (name: string, text: string): void => { f[name] = join(dir, name); writeFileSync(f[name], text); };
  put('de.tsv', tsv(['gene', 'logFC', 'AveExpr', 't', 'P.Value', 'adj.P.Val', 'B'], Array.from({ length: 300 }, (_, i) => {
    const changed = i < 20;
    const fc = changed ? (i % 2 ? 2 : -2) + r.normal() * 0.3 : r.normal() * 0.3;
    const p = i === 0 ? '1e-300' : changed ? (10 ** -(4 + 10 * r.uniform())).toExponential(3) : r.uniform().toFixed(4);
    return [i === 1 ? EVIL[0] : `G${i}`, fc.toFixed(3), 5, 1, p, changed ? 0.001 : 0.5, 0];
  })));
  const samples = Array.from({ length: 30 }, (_, j) => (j === 0 ? EVIL[0] : j === 1 ? EVIL[1] : `S${j}`));
  put('scores.tsv', tsv(['signature', ...samples], ['TIS', 'IFNG', 'Myeloid', 'Bcell'].map((s, i) => [s, ...samples.map((_, j) => (r.normal() + (j < 14 ? i * 0.3 : 0)).toFixed(4))])));
  put('clinical.tsv', tsv(['sample_id', 'response', 'age'], samples.map((s, j) => [s, j < 14 ? 'R' : 'NR', 40 + j])));
  const km: (string | number)[][] = [];
  for (const g of ['high', 'low']) {
    let s = 1, n = 20;
    for (let t = 1; t <= 10 && n > 0; t++) { const d = t % 3 === 0 ? 2 : 1; const c = t % 4 === 0 ? 1 : 0; s *= 1 - d / n; km.push([g, t * (g === 'high' ? 2 : 1), n, d, c, s.toFixed(5), 0.05, Math.max(0, s - 0.15).toFixed(4), Math.min(1, s + 0.15).toFixed(4)]); n -= d + c; }
  }
  put('km.tsv', tsv(['group', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err', 'lower', 'upper'], km));
  put('km_summary.tsv', tsv(['group', 'n', 'events', 'median', 'median_lower', 'median_upper'], [['high', 20, 13, 10, 6, 'NA'], ['low', 20, 13, 5, 3, 8]]));
  put('logrank.json', JSON.stringify({ chisq: 4.2, df: 1, p: 0.04 }));
  put('logrank.tsv', tsv(['group', 'n', 'observed', 'expected', 'chisq', 'df', 'p'], [['high', 20, 13, 16, 4.2, 1, 0.04], ['low', 20, 13, 10, 4.2, 1, 0.04]]));
  put('cox.tsv', tsv(['term', 'coef', 'hr', 'se', 'z', 'p', 'hr_lower', 'hr_upper'], [['age', 0.02, 1.02, 0.01, 2, 0.04, 1.001, 1.04], [EVIL[1], -0.5, 0.61, 0.2, -2.5, 0.01, 0.41, 0.9]]));
  put('importance.tsv', tsv(['covariate', 'importance', 'importance_sd', 'rank_mean', 'top_k_freq', 'p_janitza', 'direction'], Array.from({ length: 12 }, (_, i) => [`c${i}`, (0.1 / (i + 1)).toFixed(4), 0.005, i + 1, 1, 0.01, i % 2 ? '+' : '-'])));
  put('correlation.tsv', tsv(['covariate_1', 'covariate_2', 'n', 'rho', 'p', 'q'], [['a', 'b', 30, 0.8, 0.001, 0.003], ['a', 'c', 30, -0.2, 0.3, 0.4], ['b', 'c', 30, 0.1, 0.6, 0.6]]));
  put('probability.tsv', tsv(['endpoint', 'covariate', 'x', 'probability', 'lower', 'upper', 'method'], Array.from({ length: 20 }, (_, i) => ['response', 'IL6', i, (1 / (1 + Math.exp(-(i - 10) / 3))).toFixed(4), (1 / (1 + Math.exp(-(i - 13) / 3))).toFixed(4), (1 / (1 + Math.exp(-(i - 7) / 3))).toFixed(4), 'logistic'])));
  put('screen.tsv', tsv(['covariate', 'endpoint', 'n', 'test', 'effect', 'effect_lower', 'effect_upper', 'p', 'q', 'median_cutoff', 'logrank_p_median'], [
    ['age', 'pfs', 120, 'cox', 1.03, 1.0, 1.06, 0.03, 0.06, 60, 0.1], ['ldh', 'pfs', 118, 'cox', 1.8, 1.2, 2.7, 0.004, 0.01, 250, 0.02], ['age', 'response', 120, 'wilcoxon', 0.6, 0.5, 0.7, 0.05, 0.1, 'NA', 'NA'],
  ]));
  put('gsea.tsv', tsv(['pathway', 'pval', 'padj', 'log2err', 'ES', 'NES', 'size', 'leadingEdge'], [['HALLMARK_IFNG', 0.001, 0.01, 0.5, 0.6, 2.1, 150, 'STAT1,IRF1'], [EVIL[0], 0.2, 0.4, 0.1, -0.3, -1.1, 80, 'A,B']]));
  return f;
}
