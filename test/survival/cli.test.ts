import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/app.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-survival-'));
const clinical = join(dir, 'clinical.tsv');
writeFileSync(
  clinical,
  'sample_id\ttime\tstatus\tdead\tgrp\tx\ty\n' +
    ['s1\t1\t1\tyes\ta\t0.1\t3', 's2\t1\t1\tyes\tb\t0.5\t1', 's3\t2\t1\tyes\ta\t0.9\t2', 's4\t2\t0\tno\tb\t0.3\t5',
      's5\t3\t1\tyes\ta\t1.2\t4', 's6\t4\t0\tno\tb\t0.2\t6', 's7\t5\t1\tyes\ta\t1.5\t2', 's8\t6\t0\tno\tb\t0.05\t1',
      's9\t7\t1\tyes\ta\t0.7\t3', 's10\t8\t0\tno\tb\t0.4\t7'].join('\n') + '\n',
);
const bad = join(dir, 'bad.tsv');
writeFileSync(bad, 'sample_id\ttime\tstatus\ns1\t1\t1\ns2\t-2\t0\n');

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await run(args);
    const stderr = spy.mock.calls.map((c) => String(c[0])).join('');
    return { code, stderr };
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('survival CLI', () => {
  it('sigscore km writes the KM table and the median summary with the documented columns', async () => {
    const out = join(dir, 'km.tsv'), sum = join(dir, 'km-summary.tsv');
    const r = await cli(['km', clinical, '--time', 'time', '--event', 'status', '--group', 'grp', '-o', out, '--summary', sum]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('group\ttime\tn_risk\tn_event\tn_censor\tsurv\tstd_err\tlower\tupper');
    expect(readFileSync(sum, 'utf8').split('\n')[0]).toBe('group\tn\tevents\tmedian\tmedian_lower\tmedian_upper');
  });

  it('sigscore logrank, cox, cutpoint and riskgroups write their documented columns', async () => {
    const base = [clinical, '--time', 'time', '--event', 'dead', '--event-code', 'no/yes', '--quiet'];
    expect((await cli(['logrank', ...base, '-g', 'grp', '-o', join(dir, 'lr.tsv')])).code).toBe(0);
    expect(readFileSync(join(dir, 'lr.tsv'), 'utf8').split('\n')[0]).toBe('group\tn\tobserved\texpected\tchisq\tdf\tp\ttrend_chisq\ttrend_p');
    expect((await cli(['cox', ...base, '-c', 'x,grp', '-o', join(dir, 'cox.tsv')])).code).toBe(0);
    expect(readFileSync(join(dir, 'cox.tsv'), 'utf8').split('\n')[0]).toBe(
      'term\tcoef\thr\tse\tz\tp\thr_lower\thr_upper\tloglik\twald_p\tlr_p\tscore_p\tconcordance\tn\tevents\tconverged',
    );
    expect((await cli(['cutpoint', ...base, '-m', 'x', '--permutations', '100', '-o', join(dir, 'cut.json')])).code).toBe(0);
    const cut = JSON.parse(readFileSync(join(dir, 'cut.json'), 'utf8'));
    expect(Object.keys(cut.rows[0])).toEqual(expect.arrayContaining(['marker', 'cutpoint', 'statistic', 'p_lau92', 'p_lau94', 'p_condmc', 'n_low', 'n_high']));
    expect(cut.seed).toBe(42);
    expect((await cli(['riskgroups', ...base, '-m', 'x,y', '-o', join(dir, 'rg.tsv'), '--pairwise', join(dir, 'pw.tsv')])).code).toBe(0);
    expect(readFileSync(join(dir, 'pw.tsv'), 'utf8').split('\n')[0]).toBe('group_a\tgroup_b\tchisq\tp\tp_adj');
  });

  it('sigscore cox --scores joins a signatures × samples table by sample id', async () => {
    const scores = join(dir, 'scores.tsv');
    writeFileSync(scores, 'signature\t' + Array.from({ length: 10 }, (_, i) => `s${i + 1}`).join('\t') + '\nSIG\t' +
      [0.3, 1.2, 0.1, 2.2, 0.5, 1.9, 0.4, 2.5, 0.8, 1.1].join('\t') + '\n');
    const out = join(dir, 'cox-scores.json');
    const r = await cli(['cox', clinical, '--scores', scores, '--time', 'time', '--event', 'status', '-c', 'SIG', '-o', out]);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8'));
    expect(res.rows[0].term).toBe('SIG');
    expect(res.n).toBe(10);
  });

  it('sigscore cox with an unknown column exits 1 with one line and writes nothing', async () => {
    const out = join(dir, 'none.tsv');
    const r = await cli(['cox', clinical, '--time', 'time', '--event', 'status', '-c', 'nope', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no column "nope"');
    expect(existsSync(out)).toBe(false);
  });

  it('sigscore km with a negative time exits 1 naming the file and the sample', async () => {
    const out = join(dir, 'neg.tsv');
    const r = await cli(['km', bad, '--time', 'time', '--event', 'status', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('survival time must be ≥ 0');
    expect(r.stderr).toContain('s2');
    expect(existsSync(out)).toBe(false);
  });

  it('sigscore km with an event value outside the declared coding exits 1', async () => {
    const out = join(dir, 'code.tsv');
    const r = await cli(['km', clinical, '--time', 'time', '--event', 'dead', '--event-code', '0/1', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not one of the declared codes');
    expect(existsSync(out)).toBe(false);
  });

  it('sigscore cutpoint --method fixed without --value exits 2', async () => {
    const out = join(dir, 'fixed.tsv');
    const r = await cli(['cutpoint', clinical, '--time', 'time', '--event', 'status', '-m', 'x', '--method', 'fixed', '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
