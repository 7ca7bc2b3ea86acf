/**
 * Test helpers: read a CSV/TSV of ../shared/data by path (as R's read.csv/read.delim with
 * na.strings = c("NA", "")), and compare numbers with a relative tolerance.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitFields } from '../../src/io/fields.js';

/** Root of the shared data (…/shared/data), resolved from this file. */
export const DATA_ROOT = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasData = existsSync(DATA_ROOT + 'survival/lung.csv') && existsSync(DATA_ROOT + 'icb_cohorts/ICB_small_Liu_clinical.tsv');
if (!hasData) console.warn(`stats conformance: ${DATA_ROOT} is absent; data-based cases are skipped`);

export interface Frame {
  names: string[];
  /** Cell texts; null for NA/empty. */
  text(col: string): (string | null)[];
  num(col: string): Float64Array;
  nrow: number;
}

const cache = new Map<string, Frame>();

export function readFrame(file: string): Frame {
  const hit = cache.get(file);
  if (hit) return hit;
  const raw = readFileSync(DATA_ROOT + file, 'utf8').replace(/\r/g, '');
  const lines = raw.split('\n').filter((l) => l.length > 0);
  const delim = file.endsWith('.tsv') ? '\t' : ',';
  const names = splitFields(lines[0], delim);
  const rows = lines.slice(1).map((l) => splitFields(l, delim));
  const idx = new Map(names.map((n, i) => [n, i]));
  const col = (c: string): number => {
    const i = idx.get(c);
    if (i === undefined) throw new Error(`${file}: no column ${c}`);
    return i;
  };
  const f: Frame = {
    names,
    nrow: rows.length,
    text: (c) => {
      const i = col(c);
      return rows.map((r) => (r[i] === undefined || r[i] === '' || r[i] === 'NA' ? null : r[i]));
    },
    num: (c) => Float64Array.from(f.text(c), (s) => (s === null ? NaN : Number(s))),
  };
  cache.set(file, f);
  return f;
}

/** |a − e| ≤ tol·|e| (+ tiny absolute slack for zeros); NaN/null expected means NaN. */
export function relClose(actual: number, expectedIn: number | string | null, tol: number): boolean {
  const expected = toNumber(expectedIn);
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol * Math.abs(expected) + 1e-300;
}

/** R's JSON values: numbers, "Inf", "-Inf", "NA", "NaN", null. */
export function toNumber(v: number | string | null): number {
  if (v === null || v === 'NA' || v === 'NaN') return NaN;
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  return Number(v);
}

/** Relative difference, for reporting the largest one. */
export const relDiff = (a: number, e: number): number => (e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e));

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../conformance/stats/${name}.json`, import.meta.url)), 'utf8')) as T;
}
