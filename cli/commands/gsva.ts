/**
 * `sigscore gsva`: GSVA or ssGSEA scores (one row per gene set, one column per sample), equal to
 * GSVA 1.46. Thin: parse, call the library, write.
 */
import type { Argv, CommandModule } from 'yargs';
import { warn, writeTableFile, type GlobalArgs } from '../util.js';
import { loadMatrix } from '../load-matrix.js';
import { createWorkerPool } from '../../src/io/node/worker-pool.js';
import { gsva, ssgsea, type EnrichmentScores } from '../../src/score/gsva/index.js';
import { loadSignatures } from './score.js';

interface Args extends GlobalArgs {
  matrix: string;
  geneSets: string[];
  method: 'gsva' | 'ssgsea';
  kcdf: 'gaussian' | 'poisson' | 'none';
  tau?: number;
  maxDiff: boolean;
  absRanking: boolean;
  minSize: number;
  maxSize?: number;
  alpha: number;
  normalize: boolean;
  output: string;
}

/** Scores as table columns: gene_set, n_genes, then one column per sample. */
export function scoreColumns(r: EnrichmentScores): Record<string, ArrayLike<string | number>> {
  const cols: Record<string, ArrayLike<string | number>> = { gene_set: r.setIds, n_genes: Array.from(r.sizes) };
  const { nrow, ncol, data } = r.scores;
  r.samples.forEach((s, j) => {
    cols[s] = Array.from({ length: nrow }, (_, i) => data[i * ncol + j]);
  });
  return cols;
}

export const gsvaCommand: CommandModule<GlobalArgs, Args> = {
  command: 'gsva <matrix>',
  describe: 'GSVA or ssGSEA enrichment score of every gene set in every sample (equal to GSVA 1.46)',
  builder: (y) =>
    y
      .positional('matrix', { type: 'string', demandOption: true, describe: 'genes × samples matrix (TSV/CSV, .gz): log-scale, or counts with --kcdf poisson' })
      .option('gene-sets', { type: 'string', array: true, demandOption: true, describe: 'GMT/GMX/JSON file or built-in collection id (repeatable)' })
      .option('method', { choices: ['gsva', 'ssgsea'] as const, default: 'gsva' as const, describe: 'enrichment method' })
      .option('kcdf', { choices: ['gaussian', 'poisson', 'none'] as const, default: 'gaussian' as const, describe: 'gsva: kernel for each gene (poisson for integer counts)' })
      .option('tau', { type: 'number', describe: 'gsva: exponent on the rank weights (default 1)' })
      .option('max-diff', { type: 'boolean', default: true, describe: 'gsva: score = max positive + max negative deviation (--no-max-diff: the largest deviation)' })
      .option('abs-ranking', { type: 'boolean', default: false, describe: 'gsva: with max-diff, max positive − max negative deviation' })
      .option('alpha', { type: 'number', default: 0.25, describe: 'ssgsea: exponent on the rank weights' })
      .option('normalize', { type: 'boolean', default: true, describe: 'ssgsea: divide scores by the range of the score matrix (--no-normalize: raw)' })
      .option('min-size', { type: 'number', default: 1, describe: 'smallest set size after matching genes to the matrix' })
      .option('max-size', { type: 'number', describe: 'largest set size after matching (default: no limit)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'scores file (.tsv, .csv or .json)' })
      .example('$0 gsva expr.tsv --gene-sets h.all.v7.0.symbols.gmt -o gsva.tsv', 'GSVA with the Gaussian kernel')
      .example('$0 gsva counts.tsv --gene-sets tme-rnaseq --kcdf poisson -o gsva.tsv', 'GSVA on raw counts')
      .example('$0 gsva expr.tsv --gene-sets sets.gmt --method ssgsea -o ssgsea.tsv', 'ssGSEA') as unknown as Argv<Args>,
  handler: async (args) => {
    const { signatures, files } = await loadSignatures(args.geneSets);
    const sets = signatures.filter((s) => s.formula === undefined);
    const executor = createWorkerPool({ threads: args.threads });
    let r: EnrichmentScores;
    try {
      const expr = await loadMatrix(args.matrix, {}, args.threads, { executor });
      const size = { minSize: args.minSize, maxSize: args.maxSize ?? Infinity, executor };
      r =
        args.method === 'ssgsea'
          ? await ssgsea(expr, sets, { ...size, alpha: args.alpha, normalize: args.normalize ? 'matrix-range' : 'none' })
          : await gsva(expr, sets, { ...size, kcdf: args.kcdf, tau: args.tau ?? 1, maxDiff: args.maxDiff, absRanking: args.absRanking });
    } finally {
      await executor.close();
    }
    warn(args, r.warnings);
    await writeTableFile(args.output, scoreColumns(r), {
      inputs: [args.matrix, ...files],
      meta: { params: r.params, warnings: r.warnings, matrix: args.matrix, geneSets: args.geneSets },
    });
  },
};
