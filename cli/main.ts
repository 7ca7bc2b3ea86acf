#!/usr/bin/env node
/**
 * The `sigscore` command. Parses arguments, calls the library, writes files; holds no statistics.
 * Exit codes: 0 success, 1 bad data, 2 bad usage. Errors are one line on stderr.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { reportError } from './util.js';
import { UsageError } from '../src/core/errors.js';

async function main(argv: string[]): Promise<void> {
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
      throw new UsageError(message ?? 'invalid usage');
    })
    .help()
    .alias('h', 'help')
    .version();
  for (const c of commands) cli = cli.command(c as any);
  await cli.parseAsync();
}

main(hideBin(process.argv)).catch((e) => {
  process.exitCode = reportError(e);
});
