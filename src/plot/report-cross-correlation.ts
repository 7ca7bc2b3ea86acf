/**
 * Rectangular correlation heatmap of two feature sets (rows: the first table's features, columns:
 * the second's), e.g. Hallmark GSVA scores × panel signatures from `sigscore correlate`, with a
 * diverging scale on [−1, 1] and significance marks from the BH q (or p): `*` below `alpha`,
 * `**` below alpha/5. Rows and columns are ordered by average-linkage clustering of their
 * correlation profiles (Euclidean), or kept in input order. O(r·c + r² c + c² r).
 */
import { DataError } from '../core/errors.js';
import { matrixFrom, transpose } from '../core/matrix.js';
import { hclustRows } from './hclust.js';
import { topLevel, r9, fmt, formatP, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { numbers, strings, hasColumn, type PlotTable } from './table.js';

export interface CrossCorrelationOptions extends PlotCommon {
  /** Threshold of the `*` mark (the `**` mark is alpha/5). Default 0.05. */
  alpha?: number;
  /** `cluster` (default) or `input` order of rows and columns. */
  order?: 'cluster' | 'input';
  /** Legend title. Default `Spearman ρ` when the table has `rho`, else `Pearson r`. */
  valueTitle?: string;
}

/** Leaf order of average-linkage clustering (Euclidean) of the rows, or of the columns, of the r × c matrix m (NA as 0). */
function clusterOrder(m: Float64Array, rows: number, cols: number, byRow: boolean): number[] {
  const k = byRow ? rows : cols;
  if (k <= 2) return Array.from({ length: k }, (_, i) => i);
  const x = matrixFrom(rows, cols, m.map((v) => (Number.isFinite(v) ? v : 0)));
  return Array.from(hclustRows(byRow ? x : transpose(x), { distance: 'euclidean', linkage: 'average' }).order);
}

/** Spec from a long table with `feature_a`, `feature_b`, `rho` or `r`, and `q` and/or `p`. */
export function crossCorrelationSpec(t: PlotTable, options: CrossCorrelationOptions = {}): { spec: VegaLiteSpec; rows: string[]; columns: string[] } {
  const alpha = options.alpha ?? 0.05;
  const valueCol = hasColumn(t, 'rho') ? 'rho' : 'r';
  if (!hasColumn(t, 'feature_a') || !hasColumn(t, 'feature_b') || !hasColumn(t, valueCol))
    throw new DataError(`${t.source ?? 'table'}: a cross-correlation table needs columns feature_a, feature_b and rho or r`);
  const A = strings(t, 'feature_a');
  const B = strings(t, 'feature_b');
  const val = numbers(t, valueCol);
  const sigCol = hasColumn(t, 'q') ? 'q' : hasColumn(t, 'p') ? 'p' : undefined;
  const sig = sigCol ? numbers(t, sigCol) : undefined;
  const p = hasColumn(t, 'p') ? numbers(t, 'p') : undefined;
  const rows = [...new Set(A)];
  const cols = [...new Set(B)];
  if (!rows.length || !cols.length) throw new DataError(`${t.source ?? 'table'}: no correlations to draw`);
  const ri = new Map(rows.map((n, i) => [n, i] as const));
  const ci = new Map(cols.map((n, i) => [n, i] as const));
  const m = new Float64Array(rows.length * cols.length).fill(NaN);
  for (let i = 0; i < A.length; i++) m[ri.get(A[i])! * cols.length + ci.get(B[i])!] = val[i];
  const cluster = (options.order ?? 'cluster') === 'cluster';
  const rowOrder = cluster ? clusterOrder(m, rows.length, cols.length, true).map((i) => rows[i]) : rows;
  const colOrder = cluster ? clusterOrder(m, rows.length, cols.length, false).map((i) => cols[i]) : cols;
  const show = rows.length * cols.length <= 400;
  const values = A.map((a, i) => {
    const s = sig ? sig[i] : NaN;
    const mark = s < alpha / 5 ? '**' : s < alpha ? '*' : '';
    return {
      a, b: B[i], r: r9(val[i]), label: (show && Number.isFinite(val[i]) ? fmt(val[i], 2) : '') + mark,
      p: p ? formatP(p[i]) : 'NA', q: sigCol === 'q' ? formatP(sig![i], 'q') : 'NA',
    };
  });
  const cell = show ? 34 : 16;
  const body = {
    data: { values },
    width: options.width ?? Math.min(900, Math.max(200, cols.length * cell)),
    height: options.height ?? Math.min(1400, Math.max(160, rows.length * (show ? 22 : 14))),
    encoding: {
      x: { field: 'b', type: 'nominal', sort: colOrder, title: null, axis: { labelAngle: -50, labelLimit: 160, labelFontSize: 10 } },
      y: { field: 'a', type: 'nominal', sort: rowOrder, title: null, axis: { labelLimit: 260, labelFontSize: rows.length > 40 ? 8 : 10 } },
    },
    layer: [
      { mark: { type: 'rect' }, encoding: { color: { field: 'r', type: 'quantitative', title: options.valueTitle ?? (valueCol === 'rho' ? 'Spearman ρ' : 'Pearson r'), scale: { scheme: 'redblue', reverse: true, domain: [-1, 1], domainMid: 0 } },
        tooltip: [{ field: 'a', title: 'row' }, { field: 'b', title: 'column' }, { field: 'r', type: 'quantitative', format: '.3f', title: valueCol }, { field: 'p', title: 'p' }, { field: 'q', title: 'q' }] } },
      { mark: { type: 'text', fontSize: show ? 9 : 11, baseline: 'middle' }, encoding: { text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'abs(datum.r) > 0.6', value: 'white' }, value: '#111' } } },
    ],
  };
  const title = options.title ?? `Correlation of ${rows.length} × ${cols.length} features (* ${sigCol ?? 'p'} < ${alpha}, ** < ${alpha / 5})`;
  return { spec: topLevel(body, title, 'sigscore cross-correlation heatmap'), rows: rowOrder, columns: colOrder };
}
