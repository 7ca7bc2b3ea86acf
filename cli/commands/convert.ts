import type { CommandModule } from 'yargs';
import { warn, type GlobalArgs } from '../util.js';
import { writeMatrixFile, readGmtFile, writeGeneSetFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { requireMatrixFormat, geneSetFormatOf, parseSkipColumns } from '../../src/io/formats.js';
import { DUPLICATE_OPTIONS, type DuplicateOption } from '../../src/io/duplicates.js';
import { UsageError } from '../../src/core/errors.js';
import { msg } from '../../src/core/messages.js';
import { ioMsg } from '../../src/io/messages.js';

interface Args extends GlobalArgs {
  input: string;
  output: string;
  duplicates: string;
  'strip-versions'?: boolean;
  delimiter?: string;
  'skip-columns'?: string;
}

export const convertCommand: CommandModule<GlobalArgs, Args> = {
  command: 'convert <input> <output>',
  describe: 'convert an expression matrix between TSV, CSV, GCT and Arrow (by extension; .gz allowed for text), or gene sets between GMT and GMX',
  builder: (y) =>
    y
      .positional('input', { type: 'string', demandOption: true, describe: 'input file' })
      .positional('output', { type: 'string', demandOption: true, describe: 'output file: .tsv .csv .gct .arrow .feather .arrows (.gmt/.gmx for gene sets)' })
      .option('duplicates', { type: 'string', default: 'error', describe: 'repeated gene ids: refuse (error), keep, or collapse by mean|max|sum|first|maxMean' })
      .option('strip-versions', { type: 'boolean', describe: 'strip Ensembl version suffixes (ENSG….N → ENSG…) before checking duplicates' })
      .option('delimiter', { type: 'string', describe: 'input field delimiter (default: sniffed)' })
      .option('skip-columns', { type: 'string', describe: 'annotation columns after the gene id: a count or comma-separated names' }),
  handler: async (args) => {
    const inSets = geneSetFormatOf(args.input);
    const outSets = geneSetFormatOf(args.output);
    if (inSets || outSets) {
      if (!inSets || !outSets) throw new UsageError(msg.unknownFormat(inSets ? args.output : args.input, ['gmt', 'gmx']));
      await writeGeneSetFile(args.output, await readGmtFile(args.input), { inputs: [args.input] });
      return;
    }
    const format = requireMatrixFormat(args.output);
    const duplicates = args.duplicates as DuplicateOption;
    if (!DUPLICATE_OPTIONS.includes(duplicates)) throw new UsageError(ioMsg.duplicatePolicy(args.duplicates));
    const es = await loadMatrix(args.input, {
      delimiter: args.delimiter,
      skipColumns: parseSkipColumns(args['skip-columns']),
      duplicates,
      stripVersions: args['strip-versions'],
    }, args.threads);
    const r = es.report;
    const notes: string[] = [];
    if (r.versionsStripped) notes.push(`stripped Ensembl versions from ${r.versionsStripped} gene ids`);
    if (r.duplicates.duplicatedIds) {
      notes.push(
        args.duplicates === 'keep'
          ? `kept ${r.duplicates.duplicatedIds} repeated gene ids (e.g. ${r.duplicates.examples.slice(0, 3).join(', ')})`
          : `collapsed ${r.duplicates.duplicatedIds} repeated gene ids by ${args.duplicates}: ${r.duplicates.rowsBefore} → ${r.duplicates.rowsAfter} rows (e.g. ${r.duplicates.examples.slice(0, 3).join(', ')})`,
      );
    }
    warn(args, notes);
    await writeMatrixFile(args.output, es, { inputs: [args.input], format });
  },
};
