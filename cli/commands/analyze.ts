import type { CommandModule } from 'yargs';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlobalArgs } from '../util.js';
import { writeJsonFile } from '../util.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import { readText } from '../../src/io/node/files.js';
import type { AnalyzeManifest, StepRecord } from '../../src/workflow/analyze/index.js';

interface Args extends GlobalArgs {
  config: string;
  steps?: string;
  output?: string;
  force?: boolean;
  input?: string[];
}

const MANIFEST = 'manifest.json';

/** SHA-256 of a file, or of a directory's sorted (relative path, file hash) list; `skip` excludes files. */
export function checksum(path: string, skip: (abs: string) => boolean = () => false): string {
  const st = statSync(path);
  if (st.isFile()) return createHash('sha256').update(readFileSync(path)).digest('hex');
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (skip(p)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(`${relative(path, p)}\0${createHash('sha256').update(readFileSync(p)).digest('hex')}\n`);
    }
  };
  walk(path);
  return h.digest('hex');
}

/** Relative path → "mtime:size" of every file under `dir`. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const st = statSync(p);
        out.set(relative(dir, p), `${st.mtimeMs}:${st.size}`);
      }
    }
  };
  walk(dir);
  out.delete(MANIFEST);
  return out;
}

function sigscoreVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const p = join(here, up, 'package.json');
    if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8')).version as string;
  }
  return 'unknown';
}

function readManifest(path: string): AnalyzeManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as AnalyzeManifest;
  } catch {
    return undefined;
  }
}

export const analyzeCommand: CommandModule<GlobalArgs, Args> = {
  command: 'analyze <config>',
  describe: 'run a whole analysis from a YAML or JSON config of inputs, endpoints, covariate groups and sigscore steps, with a manifest.json; unchanged steps are skipped on re-runs',
  builder: (y) =>
    y
      .positional('config', { type: 'string', demandOption: true, describe: 'config (.yaml, .yml or .json): {title, inputs, endpoints, covariates, output, seed, steps: [{name, command, args, requires}]}' })
      .option('steps', { type: 'string', describe: 'comma-separated step names to run (default: all)' })
      .option('output', { alias: 'o', type: 'string', describe: 'output directory (default: the config\'s "output", relative to the config file)' })
      .option('input', { alias: 'i', type: 'string', array: true, describe: 'NAME=PATH: replace a config input (PATH relative to the working directory); repeatable' })
      .option('force', { type: 'boolean', default: false, describe: 'run every selected step even when nothing changed' })
      .example('sigscore analyze examples/trial-analysis.yaml', 'run the example trial analysis (after sigscore demo has written the cohort)')
      .example('sigscore analyze examples/trial-analysis.yaml --steps screen-pretreatment,forest-pfs', 'run two steps of it'),
  handler: async (args) => {
    // the config reader (and its YAML parser) loads only when this command runs
    const { analyzeMsg, canSkipStep, parseAnalyzeConfig, planAnalysis, resolveCovariateGroups } = await import('../../src/workflow/analyze/index.js');
    const file = args.config;
    if (!existsSync(file)) throw new UsageError(`${file}: config file does not exist`);
    const parsed = parseAnalyzeConfig(await readText(file), file);
    let config = args.seed === undefined ? parsed : { ...parsed, seed: args.seed };
    const base = dirname(resolve(file));
    const inputs = new Map([...config.inputs].map(([k, v]) => [k, resolve(base, v)]));
    for (const spec of args.input ?? []) {
      const eq = spec.indexOf('=');
      if (eq <= 0 || !inputs.has(spec.slice(0, eq)))
        throw new UsageError(`${file}: --input ${JSON.stringify(spec)} must be NAME=PATH with NAME one of ${[...inputs.keys()].join(', ')}`);
      inputs.set(spec.slice(0, eq), resolve(spec.slice(eq + 1)));
    }
    if (config.covariatePatterns.size) {
      const { readSampleTableFile } = await import('../../src/io/node/readers.js');
      config = await resolveCovariateGroups(config, async (name) => {
        const path = inputs.get(name)!;
        if (!existsSync(path)) throw new UsageError(analyzeMsg.groupInputMissing(file, name, path));
        const t = await readSampleTableFile(path);
        return [t.idColumn, ...t.columns.keys()];
      });
    }
    const outDir = resolve(args.output ?? resolve(base, config.output));
    const { commands } = await import('./index.js');
    const known = commands.map((c) => String(Array.isArray(c.command) ? c.command[0] : c.command).split(' ')[0]);
    const only = args.steps ? args.steps.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const plan = planAnalysis(config, { file, commands: known, only, inputs, output: outDir, exists: existsSync });
    for (const step of plan) {
      if (step.notRun) continue;
      const where = config.steps.find((s) => s.name === step.name)?.where ?? file;
      for (const name of step.inputs) if (!existsSync(inputs.get(name)!)) throw new UsageError(analyzeMsg.missingInput(where, step.name, name, inputs.get(name)!));
    }

    const log = (t: string): void => {
      if (!args.quiet) process.stderr.write(`analyze: ${t}\n`);
    };
    const manifestPath = join(outDir, MANIFEST);
    const previous = readManifest(manifestPath);
    const prevSteps = new Map((previous?.steps ?? []).map((s) => [s.name, s]));
    const inputSums: AnalyzeManifest['inputs'] = {};
    for (const [k, p] of inputs) if (existsSync(p)) inputSums[k] = { path: p, sha256: checksum(p) };
    const manifest: AnalyzeManifest = {
      config: resolve(file), title: config.title, sigscoreVersion: sigscoreVersion(), nodeVersion: process.version,
      seed: config.seed, inputs: inputSums, start: new Date().toISOString(), end: '', steps: [],
    };
    const records = new Map<string, StepRecord>();
    const save = async (): Promise<void> => {
      manifest.end = new Date().toISOString();
      manifest.steps = config.steps.map((s) => records.get(s.name) ?? prevSteps.get(s.name)).filter((s): s is StepRecord => !!s);
      await writeJsonFile(manifestPath, manifest);
    };
    const { run } = await import('../app.js');
    const extra = [...(args.threads !== undefined ? ['--threads', String(args.threads)] : []), ...(args.quiet ? ['--quiet'] : [])];
    for (const [i, step] of plan.entries()) {
      const tag = `[${i + 1}/${plan.length}] ${step.name}`;
      const prev = prevSteps.get(step.name);
      if (step.notRun) {
        log(`${tag}: not run: ${step.notRun}`);
        const now = new Date().toISOString();
        records.set(step.name, { name: step.name, argv: step.argv, seed: config.seed, inputs: {}, start: now, end: now, seconds: 0, outputs: [], exitStatus: 0, notRun: step.notRun });
        continue;
      }
      const own = new Set((prev?.outputs ?? []).map((o) => join(outDir, o)));
      const skip = (abs: string): boolean => own.has(abs) || abs === manifestPath;
      const read: Record<string, string> = {};
      for (const a of step.argv.slice(1)) {
        const p = resolve(a);
        if (a.startsWith('-') || own.has(p) || !existsSync(p) || p === resolve('.')) continue;
        read[a] = checksum(p, skip);
      }
      if (!args.force && canSkipStep(prev, step.argv, read, (o) => existsSync(join(outDir, o)))) {
        log(`${tag}: unchanged (same arguments, inputs and outputs present), skipped`);
        records.set(step.name, { ...prev!, skipped: true });
        continue;
      }
      log(`${tag}: sigscore ${step.argv.join(' ')}`);
      const before = snapshot(outDir);
      const start = new Date();
      const code = await run([...step.argv, ...extra]);
      const end = new Date();
      const after = snapshot(outDir);
      const outputs = [...after].filter(([p, s]) => before.get(p) !== s).map(([p]) => p).sort();
      const seconds = (end.getTime() - start.getTime()) / 1000;
      records.set(step.name, { name: step.name, argv: step.argv, seed: config.seed, inputs: read, start: start.toISOString(), end: end.toISOString(), seconds, outputs, exitStatus: code });
      if (code !== 0) {
        await save();
        throw (code === 2 ? new UsageError(analyzeMsg.stepFailed(file, step.name, code)) : new DataError(analyzeMsg.stepFailed(file, step.name, code)));
      }
      log(`${tag}: done in ${seconds.toFixed(1)} s, ${outputs.length} file(s) written`);
      await save(); // the manifest so far: later steps (e.g. report) can read it
    }
    await save();
    log(`manifest: ${manifestPath}`);
  },
};
