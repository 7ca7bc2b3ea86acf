/** `sigscore riskgroups`: two markers → four risk groups, KM per group, overall and pairwise log-rank. */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { riskGroups, kmQuantiles, type CutpointOptions } from '../../src/survival/index.js';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_SEED } from '../../src/core/random.js';
import { list, loadSurvival, numericColumn, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  marker: string[];
  cut?: string[];
  km?: string;
  pairwise?: string;
  assignments?: string;
  permutations: number;
}

/** `median`, `maxstat`, `q0.25` (quantile) or a number (fixed cut). */
function parseCut(s: string | undefined, seed: number, permutations: number): CutpointOptions | number {
  if (s === undefined || s === 'median') return { method: 'median' };
  if (s === 'maxstat') return { method: 'maxstat', seed, permutations };
  if (/^q0?\.\d+$/.test(s)) return { method: 'quantile', prob: Number(s.slice(1)) };
  const v = Number(s);
  if (s.trim() === '' || Number.isNaN(v)) throw new UsageError(`option --cut must be median, maxstat, q<prob> or a number, got ${JSON.stringify(s)}`);
  return v;
}

export const riskgroupsCommand: CommandModule<any, Args> = {
  command: 'riskgroups <clinical>',
  describe: 'four risk groups from two markers (each split at median, quantile, fixed value or maxstat cut): KM, log-rank, BH pairwise',
  builder: (y) =>
    survivalOptions(y)
      .option('marker', { alias: 'm', type: 'string', array: true, demandOption: true, describe: 'the two marker columns, e.g. -m flipi,tnfa_d0' })
      .option('cut', { type: 'string', array: true, describe: 'cut of each marker: median (default), maxstat, q<prob>, or a number; e.g. --cut 2,median' })
      .option('km', { type: 'string', describe: 'Kaplan–Meier table per group: group, time, n_risk, n_event, n_censor, surv, std_err, lower, upper' })
      .option('pairwise', { type: 'string', describe: 'pairwise log-rank: group_a, group_b, chisq, p, p_adj (BH)' })
      .option('assignments', { type: 'string', description: 'group of each sample: sample_id, group' })
      .option('permutations', { type: 'number', default: 10000, describe: 'conditional Monte Carlo permutations for maxstat cuts' })
      .example('$0 riskgroups clinical.tsv --time pfs_time --event pfs_event -m flipi,tnfa_d0 --cut 2,median -o groups.tsv --km km.tsv', '') as any,
  handler: async (args) => {
    const markers = list(args.marker);
    if (markers.length !== 2) throw new UsageError(`option --marker needs exactly two columns, got ${markers.length}`);
    const cuts = list(args.cut);
    if (cuts.length > 2) throw new UsageError(`option --cut takes at most two values, got ${cuts.length}`);
    const seed = args.seed ?? DEFAULT_SEED;
    const d = await loadSurvival(args);
    const rg = riskGroups(d.time, d.event, numericColumn(d.table, markers[0]), numericColumn(d.table, markers[1]), {
      names: [markers[0], markers[1]],
      cutA: parseCut(cuts[0], seed, args.permutations),
      cutB: parseCut(cuts[1] ?? cuts[0], seed, args.permutations),
    });
    const c = rg.km.curves;
    const med = c.map((x) => kmQuantiles(x)[0]);
    await writeResultTable(args.output, {
      group: c.map((x) => x.group), n: c.map((x) => x.n), events: c.map((x) => x.events),
      median: med.map((m) => m.time), median_lower: med.map((m) => m.lower), median_upper: med.map((m) => m.upper),
      observed: rg.overall.observed, expected: rg.overall.expected,
    }, { chisq: rg.overall.chisq, df: rg.overall.df, p: rg.overall.p }, d.inputs, {
      cuts: rg.cuts.map((x) => ({ marker: x.marker, method: x.method, cutpoint: x.cutpoint, n_low: x.nLow, n_high: x.nHigh })), seed,
    });
    if (args.km) {
      const cat = (f: (x: (typeof c)[0]) => ArrayLike<number>): number[] => c.flatMap((x) => Array.from(f(x)));
      await writeResultTable(args.km, {
        group: c.flatMap((x) => Array.from(x.time, () => x.group)),
        time: cat((x) => x.time), n_risk: cat((x) => x.nRisk), n_event: cat((x) => x.nEvent), n_censor: cat((x) => x.nCensor),
        surv: cat((x) => x.surv), std_err: cat((x) => x.stdErr), lower: cat((x) => x.lower), upper: cat((x) => x.upper),
      }, {}, d.inputs);
    }
    if (args.pairwise) {
      await writeResultTable(args.pairwise, {
        group_a: rg.pairwise.map((p) => p.a), group_b: rg.pairwise.map((p) => p.b),
        chisq: rg.pairwise.map((p) => p.chisq), p: rg.pairwise.map((p) => p.p), p_adj: rg.pairwise.map((p) => p.pAdjusted),
      }, {}, d.inputs, { adjust: 'BH' });
    }
    if (args.assignments) await writeResultTable(args.assignments, { sample_id: d.table.ids, group: rg.group }, {}, d.inputs);
    warn(args, [...d.warnings, ...rg.warnings]);
  },
};
