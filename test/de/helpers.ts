import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matrixFrom, type Matrix } from '../../src/core/matrix.js';

export const confDir = fileURLToPath(new URL('../conformance/de/', import.meta.url));
export const sharedData = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** Read a TSV as header + columns (strings). */
export function readTsv(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length);
  return { header: lines[0].split('\t'), rows: lines.slice(1).map((l) => l.split('\t')) };
}

/** Numeric column by name, keyed by the first column. */
export function column(t: { header: string[]; rows: string[][] }, name: string): Map<string, number> {
  const j = t.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return new Map(t.rows.map((r) => [r[0], r[j] === 'NA' ? NaN : Number(r[j])]));
}

/** Matrix with `skip` leading id columns. */
export function readMatrix(text: string, skip = 1): { x: Matrix; genes: string[]; samples: string[] } {
  const lines = text.split('\n').filter((l) => l.length);
  const samples = lines[0].split('\t').slice(skip);
  const n = samples.length;
  const genes: string[] = [];
  const data = new Float64Array((lines.length - 1) * n);
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    genes.push(f[0]);
    for (let j = 0; j < n; j++) data[(i - 1) * n + j] = Number(f[j + skip]);
  }
  return { x: matrixFrom(genes.length, n, data), genes, samples };
}

/** Largest relative difference |a − e| / (|e| + floor) over the keys of `expected`. */
export function maxRelDiff(actual: Map<string, number>, expected: Map<string, number>, floor = 0): number {
  let m = 0;
  for (const [k, e] of expected) {
    const a = actual.get(k);
    if (a === undefined) return Infinity;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    const d = Math.abs(a - e) / (Math.abs(e) + floor);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}
