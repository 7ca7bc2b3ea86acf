/** Write a plot by the output's extension (.vl.json / .json spec, .svg, .png, .html) or a report. Node-only. */
import { UsageError } from '../../core/errors.js';
import { writeAtomic } from '../../io/node/files.js';
import type { VegaLiteSpec } from '../theme.js';
import { buildReportHtml, type ReportInput } from '../report.js';
import { renderSvg, svgToPng } from './render.js';
import { reportAssets } from './assets.js';

export type PlotFormat = 'spec' | 'svg' | 'png' | 'html';

/** Output format from the file name; UsageError for anything else. */
export function plotFormat(path: string): PlotFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.vl.json') || p.endsWith('.json')) return 'spec';
  if (p.endsWith('.svg')) return 'svg';
  if (p.endsWith('.png')) return 'png';
  if (p.endsWith('.html') || p.endsWith('.htm')) return 'html';
  throw new UsageError(`${path}: cannot tell the plot format from the extension (known: .vl.json, .svg, .png, .html)`);
}

/** Write `spec` to `path`; returns rendering warnings. Atomic; refuses to overwrite `inputs`. */
export async function writePlot(spec: VegaLiteSpec, path: string, options: { inputs?: readonly string[]; scale?: number; title?: string } = {}): Promise<string[]> {
  const format = plotFormat(path);
  const inputs = options.inputs;
  if (format === 'spec') {
    await writeAtomic(path, JSON.stringify(spec, null, 1) + '\n', { inputs });
    return [];
  }
  if (format === 'html') {
    await writeReportFile({ title: options.title ?? 'sigscore plot', sections: [{ title: options.title ?? 'Plot', charts: [{ spec }] }] }, path, { inputs });
    return [];
  }
  const { svg, warnings } = await renderSvg(spec);
  await writeAtomic(path, format === 'svg' ? svg : await svgToPng(svg, { scale: options.scale }), { inputs });
  return warnings;
}

/** Build and write a self-contained HTML report. */
export async function writeReportFile(report: ReportInput, path: string, options: { inputs?: readonly string[] } = {}): Promise<void> {
  await writeAtomic(path, buildReportHtml(report, reportAssets()), options);
}
