/** `sigscore cutpoint`: median, quantile, fixed or maximally selected log-rank cut-points of markers. */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { cutpoint, type CutMethod, type CutpointResult } from '../../src/survival/index.js';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_SEED } from '../../src/core/random.js';
import { list, loadSurvival, numericColumn, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  marker: string[];
  method: CutMethod;
  prob: number;
  value?: number;
  minprop: number;
  maxprop: number;
  permutations: number;
  curve?: string;
}

export const cutpointCommand: CommandModule<any, Args> = {
  command: 'cutpoint <clinical>',
  describe: 'cut-points of continuous markers for survival: median, quantile, fixed, or maximally selected log-rank (Lau92/Lau94/condMC p)',
  builder: (y) =>
    survivalOptions(y)
      .option('marker', { alias: 'm', type: 'string', array: true, demandOption: true, describe: 'marker columns (comma-separated or repeated)' })
      .option('method', { type: 'string', default: 'maxstat', choices: ['maxstat', 'median', 'quantile', 'fixed'], describe: 'how to choose the cut' })
      .option('prob', { type: 'number', default: 0.5, describe: 'probability for --method quantile' })
      .option('value', { type: 'number', describe: 'cut value for --method fixed' })
      .option('minprop', { type: 'number', default: 0.1, describe: 'maxstat: smallest share of subjects in the low group' })
      .option('maxprop', { type: 'number', default: 0.9, describe: 'maxstat: largest share of subjects in the low group' })
      .option('permutations', { type: 'number', default: 10000, describe: 'maxstat: conditional Monte Carlo permutations (0 = skip)' })
      .option('curve', { type: 'string', describe: 'standardised statistic at every candidate cut: marker, cut, statistic' })
      .example('$0 cutpoint clinical.tsv --time pfs_time --event pfs_event -m tnfa_d0 -o cut.tsv --curve cut-curve.tsv', '') as any,
  handler: async (args) => {
    if (args.method === 'fixed' && args.value === undefined) throw new UsageError('option --value is required with --method fixed');
    const markers = list(args.marker);
    const d = await loadSurvival(args);
    const seed = args.seed ?? DEFAULT_SEED;
    const res: CutpointResult[] = markers.map((name) =>
      cutpoint(d.time, d.event, numericColumn(d.table, name), {
        method: args.method, prob: args.prob, value: args.value, minprop: args.minprop, maxprop: args.maxprop,
        permutations: args.permutations, seed, name,
      }),
    );
    await writeResultTable(args.output, {
      marker: markers, method: res.map((r) => r.method), cutpoint: res.map((r) => r.cutpoint), statistic: res.map((r) => r.statistic),
      p_lau92: res.map((r) => r.pLau92), p_lau94: res.map((r) => r.pLau94), p_condmc: res.map((r) => r.pCondMC),
      p_logrank: res.map((r) => r.pLogrank), n_low: res.map((r) => r.nLow), n_high: res.map((r) => r.nHigh),
    }, {}, d.inputs, { seed, permutations: args.permutations, minprop: args.minprop, maxprop: args.maxprop });
    if (args.curve) {
      await writeResultTable(args.curve, {
        marker: res.flatMap((r) => Array.from(r.cuts, () => r.marker)),
        cut: res.flatMap((r) => Array.from(r.cuts)),
        statistic: res.flatMap((r) => Array.from(r.stats)),
      }, {}, d.inputs);
    }
    warn(args, [...d.warnings, ...res.flatMap((r) => r.warnings)]);
  },
};
