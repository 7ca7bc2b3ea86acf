/** Variable-importance bars (± sd), coloured by direction of association. */
import { toPlotTable, numbers, strings, hasColumn, type TableInput } from './table.js';
import { topLevel, COLORS, r9, fmt, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';
import { DataError } from '../core/errors.js';

export interface ImportanceOptions extends PlotCommon {
  /** Covariate column. Default `covariate`. */
  covariate?: string;
  /** Importance column. Default `importance`. */
  importance?: string;
  /** Spread column drawn as ± whiskers (absent → none). Default `importance_sd`. */
  sd?: string;
  /** Direction column (text such as `+`/`-`, `positive`/`negative`, or a signed number). Default `direction`. */
  direction?: string;
  /** Bars drawn (most important first). Default 25, ≥ 1. */
  topN?: number;
  /** Axis title. Default `permutation importance`. */
  xTitle?: string;
}

/** Normalise a direction cell to `higher with outcome` / `lower with outcome` / `unclear`. */
export function directionLabel(v: string): string {
  const s = v.trim().toLowerCase();
  const x = Number(s);
  if (s !== '' && Number.isFinite(x)) return x > 0 ? 'positive' : x < 0 ? 'negative' : 'none';
  if (['+', 'positive', 'pos', 'up', 'higher', 'increase', 'risk'].includes(s)) return 'positive';
  if (['-', '−', 'negative', 'neg', 'down', 'lower', 'decrease', 'protective'].includes(s)) return 'negative';
  return s === '' || s === 'na' ? 'none' : v.trim();
}

/** Horizontal bars of the top-N covariates by importance. O(n log n). */
export function importanceSpec(input: TableInput, options: ImportanceOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const o = { covariate: 'covariate', importance: 'importance', sd: 'importance_sd', direction: 'direction', topN: 25, xTitle: 'permutation importance', width: 420, ...options };
  if (!t.nrow) throw new DataError(plotMsg.emptyTable('importance'));
  const cov = strings(t, o.covariate);
  const imp = numbers(t, o.importance);
  const sd = hasColumn(t, o.sd) ? numbers(t, o.sd) : undefined;
  const dir = hasColumn(t, o.direction) ? strings(t, o.direction).map(directionLabel) : new Array<string>(t.nrow).fill('none');
  const idx = Array.from({ length: t.nrow }, (_, i) => i).filter((i) => Number.isFinite(imp[i]));
  const warnings = idx.length < t.nrow ? [plotMsg.droppedRows(t.nrow - idx.length, o.importance)] : [];
  idx.sort((a, b) => imp[b] - imp[a] || a - b);
  const top = idx.slice(0, o.topN);
  const rows = top.map((i) => ({
    covariate: cov[i], importance: r9(imp[i]), lo: sd && Number.isFinite(sd[i]) ? r9(imp[i] - sd[i]) : null, hi: sd && Number.isFinite(sd[i]) ? r9(imp[i] + sd[i]) : null,
    direction: dir[i], sd: sd ? fmt(sd[i]) : 'NA',
  }));
  const dirs = [...new Set(rows.map((r) => r.direction))];
  const known = ['positive', 'negative', 'none'];
  const domain = [...known.filter((d) => dirs.includes(d)), ...dirs.filter((d) => !known.includes(d))];
  const rangeOf = (d: string): string => (d === 'positive' ? COLORS.up : d === 'negative' ? COLORS.down : d === 'none' ? COLORS.ns : COLORS.groups[domain.indexOf(d) % COLORS.groups.length]);
  const y = { field: 'covariate', type: 'nominal', sort: rows.map((r) => r.covariate), title: null, axis: { labelLimit: 220 } };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'bar', height: { band: 0.75 } },
      encoding: {
        y, x: { field: 'importance', type: 'quantitative', title: o.xTitle },
        color: { field: 'direction', type: 'nominal', title: 'direction', scale: { domain, range: domain.map(rangeOf) } },
        tooltip: [{ field: 'covariate' }, { field: 'importance', type: 'quantitative', format: '.4g' }, { field: 'sd', title: 'sd' }, { field: 'direction' }],
      },
    },
  ];
  if (sd) layer.push({ transform: [{ filter: 'datum.lo != null' }], mark: { type: 'rule', color: '#333' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } });
  const height = o.height ?? Math.max(80, rows.length * 18);
  return { spec: topLevel({ data: { values: rows }, width: o.width, height, layer }, o.title ?? `Variable importance (top ${rows.length})`, 'sigscore variable importance'), warnings };
}
