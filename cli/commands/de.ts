import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { warn, writeTableFile, writeJsonFile } from '../util.js';
import { readSampleTableFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { parseSkipColumns } from '../../src/io/formats.js';
import { UsageError } from '../../src/core/errors.js';
import { msg } from '../../src/core/messages.js';
import { deMsg } from '../../src/de/messages.js';
import { differentialExpression, type DeMethod } from '../../src/de/differential-expression.js';
import type { NormMethod } from '../../src/normalize/rnaseq/norm-factors.js';
import type { PAdjustMethod } from '../../src/stats/p-adjust.js';
import type { DuplicateOption } from '../../src/io/duplicates.js';

interface Args extends GlobalArgs {
  matrix: string;
  samples?: string;
  'id-column'?: string;
  design?: string;
  'design-matrix'?: string;
  ref?: string[];
  contrast: string[];
  method: string;
  normalize?: string;
  filter?: boolean;
  'prior-count': number;
  adjust: string;
  robust: boolean;
  'skip-columns'?: string;
  duplicates?: string;
  output: string;
  meta?: string;
}

const METHODS = ['limma', 'limma-trend', 'voom', 'wilcoxon', 'welch'];
const NORMS = ['tmm', 'upperquartile', 'rle', 'none'];
const ADJUST = ['BH', 'BY', 'holm', 'bonferroni', 'none'];

/** `de.tsv` → `de.meta.json` beside it. */
export function metaPathFor(output: string): string {
  return output.replace(/(\.(tsv|csv|txt|json))?(\.gz)?$/i, '') + '.meta.json';
}

export const deCommand: CommandModule<GlobalArgs, Args> = {
  command: 'de <matrix>',
  describe: 'differential expression: limma linear models with moderated t (limma, limma-trend, voom with TMM), or per-gene Wilcoxon / Welch tests',
  builder: (y) =>
    y
      .positional('matrix', { type: 'string', demandOption: true, describe: 'genes × samples: log-expression (limma) or raw counts (voom, or any method with --normalize)' })
      .option('samples', { type: 'string', describe: 'sample table (TSV/CSV) with the design covariates' })
      .option('id-column', { type: 'string', describe: 'sample id column of --samples (default: the first)' })
      .option('design', { type: 'string', describe: 'design formula, e.g. "~ response + age + factor(batch)"' })
      .option('design-matrix', { type: 'string', describe: 'explicit design matrix file: sample id column, then one numeric column per coefficient' })
      .option('ref', { type: 'string', array: true, describe: 'reference level of a categorical term, term=level (repeatable)' })
      .option('contrast', { type: 'string', array: true, demandOption: true, describe: 'term:A:B, or a combination of coefficients like "responseR - age"; several give a moderated F-test' })
      .option('method', { type: 'string', default: 'limma', describe: `one of ${METHODS.join('|')}` })
      .option('normalize', { type: 'string', describe: `count normalisation ${NORMS.join('|')} (default: tmm for voom, none otherwise = input is log-expression)` })
      .option('filter', { type: 'boolean', describe: 'drop low-count genes with filterByExpr before normalising (counts only)' })
      .option('prior-count', { type: 'number', default: 2, describe: 'prior count of log-CPM for limma/limma-trend/wilcoxon/welch on counts' })
      .option('adjust', { type: 'string', default: 'BH', describe: `multiple-testing adjustment ${ADJUST.join('|')}` })
      .option('robust', { type: 'boolean', default: false, describe: 'robust empirical Bayes: per-gene prior df, smaller for genes with outlier variances (limma, limma-trend, voom)' })
      .option('skip-columns', { type: 'string', describe: 'annotation columns after the gene id in the matrix: a count or names' })
      .option('duplicates', { type: 'string', describe: 'repeated gene ids: error|keep|mean|max|sum|first|maxMean (default error)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'results table (.tsv, .csv or .json)' })
      .option('meta', { type: 'string', describe: 'metadata JSON (default: <output>.meta.json)' })
      .example('$0 de counts.tsv --samples clinical.tsv --design "~ response + age" --contrast response:R:NR --method voom -o de.tsv', ''),
  handler: async (args) => {
    const problems: string[] = [];
    if (!METHODS.includes(args.method)) problems.push(msg.optionNotOneOf('--method', args.method, METHODS));
    if (args.normalize !== undefined && !NORMS.includes(args.normalize)) problems.push(msg.optionNotOneOf('--normalize', args.normalize, NORMS));
    if (!ADJUST.includes(args.adjust)) problems.push(msg.optionNotOneOf('--adjust', args.adjust, ADJUST));
    if (args.robust && (args.method === 'wilcoxon' || args.method === 'welch')) problems.push(deMsg.robustNeedsLimma(args.method));
    if (!(args['prior-count'] >= 0)) problems.push(msg.optionOutOfRange('--prior-count', args['prior-count'], '≥ 0'));
    if (!args['design-matrix'] && !(args.design && args.samples)) problems.push('give --design with --samples, or --design-matrix');
    if (problems.length) throw new UsageError(problems.join('; '));
    const ref = new Map<string, string>();
    for (const r of args.ref ?? []) {
      const k = r.indexOf('=');
      if (k <= 0) throw new UsageError(deMsg.refSyntax(r));
      ref.set(r.slice(0, k).trim(), r.slice(k + 1).trim());
    }
    const es = await loadMatrix(args.matrix, {
      skipColumns: parseSkipColumns(args['skip-columns']), duplicates: args.duplicates as DuplicateOption | undefined,
    }, args.threads);
    const inputs = [args.matrix];
    const samples = args.samples ? await readSampleTableFile(args.samples, { idColumn: args['id-column'] }) : null;
    if (args.samples) inputs.push(args.samples);
    const designTable = args['design-matrix'] ? await readSampleTableFile(args['design-matrix']) : undefined;
    if (args['design-matrix']) inputs.push(args['design-matrix']);
    const r = differentialExpression(es, samples, {
      formula: designTable ? undefined : args.design, designTable, ref, contrasts: args.contrast, method: args.method as DeMethod,
      normalize: args.normalize as NormMethod | undefined, filter: args.filter, priorCount: args['prior-count'], adjust: args.adjust as PAdjustMethod,
      robust: args.robust,
    });
    warn(args, r.warnings);
    const metaPath = args.meta ?? metaPathFor(args.output);
    await writeTableFile(args.output, Object.fromEntries(r.table), { inputs });
    await writeJsonFile(metaPath, { ...r.meta, matrix: args.matrix, samples: args.samples ?? null, warnings: r.warnings }, { inputs: [...inputs, args.output] });
  },
};
