import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sigscore } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sigscore-analyze-'));
mkdirSync(join(dir, 'data'));
const genes = Array.from({ length: 12 }, (_, g) => `G${g + 1}`);
const writeExpr = (shift: number): void => {
  const rows = ['gene\tS1\tS2\tS3\tS4\tS5\tS6'];
  genes.forEach((g, i) => rows.push(`${g}\t${Array.from({ length: 6 }, (_, j) => (5 + ((i * 7 + j * 3) % 11) / 2 + (j === 0 ? shift : 0)).toFixed(2)).join('\t')}`));
  writeFileSync(join(dir, 'data', 'expr.tsv'), rows.join('\n') + '\n');
};
writeExpr(0);
writeFileSync(join(dir, 'data', 'sets.gmt'), 'SET_A\tna\tG1\tG2\tG3\tG4\nSET_B\tna\tG5\tG6\tG7\tG8\tG9\n');
const config = {
  title: 'tiny',
  inputs: { expr: 'data/expr.tsv', sets: 'data/sets.gmt' },
  output: 'out',
  seed: 11,
  steps: [
    { name: 'scores', command: 'score', args: ['${inputs.expr}', '-s', '${inputs.sets}', '-m', 'mean', '-o', '${output}/scores/s.tsv'] },
    { name: 'csv', command: 'convert', args: ['${output}/scores/s.tsv', '${output}/scores/s.csv'] },
  ],
};
const cfg = join(dir, 'analysis.json');
writeFileSync(cfg, JSON.stringify(config));
const out = join(dir, 'out');

const manifest = () => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

afterEach(() => vi.restoreAllMocks());

describe('sigscore analyze', () => {
  it('runs every step in order, reports progress on stderr and writes manifest.json', async () => {
    const r = await sigscore(['analyze', cfg]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[1\/2\] scores: sigscore score /);
    expect(r.stderr).toMatch(/\[2\/2\] csv: done in/);
    expect(existsSync(join(out, 'scores', 's.csv'))).toBe(true);
    const m = manifest();
    expect(m.sigscoreVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.nodeVersion).toBe(process.version);
    expect(m.seed).toBe(11);
    expect(m.inputs.expr.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.steps.map((s: any) => s.name)).toEqual(['scores', 'csv']);
    expect(m.steps[0].argv).toEqual(['score', join(dir, 'data', 'expr.tsv'), '-s', join(dir, 'data', 'sets.gmt'), '-m', 'mean', '-o', join(out, 'scores', 's.tsv'), '--seed', '11']);
    expect(m.steps[0].outputs).toContain(join('scores', 's.tsv'));
    expect(m.steps[1].outputs).toEqual([join('scores', 's.csv')]);
    expect(m.steps.every((s: any) => s.exitStatus === 0 && s.seconds >= 0 && s.seed === 11)).toBe(true);
    expect(Object.keys(m.steps[1].inputs)).toEqual([join(out, 'scores', 's.tsv')]);
  });

  it('skips unchanged steps on a re-run and says so', async () => {
    const r = await sigscore(['analyze', cfg]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/unchanged .* skipped/g)?.length).toBe(2);
    expect(manifest().steps.every((s: any) => s.skipped)).toBe(true);
  });

  it('re-runs a step whose input changed, and the step reading its output', async () => {
    writeExpr(3);
    const r = await sigscore(['analyze', cfg]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/skipped/);
    writeExpr(0);
  });

  it('runs only the --steps subset and keeps the other steps\' records', async () => {
    const r = await sigscore(['analyze', cfg, '--steps', 'csv', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[1\/1\] csv: sigscore convert/);
    expect(r.stderr).not.toMatch(/scores: sigscore score/);
    expect(manifest().steps.map((s: any) => s.name)).toEqual(['scores', 'csv']);
  });

  const bad = async (mutate: (c: any) => void, re: RegExp): Promise<void> => {
    const c = JSON.parse(JSON.stringify(config));
    mutate(c);
    c.output = 'bad-out';
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify(c));
    const r = await sigscore(['analyze', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(re);
    expect(existsSync(join(dir, 'bad-out'))).toBe(false);
  };
  it('rejects an unknown command with exit 2, one line naming the config and the step', () =>
    bad((c) => (c.steps[1].command = 'convrt'), /bad\.json:1:\d+: step "csv": unknown command "convrt"/));
  it('rejects a bad substitution', () => bad((c) => c.steps[0].args.push('${inputs.clinical}'), /bad\.json:1:\d+: step "scores": cannot substitute "\$\{inputs\.clinical\}"/));
  it('rejects a missing input file', () => bad((c) => (c.inputs.expr = 'data/nope.tsv'), /bad\.json:1:\d+: step "scores": input "expr" \(.*nope\.tsv\) does not exist/));
  it('rejects an unknown --steps name', async () => {
    const r = await sigscore(['analyze', cfg, '--steps', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--steps names "nope"/);
  });
  it('stops at a failing step with its exit code and records it in the manifest', async () => {
    const c = JSON.parse(JSON.stringify(config));
    c.output = 'fail-out';
    c.steps[1].args = ['${output}/scores/missing.tsv', '${output}/x.csv'];
    const f = join(dir, 'fail.json');
    writeFileSync(f, JSON.stringify(c));
    const r = await sigscore(['analyze', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fail\.json: step "csv" failed with exit code 1/);
    const m = JSON.parse(readFileSync(join(dir, 'fail-out', 'manifest.json'), 'utf8'));
    expect(m.steps.map((s: any) => s.exitStatus)).toEqual([0, 1]);
  });

  it('runs the same analysis from a YAML config, with groups and an optional input that is absent', async () => {
    const yml = join(dir, 'analysis.yaml');
    writeFileSync(yml, [
      'title: tiny yaml',
      'seed: 11',
      'output: yaml-out',
      'inputs:',
      '  expr: data/expr.tsv',
      '  sets: data/sets.gmt',
      '  extra: {path: data/absent.gmt, optional: true}',
      'steps:',
      '  - name: scores',
      '    command: score',
      '    args: ["${inputs.expr}", -s, "${inputs.sets}", -m, mean, -o, "${output}/scores/s.tsv"]',
      '  - name: extra-scores',
      '    command: score',
      '    args: ["${inputs.expr}", -s, "${inputs.extra}", -o, "${output}/scores/extra.tsv"]',
      '  - name: extra-csv',
      '    command: convert',
      '    requires: [extra-scores]',
      '    args: ["${output}/scores/extra.tsv", "${output}/scores/extra.csv"]',
      '  - name: csv',
      '    command: convert',
      '    args: ["${output}/scores/s.tsv", "${output}/scores/s.csv"]',
      '',
    ].join('\n'));
    const r = await sigscore(['analyze', yml]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[2\/4\] extra-scores: not run: optional input "extra" \(.*absent\.gmt\) is absent/);
    expect(r.stderr).toMatch(/\[3\/4\] extra-csv: not run: step "extra-scores", whose outputs it reads, was not run/);
    const yout = join(dir, 'yaml-out');
    expect((await sigscore(['analyze', cfg, '--force', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(yout, 'scores', 's.csv'), 'utf8')).toBe(readFileSync(join(out, 'scores', 's.csv'), 'utf8'));
    expect(existsSync(join(yout, 'scores', 'extra.tsv'))).toBe(false);
    const m = JSON.parse(readFileSync(join(yout, 'manifest.json'), 'utf8'));
    expect(m.title).toBe('tiny yaml');
    expect(m.steps.map((s: any) => s.notRun ?? 'run')).toEqual(['run', 'optional input "extra" (' + join(dir, 'data', 'absent.gmt') + ') is absent', 'step "extra-scores", whose outputs it reads, was not run', 'run']);
    expect(m.steps[1].outputs).toEqual([]);
  });

  it('names file:line:column of a YAML config error, exit 2, nothing written', async () => {
    const yml = join(dir, 'bad.yaml');
    writeFileSync(yml, 'output: bad-yaml-out\nendpoints:\n  pfs: survival:t,e\nsteps:\n  - name: s\n    command: screen\n    args: [c.tsv, -e, "${endpoints.os}"]\n');
    const r = await sigscore(['analyze', yml]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.yaml:7:23: step "s": unknown endpoint "os" \(endpoints: pfs\)/);
    expect(existsSync(join(dir, 'bad-yaml-out'))).toBe(false);
  });
});
