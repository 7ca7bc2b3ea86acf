/** Forest plot: hazard or odds ratios with confidence intervals on a log axis. */
import { toPlotTable, numbers, strings, hasColumn, type TableInput } from './table.js';
import { topLevel, COLORS, formatP, r9, fmt, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';
import { DataError } from '../core/errors.js';

export interface ForestOptions extends PlotCommon {
  /** Row label column. Default `term` (Cox table; use `covariate` for a screen table). */
  term?: string;
  /** Estimate column (ratio scale). Default `hr`. */
  estimate?: string;
  /** Lower CI column. Default `hr_lower`. */
  lower?: string;
  /** Upper CI column. Default `hr_upper`. */
  upper?: string;
  /** p-value column (absent → not shown). Default `p`. */
  p?: string;
  /** Name of the ratio on the axis and in labels. Default `HR`. */
  measure?: string;
  /** Keep only rows where this column equals `filterValue` (e.g. endpoint = pfs). */
  filterColumn?: string;
  filterValue?: string;
  /** Rows drawn (in table order). Default 40. */
  maxRows?: number;
  /**
   * Study-weight column of a meta-analysis (any positive scale, e.g. % of the total): the square's
   * area is proportional to the weight. Used when the column exists. Default `weight`.
   */
  weight?: string;
  /**
   * Column flagging pooled estimates (1/true): drawn as diamonds, e.g. the fixed and random
   * effects rows of a meta-analysis. Used when the column exists. Default `pooled`.
   */
  pooled?: string;
}

const SQUARE = 60;
const DIAMOND = 160;

/**
 * One row per term: point at the estimate, line over [lower, upper], reference line at 1, text
 * column with the numbers. With a `weight` column the squares' areas follow the weights; rows
 * flagged in the `pooled` column are diamonds (meta-analysis summaries). O(n).
 */
export function forestSpec(input: TableInput, options: ForestOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const o = { term: 'term', estimate: 'hr', lower: 'hr_lower', upper: 'hr_upper', p: 'p', measure: 'HR', maxRows: 40, width: 360, weight: 'weight', pooled: 'pooled', ...options };
  const term = strings(t, o.term);
  const est = numbers(t, o.estimate);
  const lo = numbers(t, o.lower);
  const hi = numbers(t, o.upper);
  const p = hasColumn(t, o.p) ? numbers(t, o.p) : undefined;
  const wt = hasColumn(t, o.weight) ? numbers(t, o.weight) : undefined;
  const pooledCol = hasColumn(t, o.pooled) ? strings(t, o.pooled) : undefined;
  const isPooled = (i: number): boolean => !!pooledCol && ['1', 'true', 'TRUE', 'yes'].includes(pooledCol[i]);
  let maxW = 0;
  if (wt) for (let i = 0; i < t.nrow; i++) if (!isPooled(i) && wt[i] > maxW && Number.isFinite(wt[i])) maxW = wt[i];
  // area ∝ weight, the heaviest study drawn at 4× the default square
  const sizeOf = (i: number): number => (isPooled(i) ? DIAMOND : wt && maxW > 0 && wt[i] > 0 ? Math.max(12, 4 * SQUARE * (wt[i] / maxW)) : SQUARE);
  const keep = o.filterColumn ? strings(t, o.filterColumn).map((v) => v === o.filterValue) : new Array<boolean>(t.nrow).fill(true);
  const warnings: string[] = [];
  const rows: Record<string, unknown>[] = [];
  let bad = 0;
  for (let i = 0; i < t.nrow && rows.length < o.maxRows; i++) {
    if (!keep[i]) continue;
    if (!(est[i] > 0 && Number.isFinite(est[i]))) { bad++; continue; }
    const ok = lo[i] > 0 && hi[i] > 0 && Number.isFinite(lo[i]) && Number.isFinite(hi[i]);
    // enough significant digits that a narrow interval around 1 (per-unit HRs) stays readable
    const dg = ok ? Math.min(6, Math.max(3, Math.ceil(-Math.log10(Math.max(1e-12, (hi[i] - lo[i]) / est[i]))) + 2)) : 3;
    rows.push({
      term: term[i], est: r9(est[i]), lo: ok ? r9(lo[i]) : null, hi: ok ? r9(hi[i]) : null,
      label: `${fmt(est[i], dg)} (${fmt(lo[i], dg)}–${fmt(hi[i], dg)})${p ? `  ${formatP(p[i])}` : ''}`,
      sig: p ? (p[i] < 0.05 ? 'p < 0.05' : 'p ≥ 0.05') : 'p ≥ 0.05',
      shape: isPooled(i) ? 'diamond' : 'square', size: r9(sizeOf(i)),
      ...(wt && !isPooled(i) && Number.isFinite(wt[i]) ? { weight: r9(wt[i]) } : {}),
    });
  }
  if (bad) warnings.push(plotMsg.nonPositive(bad, o.estimate));
  if (!rows.length) throw new DataError(plotMsg.emptyTable('forest'));
  const vals = rows.flatMap((r) => [r.est, r.lo, r.hi]).filter((v): v is number => typeof v === 'number');
  const dmin = Math.min(1, ...vals) / 1.15;
  const dmax = Math.max(1, ...vals) * 1.15;
  const y = { field: 'term', type: 'nominal', sort: rows.map((r) => r.term), title: null, axis: { labelLimit: 220 } };
  const height = o.height ?? Math.max(60, rows.length * 22);
  const xScale = { type: 'log', domain: [r9(dmin), r9(dmax)], nice: false };
  const plot = {
    width: o.width, height,
    layer: [
      { data: { values: [{ one: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#777' }, encoding: { x: { field: 'one', type: 'quantitative', scale: xScale } } },
      { transform: [{ filter: 'datum.lo != null' }], mark: { type: 'rule', strokeWidth: 1.6 }, encoding: { y, x: { field: 'lo', type: 'quantitative', scale: xScale, title: `${o.measure} (95% CI, log scale)` }, x2: { field: 'hi' }, color: { field: 'sig', type: 'nominal', scale: { domain: ['p < 0.05', 'p ≥ 0.05'], range: [COLORS.up, COLORS.neutral] }, legend: null } } },
      {
        mark: { type: 'point', filled: true, opacity: 1 },
        encoding: {
          y, x: { field: 'est', type: 'quantitative', scale: xScale, title: `${o.measure} (95% CI, log scale)` },
          color: { field: 'sig', type: 'nominal', scale: { domain: ['p < 0.05', 'p ≥ 0.05'], range: [COLORS.up, COLORS.neutral] }, legend: null },
          shape: { field: 'shape', type: 'nominal', scale: null },
          size: { field: 'size', type: 'quantitative', scale: null },
          tooltip: [{ field: 'term' }, { field: 'label', title: o.measure }, ...(wt ? [{ field: 'weight', title: 'weight' }] : [])],
        },
      },
    ],
  };
  const text = { width: 200, height, mark: { type: 'text', align: 'left', fontSize: 11 }, encoding: { x: { value: 4 }, y: { ...y, axis: null }, text: { field: 'label', type: 'nominal' } } };
  return { spec: topLevel({ data: { values: rows }, hconcat: [plot, text], spacing: 4 }, o.title ?? `Forest plot (${o.measure})`, 'sigscore forest plot'), warnings };
}
