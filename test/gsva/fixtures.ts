/** Helpers of the gsva tests: read the R fixtures and the shared real-data inputs. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ExpressionSet } from '../../src/core/expression-set.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { matrixFrom } from '../../src/core/matrix.js';
import { parseGmt } from '../../src/io/gmt.js';
import type { GeneSet } from '../../src/core/gene-set.js';

export const FIXTURES = fileURLToPath(new URL('../conformance/gsva/', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

function text(path: string): string {
  const b = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
}

/** A plain tab-separated genes × samples table (first column ids); repeated ids are kept. */
export function readTsvMatrix(path: string): ExpressionSet {
  const lines = text(path).split('\n').filter((l) => l.length > 0);
  const samples = lines[0].split('\t').slice(1);
  const genes: string[] = [];
  const data = new Float64Array((lines.length - 1) * samples.length);
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i].split('\t');
    genes.push(f[0]);
    for (let j = 1; j < f.length; j++) data[(i - 1) * samples.length + j - 1] = f[j] === 'NA' ? NaN : Number(f[j]);
  }
  return createExpressionSet(matrixFrom(genes.length, samples.length, data), genes, samples);
}

export function readSets(path: string): GeneSet[] {
  return parseGmt(text(path), { source: path });
}

/** R scores: set ids, sample ids and the matrix. */
export function readScores(name: string): { ids: string[]; samples: string[]; data: Float64Array } {
  const es = readTsvMatrix(`${FIXTURES}${name}.tsv`);
  return { ids: es.genes, samples: es.samples, data: es.x.data };
}

/** TCGA-STAD counts with Ensembl ids mapped to symbols: first row per symbol, as the R script does. */
export function readStadCounts(): ExpressionSet {
  const es = readTsvMatrix(`${SHARED}tcga_stad/tcga_stad_counts_10samples.tsv.gz`);
  const anno = new Map<string, string>();
  for (const line of text(`${SHARED}tcga_stad/anno_grch38_ensembl_to_symbol.tsv.gz`).split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length > 4 && !anno.has(f[0])) anno.set(f[0], f[4]);
  }
  const rows: number[] = [];
  const genes: string[] = [];
  const seen = new Set<string>();
  es.genes.forEach((id, i) => {
    const s = anno.get(id);
    if (s === undefined || s === '' || s === 'NA' || seen.has(s)) return;
    seen.add(s);
    rows.push(i);
    genes.push(s);
  });
  const n = es.samples.length;
  const data = new Float64Array(rows.length * n);
  rows.forEach((r, a) => data.set(es.x.data.subarray(r * n, (r + 1) * n), a * n));
  return createExpressionSet(matrixFrom(rows.length, n, data), genes, es.samples);
}

export const sharedAvailable = (...paths: string[]): boolean => paths.every((p) => existsSync(`${SHARED}${p}`));

export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = d;
  }
  return m;
}
