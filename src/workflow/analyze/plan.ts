/**
 * Turn a parsed config into the argv of each selected step. Substitutions:
 * - `${output}`, `${seed}`, `${inputs.NAME}`: the output directory, the seed, an input's path;
 * - `${endpoints.NAME}`: `NAME=SPEC` as `sigscore screen|forest --endpoint` takes it, and
 *   `${endpoints.NAME.time}`, `.event` (survival), `.column` (binary), `.columns` (comma-joined),
 *   `.spec` (the text after `NAME=`); `${endpoints}` alone as an argument: one `NAME=SPEC` argument
 *   per endpoint;
 * - `${covariates.GROUP}`: alone as an argument, one argument per covariate of the group; inside a
 *   longer argument (`--covariates=${covariates.GROUP}`), the covariates joined by commas.
 * The command is checked against the known sub-commands, and `--seed` is appended when the step
 * does not set one. A step that uses an optional input which is absent, or that requires a step
 * which is not run, is planned with `notRun` (its reason). Pure: paths are used as given.
 */
import { UsageError } from '../../core/errors.js';
import type { AnalyzeConfig, AnalyzeEndpoint } from './config.js';
import { analyzeMsg } from './messages.js';

export interface PlannedStep {
  name: string;
  command: string;
  /** Full argv for `run()`: command, substituted args, `--seed N`. */
  argv: string[];
  /** Names of the config inputs the step refers to. */
  inputs: string[];
  /** Why the step is not run (an optional input is absent, or a required step is not run). */
  notRun?: string;
}

export interface PlanOptions {
  /** Config file name, for messages about configs without positions. */
  file: string;
  /** Sub-commands a step may run (first word of each command). */
  commands: readonly string[];
  /** Run only these steps (config order is kept). Default: all. */
  only?: readonly string[];
  /** Input name → path to substitute (default: the config's own inputs). */
  inputs?: Map<string, string>;
  /** Output directory to substitute (default: the config's `output`). */
  output?: string;
  /** Whether an input path exists; used for optional inputs only. Default: every input exists. */
  exists?: (path: string) => boolean;
}

const TOKEN = /\$\{([^}]*)\}/g;
const WHOLE = /^\$\{([^}]*)\}$/;
const ENDPOINT_FIELDS = ['time', 'event', 'column', 'columns', 'spec'];

interface Vars {
  config: AnalyzeConfig;
  inputs: Map<string, string>;
  output: string;
}

interface Failures {
  token(token: string): never;
  endpoint(name: string): never;
  field(name: string, field: string): never;
  group(name: string): never;
}

function endpointField(e: AnalyzeEndpoint, name: string, field: string | undefined, fail: Failures): string {
  if (field === undefined) return `${name}=${e.spec}`;
  const p = e.parsed;
  if (field === 'spec') return e.spec;
  if (field === 'columns') return e.columns.join(',');
  if (field === 'time' && p.kind === 'survival') return p.time;
  if (field === 'event' && p.kind === 'survival') return p.event;
  if (field === 'column' && p.kind === 'binary') return p.column;
  return fail.field(name, field);
}

/** Substitute one argument; returns one or more arguments and the input names used. */
function substitute(arg: string, v: Vars, fail: Failures): { args: string[]; used: string[] } {
  const whole = WHOLE.exec(arg)?.[1];
  if (whole === 'endpoints') return { args: [...v.config.endpoints].map(([n, e]) => `${n}=${e.spec}`), used: [] };
  const g = whole !== undefined ? /^covariates\.(.+)$/.exec(whole) : null;
  if (g) {
    const list = v.config.covariates.get(g[1]);
    return list ? { args: [...list], used: [] } : fail.group(g[1]);
  }
  const used: string[] = [];
  const text = arg.replace(TOKEN, (token, key: string) => {
    if (key === 'output') return v.output;
    if (key === 'seed') return String(v.config.seed);
    const dot = key.indexOf('.');
    const head = dot < 0 ? key : key.slice(0, dot);
    const rest = dot < 0 ? '' : key.slice(dot + 1);
    if (head === 'inputs' && v.inputs.has(rest)) {
      used.push(rest);
      return v.inputs.get(rest)!;
    }
    if (head === 'endpoints' && rest) {
      const known = [...v.config.endpoints.keys()].sort((a, b) => b.length - a.length);
      const name = known.find((n) => rest === n || (rest.startsWith(`${n}.`) && ENDPOINT_FIELDS.includes(rest.slice(n.length + 1))));
      if (!name) {
        const base = rest.split('.')[0];
        return v.config.endpoints.has(base) ? fail.field(base, rest.slice(base.length + 1)) : fail.endpoint(rest.replace(/\.(time|event|columns?|spec)$/, ''));
      }
      return endpointField(v.config.endpoints.get(name)!, name, rest === name ? undefined : rest.slice(name.length + 1), fail);
    }
    if (head === 'covariates' && rest) {
      const list = v.config.covariates.get(rest);
      return list ? list.join(',') : fail.group(rest);
    }
    return fail.token(token);
  });
  if (/\$\{/.test(arg.replace(TOKEN, ''))) fail.token(arg);
  return { args: [text], used };
}

export function planAnalysis(config: AnalyzeConfig, options: PlanOptions): PlannedStep[] {
  const inputs = options.inputs ?? config.inputs;
  const output = options.output ?? config.output;
  const exists = options.exists ?? (() => true);
  const names = config.steps.map((s) => s.name);
  for (const o of options.only ?? []) if (!names.includes(o)) throw new UsageError(analyzeMsg.unknownSelected(options.file, o, names));
  const allowed = options.commands.filter((c) => c !== 'analyze' && c !== 'demo');
  const notRun = new Set<string>();
  const planned: PlannedStep[] = [];
  for (const step of config.steps) {
    const where = step.where ?? options.file;
    if (!allowed.includes(step.command)) throw new UsageError(analyzeMsg.unknownCommand(where, step.name, step.command, allowed));
    const used = new Set<string>();
    const args: string[] = [];
    step.args.forEach((a, i) => {
      const at = step.argWhere?.[i] ?? where;
      const fail: Failures = {
        token: (t) => { throw new UsageError(analyzeMsg.badSubstitution(at, step.name, t, [...inputs.keys()])); },
        endpoint: (n) => { throw new UsageError(analyzeMsg.unknownEndpoint(at, step.name, n, [...config.endpoints.keys()])); },
        field: (n, f) => { throw new UsageError(analyzeMsg.badEndpointField(at, step.name, n, f, ENDPOINT_FIELDS)); },
        group: (n) => { throw new UsageError(analyzeMsg.unknownGroup(at, step.name, n, [...config.covariates.keys()])); },
      };
      const r = substitute(a, { config, inputs, output }, fail);
      r.used.forEach((u) => used.add(u));
      args.push(...r.args);
    });
    const absent = [...used].find((u) => config.optionalInputs.has(u) && !exists(inputs.get(u)!));
    const blocked = (step.requires ?? []).find((r) => notRun.has(r));
    const reason = absent !== undefined ? analyzeMsg.optionalAbsent(absent, inputs.get(absent)!) : blocked !== undefined ? analyzeMsg.requiredNotRun(blocked) : undefined;
    if (reason) notRun.add(step.name);
    const hasSeed = args.some((a) => a === '--seed' || a.startsWith('--seed='));
    if (options.only && options.only.length && !options.only.includes(step.name)) continue;
    planned.push({
      name: step.name, command: step.command,
      argv: [step.command, ...args, ...(hasSeed ? [] : ['--seed', String(config.seed)])],
      inputs: [...used], ...(reason ? { notRun: reason } : {}),
    });
  }
  return planned;
}
