import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forestCohort } from '../helpers/forest-cohorts.js';
import { sigscore } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-forest-'));
const c = forestCohort(11, 60, 12);
const ids = Array.from({ length: c.n }, (_, i) => (i === 0 ? '__proto__' : i === 1 ? 'constructor' : `P${i}`));
const header = ['sample_id', 'resp', 'pfs_time', 'pfs_event', 'stage', ...c.names];
const lines = [header.join('\t')];
for (let i = 0; i < c.n; i++) lines.push([ids[i], c.binary[i], c.time[i], c.status[i], i % 3 === 0 ? 'III' : 'II', ...c.names.map((_, v) => c.x[v * c.n + i])].join('\t'));
writeFileSync(join(dir, 'clin.tsv'), lines.join('\n') + '\n');
writeFileSync(join(dir, 'missing.tsv'), lines.map((l, i) => (i === 5 ? l.replace(/\t[^\t]+$/, '\tNA') : l)).join('\n') + '\n');

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const r = await sigscore(args);
  return { code: r.code, err: r.stderr };
}

describe('sigscore forest', () => {
  it('writes the importance table and the OOB summary for a survival endpoint', async () => {
    const out = join(dir, 'imp.tsv');
    const oob = join(dir, 'oob.json');
    const r = await cli(['forest', join(dir, 'clin.tsv'), '-e', 'pfs=survival:pfs_time,pfs_event', '--exclude', 'resp', '--trees', '60', '--repeats', '2', '--threads', '1', '-o', out, '--oob', oob, '--quiet']);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('covariate\timportance\timportance_sd\trank_mean\ttop_k_freq\tp_janitza\tdirection\timpurity_importance');
    expect(rows).toHaveLength(1 + 13);
    const summary = JSON.parse(readFileSync(oob, 'utf8'));
    expect(summary.kind).toBe('survival');
    expect(summary.seeds).toEqual([42, 43]);
    expect(summary.c_index).toBeGreaterThan(0.5);
  });

  it('names covariates with missing values and writes nothing; --impute reports instead', async () => {
    const out = join(dir, 'imp2.tsv');
    const r = await cli(['forest', join(dir, 'missing.tsv'), '-e', 'r=binary:resp', '--trees', '20', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing values in 1 covariate\(s\): noise2; drop them or use --impute/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    const ok = await cli(['forest', join(dir, 'missing.tsv'), '-e', 'r=binary:resp', '--trees', '20', '--impute', '--threads', '1', '-o', out]);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/imputed noise2: 1 value/);
  });

  it('drops collinear covariates first when asked, and rejects bad options with exit 2', async () => {
    const oob = join(dir, 'oob3.json');
    const r = await cli(['forest', join(dir, 'clin.tsv'), '-e', 'r=binary:resp', '--trees', '20', '--collinearity', '0.5', '--threads', '1', '-o', join(dir, 'imp3.tsv'), '--oob', oob, '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(oob, 'utf8')).collinearity_dropped.length).toBeGreaterThan(0);
    expect((await cli(['forest', join(dir, 'clin.tsv'), '-e', 'r=binary:resp', '--trees', '0', '-o', join(dir, 'x.tsv')])).code).toBe(2);
    expect((await cli(['forest', join(dir, 'clin.tsv'), '-e', 'garbage', '-o', join(dir, 'y.tsv')])).code).toBe(2);
  });
});
