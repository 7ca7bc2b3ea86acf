/**
 * The declarative configuration of `sigscore analyze`: named inputs, an output directory, a seed
 * and an ordered list of steps, each running one existing `sigscore` sub-command.
 */
import { UsageError } from '../../core/errors.js';
import { analyzeMsg } from './messages.js';

/** One step: `command` is a sigscore sub-command; `args` may use `${inputs.NAME}`, `${output}`, `${seed}`. */
export interface AnalyzeStep {
  name: string;
  command: string;
  args: string[];
}

export interface AnalyzeConfig {
  /** Optional title of the analysis. */
  title?: string;
  /** Input name → file or directory path (relative paths are relative to the config file). */
  inputs: Map<string, string>;
  /** Output directory (relative to the config file). Default `analysis-output`. */
  output: string;
  /** Seed passed to every step as `--seed` unless the step sets its own. Default 42. */
  seed: number;
  steps: AnalyzeStep[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse and validate the text of a config file. `file` is used in messages only.
 * Throws `UsageError` naming the file (and step) on any problem.
 */
export function parseAnalyzeConfig(text: string, file: string): AnalyzeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(analyzeMsg.notJson(file, (e as Error).message));
  }
  if (!isObject(raw)) throw new UsageError(analyzeMsg.notObject(file, 'the config'));
  const inputs = new Map<string, string>();
  if (raw.inputs !== undefined) {
    if (!isObject(raw.inputs)) throw new UsageError(analyzeMsg.notObject(file, '"inputs"'));
    for (const [k, v] of Object.entries(raw.inputs)) {
      if (typeof v !== 'string' || v === '') throw new UsageError(analyzeMsg.badField(file, `inputs.${k}`, 'a path string'));
      inputs.set(k, v);
    }
  }
  const output = raw.output ?? 'analysis-output';
  if (typeof output !== 'string' || output === '') throw new UsageError(analyzeMsg.badField(file, 'output', 'a directory path'));
  const seed = raw.seed ?? 42;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new UsageError(analyzeMsg.badField(file, 'seed', 'an integer'));
  if (raw.title !== undefined && typeof raw.title !== 'string') throw new UsageError(analyzeMsg.badField(file, 'title', 'a string'));
  if (!Array.isArray(raw.steps) || raw.steps.length === 0) throw new UsageError(analyzeMsg.noSteps(file));
  const steps: AnalyzeStep[] = [];
  const names = new Set<string>();
  raw.steps.forEach((s: unknown, i: number) => {
    if (!isObject(s)) throw new UsageError(analyzeMsg.badStep(file, i, 'must be an object {name, command, args}'));
    if (typeof s.name !== 'string' || s.name === '') throw new UsageError(analyzeMsg.badStep(file, i, '"name" must be a non-empty string'));
    if (typeof s.command !== 'string' || s.command === '') throw new UsageError(analyzeMsg.badStep(file, i, `step ${JSON.stringify(s.name)}: "command" must be a non-empty string`));
    const args = s.args ?? [];
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string' || typeof a === 'number'))
      throw new UsageError(analyzeMsg.badStep(file, i, `step ${JSON.stringify(s.name)}: "args" must be an array of strings`));
    if (names.has(s.name)) throw new UsageError(analyzeMsg.duplicateStep(file, s.name));
    names.add(s.name);
    steps.push({ name: s.name, command: s.command, args: args.map(String) });
  });
  return { title: raw.title as string | undefined, inputs, output, seed, steps };
}
