/**
 * `sigscore correlate <a> <b>`: correlation of every feature (row) of one per-sample table with
 * every feature of another over their shared samples (columns), as R `cor.test` per pair, with BH
 * q over all pairs. Thin: read both tables, call `correlateTables`, write the long table.
 */
import type { Argv, CommandModule } from 'yargs';
import { basename } from 'node:path';
import { warn, writeTableFile, type GlobalArgs } from '../util.js';
import { UsageError } from '../../src/core/errors.js';
import { loadMatrix } from '../load-matrix.js';
import { correlateTables } from '../../src/workflow/correlate.js';

interface Args extends GlobalArgs {
  a: string;
  b: string;
  method: 'spearman' | 'pearson';
  minSamples: number;
  output: string;
}

export const correlateCommand: CommandModule<GlobalArgs, Args> = {
  command: 'correlate <a> <b>',
  describe: 'correlate every row of one features × samples table (e.g. GSVA scores) with every row of another (e.g. panel signature scores) over the shared samples: n, rho or r, statistic, p, BH q',
  builder: (y) =>
    y
      .positional('a', { type: 'string', demandOption: true, describe: 'features × samples table (TSV/CSV/JSON; first column = feature id, e.g. gsva or score output)' })
      .positional('b', { type: 'string', demandOption: true, describe: 'second features × samples table; samples are matched by column name' })
      .option('method', { choices: ['spearman', 'pearson'] as const, default: 'spearman' as const, describe: 'Spearman rank (exact p without ties, n < 1290) or Pearson product-moment' })
      .option('min-samples', { type: 'number', default: 3, describe: 'fewest shared samples accepted (at least 3)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'long table: feature_a, feature_b, n, rho (or r), statistic, p, q (.tsv, .csv or .json)' })
      .example('$0 correlate gsva_hallmark.tsv nanostring_io360_scores.tsv -o hallmark_vs_panel.tsv', 'Hallmark GSVA vs panel signatures, Spearman')
      .example('$0 correlate a.tsv b.tsv --method pearson -o r.tsv', 'Pearson') as unknown as Argv<Args>,
  handler: async (args) => {
    if (!(args.minSamples >= 3) || !Number.isInteger(args.minSamples)) throw new UsageError(`option --min-samples must be an integer ≥ 3, got ${args.minSamples}`);
    const [ea, eb] = [await loadMatrix(args.a, {}, args.threads), await loadMatrix(args.b, {}, args.threads)];
    const names: [string, string] = [basename(args.a), basename(args.b)];
    if (names[0] === names[1]) names[1] = args.b;
    const r = correlateTables(
      { features: ea.genes, samples: ea.samples, values: ea.x.data },
      { features: eb.genes, samples: eb.samples, values: eb.x.data },
      { method: args.method, minSamples: args.minSamples, names },
    );
    warn(args, r.warnings);
    await writeTableFile(args.output, {
      feature_a: r.featureA, feature_b: r.featureB, n: r.n,
      [args.method === 'spearman' ? 'rho' : 'r']: r.estimate, statistic: r.statistic, p: r.p, q: r.q,
    }, { inputs: [args.a, args.b], meta: { method: args.method, a: args.a, b: args.b, samples: r.samples } });
  },
};
