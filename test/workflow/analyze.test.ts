import { describe, it, expect } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { canSkipStep, parseAnalyzeConfig, planAnalysis, type StepRecord } from '../../src/workflow/analyze/index.js';

const text = JSON.stringify({
  inputs: { expr: 'data/expr.tsv', sets: 'data/sets.gmt' },
  output: 'out',
  seed: 7,
  steps: [
    { name: 'scores', command: 'score', args: ['${inputs.expr}', '-s', '${inputs.sets}', '-o', '${output}/s.tsv'] },
    { name: 'csv', command: 'convert', args: ['${output}/s.tsv', '${output}/s.csv', '--seed', '${seed}'] },
  ],
});
const commands = ['score', 'convert', 'gsva', 'analyze', 'demo'];

describe('parseAnalyzeConfig', () => {
  it('reads inputs into a Map, output, seed and the ordered steps', () => {
    const c = parseAnalyzeConfig(text, 'a.json');
    expect([...c.inputs.keys()]).toEqual(['expr', 'sets']);
    expect(c.output).toBe('out');
    expect(c.seed).toBe(7);
    expect(c.steps.map((s) => s.name)).toEqual(['scores', 'csv']);
  });
  it('defaults seed to 42 and output to analysis-output', () => {
    const c = parseAnalyzeConfig('{"steps":[{"name":"a","command":"score"}]}', 'a.json');
    expect(c.seed).toBe(42);
    expect(c.output).toBe('analysis-output');
    expect(c.steps[0].args).toEqual([]);
  });
  it.each([
    ['not json', '{', /a\.json: not valid JSON/],
    ['no steps', '{"steps":[]}', /a\.json: "steps" must be a non-empty array/],
    ['step without command', '{"steps":[{"name":"x"}]}', /a\.json: step 1: step "x": "command"/],
    ['duplicate names', '{"steps":[{"name":"x","command":"a"},{"name":"x","command":"b"}]}', /step name "x" is used twice/],
    ['non-integer seed', '{"seed":1.5,"steps":[{"name":"x","command":"a"}]}', /"seed" must be an integer/],
    ['non-string input', '{"inputs":{"a":3},"steps":[{"name":"x","command":"a"}]}', /"inputs\.a" must be a path string/],
  ])('rejects %s with a UsageError naming the file', (_label, t, re) => {
    expect(() => parseAnalyzeConfig(t, 'a.json')).toThrow(UsageError);
    expect(() => parseAnalyzeConfig(t, 'a.json')).toThrow(re);
  });
});

describe('planAnalysis', () => {
  const config = parseAnalyzeConfig(text, 'a.json');
  it('substitutes inputs, output and seed, and appends --seed unless the step sets it', () => {
    const plan = planAnalysis(config, { file: 'a.json', commands });
    expect(plan[0].argv).toEqual(['score', 'data/expr.tsv', '-s', 'data/sets.gmt', '-o', 'out/s.tsv', '--seed', '7']);
    expect(plan[0].inputs.sort()).toEqual(['expr', 'sets']);
    expect(plan[1].argv).toEqual(['convert', 'out/s.tsv', 'out/s.csv', '--seed', '7']);
  });
  it('uses the given resolved inputs and output directory', () => {
    const plan = planAnalysis(config, { file: 'a.json', commands, inputs: new Map([['expr', '/e'], ['sets', '/g']]), output: '/o' });
    expect(plan[0].argv.slice(1, 6)).toEqual(['/e', '-s', '/g', '-o', '/o/s.tsv']);
  });
  it('keeps config order for a --steps subset', () => {
    expect(planAnalysis(config, { file: 'a.json', commands, only: ['csv'] }).map((s) => s.name)).toEqual(['csv']);
  });
  it('rejects an unknown --steps name', () => {
    expect(() => planAnalysis(config, { file: 'a.json', commands, only: ['nope'] })).toThrow(/a\.json: --steps names "nope"/);
  });
  it('rejects an unknown command, and analyze/demo as step commands', () => {
    for (const command of ['scroe', 'analyze', 'demo']) {
      const c = { ...config, steps: [{ name: 'x', command, args: [] }] };
      expect(() => planAnalysis(c, { file: 'a.json', commands })).toThrow(new RegExp(`a\\.json: step "x": unknown command "${command}"`));
    }
  });
  it('rejects unknown inputs, unknown variables and unclosed tokens', () => {
    for (const arg of ['${inputs.nope}', '${outptu}/x', '${inputs.expr']) {
      const c = { ...config, steps: [{ name: 'x', command: 'score', args: [arg] }] };
      expect(() => planAnalysis(c, { file: 'a.json', commands })).toThrow(/a\.json: step "x": cannot substitute/);
    }
  });
});

describe('canSkipStep', () => {
  const prev: StepRecord = { name: 's', argv: ['score', 'a'], seed: 1, inputs: { a: 'h1' }, start: '', end: '', seconds: 0, outputs: ['s.tsv'], exitStatus: 0 };
  const yes = () => true;
  it('skips only when argv, input checksums and outputs are unchanged', () => {
    expect(canSkipStep(prev, ['score', 'a'], { a: 'h1' }, yes)).toBe(true);
    expect(canSkipStep(prev, ['score', 'b'], { a: 'h1' }, yes)).toBe(false);
    expect(canSkipStep(prev, ['score', 'a'], { a: 'h2' }, yes)).toBe(false);
    expect(canSkipStep(prev, ['score', 'a'], { a: 'h1', b: 'h3' }, yes)).toBe(false);
    expect(canSkipStep(prev, ['score', 'a'], { a: 'h1' }, () => false)).toBe(false);
    expect(canSkipStep({ ...prev, exitStatus: 1 }, ['score', 'a'], { a: 'h1' }, yes)).toBe(false);
    expect(canSkipStep(undefined, ['score', 'a'], { a: 'h1' }, yes)).toBe(false);
  });
});
