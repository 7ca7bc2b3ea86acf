/**
 * The declarative configuration of `sigscore analyze` (JSON or YAML): named inputs (optionally
 * marked optional), named endpoints, named covariate groups, an output directory, a seed and an
 * ordered list of steps, each running one existing `sigscore` sub-command. Every validation error
 * names `file:line:column` of the offending node.
 */
import { UsageError } from '../../core/errors.js';
import { parseEndpoint, endpointColumns, type EndpointSpec } from '../screen-endpoints.js';
import { analyzeMsg } from './messages.js';
import { readConfigSource, type ConfigFormat } from './source.js';

/**
 * One step: `command` is a sigscore sub-command; `args` may use `${inputs.NAME}`, `${output}`,
 * `${seed}`, `${endpoints.NAME}` (and `.time`, `.event`, `.column`, `.columns`), `${endpoints}`
 * and `${covariates.GROUP}` (see `planAnalysis`).
 */
export interface AnalyzeStep {
  name: string;
  command: string;
  args: string[];
  /** Names of earlier steps whose outputs this step reads: when one is not run, neither is this one. */
  requires?: string[];
  /** `file:line:column` of the step (for messages); absent for configs built in code. */
  where?: string;
  /** `file:line:column` of each argument. */
  argWhere?: string[];
}

/** A named endpoint: `spec` is the text after `NAME=` of `sigscore screen --endpoint`. */
export interface AnalyzeEndpoint {
  spec: string;
  parsed: EndpointSpec;
  /** Clinical columns the endpoint reads. */
  columns: string[];
}

/** A covariate group selected by patterns from the columns of a table input. */
export interface CovariatePattern {
  /** Input whose header lists the candidate columns (its first column, the sample id, is never selected). */
  from: string;
  /** Names or `*` patterns, in order; a column matched by several is listed once, at its first match. */
  include: string[];
  /** Names or `*` patterns removed from the selection. Default none. */
  exclude: string[];
  /** `file:line:column` of each include and exclude entry, for messages. */
  includeWhere: string[];
  excludeWhere: string[];
}

export interface AnalyzeConfig {
  /** Optional title of the analysis. */
  title?: string;
  /** Input name → file or directory path (relative paths are relative to the config file). */
  inputs: Map<string, string>;
  /** Inputs that may be absent: steps using them are then not run (and say why in the manifest). */
  optionalInputs: Set<string>;
  /** Endpoint name → spec (`binary:column[op value]` or `survival:time,event`). Default none. */
  endpoints: Map<string, AnalyzeEndpoint>;
  /**
   * Covariate group name → column names (in order, duplicates removed). Default none. Groups
   * given by patterns are empty here until `resolveCovariateGroups` fills them.
   */
  covariates: Map<string, string[]>;
  /** Groups given as `{from: INPUT, include: [...], exclude: [...]}` with `*` patterns. */
  covariatePatterns: Map<string, CovariatePattern>;
  /** Output directory (relative to the config file). Default `analysis-output`. */
  output: string;
  /** Seed passed to every step as `--seed` unless the step sets its own. Default 42. */
  seed: number;
  steps: AnalyzeStep[];
  /** Format the config was read from. */
  format?: ConfigFormat;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Parse and validate the text of a config file (JSON when `file` ends in `.json`, else YAML).
 * `file` is used in messages only. Throws `UsageError` naming `file:line:column` (and the step).
 */
const globRegExp = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * Fill the covariate groups given by patterns: `columns(input)` returns the column names of a
 * table input (sample id column first, never selected). Every include entry must match at least
 * one column (else a `UsageError` naming its position). Returns a new config. O(patterns × columns).
 */
export async function resolveCovariateGroups(config: AnalyzeConfig, columns: (input: string) => Promise<string[]>): Promise<AnalyzeConfig> {
  if (config.covariatePatterns.size === 0) return config;
  const covariates = new Map(config.covariates);
  const cache = new Map<string, string[]>();
  for (const [name, g] of config.covariatePatterns) {
    if (!cache.has(g.from)) cache.set(g.from, (await columns(g.from)).slice(1));
    const cols = cache.get(g.from)!;
    const picked: string[] = [];
    g.include.forEach((pat, j) => {
      const re = globRegExp(pat);
      const hits = cols.filter((c) => re.test(c));
      if (!hits.length) throw new UsageError(analyzeMsg.patternNoMatch(g.includeWhere[j], name, pat, g.from, cols));
      for (const h of hits) if (!picked.includes(h)) picked.push(h);
    });
    const drop = g.exclude.map(globRegExp);
    const kept = picked.filter((c) => !drop.some((re) => re.test(c)));
    if (!kept.length) throw new UsageError(analyzeMsg.groupEmpty(g.includeWhere[0], name));
    covariates.set(name, kept);
  }
  return { ...config, covariates };
}

export function parseAnalyzeConfig(text: string, file: string, format?: ConfigFormat): AnalyzeConfig {
  const src = readConfigSource(text, file, format);
  const raw = src.value;
  const at = src.where;
  const atKey = src.whereKey.bind(src);
  const fail = (path: (string | number)[], msg: (where: string) => string): never => {
    throw new UsageError(msg(at(path)));
  };
  if (!isObject(raw)) return fail([], (w) => analyzeMsg.notObject(w, 'the config'));
  for (const k of Object.keys(raw))
    if (!['title', 'inputs', 'endpoints', 'covariates', 'output', 'seed', 'steps'].includes(k)) throw new UsageError(analyzeMsg.unknownKey(atKey([k]), k));

  const inputs = new Map<string, string>();
  const optionalInputs = new Set<string>();
  if (raw.inputs !== undefined && raw.inputs !== null) {
    if (!isObject(raw.inputs)) fail(['inputs'], (w) => analyzeMsg.notObject(w, '"inputs"'));
    for (const [k, v] of Object.entries(raw.inputs as Record<string, unknown>)) {
      if (!NAME.test(k)) throw new UsageError(analyzeMsg.badName(atKey(['inputs', k]), 'input', k));
      if (typeof v === 'string' && v !== '') inputs.set(k, v);
      else if (isObject(v) && typeof v.path === 'string' && v.path !== '' && (v.optional === undefined || typeof v.optional === 'boolean')
        && Object.keys(v).every((x) => ['path', 'optional', 'description'].includes(x))) {
        inputs.set(k, v.path);
        if (v.optional) optionalInputs.add(k);
      } else fail(['inputs', k], (w) => analyzeMsg.badField(w, `inputs.${k}`, 'a path string or {path, optional}'));
    }
  }

  const endpoints = new Map<string, AnalyzeEndpoint>();
  if (raw.endpoints !== undefined && raw.endpoints !== null) {
    if (!isObject(raw.endpoints)) fail(['endpoints'], (w) => analyzeMsg.notObject(w, '"endpoints"'));
    for (const [k, v] of Object.entries(raw.endpoints as Record<string, unknown>)) {
      if (!NAME.test(k)) throw new UsageError(analyzeMsg.badName(atKey(['endpoints', k]), 'endpoint', k));
      if (typeof v !== 'string') return fail(['endpoints', k], (w) => analyzeMsg.badEndpoint(w, k, String(v)));
      let parsed: EndpointSpec;
      try {
        parsed = parseEndpoint(`${k}=${v}`);
      } catch {
        return fail(['endpoints', k], (w) => analyzeMsg.badEndpoint(w, k, v));
      }
      endpoints.set(k, { spec: v.trim(), parsed, columns: endpointColumns(parsed) });
    }
  }

  const covariates = new Map<string, string[]>();
  const covariatePatterns = new Map<string, CovariatePattern>();
  const strList = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === 'string' && c.trim() !== '');
  if (raw.covariates !== undefined && raw.covariates !== null) {
    if (!isObject(raw.covariates)) fail(['covariates'], (w) => analyzeMsg.notObject(w, '"covariates"'));
    for (const [k, v] of Object.entries(raw.covariates as Record<string, unknown>)) {
      const p = ['covariates', k];
      if (!NAME.test(k)) throw new UsageError(analyzeMsg.badName(atKey(p), 'covariate group', k));
      if (isObject(v)) {
        const keys = Object.keys(v);
        const bad = keys.find((x) => !['from', 'include', 'exclude'].includes(x));
        if (bad !== undefined) throw new UsageError(analyzeMsg.badGroupKey(atKey([...p, bad]), k, bad));
        if (typeof v.from !== 'string' || !inputs.has(v.from)) fail([...p, 'from'], (w) => analyzeMsg.badGroupFrom(w, k, String(v.from), [...inputs.keys()]));
        const include = typeof v.include === 'string' ? [v.include] : v.include;
        const exclude = v.exclude === undefined ? [] : typeof v.exclude === 'string' ? [v.exclude] : v.exclude;
        if (!strList(include) || include.length === 0) fail([...p, 'include'], (w) => analyzeMsg.badField(w, `covariates.${k}.include`, 'a non-empty list of column names or * patterns'));
        if (!strList(exclude)) fail([...p, 'exclude'], (w) => analyzeMsg.badField(w, `covariates.${k}.exclude`, 'a list of column names or * patterns'));
        const inc = include as string[];
        const exc = exclude as string[];
        covariatePatterns.set(k, {
          from: v.from as string, include: inc.map((c) => c.trim()), exclude: exc.map((c) => c.trim()),
          includeWhere: inc.map((_, j) => at([...p, 'include', ...(Array.isArray(v.include) ? [j] : [])])),
          excludeWhere: exc.map((_, j) => at([...p, 'exclude', ...(Array.isArray(v.exclude) ? [j] : [])])),
        });
        covariates.set(k, []);
        continue;
      }
      const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
      if (!strList(list) || list.length === 0)
        fail(p, (w) => analyzeMsg.badField(w, `covariates.${k}`, 'a non-empty list of column names, or {from, include, exclude}'));
      const j = (list as string[]).findIndex((c) => c.includes('*'));
      if (j >= 0) fail(Array.isArray(v) ? [...p, j] : p, (w) => analyzeMsg.patternNeedsFrom(w, k, (list as string[])[j]));
      covariates.set(k, [...new Set((list as string[]).map((c) => c.trim()))]);
    }
  }

  const output = raw.output ?? 'analysis-output';
  if (typeof output !== 'string' || output === '') fail(['output'], (w) => analyzeMsg.badField(w, 'output', 'a directory path'));
  const seed = raw.seed ?? 42;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) fail(['seed'], (w) => analyzeMsg.badField(w, 'seed', 'an integer'));
  if (raw.title !== undefined && typeof raw.title !== 'string') fail(['title'], (w) => analyzeMsg.badField(w, 'title', 'a string'));
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) fail(['steps'], (w) => analyzeMsg.noSteps(w));

  const steps: AnalyzeStep[] = [];
  const names = new Set<string>();
  (raw.steps as unknown[]).forEach((s: unknown, i: number) => {
    const p = ['steps', i];
    if (!isObject(s)) return fail(p, (w) => analyzeMsg.badStep(w, i, 'must be an object {name, command, args}'));
    if (typeof s.name !== 'string' || s.name === '') fail([...p, 'name'], (w) => analyzeMsg.badStep(w, i, '"name" must be a non-empty string'));
    const name = s.name as string;
    const label = `step ${JSON.stringify(name)}`;
    for (const k of Object.keys(s))
      if (!['name', 'command', 'args', 'requires', 'description'].includes(k)) throw new UsageError(analyzeMsg.badStep(atKey([...p, k]), i, `${label}: unknown key ${JSON.stringify(k)} (keys: name, command, args, requires, description)`));
    if (typeof s.command !== 'string' || s.command === '') fail([...p, 'command'], (w) => analyzeMsg.badStep(w, i, `${label}: "command" must be a non-empty string`));
    const args = s.args ?? [];
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string' || typeof a === 'number'))
      fail([...p, 'args'], (w) => analyzeMsg.badStep(w, i, `${label}: "args" must be an array of strings`));
    if (names.has(name)) fail([...p, 'name'], (w) => analyzeMsg.duplicateStep(w, name));
    let requires: string[] | undefined;
    if (s.requires !== undefined) {
      const r = typeof s.requires === 'string' ? [s.requires] : s.requires;
      if (!Array.isArray(r) || !r.every((x) => typeof x === 'string')) return fail([...p, 'requires'], (w) => analyzeMsg.badStep(w, i, `${label}: "requires" must be a list of step names`));
      r.forEach((x, j) => { if (!names.has(x)) fail([...p, 'requires', j], (w) => analyzeMsg.unknownRequired(w, name, x, [...names])); });
      requires = r;
    }
    names.add(name);
    steps.push({
      name, command: s.command as string, args: (args as unknown[]).map(String), requires,
      where: at(p), argWhere: (args as unknown[]).map((_, j) => at([...p, 'args', j])),
    });
  });
  return { title: raw.title as string | undefined, inputs, optionalInputs, endpoints, covariates, covariatePatterns, output: output as string, seed: seed as number, steps, format: src.format };
}
