/**
 * `sigscore screen`: every covariate of a clinical table (plus optional per-sample scores)
 * against binary and survival endpoints; writes the screen table and, on request, the Spearman
 * correlation matrix, the collinearity clusters and predicted-probability bands.
 */
import type { CommandModule } from 'yargs';
import { warn, writeTableFile, type GlobalArgs } from '../util.js';
import { readClinical } from './clinical-args.js';
import { parseEndpoint } from '../../src/workflow/screen-endpoints.js';
import { screen } from '../../src/workflow/screen.js';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_SEED } from '../../src/core/random.js';

interface Args extends GlobalArgs {
  clinical: string;
  scores?: string;
  endpoint: string[];
  covariates?: string[];
  exclude?: string[];
  output: string;
  correlation?: string;
  collinearity?: string;
  threshold: number;
  priority?: string[];
  probability?: string;
  top: number;
  'min-n': number;
  replicates: number;
  'id-column'?: string;
}

const list = (v?: string[]): string[] | undefined => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);

export const screenCommand: CommandModule<GlobalArgs, Args> = {
  command: 'screen <clinical>',
  describe: 'screen covariates against binary and survival endpoints (Wilcoxon/AUC, Fisher/OR, Cox/HR, log-rank at the median, BH q)',
  builder: (y) =>
    y
      .positional('clinical', { type: 'string', demandOption: true, describe: 'clinical table (TSV/CSV, first column = sample id)' })
      .option('scores', { type: 'string', describe: 'per-sample scores (signatures × samples or samples × scores) added as covariates' })
      .option('endpoint', { alias: 'e', type: 'string', array: true, demandOption: true, describe: 'name=binary:column[>=value] or name=survival:time,event; repeatable' })
      .option('covariates', { type: 'string', array: true, describe: 'covariates to screen (comma-separated or repeated), or "all" (default: all non-endpoint columns)' })
      .option('exclude', { type: 'string', array: true, describe: 'columns never screened (with all)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'screen table (.tsv, .csv or .json)' })
      .option('correlation', { type: 'string', describe: 'Spearman matrix of the numeric covariates, one row per pair: covariate_1, covariate_2, n, rho, p, q' })
      .option('collinearity', { type: 'string', describe: 'collinearity clusters: cluster, covariate, representative, kept, rule, rho_with_representative' })
      .option('threshold', { type: 'number', default: 0.9, describe: 'collinearity: |Spearman rho| above which covariates are clustered' })
      .option('priority', { type: 'string', array: true, describe: 'collinearity: covariates preferred as cluster representatives, most preferred first' })
      .option('probability', { type: 'string', describe: 'predicted probability with 95% band for the top numeric hits of each binary endpoint' })
      .option('top', { type: 'number', default: 3, describe: 'number of hits per binary endpoint in --probability' })
      .option('min-n', { type: 'number', default: 5, describe: 'minimum complete observations per row (fewer: NA)' })
      .option('replicates', { type: 'number', default: 2000, describe: "Monte Carlo replicates of Fisher's test for covariates with 3 or more levels" })
      .option('id-column', { type: 'string', describe: 'sample id column of the clinical table (default: the first)' })
      .example('$0 screen clinical.tsv -e response=binary:ongoing_response -e pfs=survival:pfs_time,pfs_event -e ne3=binary:ne_grade>=3 -o screen.tsv', ''),
  handler: async (args) => {
    const endpoints = args.endpoint.map(parseEndpoint);
    if (!(args['min-n'] >= 2) || !Number.isInteger(args['min-n'])) throw new UsageError(`option --min-n must be an integer ≥ 2, got ${args['min-n']}`);
    if (!(args.replicates >= 1) || !Number.isInteger(args.replicates)) throw new UsageError(`option --replicates must be an integer ≥ 1, got ${args.replicates}`);
    if (!(args.threshold > 0 && args.threshold <= 1)) throw new UsageError(`option --threshold must be > 0 and ≤ 1, got ${args.threshold}`);
    const { table, inputs, warnings } = await readClinical(args.clinical, { scores: args.scores, idColumn: args['id-column'], threads: args.threads });
    const cov = list(args.covariates);
    const seed = args.seed ?? DEFAULT_SEED;
    const res = screen(table, {
      endpoints,
      covariates: !cov || (cov.length === 1 && cov[0] === 'all') ? 'all' : cov,
      exclude: list(args.exclude) ?? [],
      minN: args['min-n'],
      replicates: args.replicates,
      seed,
      correlation: Boolean(args.correlation),
      collinearity: args.collinearity ? { threshold: args.threshold, priority: list(args.priority) ?? [] } : false,
      probability: args.probability ? { top: args.top, points: 50 } : false,
    });
    warn(args, [...warnings, ...res.warnings]);
    const meta = { params: { ...res.params, seed }, endpoints: res.endpoints, warnings: [...warnings, ...res.warnings] };
    await writeTableFile(args.output, res.table as unknown as Record<string, ArrayLike<string | number>>, { inputs, meta });
    const written = [...inputs, args.output];
    if (args.correlation && res.correlation) {
      const c = res.correlation;
      const pr = c.pairs;
      await writeTableFile(args.correlation, {
        covariate_1: Array.from(pr.i, (i) => c.names[i]), covariate_2: Array.from(pr.j, (j) => c.names[j]),
        n: pr.n, rho: pr.r, p: pr.p, q: pr.q,
      }, { inputs: written, meta: { method: 'spearman', adjust: 'BH' } });
      written.push(args.correlation);
    }
    if (args.collinearity && res.collinearity) {
      const cl = res.collinearity;
      const v = cl.params;
      const rows = cl.clusters.flatMap((k) => k.members.map((m) => ({ k, m })));
      await writeTableFile(args.collinearity, {
        cluster: rows.map((r) => r.k.id),
        size: rows.map((r) => r.k.members.length),
        covariate: rows.map((r) => r.m),
        representative: rows.map((r) => r.k.representative),
        kept: rows.map((r) => (r.m === r.k.representative ? 'TRUE' : 'FALSE')),
        rule: rows.map((r) => r.k.rule),
        rho_with_representative: rows.map((r) => (r.m === r.k.representative ? 1 : cl.dropped.find((d) => d.name === r.m)?.rho ?? NaN)),
      }, { inputs: written, meta: { threshold: v.threshold, priority: v.priority } });
      written.push(args.collinearity);
    }
    if (args.probability && res.probability) {
      const p = res.probability;
      await writeTableFile(args.probability, { endpoint: p.endpoint, covariate: p.covariate, x: p.x, probability: p.probability, lower: p.lower, upper: p.upper, method: p.method }, { inputs: written });
    }
  },
};
