/** Predicted probability along one covariate with its 95% band (from a logistic model). */
import { toPlotTable, numbers, strings, hasColumn, type TableInput } from './table.js';
import { topLevel, COLORS, r9, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';
import { DataError } from '../core/errors.js';

export interface ProbabilityOptions extends PlotCommon {
  /** Covariate grid column. Default `x`. */
  x?: string;
  /** Predicted probability column. Default `probability`. */
  prob?: string;
  /** Columns that split the table into panels (one curve each). Default: those of `endpoint`, `covariate` present. */
  panels?: string[];
  /** Lower band column. Default `lower`. */
  lower?: string;
  /** Upper band column. Default `upper`. */
  upper?: string;
  /** Observed points (covariate value, 0/1 outcome) drawn as a rug at 0 and 1. */
  observed?: { x: ArrayLike<number>; y: ArrayLike<number> };
  /** x-axis title. Default: the x column name. */
  xTitle?: string;
  /** y-axis title. Default `predicted probability`. */
  yTitle?: string;
}

/** Line of the predicted probability over a band [lower, upper]; y on [0, 1]. O(n). */
export function probabilitySpec(input: TableInput, options: ProbabilityOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const o = { x: 'x', prob: 'probability', lower: 'lower', upper: 'upper', yTitle: 'predicted probability', width: 420, height: 300, ...options };
  const x = numbers(t, o.x);
  const p = numbers(t, o.prob);
  const lo = hasColumn(t, o.lower) ? numbers(t, o.lower) : undefined;
  const hi = hasColumn(t, o.upper) ? numbers(t, o.upper) : undefined;
  const panelCols = (o.panels ?? ['endpoint', 'covariate']).filter((c) => hasColumn(t, c));
  const panelText = panelCols.map((c) => strings(t, c));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < t.nrow; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(p[i])) continue;
    rows.push({ panel: panelText.map((c) => c[i]).join(' · '), x: r9(x[i]), prob: r9(p[i]), lower: lo ? r9(lo[i]) : null, upper: hi ? r9(hi[i]) : null });
  }
  if (!rows.length) throw new DataError(plotMsg.emptyTable('probability'));
  const warnings = rows.length < t.nrow ? [plotMsg.droppedRows(t.nrow - rows.length, `${o.x} or ${o.prob}`)] : [];
  rows.sort((a, b) => (a.x as number) - (b.x as number));
  const panels = [...new Set(rows.map((r) => r.panel as string))];
  if (panels.length > 1) {
    const facetLayer: Record<string, unknown>[] = [
      { transform: [{ filter: 'datum.lower != null && datum.upper != null' }], mark: { type: 'area', opacity: 0.3, color: COLORS.band }, encoding: { x: { field: 'x', type: 'quantitative', title: o.xTitle ?? 'covariate value', scale: { zero: false } }, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } } },
      { mark: { type: 'line', color: COLORS.down, strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative', scale: { zero: false } }, y: { field: 'prob', type: 'quantitative', title: o.yTitle, scale: { domain: [0, 1] } }, tooltip: [{ field: 'panel' }, { field: 'x', type: 'quantitative', format: '.3g' }, { field: 'prob', type: 'quantitative', format: '.3f' }, { field: 'lower', type: 'quantitative', format: '.3f' }, { field: 'upper', type: 'quantitative', format: '.3f' }] } },
    ];
    const body = {
      data: { values: rows },
      facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelLimit: 260 } },
      columns: Math.min(3, panels.length),
      spec: { width: Math.round(o.width * 0.7), height: Math.round(o.height * 0.75), layer: facetLayer },
      resolve: { scale: { x: 'independent' } },
    };
    return { spec: topLevel(body, o.title ?? 'Predicted probability (95% band)', 'sigscore predicted probability'), warnings };
  }
  const xEnc = { field: 'x', type: 'quantitative', title: o.xTitle ?? o.x, scale: { zero: false } };
  const layer: Record<string, unknown>[] = [];
  if (lo && hi) layer.push({ data: { values: rows }, transform: [{ filter: 'datum.lower != null && datum.upper != null' }], mark: { type: 'area', opacity: 0.3, color: COLORS.band }, encoding: { x: xEnc, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } } });
  layer.push({
    data: { values: rows },
    mark: { type: 'line', color: COLORS.down, strokeWidth: 2 },
    encoding: { x: xEnc, y: { field: 'prob', type: 'quantitative', title: o.yTitle, scale: { domain: [0, 1] } }, tooltip: [{ field: 'x', type: 'quantitative', title: o.xTitle ?? o.x, format: '.3g' }, { field: 'prob', type: 'quantitative', format: '.3f' }, { field: 'lower', type: 'quantitative', format: '.3f' }, { field: 'upper', type: 'quantitative', format: '.3f' }] },
  });
  if (options.observed) {
    const obs: Record<string, unknown>[] = [];
    for (let i = 0; i < options.observed.x.length; i++) {
      const a = options.observed.x[i];
      const b = options.observed.y[i];
      if (Number.isFinite(a) && (b === 0 || b === 1)) obs.push({ x: r9(a), y: b });
    }
    layer.push({ data: { values: obs }, mark: { type: 'tick', orient: 'vertical', size: 8, opacity: 0.5, color: COLORS.neutral }, encoding: { x: xEnc, y: { field: 'y', type: 'quantitative' } } });
  }
  return { spec: topLevel({ width: o.width, height: o.height, layer }, o.title ?? 'Predicted probability (95% band)', 'sigscore predicted probability'), warnings };
}
