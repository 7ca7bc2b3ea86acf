/** Kaplan–Meier curves: steps, censor ticks, CI bands, medians, log-rank p and a numbers-at-risk table. */
import { toPlotTable, numbers, strings, hasColumn, type TableInput } from './table.js';
import { topLevel, COLORS, fmt, formatP, r9, type PlotCommon, type VegaLiteSpec } from './theme.js';
import { niceTicks } from './ticks.js';
import { plotMsg } from './messages.js';
import { DataError } from '../core/errors.js';

export interface KmColumns {
  group: string; time: string; nRisk: string; nEvent: string; nCensor: string; surv: string; lower: string; upper: string;
}

export interface KmOptions extends PlotCommon {
  /** Column names of the KM table. Default `group, time, n_risk, n_event, n_censor, surv, lower, upper`. */
  columns?: Partial<KmColumns>;
  /** KM summary table (`group, n, events, median, median_lower, median_upper`) for labels and median lines. */
  summary?: TableInput;
  /** Log-rank test result; p is printed on the plot. */
  logrank?: { chisq?: number; df?: number; p: number };
  /** Draw confidence bands. Default true. */
  ci?: boolean;
  /** Draw the numbers-at-risk table under the time axis. Default true. */
  riskTable?: boolean;
  /** About this many time ticks (shared by the axis and the risk table). Default 6. */
  ticks?: number;
  /** Time axis title. Default `Time`. */
  timeTitle?: string;
  /** Survival axis title. Default `Survival probability`. */
  survTitle?: string;
}

interface Step { time: number; surv: number; lower: number; upper: number; nRisk: number; nEvent: number; nCensor: number }

/**
 * KM spec from the step table `sigscore km` writes (one row per distinct time per group, as
 * survfit's summary with censoring times). Curves start at (0, 1); numbers at risk at tick t
 * are the n_risk of the first row with time ≥ t (n_risk − n_event − n_censor of the last row
 * beyond it). O(rows + groups × ticks).
 */
export function kmSpec(input: TableInput, options: KmOptions = {}): { spec: VegaLiteSpec; warnings: string[] } {
  const t = toPlotTable(input);
  const c: KmColumns = { group: 'group', time: 'time', nRisk: 'n_risk', nEvent: 'n_event', nCensor: 'n_censor', surv: 'surv', lower: 'lower', upper: 'upper', ...options.columns };
  const o = { ci: true, riskTable: true, ticks: 6, timeTitle: 'Time', survTitle: 'Survival probability', width: 520, height: 320, ...options };
  if (!t.nrow) throw new DataError(plotMsg.emptyTable('Kaplan–Meier'));
  const warnings: string[] = [];
  const g = hasColumn(t, c.group) ? strings(t, c.group) : new Array<string>(t.nrow).fill('all');
  const time = numbers(t, c.time);
  const surv = numbers(t, c.surv);
  const nRisk = numbers(t, c.nRisk);
  const nEvent = hasColumn(t, c.nEvent) ? numbers(t, c.nEvent) : new Float64Array(t.nrow);
  const nCensor = hasColumn(t, c.nCensor) ? numbers(t, c.nCensor) : new Float64Array(t.nrow);
  const lower = o.ci && hasColumn(t, c.lower) ? numbers(t, c.lower) : undefined;
  const upper = o.ci && hasColumn(t, c.upper) ? numbers(t, c.upper) : undefined;
  const groups = new Map<string, Step[]>();
  for (let i = 0; i < t.nrow; i++) {
    if (!groups.has(g[i])) groups.set(g[i], []);
    groups.get(g[i])!.push({ time: time[i], surv: surv[i], lower: lower ? lower[i] : NaN, upper: upper ? upper[i] : NaN, nRisk: nRisk[i], nEvent: nEvent[i], nCensor: nCensor[i] });
  }
  const summary = new Map<string, { n: number; events: number; median: number; lo: number; hi: number }>();
  if (options.summary) {
    const s = toPlotTable(options.summary);
    const sg = hasColumn(s, c.group) ? strings(s, c.group) : new Array<string>(s.nrow).fill('all');
    const num = (name: string): Float64Array => (hasColumn(s, name) ? numbers(s, name) : new Float64Array(s.nrow).fill(NaN));
    const [n, ev, med, ml, mu] = ['n', 'events', 'median', 'median_lower', 'median_upper'].map(num);
    sg.forEach((k, i) => summary.set(k, { n: n[i], events: ev[i], median: med[i], lo: ml[i], hi: mu[i] }));
  }
  const label = new Map<string, string>();
  for (const [k, steps] of groups) {
    steps.sort((a, b) => a.time - b.time);
    const s = summary.get(k);
    const n = s?.n ?? steps[0].nRisk;
    const med = s && Number.isFinite(s.median) ? `, median ${fmt(s.median)}` : s ? ', median NR' : '';
    label.set(k, `${k} (n=${n}${s ? `, ${s.events} events` : ''}${med})`);
  }
  const curve: Record<string, unknown>[] = [];
  const censor: Record<string, unknown>[] = [];
  let tMax = 0;
  for (const [k, steps] of groups) {
    const L = label.get(k)!;
    curve.push({ group: L, time: 0, surv: 1, lower: 1, upper: 1, n_risk: steps[0].nRisk });
    for (const st of steps) {
      if (!Number.isFinite(st.time) || !Number.isFinite(st.surv)) continue;
      tMax = Math.max(tMax, st.time);
      curve.push({ group: L, time: r9(st.time), surv: r9(st.surv), lower: r9(st.lower), upper: r9(st.upper), n_risk: st.nRisk, n_event: st.nEvent });
      if (st.nCensor > 0) censor.push({ group: L, time: r9(st.time), surv: r9(st.surv), n_censor: st.nCensor });
    }
  }
  const ticks = niceTicks(tMax, o.ticks);
  const domain = [0, ticks[ticks.length - 1] >= tMax ? ticks[ticks.length - 1] : tMax];
  const groupDomain = [...label.values()];
  const color = { field: 'group', type: 'nominal', title: null, scale: { domain: groupDomain, range: COLORS.groups.slice(0, Math.max(1, groupDomain.length)) }, legend: { orient: 'bottom', direction: 'vertical', title: null, symbolType: 'square', symbolOpacity: 1 } };
  const x = { field: 'time', type: 'quantitative', title: o.timeTitle, scale: { domain, nice: false }, axis: { values: ticks } };
  const y = { field: 'surv', type: 'quantitative', title: o.survTitle, scale: { domain: [0, 1] } };
  const layers: Record<string, unknown>[] = [];
  if (lower && upper) {
    layers.push({
      data: { values: curve.filter((r) => r.lower !== null && r.upper !== null) },
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
    });
  }
  layers.push({
    data: { values: curve },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: { x, y, color, tooltip: [{ field: 'group' }, { field: 'time', type: 'quantitative' }, { field: 'surv', type: 'quantitative', format: '.3f' }, { field: 'n_risk', type: 'quantitative', title: 'at risk' }] },
  });
  if (censor.length) {
    layers.push({
      data: { values: censor },
      mark: { type: 'tick', orient: 'vertical', size: 9, thickness: 1.5 },
      encoding: { x, y, color, tooltip: [{ field: 'group' }, { field: 'time', type: 'quantitative' }, { field: 'n_censor', type: 'quantitative', title: 'censored' }] },
    });
  }
  const medians: Record<string, unknown>[] = [];
  for (const [k, s] of summary) if (label.has(k) && Number.isFinite(s.median)) medians.push({ group: label.get(k), median: r9(s.median), half: 0.5, zero: 0 });
  if (medians.length) {
    layers.push({
      data: { values: medians },
      mark: { type: 'rule', strokeDash: [3, 3], opacity: 0.8 },
      encoding: { x: { field: 'median', type: 'quantitative' }, y: { field: 'zero', type: 'quantitative' }, y2: { field: 'half' }, color },
    });
    layers.push({
      data: { values: [{ a: 0, b: r9(Math.max(...medians.map((m) => m.median as number))), h: 0.5 }] },
      mark: { type: 'rule', strokeDash: [3, 3], color: '#777' },
      encoding: { x: { field: 'a', type: 'quantitative' }, x2: { field: 'b' }, y: { field: 'h', type: 'quantitative' } },
    });
  }
  const lr = options.logrank;
  const subtitle = lr ? `Log-rank ${formatP(lr.p)}${lr.chisq !== undefined ? ` (χ² = ${fmt(lr.chisq)}${lr.df !== undefined ? `, df = ${lr.df}` : ''})` : ''}` : undefined;
  const main = { width: o.width, height: o.height, layer: layers };
  let body: Record<string, unknown> = main;
  if (o.riskTable) {
    const risk: Record<string, unknown>[] = [];
    for (const [k, steps] of groups) for (const tk of ticks) risk.push({ group: label.get(k), short: k, time: tk, n: atRisk(steps, tk) });
    body = {
      vconcat: [
        main,
        {
          width: o.width,
          height: 18 * groups.size,
          title: { text: 'Number at risk', fontSize: 11, anchor: 'start', fontWeight: 'normal' },
          data: { values: risk },
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            x: { field: 'time', type: 'quantitative', scale: { domain, nice: false }, axis: null },
            y: { field: 'short', type: 'nominal', title: null, sort: [...groups.keys()], axis: { domain: false, ticks: false, labelFontSize: 11, labelPadding: 18, labelLimit: 160 } },
            text: { field: 'n', type: 'quantitative' },
            color,
          },
        },
      ],
      spacing: 6,
    };
  }
  const spec = topLevel(body, o.title ?? 'Kaplan–Meier', 'sigscore Kaplan–Meier plot');
  if (subtitle) spec.title = { ...spec.title, subtitle, subtitleFontSize: 12 };
  return { spec, warnings };
}

function atRisk(steps: Step[], t: number): number {
  for (const s of steps) if (s.time >= t) return s.nRisk;
  const last = steps[steps.length - 1];
  return Math.max(0, last.nRisk - last.nEvent - last.nCensor);
}
