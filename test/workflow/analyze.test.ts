import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/core/errors.js';
import { canSkipStep, configFormat, parseAnalyzeConfig, planAnalysis, resolveCovariateGroups, type StepRecord } from '../../src/workflow/analyze/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const text = JSON.stringify({
  inputs: { expr: 'data/expr.tsv', sets: 'data/sets.gmt' },
  output: 'out',
  seed: 7,
  steps: [
    { name: 'scores', command: 'score', args: ['${inputs.expr}', '-s', '${inputs.sets}', '-o', '${output}/s.tsv'] },
    { name: 'csv', command: 'convert', args: ['${output}/s.tsv', '${output}/s.csv', '--seed', '${seed}'] },
  ],
});
const commands = ['score', 'convert', 'gsva', 'screen', 'forest', 'analyze', 'demo'];

const yaml = `title: groups
inputs:
  clinical: clin.tsv
  sets: { path: sets.gmt, optional: true }
endpoints:
  response: binary:ongoing_response
  pfs: survival:pfs_time,pfs_event
  ne3: binary:ne_grade>=3
covariates:
  pre: [age, flipi, tnfa_d0]
  post: [cart_peak, il15_peak]
steps:
  - name: screen-pre
    command: screen
    args: ["\${inputs.clinical}", --endpoint, "\${endpoints}", --covariates, "\${covariates.pre}", -o, "\${output}/a.tsv"]
  - name: forest-pfs
    command: forest
    args: ["\${inputs.clinical}", -e, "\${endpoints.pfs}", "--covariates=\${covariates.pre},\${covariates.post}", -o, x.tsv]
  - name: km
    command: score
    args: [--time, "\${endpoints.pfs.time}", --event, "\${endpoints.pfs.event}", --col, "\${endpoints.ne3.column}", --cols, "\${endpoints.pfs.columns}"]
  - name: gsva
    command: gsva
    args: ["\${inputs.sets}", -o, "\${output}/g.tsv"]
  - name: after-gsva
    command: convert
    requires: [gsva]
    args: ["\${output}/g.tsv", "\${output}/g.csv"]
`;

describe('parseAnalyzeConfig', () => {
  it('reads inputs into a Map, output, seed and the ordered steps', () => {
    const c = parseAnalyzeConfig(text, 'a.json');
    expect([...c.inputs.keys()]).toEqual(['expr', 'sets']);
    expect(c.output).toBe('out');
    expect(c.seed).toBe(7);
    expect(c.steps.map((s) => s.name)).toEqual(['scores', 'csv']);
    expect(c.format).toBe('json');
  });
  it('defaults seed to 42 and output to analysis-output', () => {
    const c = parseAnalyzeConfig('{"steps":[{"name":"a","command":"score"}]}', 'a.json');
    expect(c.seed).toBe(42);
    expect(c.output).toBe('analysis-output');
    expect(c.steps[0].args).toEqual([]);
    expect(c.endpoints.size).toBe(0);
    expect(c.covariates.size).toBe(0);
  });
  it('reads YAML with endpoints, covariate groups, optional inputs and requires', () => {
    const c = parseAnalyzeConfig(yaml, 'a.yaml');
    expect(c.format).toBe('yaml');
    expect([...c.endpoints.keys()]).toEqual(['response', 'pfs', 'ne3']);
    expect(c.endpoints.get('ne3')!.parsed).toEqual({ name: 'ne3', kind: 'binary', column: 'ne_grade', op: '>=', value: '3' });
    expect(c.endpoints.get('pfs')!.columns).toEqual(['pfs_time', 'pfs_event']);
    expect(c.covariates.get('pre')).toEqual(['age', 'flipi', 'tnfa_d0']);
    expect(c.inputs.get('sets')).toBe('sets.gmt');
    expect([...c.optionalInputs]).toEqual(['sets']);
    expect(c.steps[4].requires).toEqual(['gsva']);
    expect(c.steps[0].where).toBe('a.yaml:13:5');
    expect(c.steps[0].argWhere![2]).toBe('a.yaml:15:46');
  });
  it('chooses the format by extension', () => {
    expect(configFormat('x.json')).toBe('json');
    expect(configFormat('x.JSON')).toBe('json');
    expect(configFormat('x.yaml')).toBe('yaml');
    expect(configFormat('x.yml')).toBe('yaml');
  });
  it('reads examples/trial-analysis.yaml and .json to the same analysis', () => {
    const y = parseAnalyzeConfig(readFileSync(join(root, 'examples', 'trial-analysis.yaml'), 'utf8'), 'trial-analysis.yaml');
    const j = parseAnalyzeConfig(readFileSync(join(root, 'examples', 'trial-analysis.json'), 'utf8'), 'trial-analysis.json');
    const strip = (c: typeof y) => ({
      ...c, format: undefined, steps: c.steps.map((s) => ({ ...s, where: undefined, argWhere: undefined })),
      covariatePatterns: [...c.covariatePatterns].map(([k, g]) => [k, g.from, g.include, g.exclude]),
    });
    expect(strip(j)).toEqual(strip(y));
    expect(y.steps.length).toBeGreaterThanOrEqual(20);
    expect([...y.covariates.keys()]).toEqual(['pretreatment', 'post_infusion', 'tumour_panel']);
    expect(y.covariatePatterns.get('post_infusion')).toMatchObject({ from: 'clinical', include: ['*_peak', '*_auc'], exclude: [] });
  });
  it.each([
    ['not json', '{', 'a.json', /^a\.json:1:2: not valid JSON/],
    ['json error on a later line', '{\n  "steps": [\n    {"name": "x",,}\n  ]\n}', 'a.json', /^a\.json:3:18: not valid JSON/],
    ['bad yaml', 'steps:\n  - name: x\n   command: y\n', 'a.yaml', /^a\.yaml:3:\d+: not valid YAML/],
    ['duplicate yaml key', 'seed: 1\nseed: 2\nsteps: []\n', 'a.yaml', /^a\.yaml:2:1: not valid YAML/],
    ['no steps', '{"steps":[]}', 'a.json', /^a\.json:1:10: "steps" must be a non-empty list/],
    ['step without command', '{"steps":[{"name":"x"}]}', 'a.json', /^a\.json:1:11: step 1: step "x": "command"/],
    ['duplicate names', 'steps:\n  - {name: x, command: a}\n  - {name: x, command: b}\n', 'a.yaml', /^a\.yaml:3:12: step name "x" is used twice/],
    ['non-integer seed', 'seed: 1.5\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:1:7: "seed" must be an integer/],
    ['non-string input', '{"inputs":{"a":3},"steps":[{"name":"x","command":"a"}]}', 'a.json', /^a\.json:1:16: "inputs\.a" must be a path string/],
    ['unknown top-level key', 'stpes: []\n', 'a.yaml', /^a\.yaml:1:1: unknown key "stpes"/],
    ['unknown step key', 'steps:\n  - {name: x, command: a, arg: [1]}\n', 'a.yaml', /^a\.yaml:2:27: step 1: step "x": unknown key "arg"/],
    ['bad endpoint', 'endpoints:\n  os: survival:os_time\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:2:7: endpoint "os": "survival:os_time" must be/],
    ['empty covariate group', 'covariates:\n  pre: []\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:2:8: "covariates\.pre" must be a non-empty list/],
    ['requires a later step', 'steps:\n  - {name: x, command: a, requires: [y]}\n  - {name: y, command: a}\n', 'a.yaml', /^a\.yaml:2:38: step "x": "requires" names "y", which is not an earlier step/],
    ['a pattern in a plain list', 'covariates:\n  pre: [age, "*_d0"]\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:2:14: covariate group "pre": pattern "\*_d0" needs the form \{from: INPUT, include/],
    ['a pattern group from an unknown input', 'inputs: {clinical: c.tsv}\ncovariates:\n  pre: {from: clin, include: ["*_d0"]}\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:3:15: covariate group "pre": "from" must name an input .*got "clin" \(inputs: clinical\)/],
    ['a pattern group with an unknown key', 'inputs: {clinical: c.tsv}\ncovariates:\n  pre: {from: clinical, includes: [a]}\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:3:25: covariate group "pre": unknown key "includes"/],
    ['bad group name', 'covariates:\n  "pre.x": [a]\nsteps: [{name: x, command: a}]\n', 'a.yaml', /^a\.yaml:2:3: covariate group name "pre\.x"/],
  ])('rejects %s with a UsageError naming file:line:column', (_label, t, file, re) => {
    expect(() => parseAnalyzeConfig(t, file)).toThrow(UsageError);
    expect(() => parseAnalyzeConfig(t, file)).toThrow(re);
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
  it('rejects an unknown command, and analyze/demo as step commands, naming the step position', () => {
    for (const command of ['scroe', 'analyze', 'demo']) {
      const c = { ...config, steps: [{ name: 'x', command, args: [] }] };
      expect(() => planAnalysis(c, { file: 'a.json', commands })).toThrow(new RegExp(`a\\.json: step "x": unknown command "${command}"`));
    }
    const y = parseAnalyzeConfig('steps:\n  - {name: a, command: score}\n  - {name: x, command: scroe}\n', 'b.yaml');
    expect(() => planAnalysis(y, { file: 'b.yaml', commands })).toThrow(/^b\.yaml:3:5: step "x": unknown command "scroe"/);
  });
  it('rejects unknown inputs, unknown variables and unclosed tokens', () => {
    for (const arg of ['${inputs.nope}', '${outptu}/x', '${inputs.expr']) {
      const c = { ...config, steps: [{ name: 'x', command: 'score', args: [arg] }] };
      expect(() => planAnalysis(c, { file: 'a.json', commands })).toThrow(/a\.json: step "x": cannot substitute/);
    }
  });

  const groups = parseAnalyzeConfig(yaml, 'g.yaml');
  it('expands ${endpoints} and a whole-argument ${covariates.GROUP} into several arguments', () => {
    const [screen] = planAnalysis(groups, { file: 'g.yaml', commands, output: 'o' });
    expect(screen.argv).toEqual([
      'screen', 'clin.tsv', '--endpoint', 'response=binary:ongoing_response', 'pfs=survival:pfs_time,pfs_event', 'ne3=binary:ne_grade>=3',
      '--covariates', 'age', 'flipi', 'tnfa_d0', '-o', 'o/a.tsv', '--seed', '42',
    ]);
  });
  it('substitutes ${endpoints.NAME} as NAME=SPEC, its fields, and joins groups inside a longer argument', () => {
    const plan = planAnalysis(groups, { file: 'g.yaml', commands });
    expect(plan[1].argv.slice(2, 5)).toEqual(['-e', 'pfs=survival:pfs_time,pfs_event', '--covariates=age,flipi,tnfa_d0,cart_peak,il15_peak']);
    expect(plan[2].argv.slice(1, 9)).toEqual(['--time', 'pfs_time', '--event', 'pfs_event', '--col', 'ne_grade', '--cols', 'pfs_time,pfs_event']);
  });
  it('rejects an unknown endpoint, field or covariate group, naming the step and the argument position', () => {
    const bad = (arg: string, re: RegExp): void => {
      const c = parseAnalyzeConfig(yaml.replace('"${covariates.pre}"', JSON.stringify(arg)), 'g.yaml');
      expect(() => planAnalysis(c, { file: 'g.yaml', commands })).toThrow(UsageError);
      expect(() => planAnalysis(c, { file: 'g.yaml', commands })).toThrow(re);
    };
    bad('${endpoints.os}', /^g\.yaml:15:76: step "screen-pre": unknown endpoint "os" \(endpoints: response, pfs, ne3\)/);
    bad('${endpoints.os.time}', /step "screen-pre": unknown endpoint "os"/);
    bad('${endpoints.response.time}', /step "screen-pre": endpoint "response" has no "time"/);
    bad('${covariates.postinfusion}', /^g\.yaml:15:76: step "screen-pre": unknown covariate group "postinfusion" \(groups: pre, post\)/);
    bad('--x=${covariates.nope}', /step "screen-pre": unknown covariate group "nope"/);
  });
  it('marks steps using an absent optional input, and steps requiring them, as not run', () => {
    const plan = planAnalysis(groups, { file: 'g.yaml', commands, exists: (p) => p !== 'sets.gmt' });
    expect(plan.map((s) => s.notRun)).toEqual([undefined, undefined, undefined,
      'optional input "sets" (sets.gmt) is absent', 'step "gsva", whose outputs it reads, was not run']);
    expect(planAnalysis(groups, { file: 'g.yaml', commands, exists: () => true }).every((s) => !s.notRun)).toBe(true);
  });
});

describe('resolveCovariateGroups', () => {
  const cfg = parseAnalyzeConfig([
    'inputs: {clinical: c.tsv}',
    'covariates:',
    '  pre: {from: clinical, include: [age, "*_d0", "*_baseline"], exclude: [il6_*]}',
    '  post: {from: clinical, include: "*_peak"}',
    '  fixed: [age]',
    'steps: [{name: x, command: screen, args: [--covariates, "${covariates.pre}", "--c=${covariates.post}"]}]',
  ].join('\n'), 'p.yaml');
  const header = async () => ['sample_id', 'tnfa_baseline', 'age', 'tnfa_d0', 'il6_d0', 'il6_baseline', 'cart_peak', 'gmcsf_peak', 'response'];
  it('selects columns by names and * patterns in include order, drops excluded ones and never the id column', async () => {
    const c = await resolveCovariateGroups(cfg, header);
    expect(c.covariates.get('pre')).toEqual(['age', 'tnfa_d0', 'tnfa_baseline']);
    expect(c.covariates.get('post')).toEqual(['cart_peak', 'gmcsf_peak']);
    expect(c.covariates.get('fixed')).toEqual(['age']);
    expect(planAnalysis(c, { file: 'p.yaml', commands })[0].argv.slice(1, 6)).toEqual(['--covariates', 'age', 'tnfa_d0', 'tnfa_baseline', '--c=cart_peak,gmcsf_peak']);
    expect(cfg.covariates.get('pre')).toEqual([]); // the parsed config is not changed
  });
  it('rejects a pattern that matches no column, naming its position and the columns', async () => {
    await expect(resolveCovariateGroups(cfg, async () => ['id', 'age', 'tnfa_d0'])).rejects.toThrow(/^p\.yaml:3:48: covariate group "pre": "\*_baseline" matches no column of input "clinical" \(columns: age, tnfa_d0\)/);
    await expect(resolveCovariateGroups(cfg, async () => ['sample_id', 'sample_x_d0'])).rejects.toThrow(UsageError);
  });
  it('rejects a group that exclude empties', async () => {
    const c = parseAnalyzeConfig('inputs: {t: t.tsv}\ncovariates:\n  g: {from: t, include: ["il6_*"], exclude: ["*"]}\nsteps: [{name: x, command: a}]\n', 'e.yaml');
    await expect(resolveCovariateGroups(c, header)).rejects.toThrow(/^e\.yaml:3:26: covariate group "g" is empty after "exclude"/);
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
    expect(canSkipStep({ ...prev, outputs: [], notRun: 'x' }, ['score', 'a'], { a: 'h1' }, yes)).toBe(false);
  });
});
