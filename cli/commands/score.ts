/**
 * `sigscore score`: score every sample of a matrix on signature collections; writes scores (one
 * row per signature, one column per sample) and optionally the coverage table.
 */
import type { Argv, CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { warn, writeJsonFile, writeTableFile, type GlobalArgs } from '../util.js';
import { loadMatrix } from '../load-matrix.js';
import { readText, writeAtomic } from '../../src/io/node/files.js';
import { formatMatrixText } from '../../src/io/write-text.js';
import { UsageError } from '../../src/core/errors.js';
import {
  builtinAliases,
  builtinCollection,
  builtinCollectionIds,
  mergeAliases,
  parseHgncAliases,
  parseSignatureFile,
  scoreMsg,
  scoreSignatures,
  SCORE_METHODS,
  type ScoreResult,
  type Signature,
} from '../../src/score/index.js';

interface Args extends GlobalArgs {
  matrix: string;
  signatures: string[];
  method: string;
  output: string;
  coverage?: string;
  missing: string;
  minCoverage?: number;
  minGenes: number;
  aliases?: string;
  centerGenes: boolean;
  singscoreCenter: boolean;
  kcdf: string;
}

/** Load built-in collections by id and files by path; ids must be unique across them. */
export async function loadSignatures(specs: readonly string[]): Promise<{ signatures: Signature[]; files: string[] }> {
  const signatures: Signature[] = [];
  const files: string[] = [];
  for (const spec of specs) {
    if (builtinCollectionIds().includes(spec)) signatures.push(...builtinCollection(spec).signatures);
    else if (existsSync(spec)) {
      files.push(spec);
      signatures.push(...parseSignatureFile(await readText(spec), spec).signatures);
    } else throw new UsageError(scoreMsg.unknownCollection(spec, builtinCollectionIds()));
  }
  return { signatures, files };
}

/** Coverage rows as table columns. */
export function coverageColumns(r: ScoreResult) {
  const c = r.coverage;
  return {
    signature: c.map((x) => x.signature),
    method: c.map((x) => x.method),
    genes_total: c.map((x) => x.genesTotal),
    genes_matched: c.map((x) => x.genesMatched),
    missing_genes: c.map((x) => x.missing.join(',')),
    aliased_genes: c.map((x) => x.aliased.join(',')),
    weight_fraction: c.map((x) => x.weightFraction),
    housekeeping_total: c.map((x) => x.housekeepingTotal),
    housekeeping_matched: c.map((x) => x.housekeepingMatched),
    status: c.map((x) => x.status),
  };
}

export const scoreCommand: CommandModule<GlobalArgs, Args> = {
  command: 'score <matrix>',
  describe: 'score every sample on gene signatures (weighted, mean, median, zscore, plage, singscore, ssgsea, gsva) with a coverage report',
  builder: (y) =>
    y
      .positional('matrix', { type: 'string', demandOption: true, describe: 'genes × samples matrix (log scale; TSV/CSV/GCT/Arrow, .gz)' })
      .option('signatures', { alias: 's', type: 'string', array: true, demandOption: true, describe: `built-in collection (${builtinCollectionIds().join(', ')}) or a JSON/GMT/GMX file; repeatable` })
      .option('method', { alias: 'm', type: 'string', default: 'auto', choices: ['auto', ...SCORE_METHODS], describe: 'auto = each signature\'s own method (weighted when it has weights, else mean)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'scores: one row per signature, one column per sample (.tsv, .csv or .json)' })
      .option('coverage', { type: 'string', describe: 'coverage table: genes total/matched, missing genes, weight fraction, status' })
      .option('missing', { type: 'string', default: 'drop', choices: ['drop', 'na', 'error'], describe: 'missing genes: score on the rest (drop), score NA (na), or fail (error)' })
      .option('min-coverage', { type: 'number', describe: 'minimum fraction of Σ|weight| (of genes when unweighted) matched; default 0.8 for weighted signatures, 0 otherwise' })
      .option('min-genes', { type: 'number', default: 2, describe: 'minimum matched genes for set methods (capped at the signature size)' })
      .option('aliases', { type: 'string', describe: 'HGNC table (symbol + prev_symbol/alias_symbol columns) added to the built-in alias table' })
      .option('center-genes', { type: 'boolean', default: false, describe: 'mean/median: centre each gene on its cohort mean first' })
      .option('kcdf', { type: 'string', default: 'gaussian', choices: ['gaussian', 'poisson', 'none'], describe: 'gsva: kernel (gaussian for log-scale data, poisson for counts)' })
      .option('singscore-center', { type: 'boolean', default: true, describe: 'singscore: centre scores on 0 (use --no-singscore-center for [0, 1])' })
      .example('$0 score expr.tsv --signatures io360-public -o scores.tsv --coverage coverage.tsv', 'IO360-style signatures on log2 normalised counts') as unknown as Argv<Args>,
  handler: async (args) => {
    const es = await loadMatrix(args.matrix, {}, args.threads);
    const { signatures, files } = await loadSignatures(args.signatures);
    const aliases = args.aliases
      ? mergeAliases(builtinAliases(), parseHgncAliases(await readText(args.aliases), { source: args.aliases }))
      : builtinAliases();
    const r = await scoreSignatures(es, signatures, {
      method: args.method as never,
      missing: args.missing as 'drop' | 'na' | 'error',
      minCoverage: args.minCoverage,
      minGenes: args.minGenes,
      aliases,
      centerGenes: args.centerGenes,
      singscoreCenter: args.singscoreCenter,
      kcdf: args.kcdf as 'gaussian' | 'poisson' | 'none',
    });
    warn(args, r.warnings);
    const inputs = [args.matrix, ...files, ...(args.aliases ? [args.aliases] : [])];
    if (extname(args.output).toLowerCase() === '.json') {
      const rows = r.signatures.map((id, i) => ({ signature: id, method: r.methods[i], scores: Array.from(r.scores.data.subarray(i * r.scores.ncol, (i + 1) * r.scores.ncol)) }));
      await writeJsonFile(args.output, { samples: r.samples, rows, params: r.params, warnings: r.warnings }, { inputs });
    } else {
      const text = formatMatrixText({ x: r.scores, genes: r.signatures, samples: r.samples }, { delimiter: extname(args.output).toLowerCase() === '.csv' ? ',' : '\t', idHeader: 'signature' });
      await writeAtomic(args.output, text, { inputs });
    }
    if (args.coverage) await writeTableFile(args.coverage, coverageColumns(r), { inputs: [...inputs, args.output], meta: { params: r.params } });
  },
};
