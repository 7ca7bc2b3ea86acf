/** `sigscore gsva` run in-process: output layout, agreement with the library, bad input. */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/app.js';
import { FIXTURES, readScores } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-gsva-'));
const expr = `${FIXTURES}synth_expr.tsv.gz`;
const gmt = `${FIXTURES}synth_sets.gmt`;
const counts = `${FIXTURES}synth_counts.tsv.gz`;
const countSets = `${FIXTURES}synth_counts_sets.gmt`;

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await run(args);
    return { code, stderr: spy.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

function readOut(path: string): { ids: string[]; sizes: number[]; header: string[]; values: number[] } {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((l) => l.split('\t'));
  return {
    header: lines[0].split('\t'),
    ids: rows.map((r) => r[0]),
    sizes: rows.map((r) => Number(r[1])),
    values: rows.flatMap((r) => r.slice(2).map(Number)),
  };
}

describe('sigscore gsva', () => {
  it('writes gene_set, n_genes and one column per sample, equal to GSVA 1.46 (Gaussian, 2 threads)', async () => {
    const out = join(dir, 'gsva.tsv');
    const r = await cli(['gsva', expr, '--gene-sets', gmt, '-o', out, '--threads', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: gsva: 1 gene(s) constant');
    const o = readOut(out);
    const ref = readScores('synth_gaussian');
    expect(o.header.slice(0, 3)).toEqual(['gene_set', 'n_genes', 'S01']);
    expect(o.ids).toEqual(ref.ids);
    o.values.forEach((v, i) => expect(Math.abs(v - ref.data[i])).toBeLessThan(1e-6));
  }, 60000);
  it('--method ssgsea --no-normalize and --kcdf poisson --no-max-diff follow the library options', async () => {
    const a = join(dir, 'ssgsea.tsv');
    expect((await cli(['gsva', expr, '--gene-sets', gmt, '--method', 'ssgsea', '--no-normalize', '-o', a, '--quiet', '--threads', '1'])).code).toBe(0);
    const ref = readScores('synth_ssgsea_nonorm');
    readOut(a).values.forEach((v, i) => expect(Math.abs(v - ref.data[i])).toBeLessThan(1e-6));
    const b = join(dir, 'poisson.json');
    expect((await cli(['gsva', counts, '--gene-sets', countSets, '--kcdf', 'poisson', '--no-max-diff', '-o', b, '--quiet', '--threads', '1'])).code).toBe(0);
    const json = JSON.parse(readFileSync(b, 'utf8'));
    expect(json.params).toMatchObject({ method: 'gsva', kcdf: 'poisson', maxDiff: false });
    expect(json.rows).toHaveLength(7);
  }, 60000);
  it('fails with exit 1, one line and no output when no set matches the matrix', async () => {
    const sets = join(dir, 'none.gmt');
    writeFileSync(sets, 'A\tdesc\tNOPE1\tNOPE2\n');
    const out = join(dir, 'none.tsv');
    const r = await cli(['gsva', expr, '--gene-sets', sets, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^sigscore: gsva: no gene set has at least 1 gene\(s\) in the matrix/);
    expect(existsSync(out)).toBe(false);
  });
  it('fails with exit 2 on an invalid option value and with exit 1 on a missing matrix', async () => {
    const out = join(dir, 'bad.tsv');
    const r = await cli(['gsva', counts, '--gene-sets', countSets, '--tau', '-1', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['sigscore: option tau must be ≥ 0, got -1']);
    const m = await cli(['gsva', join(dir, 'missing.tsv'), '--gene-sets', gmt, '-o', out]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('missing.tsv');
    expect(existsSync(out)).toBe(false);
  });
  it('refuses to overwrite its input', async () => {
    const copy = join(dir, 'sets.gmt');
    writeFileSync(copy, readFileSync(countSets));
    const r = await cli(['gsva', counts, '--gene-sets', copy, '--kcdf', 'none', '-o', copy, '--threads', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite input file');
  });
});
