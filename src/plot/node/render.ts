/**
 * Vega-Lite → Vega → SVG (vega's headless renderer, no browser) → PNG (resvg with explicit
 * fonts). vega, vega-lite and resvg are imported on first use so the CLI starts fast. Node-only.
 */
import type { VegaLiteSpec } from '../theme.js';
import { findFonts } from './fonts.js';

export interface CompiledSpec {
  /** The Vega specification. */
  vega: Record<string, unknown>;
  /** Warnings vega-lite logged while compiling (should be empty for sigscore specs). */
  warnings: string[];
}

/** Compile a Vega-Lite spec, collecting vega-lite's warnings instead of printing them. */
export async function compileSpec(spec: VegaLiteSpec): Promise<CompiledSpec> {
  const vl = await import('vega-lite');
  const warnings: string[] = [];
  const logger: any = {
    level(l?: number) { return l === undefined ? 2 : logger; },
    warn(...a: unknown[]) { warnings.push(a.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
    error(...a: unknown[]) { warnings.push('error: ' + a.map(String).join(' ')); return logger; },
  };
  const out = vl.compile(spec as any, { logger });
  return { vega: out.spec as unknown as Record<string, unknown>, warnings };
}

/** Render a Vega-Lite spec to an SVG string. ~0.2 s for a few thousand marks. */
export async function renderSvg(spec: VegaLiteSpec): Promise<{ svg: string; warnings: string[] }> {
  const vega = await import('vega');
  const { vega: vg, warnings } = await compileSpec(spec);
  const view = new vega.View(vega.parse(vg as any), { renderer: 'none', logLevel: vega.Warn });
  view.logger({
    level() { return 0; },
    warn(...a: unknown[]) { warnings.push(a.map(String).join(' ')); },
    info() {},
    debug() {},
    error(...a: unknown[]) { warnings.push('error: ' + a.map(String).join(' ')); },
  } as any);
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}

export interface PngOptions {
  /** Pixel density: output width = SVG width × scale. Default 2 (print quality), 0.5–8. */
  scale?: number;
}

/** Rasterise an SVG string to PNG bytes with resvg, fonts loaded explicitly (see `findFonts`). */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fonts = findFonts();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      fontFiles: fonts.files,
      loadSystemFonts: fonts.files.length === 0,
      ...(fonts.family ? { defaultFontFamily: fonts.family, sansSerifFamily: fonts.family } : {}),
    },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Vega-Lite spec → PNG bytes. */
export async function renderPng(spec: VegaLiteSpec, options: PngOptions = {}): Promise<{ png: Uint8Array; warnings: string[] }> {
  const { svg, warnings } = await renderSvg(spec);
  return { png: await svgToPng(svg, options), warnings };
}
