/**
 * Turn a parsed config into the argv of each selected step: `${inputs.NAME}`, `${output}` and
 * `${seed}` are substituted, the command is checked against the known sub-commands and the
 * global `--seed` is appended when the step does not set one. Pure: paths are used as given.
 */
import { UsageError } from '../../core/errors.js';
import type { AnalyzeConfig } from './config.js';
import { analyzeMsg } from './messages.js';

export interface PlannedStep {
  name: string;
  command: string;
  /** Full argv for `run()`: command, substituted args, `--seed N`. */
  argv: string[];
  /** Names of the config inputs the step refers to. */
  inputs: string[];
}

export interface PlanOptions {
  /** Config file name, for messages. */
  file: string;
  /** Sub-commands a step may run (first word of each command). */
  commands: readonly string[];
  /** Run only these steps (config order is kept). Default: all. */
  only?: readonly string[];
  /** Input name → path to substitute (default: the config's own inputs). */
  inputs?: Map<string, string>;
  /** Output directory to substitute (default: the config's `output`). */
  output?: string;
}

const TOKEN = /\$\{([^}]*)\}/g;

/** Substitute the `${…}` tokens of one argument; returns the text and the input names used. */
function substitute(arg: string, vars: { inputs: Map<string, string>; output: string; seed: number }, fail: (token: string) => never): { text: string; used: string[] } {
  const used: string[] = [];
  const text = arg.replace(TOKEN, (token, key: string) => {
    if (key === 'output') return vars.output;
    if (key === 'seed') return String(vars.seed);
    const m = /^inputs\.(.+)$/.exec(key);
    if (m && vars.inputs.has(m[1])) {
      used.push(m[1]);
      return vars.inputs.get(m[1])!;
    }
    return fail(token);
  });
  if (/\$\{/.test(text.replace(TOKEN, ''))) fail(arg);
  return { text, used };
}

export function planAnalysis(config: AnalyzeConfig, options: PlanOptions): PlannedStep[] {
  const inputs = options.inputs ?? config.inputs;
  const output = options.output ?? config.output;
  const names = config.steps.map((s) => s.name);
  for (const o of options.only ?? []) if (!names.includes(o)) throw new UsageError(analyzeMsg.unknownSelected(options.file, o, names));
  const planned: PlannedStep[] = [];
  for (const step of config.steps) {
    if (!options.commands.includes(step.command) || step.command === 'analyze' || step.command === 'demo')
      throw new UsageError(analyzeMsg.unknownCommand(options.file, step.name, step.command, options.commands.filter((c) => c !== 'analyze' && c !== 'demo')));
    const fail = (token: string): never => {
      throw new UsageError(analyzeMsg.badSubstitution(options.file, step.name, token, [...inputs.keys()]));
    };
    const used = new Set<string>();
    const args = step.args.map((a) => {
      const r = substitute(a, { inputs, output, seed: config.seed }, fail);
      r.used.forEach((u) => used.add(u));
      return r.text;
    });
    const hasSeed = args.some((a) => a === '--seed' || a.startsWith('--seed='));
    if (options.only && options.only.length && !options.only.includes(step.name)) continue;
    planned.push({ name: step.name, command: step.command, argv: [step.command, ...args, ...(hasSeed ? [] : ['--seed', String(config.seed)])], inputs: [...used] });
  }
  return planned;
}
