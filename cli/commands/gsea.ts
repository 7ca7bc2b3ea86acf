import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { warn, writeTableFile, writeJsonFile } from '../util.js';
import { UsageError, DataError } from '../../src/core/errors.js';
import { readSampleTableFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { loadGeneSets } from './gene-set-args.js';

interface Args extends GlobalArgs {
  ranks?: string;
  'rank-column'?: string;
  'gene-column'?: string;
  expr?: string;
  samples?: string;
  phenotype?: string;
  metric: string;
  permutation: string;
  'gene-sets': string[];
  method: string;
  nperm?: number;
  eps: number;
  'min-size': number;
  'max-size': number;
  'gsea-param': number;
  'score-type': string;
  'running-sum'?: string;
  out: string;
}

export const gseaCommand: CommandModule<GlobalArgs, Args> = {
  command: 'gsea',
  describe: 'gene-set enrichment: preranked (--ranks, fgsea-style multilevel or simple p) or phenotype permutation (--expr)',
  builder: (y) =>
    y
      .usage(
        'sigscore gsea --ranks de.tsv [--rank-column t] --gene-sets sets.gmt -o gsea.tsv\n' +
          'sigscore gsea --expr expr.tsv --samples clinical.tsv --phenotype response:R:NR --gene-sets sets.gmt -o gsea.tsv',
      )
      .option('ranks', { type: 'string', describe: 'table of genes and a ranking statistic (a `sigscore de` table works as is)' })
      .option('rank-column', { type: 'string', describe: 'statistic column (default: t, stat, or the second column)' })
      .option('gene-column', { type: 'string', describe: 'gene id column (default: the first column)' })
      .option('expr', { type: 'string', describe: 'expression matrix for phenotype-permutation GSEA' })
      .option('samples', { type: 'string', describe: 'sample table with the phenotype column (first column = sample id)' })
      .option('phenotype', { type: 'string', describe: 'COLUMN:A:B — group A versus group B' })
      .option('metric', { choices: ['s2n', 't', 'diff', 'log2ratio'], default: 's2n', describe: 'ranking metric for --expr' })
      .option('permutation', { choices: ['phenotype', 'gene_set'], default: 'phenotype', describe: 'null for --expr' })
      .option('gene-sets', { type: 'string', array: true, demandOption: true, describe: 'GMT file(s) or signature collection(s)' })
      .option('method', { choices: ['multilevel', 'simple'], default: 'multilevel', describe: 'p-values for --ranks' })
      .option('nperm', { type: 'number', describe: 'permutations (default 10000 for simple, 1000 otherwise)' })
      .option('eps', { type: 'number', default: 1e-50, describe: 'smallest p estimated by multilevel' })
      .option('min-size', { type: 'number', default: 15 })
      .option('max-size', { type: 'number', default: 500 })
      .option('gsea-param', { type: 'number', default: 1, describe: 'weight exponent p of |r|^p' })
      .option('score-type', { choices: ['std', 'pos', 'neg'], default: 'std' })
      .option('running-sum', { type: 'string', describe: 'also write the running sum and hits of every tested set (JSON) for enrichment plots' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'output table (.tsv, .csv or .json)' })
      .check((a) => {
        if (!!a.ranks === !!a.expr) throw new UsageError('give exactly one of --ranks or --expr');
        if (a.expr && (!a.samples || !a.phenotype)) throw new UsageError('--expr needs --samples and --phenotype COLUMN:A:B');
        return true;
      }),
  handler: async (args) => {
    const enrich = await import('../../src/enrich/index.js');
    const sets = await loadGeneSets(args['gene-sets']);
    const seed = args.seed ?? 42;
    const inputs = [args.ranks, args.expr, args.samples, ...args['gene-sets']].filter((x): x is string => !!x);
    if (args.ranks) {
      const table = await readSampleTableFile(args.ranks, args['gene-column'] ? { idColumn: args['gene-column'] } : {});
      const names = [...table.columns.keys()];
      const col = args['rank-column'] ?? ['t', 'stat', 'statistic'].find((c) => table.columns.has(c)) ?? names[0];
      const c = table.columns.get(col);
      if (!c) throw new UsageError(`${args.ranks}: no column ${JSON.stringify(col)} (columns: ${names.join(', ')})`);
      if (c.kind !== 'numeric') throw new DataError(`${args.ranks}: column ${JSON.stringify(col)} is not numeric`);
      const ranking = enrich.rankGenes(table.ids, c.values);
      const { createWorkerPool } = await import('../../src/io/node/worker-pool.js');
      const pool = createWorkerPool({ threads: args.threads });
      const r = await enrich
        .gseaPrerankedParallel(ranking, sets, {
          method: args.method as 'multilevel' | 'simple', ...(args.nperm ? { nperm: args.nperm, nPermSimple: args.nperm } : {}),
          eps: args.eps, minSize: args['min-size'], maxSize: args['max-size'], gseaParam: args['gsea-param'],
          scoreType: args['score-type'] as 'std', seed, executor: pool,
        })
        .finally(() => pool.close());
      warn(args, r.warnings);
      await writeTableFile(args.out, {
        pathway: r.pathway, pval: r.pval, padj: r.padj, log2err: r.log2err, ES: r.ES, NES: r.NES, size: r.size,
        leadingEdge: r.leadingEdge.map((g) => g.join(',')),
      }, { inputs, meta: { params: { ...r.params, rankColumn: col } } });
      if (args['running-sum']) {
        const curves = r.pathway.map((p) => {
          const set = sets.find((s) => s.id === p)!;
          const pos = enrich.setPositions(ranking, set.genes);
          return { pathway: p, hits: [...pos], runningSum: [...enrich.runningSum(ranking.stats, pos, { p: args['gsea-param'] })] };
        });
        await writeJsonFile(args['running-sum'], { n: ranking.stats.length, stats: [...ranking.stats], sets: curves }, { inputs });
      }
      return;
    }
    const [column, a, b] = args.phenotype!.split(':');
    if (!column || !a || !b) throw new UsageError(`--phenotype must be COLUMN:A:B, got ${JSON.stringify(args.phenotype)}`);
    const expr = await loadMatrix(args.expr!, {}, args.threads);
    const samples = await readSampleTableFile(args.samples!);
    const col = samples.columns.get(column);
    if (!col) throw new UsageError(`${args.samples}: no column ${JSON.stringify(column)}`);
    const row = new Map(samples.ids.map((id, i) => [id, i] as const));
    const unmatched = expr.samples.filter((s) => !row.has(s));
    if (unmatched.length) warn(args, [`${unmatched.length} sample(s) of ${args.expr} are not in ${args.samples} and are left out: ${unmatched.slice(0, 5).join(', ')}`]);
    const labels = Int8Array.from(expr.samples, (s) => {
      const i = row.get(s);
      if (i === undefined) return -1;
      const v = col.kind === 'numeric' ? String(col.values[i]) : col.codes[i] < 0 ? null : col.levels[col.codes[i]];
      return v === a ? 1 : v === b ? 0 : -1;
    });
    const r = enrich.gseaPhenotype(expr, labels, sets, {
      metric: args.metric as 's2n', permutation: args.permutation as 'phenotype', nperm: args.nperm ?? 1000,
      minSize: args['min-size'], maxSize: args['max-size'], gseaParam: args['gsea-param'], seed,
    });
    warn(args, r.warnings);
    await writeTableFile(args.out, {
      pathway: r.pathway, pval: r.pval, fdr_q: r.fdr_q, fwer_p: r.fwer_p, ES: r.ES, NES: r.NES, size: r.size,
      leadingEdge: r.leadingEdge.map((g) => g.join(',')),
    }, { inputs, meta: { params: { ...r.params, phenotype: args.phenotype } } });
  },
};
