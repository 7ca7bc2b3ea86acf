/** Shared look of every sigscore plot: schema URL, fonts, colours, number formats. */

/** A Vega-Lite specification (plain JSON). */
export type VegaLiteSpec = { $schema: string } & Record<string, any>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Fonts named in specs; the PNG renderer loads DejaVu Sans (or Liberation Sans) explicitly. */
export const PLOT_FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export const COLORS = {
  up: '#c0392b',
  down: '#2166ac',
  ns: '#b8b8b8',
  neutral: '#4a4a4a',
  band: '#9ecae1',
  /** Categorical groups (Okabe–Ito, colour-blind safe). */
  groups: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'],
} as const;

/** Common options of every spec builder. */
export interface PlotCommon {
  /** Title drawn above the plot. Default: a title naming the plot. */
  title?: string;
  /** Width of the main panel in pixels. Default depends on the plot (≈ 420–520). */
  width?: number;
  /** Height of the main panel in pixels. Default depends on the plot. */
  height?: number;
}

/** Wrap a body in the top-level fields every sigscore spec carries. */
export function topLevel(body: Record<string, any>, title: string | undefined, description: string): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description,
    ...(title ? { title: { text: title, anchor: 'start', fontSize: 15 } } : {}),
    background: 'white',
    padding: 8,
    ...body,
    config: {
      font: PLOT_FONT,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12, grid: false, domainColor: '#555', tickColor: '#555' },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
      header: { labelFontSize: 12, titleFontSize: 12 },
    },
  };
}

/** p-value as text: "p = 0.032", "p = 3.1e-05", "p < 1e-300"; NaN → "p = NA". */
export function formatP(p: number, prefix = 'p'): string {
  if (Number.isNaN(p)) return `${prefix} = NA`;
  if (p === 0) return `${prefix} < 1e-300`;
  if (p >= 0.001) return `${prefix} = ${p >= 0.1 ? p.toFixed(2) : Number(p.toPrecision(2))}`;
  return `${prefix} = ${p.toExponential(1)}`;
}

/** A number with `digits` significant digits, no trailing noise ("1.23", "0.0045", "NA"). */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NA' : x > 0 ? 'Inf' : '-Inf';
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

/** Round for JSON so specs stay small (values keep ~9 significant digits). */
export function r9(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(9)) : null;
}
