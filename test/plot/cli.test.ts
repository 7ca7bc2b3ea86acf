import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/app.js';
import { writeResultTables } from './tables.js';

let dir: string;
let f: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigscore-plot-cli-'));
  f = writeResultTables(join(dir, 'in'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: any) => { err += String(s); return true; });
  try {
    return { code: await run([...args, '--quiet']), err };
  } finally {
    spy.mockRestore();
  }
}

describe('sigscore plot', () => {
  const cases: [string, () => string[], string][] = [
    ['volcano', () => ['plot', 'volcano', f['de.tsv']], 'png'],
    ['heatmap', () => ['plot', 'heatmap', f['scores.tsv'], '--clinical', f['clinical.tsv'], '--annotate', 'response', 'age'], 'svg'],
    ['km', () => ['plot', 'km', f['km.tsv'], '--summary', f['km_summary.tsv'], '--logrank', f['logrank.json'], '--time-title', 'Months'], 'png'],
    ['box', () => ['plot', 'box', f['scores.tsv'], '--clinical', f['clinical.tsv'], '--group', 'response'], 'vl.json'],
    ['importance', () => ['plot', 'importance', f['importance.tsv']], 'html'],
    ['forest', () => ['plot', 'forest', f['cox.tsv']], 'svg'],
    ['forest-screen', () => ['plot', 'forest', f['screen.tsv'], '--endpoint', 'pfs'], 'svg'],
    ['correlation', () => ['plot', 'correlation', f['correlation.tsv']], 'png'],
    ['probability', () => ['plot', 'probability', f['probability.tsv']], 'png'],
  ];
  for (const [name, args, ext] of cases) {
    it(`plot ${name} writes a .${ext}`, async () => {
      const out = join(dir, `${name}.${ext}`);
      const { code, err } = await cli([...args(), '-o', out]);
      expect(err).toBe('');
      expect(code).toBe(0);
      const bytes = readFileSync(out);
      if (ext === 'png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      if (ext === 'svg') expect(bytes.toString().startsWith('<svg')).toBe(true);
      if (ext === 'vl.json') expect(JSON.parse(bytes.toString()).$schema).toContain('vega-lite/v6');
      if (ext === 'html') expect(bytes.toString()).toContain('<!DOCTYPE html>');
    });
  }
  it('plot km reads the log-rank table sigscore logrank writes', async () => {
    const out = join(dir, 'km-tsv.vl.json');
    expect((await cli(['plot', 'km', f['km.tsv'], '--logrank', f['logrank.tsv'], '-o', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).title.subtitle).toBe('Log-rank p = 0.04 (χ² = 4.2, df = 1)');
  });
  it('plot box records the Wilcoxon p in the spec', async () => {
    const spec = JSON.parse(readFileSync(join(dir, 'box.vl.json'), 'utf8'));
    expect(JSON.stringify(spec)).toMatch(/Wilcoxon p = /);
  });
  it('plot volcano with a missing column exits 1 with one line naming the column and writes nothing', async () => {
    const out = join(dir, 'bad.png');
    const { code, err } = await cli(['plot', 'volcano', f['de.tsv'], '--effect', 'log2FoldChange', '-o', out]);
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('no column "log2FoldChange"');
    expect(existsSync(out)).toBe(false);
  });
  it('plot with an unknown output extension exits 2 and writes nothing', async () => {
    const out = join(dir, 'bad.gif');
    const { code, err } = await cli(['plot', 'forest', f['cox.tsv'], '-o', out]);
    expect(code).toBe(2);
    expect(err).toContain('cannot tell the plot format');
    expect(existsSync(out)).toBe(false);
  });
  it('plot refuses to overwrite one of its inputs', async () => {
    const before = readFileSync(f['logrank.json'], 'utf8');
    const { code, err } = await cli(['plot', 'km', f['km.tsv'], '--logrank', f['logrank.json'], '-o', f['logrank.json']]);
    expect(code).toBe(2);
    expect(err).toContain('refusing to overwrite');
    expect(readFileSync(f['logrank.json'], 'utf8')).toBe(before);
  });
  it('plot box with an unknown signature exits 1 naming it', async () => {
    const { code, err } = await cli(['plot', 'box', f['scores.tsv'], '--clinical', f['clinical.tsv'], '--group', 'sample_id', '--signatures', 'NOPE', '-o', join(dir, 'x.svg')]);
    expect(code).toBe(1);
    expect(err).toContain('NOPE');
  });
});
