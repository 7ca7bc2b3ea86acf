/**
 * Fonts for PNG rendering. resvg does not read the system font configuration reliably, so the
 * font files are named explicitly: DejaVu Sans, else Liberation Sans, else any TrueType font
 * found in the usual directories; with none, system fonts are loaded and text may be missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface FontChoice {
  files: string[];
  family: string | undefined;
}

const CANDIDATES: { family: string; files: string[] }[] = [
  { family: 'DejaVu Sans', files: ['dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf', 'dejavu/DejaVuSans-Oblique.ttf'] },
  { family: 'Liberation Sans', files: ['liberation2/LiberationSans-Regular.ttf', 'liberation2/LiberationSans-Bold.ttf', 'liberation/LiberationSans-Regular.ttf'] },
];

const ROOTS = ['/usr/share/fonts/truetype', '/usr/share/fonts/TTF', '/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];

let cached: FontChoice | undefined;

/** Find fonts once per process; `SIGSCORE_FONT` (a .ttf path) overrides. */
export function findFonts(): FontChoice {
  if (cached) return cached;
  const env = process.env.SIGSCORE_FONT;
  if (env && existsSync(env)) return (cached = { files: [env], family: undefined });
  for (const c of CANDIDATES) {
    for (const root of ROOTS) {
      const files = c.files.map((f) => join(root, f)).filter((f) => existsSync(f));
      if (files.length) return (cached = { files, family: c.family });
    }
  }
  for (const root of ROOTS) {
    const found = scan(root, 3);
    if (found) return (cached = { files: [found], family: undefined });
  }
  return (cached = { files: [], family: undefined });
}

function scan(dir: string, depth: number): string | undefined {
  if (depth < 0 || !existsSync(dir)) return undefined;
  try {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isFile() && /sans.*\.(ttf|otf)$/i.test(e.name) && !/mono|bold|italic|oblique/i.test(e.name)) return p;
      if (e.isDirectory()) {
        const f = scan(p, depth - 1);
        if (f) return f;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
