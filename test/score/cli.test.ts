import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/app.js';

let dir: string;
let stderr: string[];
let stdout: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sigscore-score-'));
  stderr = [];
  stdout = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (stderr.push(String(s)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (stdout.push(String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function writeMatrix(): string {
  const genes = ['GZMA', 'PRF1', 'CD8A', 'CD8B', 'FOXP3', 'STAT1', 'CXCL9', 'CXCL10', 'CXCL11'];
  const lines = ['gene\ts1\ts2\ts3', ...genes.map((g, i) => `${g}\t${i + 1}\t${i + 2.5}\t${(i * 7) % 5}`)];
  const p = join(dir, 'expr.tsv');
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

describe('sigscore score', () => {
  it('writes one row per signature and one column per sample, and the coverage table', async () => {
    const m = writeMatrix();
    const out = join(dir, 'scores.tsv');
    const cov = join(dir, 'coverage.tsv');
    const code = await run(['score', m, '--signatures', 'io360-public', '-o', out, '--coverage', cov, '--quiet']);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('signature\ts1\ts2\ts3');
    const cyt = lines.find((l) => l.startsWith('CYT_Rooney\t'))!.split('\t').slice(1).map(Number);
    expect(cyt).toEqual([1.5, 3, (0 + 2) / 2]);
    const covLines = readFileSync(cov, 'utf8').trim().split('\n');
    expect(covLines[0]).toBe('signature\tmethod\tgenes_total\tgenes_matched\tmissing_genes\taliased_genes\tweight_fraction\thousekeeping_total\thousekeeping_matched\tstatus');
    expect(covLines.find((l) => l.startsWith('IFNG_IO360\t'))).toBe('IFNG_IO360\tmean\t4\t4\t\t\t1\t0\t0\tcomplete');
    expect(covLines).toHaveLength(lines.length);
  });

  it('reads a GMT file, applies --method zscore and prints one warning per degraded signature', async () => {
    const m = writeMatrix();
    const gmt = join(dir, 'sets.gmt');
    writeFileSync(gmt, 'CYT\tx\tGZMA\tPRF1\nHALF\tx\tCD8A\tCD8B\tNOPE1\tNOPE2\n');
    const out = join(dir, 's.csv');
    expect(await run(['score', m, '-s', gmt, '-m', 'zscore', '-o', out])).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('signature,s1,s2,s3');
    expect(stderr.join('')).toBe('sigscore: warning: signature "HALF": 2 of 4 genes missing (NOPE1, NOPE2)\n');
  });

  it('--method gsva and --method ssgsea dispatch to the GSVA module', async () => {
    const m = writeMatrix();
    const gmt = join(dir, 'sets.gmt');
    writeFileSync(gmt, 'CYT\tx\tGZMA\tPRF1\nIFNG\tx\tSTAT1\tCXCL9\tCXCL10\tCXCL11\n');
    for (const method of ['gsva', 'ssgsea']) {
      const out = join(dir, `${method}.tsv`);
      expect(await run(['score', m, '-s', gmt, '-m', method, '-o', out, '--quiet']), method).toBe(0);
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      expect(lines.map((l) => l.split('\t')[0])).toEqual(['signature', 'CYT', 'IFNG']);
      expect(lines.slice(1).every((l) => l.split('\t').slice(1).every((v) => Number.isFinite(Number(v))))).toBe(true);
    }
  });

  it.each([
    [['-s', 'no-such-collection'], 2, 'sigscore: unknown signature collection or file "no-such-collection" (built-in collections: io360-public, tme-rnaseq)\n'],
    [['-s', 'io360-public', '--missing', 'error'], 1, /^sigscore: signature "TIS": \d+ gene\(s\) missing from the matrix \(.*\); use --missing drop\|na to score anyway\n$/],
    [['-s', 'io360-public', '--min-coverage', '3'], 2, 'sigscore: option minCoverage must be ≥ 0 and ≤ 1, got 3\n'],
  ])('bad input %j exits %i with one line on stderr and writes no output', async (extra, exit, message) => {
    const m = writeMatrix();
    const out = join(dir, 'scores.tsv');
    const code = await run(['score', m, ...(extra as string[]), '-o', out, '--quiet']);
    expect(code).toBe(exit);
    const text = stderr.join('');
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite the input matrix', async () => {
    const m = writeMatrix();
    const before = readFileSync(m, 'utf8');
    expect(await run(['score', m, '-s', 'io360-public', '-o', m, '--quiet'])).toBe(2);
    expect(stderr.join('')).toMatch(/refusing to overwrite input file/);
    expect(readFileSync(m, 'utf8')).toBe(before);
  });
});

describe('sigscore signatures', () => {
  it('list prints every built-in collection with citations; show prints genes, weights and citation', async () => {
    expect(await run(['signatures', 'list'])).toBe(0);
    const text = stdout.join('');
    expect(text).toMatch(/^io360-public — /);
    expect(text).toMatch(/tme-rnaseq — /);
    expect(text).toMatch(/TIS +18 +weighted +PMID:30309915 doi:10\.1126\/science\.aar3593/);
    stdout.length = 0;
    expect(await run(['signatures', 'show', 'TIS'])).toBe(0);
    expect(stdout.join('')).toContain('STAT1=0.250229');
    expect(stdout.join('')).toContain('housekeeping (11): ABCF1 C14orf102');
  });

  it('show of an unknown id exits 2 with one line', async () => {
    expect(await run(['signatures', 'show', 'NOPE'])).toBe(2);
    expect(stderr.join('')).toMatch(/^sigscore: unknown signature "NOPE" \(known: .*\)\n$/);
  });
});
