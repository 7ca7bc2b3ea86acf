import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sigscore } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-screen-'));
const clinical = join(dir, 'clinical.tsv');
const rows = ['sample_id\tage\tgroup\tresp\tne_grade\tpfs_time\tpfs_event'];
for (let i = 0; i < 30; i++) rows.push(`S${i}\t${40 + ((i * 7) % 31)}\t${i % 3 ? 'a' : 'b'}\t${i % 2}\t${i % 5}\t${1 + ((i * 13) % 17)}\t${i % 4 ? 1 : 0}`);
writeFileSync(clinical, rows.join('\n') + '\n');
const scores = join(dir, 'scores.tsv');
writeFileSync(scores, 'signature\t' + Array.from({ length: 30 }, (_, i) => `S${i}`).join('\t') + '\nTIS\t' + Array.from({ length: 30 }, (_, i) => ((i * 3) % 11) / 2).join('\t') + '\n');


afterEach(() => vi.restoreAllMocks());

describe('sigscore screen', () => {
  it('writes the screen table with exactly the documented columns, plus correlation and clusters', async () => {
    const out = join(dir, 'screen.tsv');
    const r = await sigscore(['screen', clinical, '--scores', scores, '-e', 'resp=binary:resp', '-e', 'pfs=survival:pfs_time,pfs_event', '-e', 'ne3=binary:ne_grade>=3',
      '-o', out, '--correlation', join(dir, 'corr.tsv'), '--collinearity', join(dir, 'clusters.tsv'), '--probability', join(dir, 'prob.tsv'), '--quiet']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('covariate\tendpoint\tn\ttest\teffect\teffect_lower\teffect_upper\tp\tq\tmedian_cutoff\tlogrank_p_median');
    expect(lines.length).toBe(1 + 3 * 3); // age, group, TIS × 3 endpoints
    expect(readFileSync(join(dir, 'corr.tsv'), 'utf8').split('\n')[0]).toBe('covariate_1\tcovariate_2\tn\trho\tp\tq');
    expect(existsSync(join(dir, 'clusters.tsv'))).toBe(true);
    expect(existsSync(join(dir, 'prob.tsv'))).toBe(true);
  });
  it('exits 2 with one line for a malformed --endpoint and writes nothing', async () => {
    const out = join(dir, 'bad1.tsv');
    const r = await sigscore(['screen', clinical, '-e', 'resp=logistic:resp', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stderr).toMatch(/invalid --endpoint "resp=logistic:resp"/);
    expect(existsSync(out)).toBe(false);
  });
  it('exits 1 naming the column when an endpoint column is missing', async () => {
    const out = join(dir, 'bad2.tsv');
    const r = await sigscore(['screen', clinical, '-e', 'x=binary:nope', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no column "nope"/);
    expect(existsSync(out)).toBe(false);
  });
  it('exits 1 for a non-binary endpoint column and refuses to overwrite the input', async () => {
    const r = await sigscore(['screen', clinical, '-e', 'x=binary:ne_grade', '-o', join(dir, 'bad3.tsv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs 0\/1 values/);
    const before = readFileSync(clinical, 'utf8');
    const r2 = await sigscore(['screen', clinical, '-e', 'resp=binary:resp', '-o', clinical, '--quiet']);
    expect(r2.code).not.toBe(0);
    expect(readFileSync(clinical, 'utf8')).toBe(before);
  });
});
