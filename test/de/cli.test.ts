import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../cli/helpers.js';
import { confDir } from './helpers.js';

const counts = join(confDir, 'synth_counts.tsv');
const samples = join(confDir, 'synth_samples.tsv');

describe('sigscore de', () => {
  it('de --method voom writes the topTable columns and the metadata JSON beside it', async () => {
    const dir = tempDir();
    const out = join(dir, 'de.tsv');
    const r = await cli(['de', counts, '--samples', samples, '--design', '~ group + age', '--contrast', 'group:B:A', '--method', 'voom', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('gene\tlogFC\tAveExpr\tt\tP.Value\tadj.P.Val\tB');
    expect(lines.length).toBe(1001);
    const meta = JSON.parse(readFileSync(join(dir, 'de.meta.json'), 'utf8'));
    expect(meta.design.columns).toEqual(['(Intercept)', 'groupB', 'age']);
    expect(meta.groupSizes.group).toEqual({ A: 10, B: 10 });
    expect(meta.dfPrior).toBeGreaterThan(0);
    expect(Object.keys(meta.normFactors)).toHaveLength(20);
  });

  it('de --method wilcoxon and welch on log-CPM write per-gene test tables', async () => {
    const dir = tempDir();
    for (const m of ['wilcoxon', 'welch']) {
      const out = join(dir, `${m}.tsv`);
      const r = await cli(['de', counts, '--samples', samples, '--design', '~ group', '--contrast', 'group:B:A', '--method', m, '--normalize', 'tmm', '--filter', '-o', out, '--quiet']);
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(`gene\tlogFC\tAveExpr\t${m === 'wilcoxon' ? 'W' : 't'}\tP.Value\tadj.P.Val`);
    }
  });

  it('de with an explicit design matrix file and a linear-combination contrast', async () => {
    const dir = tempDir();
    const dm = join(dir, 'design.tsv');
    const s = readFileSync(samples, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    writeFileSync(dm, 'sample\tIntercept\tB\tage\n' + s.map(([id, g, a]) => `${id}\t1\t${g === 'B' ? 1 : 0}\t${a}`).join('\n') + '\n');
    const out = join(dir, 'de.tsv');
    const r = await cli(['de', counts, '--design-matrix', dm, '--contrast', 'B', '--method', 'limma-trend', '--normalize', 'tmm', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('de --robust reports the per-gene prior df as a summary in the metadata', async () => {
    const dir = tempDir();
    const out = join(dir, 'de.tsv');
    const r = await cli(['de', join(confDir, 'synth_outlier_counts.tsv'), '--samples', samples, '--design', '~ group + age', '--contrast', 'group:B:A',
      '--method', 'limma', '--normalize', 'tmm', '--robust', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const meta = JSON.parse(readFileSync(join(dir, 'de.meta.json'), 'utf8'));
    expect(meta.robust).toBe(true);
    expect(meta.dfPrior.robust).toBe(true);
    expect(meta.dfPrior.min).toBeLessThan(meta.dfPrior.bulk);
    expect(meta.dfPrior.max).toBe(meta.dfPrior.bulk);
    expect(meta.dfPrior.genesBelowBulk).toBeGreaterThan(0);
    expect(meta.s2Prior).toBeGreaterThan(0);
  });

  it('de with an interaction formula tests an interaction coefficient by name', async () => {
    const dir = tempDir();
    const out = join(dir, 'de.tsv');
    const r = await cli(['de', counts, '--samples', samples, '--design', '~ group * age', '--contrast', 'groupB:age', '--normalize', 'tmm', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const meta = JSON.parse(readFileSync(join(dir, 'de.meta.json'), 'utf8'));
    expect(meta.design.columns).toEqual(['(Intercept)', 'groupB', 'age', 'groupB:age']);
    expect(meta.contrasts[0].weights['groupB:age']).toBe(1);
  });

  const bad: [string, string[], number, RegExp][] = [
    ['--robust with a rank test', ['--method', 'wilcoxon', '--robust', 'true'], 2, /--robust applies to limma, limma-trend and voom, not to wilcoxon/],
    ['an unknown method', ['--method', 'edgeR'], 2, /option --method must be one of limma\|limma-trend\|voom\|wilcoxon\|welch, got "edgeR"/],
    ['a design term that is not a column', ['--design', '~ grade'], 2, /design term "grade" is not a sample-table column/],
    ['an unknown contrast level', ['--contrast', 'group:C:A'], 2, /"group" has no level "C"/],
    ['a malformed formula', ['--design', 'group + age'], 2, /cannot parse design formula "group \+ age": it must start with ~/],
    ['a bad --ref', ['--ref', 'group'], 2, /cannot parse reference level "group"; expected term=level/],
    ['wilcoxon with a coefficient contrast', ['--method', 'wilcoxon', '--contrast', 'age'], 2, /wilcoxon compares two groups/],
  ];
  for (const [what, extra, code, re] of bad) {
    it(`de rejects ${what} with exit ${code}, one line on stderr and no output file`, async () => {
      const dir = tempDir();
      const out = join(dir, 'de.tsv');
      const base = ['de', counts, '--samples', samples, '--design', '~ group + age', '--contrast', 'group:B:A', '-o', out];
      const argv = [...base];
      for (let i = 0; i < extra.length; i += 2) {
        const k = argv.indexOf(extra[i]);
        if (k >= 0) argv[k + 1] = extra[i + 1];
        else argv.push(extra[i], extra[i + 1]);
      }
      const r = await cli(argv);
      expect(r.code).toBe(code);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('de refuses to overwrite its input matrix', async () => {
    const dir = tempDir();
    const m = join(dir, 'm.tsv');
    writeFileSync(m, readFileSync(counts));
    const r = await cli(['de', m, '--samples', samples, '--design', '~ group', '--contrast', 'group:B:A', '--method', 'voom', '-o', m]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/refusing to overwrite input/);
  });
});
