import type { CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { warn, writeTableFile, writeJsonFile, progress } from '../util.js';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_SEED } from '../../src/core/random.js';
import { readClinical } from './clinical-args.js';
import { parseEndpoint } from '../../src/workflow/screen-endpoints.js';

interface Args extends GlobalArgs {
  clinical: string;
  scores?: string;
  'id-column'?: string;
  endpoint: string;
  covariates?: string;
  exclude?: string;
  trees: number;
  mtry?: number;
  'min-node-size'?: number;
  'max-depth': number;
  sampling: string;
  balanced: boolean;
  repeats: number;
  'top-k': number;
  collinearity?: number;
  priority?: string;
  impute: boolean;
  out: string;
  oob?: string;
}

const list = (s?: string): string[] | undefined => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

export const forestCommand: CommandModule<GlobalArgs, Args> = {
  command: 'forest <clinical>',
  describe: 'random-forest variable importance (classification or survival) with stability over repeats',
  builder: (y) =>
    y
      .positional('clinical', { type: 'string', demandOption: true, describe: 'clinical table (first column = sample id)' })
      .option('scores', { type: 'string', describe: 'per-sample scores added as covariates (signatures × samples)' })
      .option('id-column', { type: 'string', describe: 'sample id column (default: the first)' })
      .option('endpoint', { alias: 'e', type: 'string', demandOption: true, describe: 'NAME=binary:COLUMN[>=value] or NAME=survival:TIME,EVENT' })
      .option('covariates', { type: 'string', describe: 'comma-separated covariates (default: all other columns)' })
      .option('exclude', { type: 'string', describe: 'comma-separated columns to leave out' })
      .option('trees', { type: 'number', default: 500 })
      .option('mtry', { type: 'number', describe: 'variables tried per split (default ⌊√p⌋)' })
      .option('min-node-size', { type: 'number', describe: 'default 1 (binary), 3 (survival)' })
      .option('max-depth', { type: 'number', default: 0, describe: '0 = unlimited' })
      .option('sampling', { choices: ['bootstrap', 'subsample'], default: 'bootstrap' })
      .option('balanced', { type: 'boolean', default: false, describe: 'class-balanced bootstrap (rare binary endpoints)' })
      .option('repeats', { type: 'number', default: 1, describe: 'forests with seeds seed, seed+1, …' })
      .option('top-k', { type: 'number', default: 10, describe: 'k of the top_k_freq column' })
      .option('collinearity', { type: 'number', describe: 'drop collinear covariates first: |Spearman ρ| threshold, e.g. 0.9' })
      .option('priority', { type: 'string', describe: 'comma-separated covariates preferred as cluster representatives' })
      .option('impute', { type: 'boolean', default: false, describe: 'impute missing covariate values (median / mode)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'importance table (.tsv, .csv, .json)' })
      .option('oob', { type: 'string', describe: 'out-of-bag summary (JSON): error, AUC or C-index, dropped covariates' })
      .example('$0 forest clinical.tsv -e pfs=survival:pfs_time,pfs_event --repeats 20 --collinearity 0.9 -o importance.tsv --oob oob.json', ''),
  handler: async (args) => {
    for (const [k, v] of [['trees', args.trees], ['repeats', args.repeats], ['top-k', args['top-k']]] as const) {
      if (!(v >= 1) || !Number.isInteger(v)) throw new UsageError(`option --${k} must be an integer ≥ 1, got ${v}`);
    }
    if (args.collinearity !== undefined && !(args.collinearity > 0 && args.collinearity <= 1)) throw new UsageError(`option --collinearity must be in (0, 1], got ${args.collinearity}`);
    const endpoint = parseEndpoint(args.endpoint);
    const { table, inputs, warnings } = await readClinical(args.clinical, { scores: args.scores, idColumn: args['id-column'], threads: args.threads });
    const exclude = new Set(list(args.exclude) ?? []);
    const covariates = list(args.covariates)?.filter((c) => !exclude.has(c)) ?? (exclude.size ? [...table.columns.keys()].filter((c) => !exclude.has(c) && c !== table.idColumn && !endpointColumnsOf(args.endpoint).includes(c)) : undefined);
    const { forestImportance } = await import('../../src/workflow/forest.js');
    const { createWorkerPool } = await import('../../src/io/node/worker-pool.js');
    const pool = createWorkerPool({ threads: args.threads });
    const say = progress(args);
    say(`growing ${args.repeats} × ${args.trees} trees…`);
    try {
      const r = await forestImportance(table, endpoint, {
        covariates, trees: args.trees, mtry: args.mtry ?? 0, minNodeSize: args['min-node-size'] ?? 0, maxDepth: args['max-depth'],
        sampling: args.sampling as 'bootstrap', balanced: args.balanced, repeats: args.repeats, topK: args['top-k'],
        collinearity: args.collinearity ?? 0, priority: list(args.priority), impute: args.impute, seed: args.seed ?? DEFAULT_SEED, executor: pool,
      });
      say('');
      warn(args, [...warnings, ...r.warnings, ...r.imputed.map((s) => `imputed ${s}`)]);
      const order = [...r.covariate.keys()].sort((a, b) => r.importance[b] - r.importance[a] || a - b);
      const pick = <T>(a: ArrayLike<T>): T[] => order.map((i) => a[i]);
      await writeTableFile(args.out, {
        covariate: pick(r.covariate), importance: pick(r.importance), importance_sd: pick(r.importance_sd), rank_mean: pick(r.rank_mean),
        top_k_freq: pick(r.top_k_freq), p_janitza: pick(r.p_janitza), direction: pick(r.direction), impurity_importance: pick(r.impurity),
      }, { inputs, meta: { oob: r.oob } });
      if (args.oob) await writeJsonFile(args.oob, { ...r.oob, collinearity_dropped: r.collinearity, imputed: r.imputed, warnings: r.warnings }, { inputs });
    } finally {
      await pool.close();
    }
  },
};

function endpointColumnsOf(spec: string): string[] {
  const e = parseEndpoint(spec);
  return e.kind === 'binary' ? [e.column] : [e.time, e.event];
}
