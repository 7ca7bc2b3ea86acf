import type { CommandModule } from 'yargs';
import { join } from 'node:path';
import type { GlobalArgs } from '../util.js';
import { DataError } from '../../src/core/errors.js';
import { demoSteps } from '../demo/index.js';
import type { DemoContext } from '../demo/context.js';

interface Args extends GlobalArgs {
  out: string;
}

export const demoCommand: CommandModule<GlobalArgs, Args> = {
  command: 'demo',
  describe: 'generate the simulated example cohort and run every analysis step on it',
  builder: (y) => y.option('out', { alias: 'o', type: 'string', default: 'demo-output', describe: 'output directory' }),
  handler: async (args) => {
    const { run } = await import('../app.js');
    const { writeExampleCohort } = await import('../../examples/write-cohort.js');
    const seed = args.seed ?? 42;
    const dataDir = join(args.out, 'data');
    const ctx: DemoContext = {
      outDir: args.out,
      dataDir,
      seed,
      threads: args.threads,
      quiet: args.quiet,
      async sigscore(argv) {
        const extra = [...(args.threads ? ['--threads', String(args.threads)] : []), ...(args.quiet ? ['--quiet'] : [])];
        const code = await run([...argv, ...extra]);
        if (code !== 0) throw new DataError(`demo step failed: sigscore ${argv.join(' ')} (exit ${code})`);
      },
      log(text) {
        if (!args.quiet) process.stderr.write(`demo: ${text}\n`);
      },
    };
    const t0 = Date.now();
    ctx.log(`writing the simulated example cohort to ${dataDir}`);
    await writeExampleCohort(dataDir, { seed });
    for (const step of demoSteps) {
      const t = Date.now();
      ctx.log(step.name);
      await step.run(ctx);
      ctx.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    ctx.log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s; outputs in ${args.out}/`);
  },
};
