/** Box plots with jittered points (seeded) per group, one panel per signature, with a test p-value. */
import { rng } from '../core/random.js';
import { DataError } from '../core/errors.js';
import { topLevel, COLORS, formatP, r9, fmt, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';

export interface BoxData {
  /** Values (NaN = missing, left out). */
  value: ArrayLike<number>;
  /** Group of each value (e.g. R / NR); '' = missing, left out. */
  group: ArrayLike<string>;
  /** Sample id of each value (tooltips). */
  sample?: ArrayLike<string>;
  /** Panel of each value (e.g. signature name); one panel when absent. */
  panel?: ArrayLike<string>;
}

export interface BoxOptions extends PlotCommon {
  /** p-value per panel (panel name → p), printed in the panel title. */
  pValues?: Map<string, number>;
  /** Name of the test that gave the p-values. Default `Wilcoxon`. */
  testName?: string;
  /** Group order on the x axis. Default: sorted. */
  groupOrder?: string[];
  /** Seed of the horizontal jitter. Default 42. */
  seed?: number;
  /** Jitter half-width as a fraction of the box band. Default 0.25, in [0, 0.5]. */
  jitter?: number;
  /** y-axis title. Default `score`. */
  yTitle?: string;
  /** x-axis title. Default `group`. */
  groupTitle?: string;
}

/**
 * Box-and-whisker (Tukey 1.5 IQR whiskers) per group with every point drawn at a seeded
 * horizontal jitter (`rng(seed, 0)`, uniform), faceted by panel. O(n).
 */
export function boxSpec(data: BoxData, options: BoxOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const o = { testName: 'Wilcoxon', seed: 42, jitter: 0.25, yTitle: 'score', groupTitle: 'group', width: 160, height: 260, ...options };
  const n = data.value.length;
  if (data.group.length !== n) throw new DataError(plotMsg.lengthMismatch('box groups', data.group.length, n));
  const r = rng(o.seed, 0);
  const rows: Record<string, unknown>[] = [];
  let dropped = 0;
  const panelTitle = (p: string): string => {
    const pv = o.pValues?.get(p);
    return pv === undefined ? p : `${p}  (${o.testName} ${formatP(pv)})`;
  };
  for (let i = 0; i < n; i++) {
    const v = data.value[i];
    const g = data.group[i];
    const jit = (r.uniform() * 2 - 1) * o.jitter;
    if (!Number.isFinite(v) || g === '' || g === undefined || g === null) { dropped++; continue; }
    rows.push({ panel: panelTitle(data.panel ? data.panel[i] : ''), group: String(g), value: r9(v), shown: fmt(v, 4), sample: data.sample ? data.sample[i] : String(i + 1), jitter: r9(jit) });
  }
  if (!rows.length) throw new DataError(plotMsg.emptyTable('box plot'));
  const warnings = dropped ? [plotMsg.droppedRows(dropped, 'value or group')] : [];
  const groups = o.groupOrder ?? [...new Set(rows.map((x) => x.group as string))].sort();
  const panels = [...new Set(rows.map((x) => x.panel as string))];
  const color = { field: 'group', type: 'nominal', scale: { domain: groups, range: COLORS.groups.slice(0, Math.max(1, groups.length)) }, legend: null };
  const x = { field: 'group', type: 'nominal', sort: groups, title: o.groupTitle, axis: { labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative', title: o.yTitle, scale: { zero: false } };
  const layer = [
    { mark: { type: 'boxplot', extent: 1.5, outliers: false, opacity: 0.35, size: 44, median: { color: '#222' }, rule: { color: '#555' } }, encoding: { x, y, color } },
    {
      mark: { type: 'point', filled: true, size: 22, opacity: 0.8 },
      encoding: {
        x, y, color,
        xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
        tooltip: [{ field: 'sample', title: 'sample' }, { field: 'group', title: o.groupTitle }, { field: 'shown', title: o.yTitle }],
      },
    },
  ];
  const single = panels.length === 1;
  const body = single
    ? { data: { values: rows }, width: o.width, height: o.height, layer, ...(panels[0] ? { title: { text: panels[0], fontSize: 12, fontWeight: 'normal' } } : {}) }
    : {
        data: { values: rows },
        facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelFontSize: 11, labelLimit: 260 } },
        columns: Math.min(4, panels.length),
        spec: { width: o.width, height: o.height, layer },
        resolve: { scale: { y: 'independent' } },
      };
  return { spec: topLevel(body, o.title ?? (single ? undefined : `${o.yTitle} by ${o.groupTitle}`), 'sigscore box plot'), warnings };
}
