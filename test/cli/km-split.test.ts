/**
 * `sigscore km --split COL --cut median|optimal|<number>`: outputs checked against R (survival 3.5-3
 * survdiff/coxph on the dichotomised variable, maxstat for the optimal cut; fixtures of
 * scripts/km-split-fixtures.R), usage errors (exit 2) and data errors (exit 1).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, tempDir } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const veteranCsv = join(here, '..', '..', '..', 'shared', 'data', 'survival', 'veteran.csv');
const haveData = existsSync(veteranCsv);
if (!haveData) console.warn(`SKIPPED: km --split conformance — ${veteranCsv} is absent`);
const fx = JSON.parse(readFileSync(join(here, '..', 'conformance', 'survival', 'km_split_fixtures.json'), 'utf8'));
const fixture = (method: string): any => fx.cases.find((c: any) => c.data === 'veteran' && c.x === 'karno' && c.method === method);

const dir = tempDir();
const veteran = join(dir, 'veteran.csv');
const small = join(dir, 'small.tsv');
writeFileSync(small, 'sample_id\ttime\tstatus\tx\tgrp\n' + [
  's1\t1\t1\t9\ta', 's2\t2\t1\t8\tb', 's3\t3\t1\t7\ta', 's4\t4\t0\t6\tb', 's5\t5\t1\t4\ta', 's6\t6\t0\t3\tb', 's7\t7\t1\t2\ta', 's8\t8\t0\t1\tb',
].join('\n') + '\n');
beforeAll(() => {
  // the data CSV with a sample id column in front (the clinical table's first column)
  if (!haveData) return;
  const lines = readFileSync(veteranCsv, 'utf8').trim().split(/\r?\n/);
  writeFileSync(veteran, ['"id",' + lines[0], ...lines.slice(1).map((l, i) => `p${i + 1},${l}`)].join('\n') + '\n');
});

const close = (a: number, e: number, tol: number): void => expect(Math.abs(a - e)).toBeLessThanOrEqual(tol * Math.abs(e));
const base = (file: string): string[] => ['km', file, '--time', 'time', '--event', 'status', '--quiet'];

describe.skipIf(!haveData)('sigscore km --split on veteran karno matches R', () => {
  it('--cut optimal: maxstat cut 40, Lau94 p, log-rank p and Cox HR (high vs low) as R (rel 1e-7); metadata in JSON', async () => {
    const c = fixture('optimal');
    const r = await cli([...base(veteran), '--split', 'karno', '--cut', 'optimal', '--permutations', '200',
      '-o', join(dir, 'km.json'), '--summary', join(dir, 'sum.json'), '--cox', join(dir, 'cox.json')]);
    expect(r.code).toBe(0);
    const km = JSON.parse(readFileSync(join(dir, 'km.json'), 'utf8'));
    expect(km.cut).toBe(c.cut);
    expect(km.cut_method).toBe('optimal');
    expect([...new Set(km.rows.map((x: { group: string }) => x.group))]).toEqual(['karno<=40', 'karno>40']);
    const s = JSON.parse(readFileSync(join(dir, 'sum.json'), 'utf8'));
    expect([s.n_low, s.n_high]).toEqual([c.n_low, c.n_high]);
    close(s.p, c.logrank.p, 1e-7);
    close(s.chisq, c.logrank.chisq, 1e-7);
    close(s.p_lau94, c.p_lau94, 1e-6);
    close(s.p_lau92, c.p_lau92, 1e-6);
    expect(s.p_condmc).toBeGreaterThanOrEqual(0);
    expect(s.permutations).toBe(200);
    expect(s.rows.map((x: { observed: number }) => x.observed)).toEqual(c.logrank.observed);
    const cox = JSON.parse(readFileSync(join(dir, 'cox.json'), 'utf8'));
    expect(cox.rows[0].term).toBe('karno>40');
    close(cox.rows[0].hr, c.cox.hr, 1e-7);
    close(cox.rows[0].hr_lower, c.cox.hr_lower, 1e-7);
    close(cox.rows[0].hr_upper, c.cox.hr_upper, 1e-7);
    close(cox.rows[0].p, c.cox.p, 1e-7);
    expect(cox.ties).toBe('efron');
  });

  it('--cut median and --cut 50: TSV summary repeats cut and log-rank p as columns, as R', async () => {
    for (const [cut, method] of [['median', 'median'], ['50', 'fixed']]) {
      const c = fixture(method);
      const r = await cli([...base(veteran), '--split', 'karno', '--cut', cut, '-o', join(dir, 'km.tsv'), '--summary', join(dir, 'sum.tsv'), '--cox', join(dir, 'cox.tsv')]);
      expect(r.code).toBe(0);
      const [head, ...rows] = readFileSync(join(dir, 'sum.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
      expect(head).toEqual(['group', 'n', 'events', 'median', 'median_lower', 'median_upper', 'observed', 'expected', 'split', 'cut', 'cut_method', 'n_low', 'n_high', 'chisq', 'df', 'p']);
      const col = (name: string): string[] => rows.map((x) => x[head.indexOf(name)]);
      expect(col('group')).toEqual([`karno<=${c.cut}`, `karno>${c.cut}`]);
      expect(col('cut').map(Number)).toEqual([c.cut, c.cut]);
      expect(col('cut_method')[0]).toBe(method);
      close(Number(col('p')[0]), c.logrank.p, 1e-7);
      expect(col('median').map(Number)).toEqual(c.km.median);
      const [ch, cr] = readFileSync(join(dir, 'cox.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
      close(Number(cr[ch.indexOf('hr')]), c.cox.hr, 1e-7);
      close(Number(cr[ch.indexOf('p')]), c.cox.p, 1e-7);
    }
  });
});

describe('sigscore km --split errors', () => {
  const out = ['-o', join(dir, 'e.tsv')];
  it.each([
    ['--split without --cut', ['--split', 'x'], /--split needs --cut/],
    ['--cut without --split', ['--cut', 'median'], /--cut needs --split/],
    ['--group with --split', ['--group', 'grp', '--split', 'x', '--cut', 'median'], /--group and --split are mutually exclusive/],
    ['a categorical --split column', ['--split', 'grp', '--cut', 'median'], /--split needs a numeric column, "grp" is categorical/],
    ['a --cut that is not median, optimal or a number', ['--split', 'x', '--cut', 'mean'], /--cut must be median, optimal or a number, got "mean"/],
    ['--cox without --split', ['--cox', join(dir, 'c.tsv')], /--cox needs --split/],
  ])('%s is a usage error (exit 2)', async (_, extra, message) => {
    const r = await cli([...base(small), ...extra, ...out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a cut leaving a group empty and a missing column are data errors (exit 1) naming the file', async () => {
    const r = await cli([...base(small), '--split', 'x', '--cut', '100', ...out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${small}: x split at 100 leaves 8 subject(s) ≤ cut and 0 > cut`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const m = await cli([...base(small), '--split', 'nope', '--cut', 'median', ...out]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/nope/);
  });

  it('a plain --group run is unchanged: no split metadata in the summary', async () => {
    const r = await cli([...base(small), '--group', 'grp', ...out, '--summary', join(dir, 's.tsv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 's.tsv'), 'utf8').split('\n')[0]).toBe('group\tn\tevents\tmedian\tmedian_lower\tmedian_upper');
  });
});

describe('sigscore report on km --split outputs', () => {
  it('draws the split KM curves with the log-rank p and states the cut and its search-corrected p', async () => {
    const d = tempDir();
    const r = await cli([...base(small), '--split', 'x', '--cut', 'optimal', '--minprop', '0.25', '--maxprop', '0.75', '--permutations', '50',
      '-o', join(d, 'km-x.tsv'), '--summary', join(d, 'km-x-summary.tsv'), '--cox', join(d, 'km-x-cox.tsv')]);
    expect(r.code).toBe(0);
    const s = readFileSync(join(d, 'km-x-summary.tsv'), 'utf8').split('\n');
    const cut = Number(s[1].split('\t')[s[0].split('\t').indexOf('cut')]);
    const rep = await cli(['report', d, '-o', join(d, 'report.html'), '--quiet']);
    expect(rep.code).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).toContain('Survival — km-x.tsv');
    expect(html).toContain('Cox model — km-x-cox.tsv');
    expect(html).toContain(`x split at ${cut} (optimal cut; low = x ≤ cut); log-rank p`);
    expect(html).toMatch(/Log-rank p = [0-9.e-]+ \(χ² = [0-9.]+, df = 1\)/);
  });
});
