/**
 * Per-gene two-group tests for a `term:A:B` contrast: Wilcoxon rank-sum (`rankSumTest`) or Welch
 * t (`welchTest`) of group A against group B; other design terms are ignored (reported in
 * warnings). Columns `gene, logFC (mean A − mean B), AveExpr, W | t, P.Value, adj.P.Val` sorted
 * by P.Value. O(G·n log n).
 */
import type { Matrix } from '../core/matrix.js';
import { UsageError } from '../core/errors.js';
import { rankSumTest } from '../stats/rank-sum.js';
import { welchTest } from '../stats/welch.js';
import { pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';
import type { DesignResult } from './design.js';
import type { ResultColumns } from './top-table.js';
import { deMsg } from './messages.js';

export function groupTests(
  x: Matrix, genes: readonly string[], d: DesignResult, contrasts: readonly string[], method: 'wilcoxon' | 'welch', adjust: PAdjustMethod,
): { table: ResultColumns; warnings: string[] } {
  const warnings: string[] = [];
  const parts = contrasts.length === 1 ? contrasts[0].split(':') : [];
  const term = parts.length === 3 ? d.terms.find((t) => t.label === parts[0] && t.kind === 'categorical') : undefined;
  if (!term) throw new UsageError(deMsg.groupNeedsTwo(method));
  if (d.terms.length > 1) warnings.push(`${method}: the test compares ${parts[1]} with ${parts[2]} only; other design terms are ignored`);
  const lv = d.groups.get(term.label)!;
  const ia: number[] = [];
  const ib: number[] = [];
  lv.forEach((l, j) => (l === parts[1] ? ia.push(j) : l === parts[2] ? ib.push(j) : 0));
  if (!ia.length) throw new UsageError(deMsg.emptyGroup(parts[1]));
  if (!ib.length) throw new UsageError(deMsg.emptyGroup(parts[2]));
  const G = x.nrow;
  const n = x.ncol;
  const a = new Float64Array(ia.length);
  const b = new Float64Array(ib.length);
  const logFC = new Float64Array(G);
  const ave = new Float64Array(G);
  const stat = new Float64Array(G);
  const p = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const off = g * n;
    let s = 0;
    let k = 0;
    for (let j = 0; j < n; j++) if (x.data[off + j] === x.data[off + j]) (s += x.data[off + j]), k++;
    ave[g] = s / k;
    ia.forEach((j, i) => (a[i] = x.data[off + j]));
    ib.forEach((j, i) => (b[i] = x.data[off + j]));
    let ma = 0, na = 0, mb = 0, nb = 0;
    for (const v of a) if (v === v) (ma += v), na++;
    for (const v of b) if (v === v) (mb += v), nb++;
    logFC[g] = ma / na - mb / nb;
    if (method === 'wilcoxon') {
      const r = rankSumTest(a, b);
      stat[g] = r.statistic;
      p[g] = r.pValue;
    } else {
      const r = welchTest(a, b);
      stat[g] = r.statistic;
      p[g] = r.pValue;
    }
  }
  const adj = pAdjust(p, { method: adjust });
  const order = Array.from({ length: G }, (_, g) => g).sort((u, v) => {
    const x1 = p[u], y1 = p[v];
    if (Number.isNaN(x1)) return Number.isNaN(y1) ? u - v : 1;
    if (Number.isNaN(y1)) return -1;
    return x1 - y1 || u - v;
  });
  const pickF = (v: Float64Array): Float64Array => Float64Array.from(order, (g) => v[g]);
  const table: ResultColumns = new Map<string, string[] | Float64Array>([
    ['gene', order.map((g) => genes[g])],
    ['logFC', pickF(logFC)],
    ['AveExpr', pickF(ave)],
    [method === 'wilcoxon' ? 'W' : 't', pickF(stat)],
    ['P.Value', pickF(p)],
    ['adj.P.Val', pickF(adj)],
  ]);
  return { table, warnings };
}
