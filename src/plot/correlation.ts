/** Correlation matrix heatmap with a star where p < alpha. */
import type { Matrix } from '../core/matrix.js';
import { createMatrix } from '../core/matrix.js';
import { DataError } from '../core/errors.js';
import { hclust } from './hclust.js';
import { topLevel, r9, fmt, formatP, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';

export interface CorrelationOptions extends PlotCommon {
  /** p-values, same shape as the correlations (absent → no stars). */
  p?: Matrix;
  /** Star threshold. Default 0.05, in (0, 1). */
  alpha?: number;
  /** `cluster` (average linkage on 1 − r, default) or `input` order. */
  order?: 'cluster' | 'input';
  /** Print r in each cell. Default: when there are ≤ 12 variables. */
  showValues?: boolean;
  /** Legend title. Default `Spearman ρ`. */
  valueTitle?: string;
}

/** Square correlation matrix (k × k, symmetric) → spec with a diverging scale on [−1, 1]. O(k²) (+ O(k³) worst case clustering). */
export function correlationSpec(r: Matrix, names: readonly string[], options: CorrelationOptions = {}): { spec: VegaLiteSpec; order: string[]; warnings: string[] } {
  const o = { alpha: 0.05, order: 'cluster' as const, valueTitle: 'Spearman ρ', ...options };
  const k = names.length;
  if (r.nrow !== k || r.ncol !== k) throw new DataError(plotMsg.lengthMismatch('correlation matrix names', k, r.nrow));
  if (o.p && (o.p.nrow !== k || o.p.ncol !== k)) throw new DataError(plotMsg.lengthMismatch('p-value matrix rows', o.p.nrow, k));
  if (!k) throw new DataError(plotMsg.emptyTable('correlation'));
  let order = Array.from({ length: k }, (_, i) => i);
  if (o.order === 'cluster' && k > 2) {
    const d = new Float64Array((k * (k - 1)) / 2);
    let at = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) { const v = r.data[i * k + j]; d[at++] = Number.isFinite(v) ? 1 - v : 1; }
    order = Array.from(hclust(d, k, { linkage: 'average' }).order);
  }
  const show = o.showValues ?? k <= 12;
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = r.data[i * k + j];
      const p = o.p ? o.p.data[i * k + j] : NaN;
      const star = i !== j && p < o.alpha ? '*' : '';
      rows.push({ a: names[i], b: names[j], r: r9(v), label: (show && i !== j ? fmt(v, 2) : '') + star, p: o.p ? formatP(p) : 'NA' });
    }
  }
  const sorted = order.map((i) => names[i]);
  const size = o.width ?? Math.min(900, Math.max(240, k * (show ? 34 : 14)));
  const body = {
    data: { values: rows },
    width: size, height: o.height ?? size,
    encoding: {
      x: { field: 'b', type: 'nominal', sort: sorted, title: null, axis: { labelAngle: -50, labelLimit: 140, labelFontSize: k > 40 ? 8 : 10 } },
      y: { field: 'a', type: 'nominal', sort: sorted, title: null, axis: { labelLimit: 140, labelFontSize: k > 40 ? 8 : 10 } },
    },
    layer: [
      { mark: { type: 'rect' }, encoding: { color: { field: 'r', type: 'quantitative', title: o.valueTitle, scale: { scheme: 'redblue', reverse: true, domain: [-1, 1], domainMid: 0 } }, tooltip: [{ field: 'a', title: 'row' }, { field: 'b', title: 'column' }, { field: 'r', type: 'quantitative', format: '.3f', title: 'r' }, { field: 'p', title: 'p' }] } },
      { mark: { type: 'text', fontSize: show ? 10 : 9, baseline: 'middle' }, encoding: { text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'abs(datum.r) > 0.6', value: 'white' }, value: '#111' } } },
    ],
  };
  return { spec: topLevel(body, o.title ?? `Correlation matrix (* p < ${o.alpha})`, 'sigscore correlation matrix'), order: sorted, warnings: [] };
}

/** Assemble a k × k matrix from a long table of pairs (a, b, value); missing pairs NaN, diagonal 1 when absent. */
export function matrixFromPairs(a: readonly string[], b: readonly string[], v: ArrayLike<number>, diagonal = 1): { names: string[]; m: Matrix } {
  const names = [...new Set([...a, ...b])];
  const pos = new Map(names.map((n, i) => [n, i] as const));
  const k = names.length;
  const m = createMatrix(k, k);
  m.data.fill(NaN);
  for (let i = 0; i < k; i++) m.data[i * k + i] = diagonal;
  for (let t = 0; t < a.length; t++) {
    const i = pos.get(a[t])!;
    const j = pos.get(b[t])!;
    m.data[i * k + j] = v[t];
    m.data[j * k + i] = v[t];
  }
  return { names, m };
}
