/** The UMD builds of vega, vega-lite and vega-embed, read from node_modules for inlining in reports. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportAssets } from '../report.js';

let cached: ReportAssets | undefined;

function build(pkg: string, file: string): string {
  // each package's main entry lives in its build/ folder next to the minified UMD bundle
  return readFileSync(join(dirname(fileURLToPath(import.meta.resolve(pkg))), file), 'utf8');
}

/** Read (once) the three scripts a report inlines. */
export function reportAssets(): ReportAssets {
  cached ??= { vega: build('vega', 'vega.min.js'), vegaLite: build('vega-lite', 'vega-lite.min.js'), vegaEmbed: build('vega-embed', 'vega-embed.min.js') };
  return cached;
}
