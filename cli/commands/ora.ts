import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { warn, writeTableFile } from '../util.js';
import { readText } from '../../src/io/node/files.js';
import { loadGeneSets } from './gene-set-args.js';

interface Args extends GlobalArgs {
  genes: string;
  universe?: string;
  'gene-sets': string[];
  'min-size': number;
  out: string;
}

/** One gene per line (first field of a TSV line); blank lines and a `gene` header are skipped. */
async function readGeneList(path: string): Promise<string[]> {
  const text = await readText(path);
  return text
    .split(/\r?\n/)
    .map((l) => l.split(/[\t,]/)[0].trim())
    .filter((g, i) => g !== '' && !(i === 0 && /^(gene|genes|symbol)$/i.test(g)));
}

export const oraCommand: CommandModule<GlobalArgs, Args> = {
  command: 'ora',
  describe: 'over-representation analysis: hypergeometric test of a gene list against gene sets',
  builder: (y) =>
    y
      .usage('sigscore ora --genes hits.txt --universe measured.txt --gene-sets sets.gmt -o ora.tsv')
      .option('genes', { type: 'string', demandOption: true, describe: 'query genes, one per line' })
      .option('universe', { type: 'string', describe: 'background genes, one per line (default: all genes in the sets)' })
      .option('gene-sets', { type: 'string', array: true, demandOption: true })
      .option('min-size', { type: 'number', default: 1, describe: 'minimum set size within the universe' })
      .option('out', { alias: 'o', type: 'string', demandOption: true }),
  handler: async (args) => {
    const { ora } = await import('../../src/enrich/ora.js');
    const sets = await loadGeneSets(args['gene-sets']);
    const query = await readGeneList(args.genes);
    const universe = args.universe ? await readGeneList(args.universe) : undefined;
    const r = ora(query, sets, { universe, minSize: args['min-size'] });
    warn(args, r.warnings);
    await writeTableFile(args.out, {
      pathway: r.pathway, overlap: r.overlap, set_size: r.setSize, query_size: Array(r.pathway.length).fill(r.querySize),
      universe_size: Array(r.pathway.length).fill(r.universeSize), expected: r.expected, fold_enrichment: r.foldEnrichment,
      pval: r.pval, padj: r.padj, genes: r.genes.map((g) => g.join(',')),
    }, { inputs: [args.genes, ...(args.universe ? [args.universe] : []), ...args['gene-sets']] });
  },
};
