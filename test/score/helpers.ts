/** Shared helpers for the score tests: paths to shared data and fixtures, and a TSV score reader. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const sharedData = resolve(repoRoot, '../shared/data');
export const fixtureDir = resolve(repoRoot, 'test/conformance/score');
export const hasShared = existsSync(resolve(sharedData, 'icb_cohorts/ICB_small_Liu_expr_log2tpm.tsv.gz'));

/** Read a signature × sample TSV (first column ids) into a Map id → values, plus sample names. */
export function readScoreTable(path: string): { samples: string[]; rows: Map<string, Float64Array> } {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const samples = lines[0].split('\t').slice(1);
  const rows = new Map<string, Float64Array>();
  for (const l of lines.slice(1)) {
    const f = l.split('\t');
    rows.set(f[0], Float64Array.from(f.slice(1), (v) => (v === 'NA' ? NaN : Number(v))));
  }
  return { samples, rows };
}
