import { describe, it, expect, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sigscore } from '../helpers/cli.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance', 'correlate');
const dir = mkdtempSync(join(tmpdir(), 'sigscore-correlate-'));
const a = join(fixtures, 'a.tsv');
const b = join(fixtures, 'b.tsv');

describe('sigscore correlate', () => {
  it('writes feature_a, feature_b, n, rho, statistic, p, q for every pair and warns about unshared samples', async () => {
    const out = join(dir, 'rho.tsv');
    const r = await sigscore(['correlate', a, b, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/4 sample\(s\) of a\.tsv are not in the other table/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('feature_a\tfeature_b\tn\trho\tstatistic\tp\tq');
    expect(lines.length).toBe(1 + 4 * 3);
    const want = readFileSync(join(fixtures, 'expected_spearman.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    lines.slice(1).forEach((l, k) => {
      const f = l.split('\t');
      expect(f.slice(0, 3)).toEqual(want[k].slice(0, 3));
      const rho = Number(f[3]);
      expect(Math.abs(rho - Number(want[k][3]))).toBeLessThan(1e-12);
    });
  });
  it('--method pearson writes an r column; JSON output carries the method and the shared samples', async () => {
    const out = join(dir, 'r.json');
    expect((await sigscore(['correlate', a, b, '--method', 'pearson', '-o', out, '--quiet'])).code).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.method).toBe('pearson');
    expect(j.samples).toHaveLength(10);
    expect(Object.keys(j.rows[0])).toEqual(['feature_a', 'feature_b', 'n', 'r', 'statistic', 'p', 'q']);
  });
  it('--help names the method option and the output columns', async () => {
    let text = '';
    const log = vi.spyOn(console, 'log').mockImplementation((...s: unknown[]) => { text += s.join(' '); });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { text += String(s); return true; });
    try { await sigscore(['correlate', '--help']); } finally { log.mockRestore(); out.mockRestore(); }
    expect(text).toMatch(/--method/);
    expect(text).toMatch(/feature_a, feature_b, n, rho \(or r\), statistic, p, q/);
  });

  const bad = async (args: string[], code: number, re: RegExp): Promise<void> => {
    const out = join(dir, `bad-${Math.abs(re.source.length * 31 + args.length)}.tsv`);
    const r = await sigscore(['correlate', ...args, '-o', out]);
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(re);
    expect(existsSync(out)).toBe(false);
  };
  it('exits 1 with one line naming the files when they share fewer than 3 samples', async () => {
    const c = join(dir, 'c.tsv');
    writeFileSync(c, 'feature\tS01\tS02\tQ1\nH1\t1\t2\t3\n');
    await bad([a, c], 1, /a\.tsv and c\.tsv share 2 sample id\(s\), fewer than 3/);
  });
  it('exits 1 naming file:line:column for a non-numeric value', async () => {
    const c = join(dir, 'text.tsv');
    writeFileSync(c, 'feature\tS01\tS02\tS03\nH1\t1\tabc\t3\n');
    await bad([a, c], 1, /text\.tsv:2:\d+/);
  });
  it('exits 1 for a missing file, 2 for a bad --method or --min-samples', async () => {
    await bad([a, join(dir, 'nope.tsv')], 1, /nope\.tsv/);
    await bad([a, b, '--method', 'kendall'], 2, /method/);
    await bad([a, b, '--min-samples', '2'], 2, /--min-samples must be an integer ≥ 3, got 2/);
  });
});
