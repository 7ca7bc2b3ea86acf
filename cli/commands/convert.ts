import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { readMatrixFile } from '../../src/io/node/readers.js';
import { writeAtomic } from '../../src/io/node/files.js';
import { formatMatrixText } from '../../src/io/write-text.js';

interface Args extends GlobalArgs {
  input: string;
  output: string;
}

export const convertCommand: CommandModule<GlobalArgs, Args> = {
  command: 'convert <input> <output>',
  describe: 'convert an expression matrix between TSV, CSV, GCT and Arrow (by extension)',
  builder: (y) =>
    y
      .positional('input', { type: 'string', demandOption: true })
      .positional('output', { type: 'string', demandOption: true }),
  handler: async (args) => {
    const es = await readMatrixFile(args.input);
    const delimiter = args.output.endsWith('.csv') ? ',' : '\t';
    await writeAtomic(args.output, formatMatrixText(es, { delimiter }), { inputs: [args.input] });
  },
};
