/** Heatmap of a features × samples matrix: rows z-scored, rows and columns ordered by hclust, annotation tracks. */
import type { Matrix } from '../core/matrix.js';
import { createMatrix } from '../core/matrix.js';
import { DataError } from '../core/errors.js';
import { hclustRows, type Linkage } from './hclust.js';
import type { DistanceMethod } from './distance.js';
import { topLevel, COLORS, r9, fmt, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';

export interface HeatmapOptions extends PlotCommon {
  /** Standardise each row to mean 0, sd 1 (sd with n − 1). Default true. */
  zscore?: boolean;
  /** Colour limits ±clip on the (z-)scale; values beyond are drawn at the limit. Default 3, > 0. */
  clip?: number;
  /** Order rows by hierarchical clustering. Default true. */
  clusterRows?: boolean;
  /** Order columns by hierarchical clustering. Default true. */
  clusterColumns?: boolean;
  /** Distance for clustering: `correlation` (1 − r, default) or `euclidean`. */
  distance?: DistanceMethod;
  /** Linkage: `average` (default), `complete`, `single`. */
  linkage?: Linkage;
  /** Keep only this many rows with the largest variance (before z-scoring). Default: all. */
  maxRows?: number;
  /** Annotation tracks over the columns: track name → one value per column (categorical or numeric). */
  annotations?: Map<string, ArrayLike<string | number | null>>;
  /** Largest number of cells drawn. Default 250 000. */
  maxCells?: number;
  /** Colour legend title. Default `z-score` (or `value` without z-scoring). */
  valueTitle?: string;
}

export interface HeatmapResult {
  spec: VegaLiteSpec;
  rowOrder: string[];
  columnOrder: string[];
  warnings: string[];
}

/**
 * Heatmap spec. Row z-scores: (x − mean)/sd per row over finite values. Clustering as
 * `hclustRows` on the z-scored rows and on the columns of the z-scored matrix.
 * O(r²·c + c²·r) for clustering, O(r·c) for the data.
 */
export function heatmapSpec(x: Matrix, rowNames: readonly string[], columnNames: readonly string[], options: HeatmapOptions = {}): HeatmapResult {
  const o = { zscore: true, clip: 3, clusterRows: true, clusterColumns: true, distance: 'correlation' as DistanceMethod, linkage: 'average' as Linkage, maxCells: 250_000, ...options };
  if (rowNames.length !== x.nrow) throw new DataError(plotMsg.lengthMismatch('heatmap row names', rowNames.length, x.nrow));
  if (columnNames.length !== x.ncol) throw new DataError(plotMsg.lengthMismatch('heatmap column names', columnNames.length, x.ncol));
  if (!x.nrow || !x.ncol) throw new DataError(plotMsg.emptyTable('heatmap'));
  const warnings: string[] = [];
  let rows = Array.from({ length: x.nrow }, (_, i) => i);
  const { ncol } = x;
  if (o.maxRows !== undefined && o.maxRows < x.nrow) {
    const v = rows.map((i) => rowStats(x.data, i * ncol, ncol).sd);
    rows = rows.sort((a, b) => (v[b] || 0) - (v[a] || 0) || a - b).slice(0, o.maxRows).sort((a, b) => a - b);
  }
  if (rows.length * ncol > o.maxCells) throw new DataError(plotMsg.tooLarge(rows.length * ncol, o.maxCells));
  const m = createMatrix(rows.length, ncol);
  let constant = 0;
  rows.forEach((src, i) => {
    const { mean, sd } = rowStats(x.data, src * ncol, ncol);
    for (let j = 0; j < ncol; j++) {
      const v = x.data[src * ncol + j];
      m.data[i * ncol + j] = !o.zscore ? v : sd > 0 ? (v - mean) / sd : Number.isFinite(v) ? 0 : NaN;
    }
    if (o.zscore && !(sd > 0)) constant++;
  });
  if (constant) warnings.push(plotMsg.constantRows(constant));
  const rowIdx = o.clusterRows && m.nrow > 2 ? Array.from(hclustRows(m, { distance: o.distance, linkage: o.linkage }).order) : m.nrow === 0 ? [] : Array.from({ length: m.nrow }, (_, i) => i);
  let colIdx = Array.from({ length: ncol }, (_, j) => j);
  if (o.clusterColumns && ncol > 2) {
    const t = createMatrix(ncol, m.nrow);
    for (let i = 0; i < m.nrow; i++) for (let j = 0; j < ncol; j++) t.data[j * m.nrow + i] = m.data[i * ncol + j];
    colIdx = Array.from(hclustRows(t, { distance: m.nrow > 2 ? o.distance : 'euclidean', linkage: o.linkage }).order);
  }
  const rowOrder = rowIdx.map((i) => rowNames[rows[i]]);
  const columnOrder = colIdx.map((j) => columnNames[j]);
  const values: Record<string, unknown>[] = [];
  for (let i = 0; i < m.nrow; i++) {
    for (let j = 0; j < ncol; j++) {
      const z = m.data[i * ncol + j];
      const raw = x.data[rows[i] * ncol + j];
      values.push({ row: rowNames[rows[i]], col: columnNames[j], z: Number.isFinite(z) ? r9(Math.max(-o.clip, Math.min(o.clip, z))) : null, value: fmt(raw, 4) });
    }
  }
  const width = o.width ?? Math.min(900, Math.max(200, ncol * 12));
  const showCols = ncol <= 80;
  const showRows = m.nrow <= 100;
  const xEnc = { field: 'col', type: 'nominal', sort: columnOrder, title: null, axis: showCols ? { labelAngle: -60, labelLimit: 90, labelFontSize: 9 } : { labels: false, ticks: false, title: `${ncol} samples` } };
  const tracks: Record<string, unknown>[] = [];
  const trackNames: string[] = [];
  let ti = 0;
  for (const [name, vals] of o.annotations ?? []) {
    if (vals.length !== ncol) throw new DataError(plotMsg.lengthMismatch(`annotation ${JSON.stringify(name)}`, vals.length, ncol));
    const numeric = Array.from(vals).every((v) => v === null || typeof v === 'number');
    trackNames.push(name);
    tracks.push({
      data: { values: Array.from(vals, (v, j) => ({ col: columnNames[j], row: name, level: v === null || v === '' ? (numeric ? null : 'NA') : numeric ? r9(v as number) : String(v) })) },
      mark: { type: 'rect' },
      encoding: {
        x: xEnc,
        y: { field: 'row', type: 'nominal' },
        color: numeric
          ? { field: 'level', type: 'quantitative', title: name, scale: { scheme: ti % 2 ? 'purples' : 'greens' }, legend: { gradientLength: 60 } }
          : { field: 'level', type: 'nominal', title: name, legend: { labelLimit: 120 }, scale: { range: ti % 2 ? COLORS.groups.slice(4).concat(COLORS.groups.slice(0, 4)) : COLORS.groups.slice() } },
        tooltip: [{ field: 'col', title: 'sample' }, { field: 'level', title: name }],
      },
    });
    ti++;
  }
  const gap = trackNames.length ? ['\u2002'] : [];
  const yDomain = [...trackNames, ...gap, ...rowOrder];
  const main = {
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: xEnc,
      y: { field: 'row', type: 'nominal' },
      color: {
        field: 'z', type: 'quantitative', title: o.valueTitle ?? (o.zscore ? 'z-score' : 'value'),
        scale: o.zscore ? { scheme: 'redblue', reverse: true, domain: [-o.clip, o.clip], domainMid: 0 } : { scheme: 'viridis' },
      },
      tooltip: [{ field: 'row', title: 'row' }, { field: 'col', title: 'sample' }, { field: 'value', title: 'value' }, { field: 'z', title: o.zscore ? 'z' : 'shown', format: '.2f' }],
    },
  };
  const body = {
    width,
    height: o.height ?? Math.min(1200, Math.max(120, yDomain.length * 12)),
    encoding: { y: { field: 'row', type: 'nominal', title: null, scale: { domain: yDomain }, axis: showRows ? { labelFontSize: 10, labelLimit: 160, ticks: false } : { labels: false, ticks: false, title: `${m.nrow} rows` } } },
    layer: [...tracks, main],
    ...(tracks.length ? { resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } } } : {}),
  };
  return { spec: topLevel(body, o.title ?? `Heatmap (${m.nrow} × ${ncol})`, 'sigscore heatmap'), rowOrder, columnOrder, warnings };
}

function rowStats(d: Float64Array, off: number, n: number): { mean: number; sd: number } {
  let k = 0;
  let mean = 0;
  let m2 = 0;
  for (let j = 0; j < n; j++) {
    const v = d[off + j];
    if (!Number.isFinite(v)) continue;
    k++;
    const dl = v - mean;
    mean += dl / k;
    m2 += dl * (v - mean);
  }
  return { mean, sd: k > 1 ? Math.sqrt(m2 / (k - 1)) : NaN };
}
