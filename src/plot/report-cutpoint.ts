/**
 * Cut-point curves of `sigscore cutpoint --curve` (marker, cut, statistic): the standardised
 * log-rank statistic at every candidate cut, one panel per marker, with the chosen cut (from the
 * paired cut-point table: marker, cutpoint, p_lau94) drawn as a dashed rule. O(rows).
 */
import { DataError } from '../core/errors.js';
import { topLevel, r9, fmt, formatP, COLORS, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { numbers, strings, hasColumn, type PlotTable } from './table.js';

/** Spec from the curve table and, optionally, the cut-point table. */
export function cutpointCurveSpec(curve: PlotTable, cuts?: PlotTable, options: PlotCommon = {}): { spec: VegaLiteSpec } {
  if (!hasColumn(curve, 'marker') || !hasColumn(curve, 'cut') || !hasColumn(curve, 'statistic'))
    throw new DataError(`${curve.source ?? 'table'}: a cut-point curve needs columns marker, cut, statistic`);
  const m = strings(curve, 'marker');
  const x = numbers(curve, 'cut');
  const s = numbers(curve, 'statistic');
  const values = m.map((marker, i) => ({ marker, cut: r9(x[i]), statistic: r9(s[i]) }));
  const rules: { marker: string; cut: number | null; label: string }[] = [];
  if (cuts && hasColumn(cuts, 'marker') && hasColumn(cuts, 'cutpoint')) {
    const cm = strings(cuts, 'marker');
    const cv = numbers(cuts, 'cutpoint');
    const p = hasColumn(cuts, 'p_lau94') ? numbers(cuts, 'p_lau94') : undefined;
    cm.forEach((marker, i) => rules.push({ marker, cut: r9(cv[i]), label: `cut ${fmt(cv[i], 3)}${p ? `, ${formatP(p[i])}` : ''}` }));
  }
  const markers = [...new Set(m)];
  const width = options.width ?? 260;
  const height = options.height ?? 180;
  const body = {
    data: { values: [...values.map((v) => ({ ...v, layer: 'curve' })), ...rules.map((r) => ({ ...r, layer: 'rule' }))] },
    facet: { field: 'marker', type: 'nominal', title: null, sort: markers },
    columns: Math.min(3, markers.length),
    spec: {
      width, height,
      layer: [
        { transform: [{ filter: "datum.layer === 'curve'" }], mark: { type: 'line', color: COLORS.groups[0], point: { size: 12, color: COLORS.groups[0] } },
          encoding: { x: { field: 'cut', type: 'quantitative', title: 'cut', scale: { zero: false } }, y: { field: 'statistic', type: 'quantitative', title: 'standardised log-rank statistic' },
            tooltip: [{ field: 'cut', type: 'quantitative' }, { field: 'statistic', type: 'quantitative', format: '.3f' }] } },
        { transform: [{ filter: "datum.layer === 'rule'" }], mark: { type: 'rule', strokeDash: [5, 3], color: '#b2182b' },
          encoding: { x: { field: 'cut', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'chosen' }] } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  };
  return { spec: topLevel(body, options.title ?? 'Cut-point search (maxstat): statistic at every candidate cut', 'sigscore cut-point curve') };
}
