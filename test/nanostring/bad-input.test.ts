import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../cli/helpers.js';
import { synthRcc } from './helpers.js';

let dir = '';
const p = (...s: string[]): string => join(dir, ...s);
const good = synthRcc({ id: 'G' });
const lines = good.split('\r\n');
const replaceLine = (prefix: string, line: string): string => lines.map((l) => (l.startsWith(prefix) ? line : l)).join('\r\n');

/** A folder holding one good file and one bad file. */
function folder(name: string, bad: string): string {
  mkdirSync(p(name));
  writeFileSync(p(name, 'good.RCC'), good);
  writeFileSync(p(name, 'bad.RCC'), bad);
  return p(name);
}

beforeAll(() => {
  dir = tempDir();
  const cut = good.indexOf('GENE2');
  folder('truncated', good.slice(0, cut + 8));
  folder('nocode', lines.filter((l, i) => i < lines.indexOf('<Code_Summary>')).join('\r\n'));
  folder('nonint', replaceLine('Endogenous,GENE1', 'Endogenous,GENE1,NM_E0,12.5'));
  folder('negative', replaceLine('Endogenous,GENE1', 'Endogenous,GENE1,NM_E0,-3'));
  folder('dup', replaceLine('Endogenous,GENE2', 'Endogenous,GENE1,NM_E1,7'));
  folder('mixed', synthRcc({ id: 'M', rlf: 'OTHER' }));
  folder('poszero', synthRcc({ id: 'Z', pos: [0, 0, 0, 0, 0, 0] }));
  folder('empty', '');
});

const expectFail = async (args: string[], message: string | RegExp, out: string): Promise<void> => {
  const r = await cli(args);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(existsSync(out)).toBe(false);
};

describe('sigscore nanostring on bad input: one-line error, exit 1, no output', () => {
  for (const cmd of ['qc', 'normalize']) {
    it(`nanostring ${cmd} on a truncated RCC names file:line`, async () => {
      await expectFail(['nanostring', cmd, p('truncated'), '-o', p(`t-${cmd}.tsv`)], `${p('truncated', 'bad.RCC')}:39:1: expected 4 comma-separated fields, found 3`, p(`t-${cmd}.tsv`));
    });
  }
  it('nanostring qc on an RCC without Code_Summary says so', async () => {
    await expectFail(['nanostring', 'qc', p('nocode'), '-o', p('n.tsv')], `${p('nocode', 'bad.RCC')}: no <Code_Summary> section (is this an RCC file?)`, p('n.tsv'));
  });
  it('nanostring qc on a non-integer count names file:line:column', async () => {
    await expectFail(['nanostring', 'qc', p('nonint'), '-o', p('i.tsv')], `${p('nonint', 'bad.RCC')}:38:24: count "12.5" is not a non-negative integer`, p('i.tsv'));
  });
  it('nanostring qc on a negative count names file:line:column', async () => {
    await expectFail(['nanostring', 'qc', p('negative'), '-o', p('g.tsv')], `${p('negative', 'bad.RCC')}:38:24: negative count "-3"`, p('g.tsv'));
  });
  it('nanostring qc on a duplicate probe name names both lines', async () => {
    await expectFail(['nanostring', 'qc', p('dup'), '-o', p('d.tsv')], `${p('dup', 'bad.RCC')}:39:12: duplicate probe name "GENE1" (first at line 38)`, p('d.tsv'));
  });
  it('nanostring qc on mixed codesets asks for --allow-mixed', async () => {
    await expectFail(['nanostring', 'qc', p('mixed'), '-o', p('m.tsv')], /mixed codesets: .*bad\.RCC uses "OTHER" but .*good\.RCC uses "SYN"; pass --allow-mixed/, p('m.tsv'));
    const r = await cli(['nanostring', 'qc', p('mixed'), '--allow-mixed', '-o', p('m2.tsv')]);
    expect(r.code).toBe(0);
  });
  it('nanostring normalize refuses a lane whose positive controls are all zero; qc marks it fail', async () => {
    await expectFail(['nanostring', 'normalize', p('poszero'), '-o', p('z.tsv'), '--factors', p('zf.tsv')], 'sample "Z": every positive control count is zero', p('z.tsv'));
    expect(existsSync(p('zf.tsv'))).toBe(false);
    const r = await cli(['nanostring', 'qc', p('poszero'), '-o', p('zq.tsv')]);
    expect(r.code).toBe(0);
    const rows = readFileSync(p('zq.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const z = rows.find((r) => r[0] === 'Z')!;
    expect(z[rows[0].indexOf('status')]).toBe('fail');
    expect(z[rows[0].indexOf('linearity_flag')]).toBe('TRUE');
    expect(rows.find((r) => r[0] === 'G')![1]).toBe('pass');
  });
  it('nanostring qc on an empty file and a missing path', async () => {
    await expectFail(['nanostring', 'qc', p('empty'), '-o', p('e.tsv')], 'file is empty', p('e.tsv'));
    await expectFail(['nanostring', 'qc', p('nothere.RCC'), '-o', p('e2.tsv')], 'no such file', p('e2.tsv'));
  });
  it('nanostring normalize refuses to overwrite an input RCC (exit 2)', async () => {
    const r = await cli(['nanostring', 'normalize', p('mixed', 'good.RCC'), '-o', p('mixed', 'good.RCC')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to overwrite input file');
    expect(readFileSync(p('mixed', 'good.RCC'), 'utf8')).toBe(good);
  });
});
