/** Volcano plot: effect (log fold change) against −log₁₀ p, coloured by direction, top hits labelled. */
import { toPlotTable, numbers, strings, cells, negLog10, hasColumn, type TableInput } from './table.js';
import { topLevel, COLORS, fmt, r9, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { plotMsg } from './messages.js';
import { DataError } from '../core/errors.js';

export interface VolcanoOptions extends PlotCommon {
  /** Label column. Default `gene`. */
  label?: string;
  /** Effect column (x). Default `logFC`. */
  effect?: string;
  /** p-value column (y, as −log₁₀ p). Default `P.Value`. */
  p?: string;
  /** Column compared with `alpha` to call significance. Default `adj.P.Val` (falls back to `p` when absent). */
  q?: string;
  /** Significance level on `q`. Default 0.05, in (0, 1]. */
  alpha?: number;
  /** |effect| threshold drawn and used to call direction. Default 1, ≥ 0. */
  effectThreshold?: number;
  /** Number of most significant called rows to label. Default 10, ≥ 0. */
  topN?: number;
  /** x-axis title. Default `log2 fold change`. */
  xTitle?: string;
}

/**
 * Volcano spec. −log₁₀ p is computed from the decimal text of p when the table holds text, so
 * p = 1e-300 (or 1e-400, which underflows a double) still plots at its height; p = 0 given as a
 * number is drawn at 1.05 × the largest finite height as a triangle, with a warning.
 * O(n log n) (sorting for labels).
 */
export function volcanoSpec(input: TableInput, options: VolcanoOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const o = { label: 'gene', effect: 'logFC', p: 'P.Value', q: 'adj.P.Val', alpha: 0.05, effectThreshold: 1, topN: 10, xTitle: 'log2 fold change', width: 480, height: 400, ...options };
  if (!t.nrow) throw new DataError(plotMsg.emptyTable('volcano'));
  const warnings: string[] = [];
  const label = hasColumn(t, o.label) ? strings(t, o.label) : strings(t, t.names[0]);
  const x = numbers(t, o.effect);
  const pv = numbers(t, o.p);
  const pc = cells(t, o.p);
  const qv = hasColumn(t, o.q) ? numbers(t, o.q) : pv;
  const y = new Float64Array(t.nrow);
  let maxY = 0;
  let zeros = 0;
  for (let i = 0; i < t.nrow; i++) {
    y[i] = negLog10(pc[i]);
    if (y[i] === Infinity) zeros++;
    else if (y[i] > maxY) maxY = y[i];
  }
  const cap = Math.max(1, maxY * 1.05);
  if (zeros) warnings.push(plotMsg.pZero(zeros, cap));
  const rows: Record<string, unknown>[] = [];
  let dropped = 0;
  let pCut = 0; // largest p among called rows → horizontal threshold
  for (let i = 0; i < t.nrow; i++) {
    if (!Number.isFinite(x[i]) || Number.isNaN(y[i])) { dropped++; continue; }
    const sig = qv[i] <= o.alpha && Math.abs(x[i]) >= o.effectThreshold;
    if (qv[i] <= o.alpha && pv[i] > pCut) pCut = pv[i];
    rows.push({
      label: label[i], effect: r9(x[i]), nlp: r9(Math.min(y[i], cap)), capped: y[i] === Infinity,
      p: fmt(pv[i], 3), q: fmt(qv[i], 3), direction: sig ? (x[i] > 0 ? 'up' : 'down') : 'not significant', _y: y[i],
    });
  }
  if (dropped) warnings.push(plotMsg.droppedRows(dropped, `${o.effect} or ${o.p}`));
  const called = rows.filter((r) => r.direction !== 'not significant').sort((a, b) => (b._y as number) - (a._y as number));
  const labelled = placeLabels(called.slice(0, o.topN), rows, o.width, o.height);
  for (const r of rows) delete r._y;
  const hLine = pCut > 0 ? -Math.log10(pCut) : -Math.log10(o.alpha);
  const nUp = rows.filter((r) => r.direction === 'up').length;
  const nDown = rows.filter((r) => r.direction === 'down').length;
  const xEnc = { field: 'effect', type: 'quantitative', title: o.xTitle };
  const yEnc = { field: 'nlp', type: 'quantitative', title: '−log10 p' };
  const spec = topLevel(
    {
      width: o.width,
      height: o.height,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 18, opacity: 0.75 },
          encoding: {
            x: xEnc,
            y: yEnc,
            color: {
              field: 'direction', type: 'nominal', title: null,
              scale: { domain: ['up', 'down', 'not significant'], range: [COLORS.up, COLORS.down, COLORS.ns] },
              legend: { labelExpr: `datum.label == 'up' ? 'up (${nUp})' : datum.label == 'down' ? 'down (${nDown})' : datum.label` },
            },
            shape: { field: 'capped', type: 'nominal', scale: { domain: [false, true], range: ['circle', 'triangle-up'] }, legend: null },
            tooltip: [
              { field: 'label', type: 'nominal', title: o.label },
              { field: 'effect', type: 'quantitative', title: o.effect, format: '.3f' },
              { field: 'p', type: 'nominal', title: o.p },
              { field: 'q', type: 'nominal', title: o.q },
            ],
          },
        },
        {
          data: { values: [{ v: -o.effectThreshold }, { v: o.effectThreshold }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
          encoding: { x: { field: 'v', type: 'quantitative' } },
        },
        {
          data: { values: [{ v: r9(hLine) }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
          encoding: { y: { field: 'v', type: 'quantitative' } },
        },
        {
          data: { values: labelled.map((r) => ({ label: r.label, effect: r.effect, nlp: r.nlp })) },
          mark: { type: 'text', dy: -7, fontSize: 10, color: '#222' },
          encoding: { x: { field: 'effect', type: 'quantitative' }, y: { field: 'nlp', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
        },
      ],
    },
    o.title ?? `Volcano: ${nUp} up, ${nDown} down (${o.q} ≤ ${o.alpha}, |${o.effect}| ≥ ${o.effectThreshold})`,
    'sigscore volcano plot',
  );
  return { spec, warnings };
}

/**
 * Keep labels that do not overlap an already placed one (greedy, most significant first), with
 * boxes estimated in pixels from the data ranges (≈ 6 px per character, 12 px high).
 */
function placeLabels(cands: Record<string, unknown>[], all: Record<string, unknown>[], width: number, height: number): Record<string, unknown>[] {
  let x0 = Infinity, x1 = -Infinity, y1 = 0;
  for (const r of all) {
    const x = r.effect as number, y = r.nlp as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  const sx = width / Math.max(1e-12, x1 - x0);
  const sy = height / Math.max(1e-12, y1);
  const boxes: [number, number, number, number][] = [];
  const out: Record<string, unknown>[] = [];
  for (const r of cands) {
    const cx = ((r.effect as number) - x0) * sx;
    const cy = height - (r.nlp as number) * sy - 7;
    const w = Math.min(160, String(r.label).length * 6) / 2;
    const b: [number, number, number, number] = [cx - w, cy - 6, cx + w, cy + 6];
    if (boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3])) continue;
    boxes.push(b);
    out.push(r);
  }
  return out;
}
