/** Shared helpers of the survival tests: the R fixture, the data CSVs and tolerance checks. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = resolve(here, '../../../shared/data/survival');
export const HAVE_DATA = existsSync(join(DATA_DIR, 'lung.csv'));
if (!HAVE_DATA) console.warn(`survival conformance: ${DATA_DIR} is absent, data-based tests are skipped`);

export const fixture = JSON.parse(readFileSync(join(here, '../conformance/survival/survival.json'), 'utf8'));

/** R's write_json unboxes length-1 vectors; this boxes them back. */
export function arr<T = number>(v: unknown): T[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}
/** JSON null (R NA) → NaN. */
export const num = (v: unknown): number => (v === null || v === undefined || v === 'NA' ? NaN : Number(v));

export type Csv = Map<string, (string | number | null)[]>;

/** Minimal CSV reader for write.csv output (quoted strings, NA). */
export function readCsv(name: string): Csv {
  const lines = readFileSync(join(DATA_DIR, name), 'utf8').trim().split(/\r?\n/);
  const split = (l: string): string[] => {
    const out: string[] = [];
    let cur = '', q = false;
    for (const ch of l) {
      if (ch === '"') q = !q;
      else if (ch === ',' && !q) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  const cols: (string | number | null)[][] = header.map(() => []);
  const quoted = header.map(() => false);
  for (const l of lines.slice(1)) {
    const raw = l.split(',');
    split(l).forEach((v, j) => {
      if (raw[j]?.startsWith('"')) quoted[j] = true;
      cols[j].push(v === 'NA' ? null : v);
    });
  }
  const m: Csv = new Map();
  header.forEach((h, j) => m.set(h, quoted[j] ? cols[j] : cols[j].map((v) => (v === null ? null : Number(v)))));
  return m;
}

const cache = new Map<string, Csv>();
/** A data set by the name the fixture script uses (colon already restricted to deaths). */
export function dataset(name: string): Csv {
  if (cache.has(name)) return cache.get(name)!;
  const file = { lung: 'lung.csv', veteran: 'veteran.csv', ovarian: 'ovarian.csv', colon: 'colon.csv', gbsg: 'gbsg.csv', rotterdam: 'rotterdam.csv' }[name]!;
  let d = readCsv(file);
  if (name === 'colon') {
    const keep = d.get('etype')!.map((v) => v === 2);
    const f: Csv = new Map();
    for (const [k, v] of d) f.set(k, v.filter((_, i) => keep[i]));
    d = f;
  }
  cache.set(name, d);
  return d;
}

export const numeric = (d: Csv, col: string): Float64Array => Float64Array.from(d.get(col)!, (v) => (v === null ? NaN : Number(v)));

/** |a − e| ≤ tol·max(|e|, floor) elementwise; NaN matches NaN. Returns the max relative difference. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what: string, floor = 1e-300): number {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i], e = expected[i];
    if (Number.isNaN(e) || e === null) {
      expect(Number.isNaN(a), `${what}[${i}]: expected NA, got ${a}`).toBe(true);
      continue;
    }
    const d = Math.abs(a - e) / Math.max(Math.abs(e), floor);
    if (!(d <= worst)) worst = d;
    if (!(Math.abs(a - e) <= tol * Math.max(Math.abs(e), floor))) expect.fail(`${what}[${i}]: ${a} vs R ${e} (rel ${d})`);
  }
  return worst;
}
