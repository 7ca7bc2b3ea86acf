/**
 * The `sigscore` argument parser as a function, so the demo and tests can run commands in-process.
 * Returns the exit code; errors are printed as one line on stderr.
 */
import yargs from 'yargs';
import { commands } from './commands/index.js';
import { reportError } from './util.js';
import { UsageError } from '../src/core/errors.js';

export async function run(argv: string[]): Promise<number> {
  try {
    let cli = yargs(argv)
      .scriptName('sigscore')
      .usage('$0 <command> [options]\n\nGene-signature scoring, enrichment, differential expression and outcome statistics.')
      .option('threads', { type: 'number', describe: 'worker threads (default: all cores)', global: true })
      .option('seed', { type: 'number', describe: 'random seed for stochastic steps (default 42)', global: true })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or warnings on stderr', global: true })
      .strict()
      .demandCommand(1, 'name a command (see --help)')
      .recommendCommands()
      .wrap(Math.min(110, process.stdout.columns || 100))
      .exitProcess(false)
      .fail((message, err) => {
        if (err) throw err;
        throw new UsageError((message ?? 'invalid usage').replace(/\s*\n\s*/g, ' '));
      })
      .help()
      .alias('h', 'help')
      .version();
    for (const c of commands) cli = cli.command(c as any);
    await cli.parseAsync();
    return 0;
  } catch (e) {
    return reportError(e);
  }
}
