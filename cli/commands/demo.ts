/**
 * `sigscore demo`: write the simulated example cohort to `<out>/data` and run the shipped analysis
 * config (`examples/trial-analysis.yaml`) on it with `sigscore analyze`, so `<out>/` receives every
 * result, `report.html` and `manifest.json`. The same as `npm run demo` without the build.
 */
import type { CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlobalArgs } from '../util.js';
import { DataError } from '../../src/core/errors.js';

interface Args extends GlobalArgs {
  out: string;
  config?: string;
}

/** The shipped example config, found beside the sources or the compiled `dist/`. */
export function exampleConfigPath(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const p = join(here, up, 'examples', 'trial-analysis.yaml');
    if (existsSync(p)) return resolve(p);
  }
  return undefined;
}

export const demoCommand: CommandModule<GlobalArgs, Args> = {
  command: 'demo',
  describe: 'write the simulated example cohort and run the example analysis (examples/trial-analysis.yaml) on it',
  builder: (y) =>
    y
      .option('out', { alias: 'o', type: 'string', default: 'demo-output', describe: 'output directory (the cohort goes to <out>/data)' })
      .option('config', { type: 'string', describe: 'analysis config to run instead of examples/trial-analysis.yaml' }),
  handler: async (args) => {
    const config = args.config ?? exampleConfigPath();
    if (!config || !existsSync(config)) throw new DataError(`demo: cannot find the example analysis config${config ? ` ${config}` : ' examples/trial-analysis.yaml'}`);
    const { run } = await import('../app.js');
    const { writeExampleCohort } = await import('../../examples/write-cohort.js');
    const log = (text: string): void => {
      if (!args.quiet) process.stderr.write(`demo: ${text}\n`);
    };
    const t0 = Date.now();
    const data = join(args.out, 'data');
    log(`writing the simulated example cohort to ${data}`);
    await writeExampleCohort(data, { seed: args.seed ?? 42 });
    log(`running sigscore analyze ${config}`);
    const code = await run([
      'analyze', config, '-o', args.out,
      '-i', `clinical=${join(data, 'clinical.tsv')}`, '-i', `rcc=${join(data, 'rcc')}`, '-i', `counts=${join(data, 'rnaseq_counts.tsv')}`,
      ...(args.seed !== undefined ? ['--seed', String(args.seed)] : []),
      ...(args.threads !== undefined ? ['--threads', String(args.threads)] : []),
      ...(args.quiet ? ['--quiet'] : []),
    ]);
    if (code !== 0) throw new DataError(`demo: sigscore analyze ${config} failed with exit code ${code}`);
    log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s; outputs in ${args.out}/ (report: ${join(args.out, 'report.html')})`);
  },
};
