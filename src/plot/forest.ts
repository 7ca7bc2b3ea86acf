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
}

/** One row per term: point at the estimate, line over [lower, upper], reference line at 1, text column with the numbers. O(n). */
export function forestSpec(input: TableInput, options: ForestOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const o = { term: 'term', estimate: 'hr', lower: 'hr_lower', upper: 'hr_upper', p: 'p', measure: 'HR', maxRows: 40, width: 360, ...options };
  const term = strings(t, o.term);
  const est = numbers(t, o.estimate);
  const lo = numbers(t, o.lower);
  const hi = numbers(t, o.upper);
  const p = hasColumn(t, o.p) ? numbers(t, o.p) : undefined;
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
        mark: { type: 'square', size: 60, opacity: 1 },
        encoding: {
          y, x: { field: 'est', type: 'quantitative', scale: xScale, title: `${o.measure} (95% CI, log scale)` },
          color: { field: 'sig', type: 'nominal', scale: { domain: ['p < 0.05', 'p ≥ 0.05'], range: [COLORS.up, COLORS.neutral] }, legend: null },
          tooltip: [{ field: 'term' }, { field: 'label', title: o.measure }],
        },
      },
    ],
  };
  const text = { width: 200, height, mark: { type: 'text', align: 'left', fontSize: 11 }, encoding: { x: { value: 4 }, y: { ...y, axis: null }, text: { field: 'label', type: 'nominal' } } };
  return { spec: topLevel({ data: { values: rows }, hconcat: [plot, text], spacing: 4 }, o.title ?? `Forest plot (${o.measure})`, 'sigscore forest plot'), warnings };
}
