import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { readGmtFile, readSampleTableFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { UsageError } from '../../src/core/errors.js';
import { msg } from '../../src/core/messages.js';
import { geneSetFormatOf, parseSkipColumns } from '../../src/io/formats.js';
import { summarizeExpression, summarizeGeneSets, summarizeSampleTable, type ExpressionSummary } from '../../src/io/inspect.js';

interface Args extends GlobalArgs {
  file: string;
  json?: boolean;
  kind?: string;
  delimiter?: string;
  'skip-columns'?: string;
  'id-column'?: string;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x), 1) + '\n';

function idText(s: ExpressionSummary['ids']): string {
  if (s.type === 'ensembl') return `Ensembl (${s.ensembl} of ${s.n}${s.ensemblVersioned ? `, ${s.ensemblVersioned} with .N versions` : ', no versions'})`;
  if (s.type === 'entrez') return `Entrez (${s.entrez} of ${s.n})`;
  return s.type === 'symbol' ? `symbols (${s.symbol} of ${s.n})` : 'none';
}

function matrixText(file: string, s: ExpressionSummary): string {
  return [
    `${file}: ${s.genes} genes × ${s.samples} samples`,
    `gene ids:   ${idText(s.ids)}`,
    `duplicates: ${s.duplicateGenes ? `${s.duplicateGenes} repeated gene ids (e.g. ${s.duplicateExamples.slice(0, 3).join(', ')})` : 'none'}`,
    `missing:    ${s.missing} NA${s.infinite ? `, ${s.infinite} infinite` : ''}`,
    `range:      ${s.min} … ${s.max} (${s.negative} negative, ${s.zero} zero)`,
    `integers:   ${(100 * s.integerFraction).toFixed(1)}% of values`,
    `scale:      ${s.scale} (${s.scaleReason})`,
  ].join('\n') + '\n';
}

export const inspectCommand: CommandModule<GlobalArgs, Args> = {
  command: 'inspect <file>',
  describe: 'describe an expression matrix (shape, id type, missing values, duplicates, value range and scale), a gene-set file or a sample table',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'TSV/CSV (.gz), GCT, Arrow; GMT/GMX; or a sample table with --kind table' })
      .option('json', { type: 'boolean', describe: 'print JSON instead of text' })
      .option('kind', { type: 'string', describe: 'what the file holds (default: sets for .gmt/.gmx, else matrix)' })
      .option('delimiter', { type: 'string', describe: 'field delimiter (default: sniffed)' })
      .option('skip-columns', { type: 'string', default: 'auto', describe: 'annotation columns after the gene id: a count, comma-separated names, or auto (leading non-numeric columns)' })
      .option('id-column', { type: 'string', describe: 'sample table: the id column (default: the first)' }),
  handler: async (args) => {
    const kind = args.kind ?? (geneSetFormatOf(args.file) ? 'sets' : 'matrix');
    if (!['matrix', 'sets', 'table'].includes(kind)) throw new UsageError(msg.optionNotOneOf('--kind', kind, ['matrix', 'sets', 'table']));
    if (kind === 'sets') {
      const s = summarizeGeneSets(await readGmtFile(args.file));
      process.stdout.write(args.json ? json({ file: args.file, ...s }) : `${args.file}: ${s.sets} gene sets, ${s.minSize}–${s.maxSize} genes each, ${s.distinctGenes} distinct genes (${idText(s.ids)})\n`);
      return;
    }
    if (kind === 'table') {
      const s = summarizeSampleTable(await readSampleTableFile(args.file, { delimiter: args.delimiter, idColumn: args['id-column'] }));
      const lines = s.columns.map((c) => `  ${c.name}: ${c.kind}, ${c.missing} missing${c.levels !== undefined ? `, ${c.levels} levels` : `, ${c.min} … ${c.max}`}`);
      process.stdout.write(args.json ? json({ file: args.file, ...s }) : `${args.file}: ${s.rows} samples (id column ${s.idColumn}), ${s.columns.length} columns\n${lines.join('\n')}\n`);
      return;
    }
    const es = await loadMatrix(args.file, { delimiter: args.delimiter, skipColumns: parseSkipColumns(args['skip-columns']), duplicates: 'keep' }, args.threads);
    const s = summarizeExpression(es);
    const annotationColumns = [...(es.geneAnnotation?.keys() ?? [])];
    const text = matrixText(args.file, s) + (annotationColumns.length ? `annotation: ${annotationColumns.join(', ')} (skipped)\n` : '');
    process.stdout.write(args.json ? json({ file: args.file, ...s, annotationColumns }) : text);
  },
};
