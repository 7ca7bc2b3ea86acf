/** `sigscore km`: Kaplan–Meier curves per group, with a summary of medians and optional RMST. */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { kaplanMeier, kmQuantiles, kmAt, rmst, type ConfType } from '../../src/survival/index.js';
import { UsageError } from '../../src/core/errors.js';
import { labelColumn, list, loadSurvival, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  group?: string;
  'conf-type': string;
  'conf-level': number;
  summary?: string;
  times?: string[];
  rmst?: number;
}

export const kmCommand: CommandModule<any, Args> = {
  command: 'km <clinical>',
  describe: 'Kaplan–Meier curves (Greenwood SE, log/log-log/plain CI) per group, medians with CI, RMST',
  builder: (y) =>
    survivalOptions(y)
      .option('group', { alias: 'g', type: 'string', describe: 'column defining the groups (default: one curve, "all")' })
      .option('conf-type', { type: 'string', default: 'log', choices: ['log', 'log-log', 'plain'], describe: 'confidence interval type' })
      .option('conf-level', { type: 'number', default: 0.95, describe: 'confidence level' })
      .option('summary', { type: 'string', describe: 'summary table: group, n, events, median, median_lower, median_upper (+ rmst, rmst_se)' })
      .option('times', { type: 'string', array: true, describe: 'times for survival estimates in the summary (columns surv_<t>, lower_<t>, upper_<t>)' })
      .option('rmst', { type: 'number', describe: 'restricted mean survival time up to this time (in the summary)' })
      .example('$0 km clinical.tsv --time pfs_time --event pfs_event --group response -o km.tsv --summary km-summary.tsv', '') as any,
  handler: async (args) => {
    if (!(args['conf-level'] > 0 && args['conf-level'] < 1)) throw new UsageError(`option --conf-level must be > 0 and < 1, got ${args['conf-level']}`);
    const d = await loadSurvival(args);
    const group = args.group ? labelColumn(d.table, args.group) : null;
    const km = kaplanMeier(d.time, d.event, { group, confType: args['conf-type'] as ConfType, confLevel: args['conf-level'] });
    const c = km.curves;
    const cat = (f: (x: (typeof c)[0]) => ArrayLike<number>): number[] => c.flatMap((x) => Array.from(f(x)));
    await writeResultTable(args.output, {
      group: c.flatMap((x) => Array.from(x.time, () => x.group)),
      time: cat((x) => x.time), n_risk: cat((x) => x.nRisk), n_event: cat((x) => x.nEvent), n_censor: cat((x) => x.nCensor),
      surv: cat((x) => x.surv), std_err: cat((x) => x.stdErr), lower: cat((x) => x.lower), upper: cat((x) => x.upper),
    }, {}, d.inputs, { conf_type: km.confType, conf_level: km.confLevel, dropped: km.dropped });
    if (args.summary) {
      const med = c.map((x) => kmQuantiles(x)[0]);
      const cols: Record<string, (string | number)[]> = {
        group: c.map((x) => x.group), n: c.map((x) => x.n), events: c.map((x) => x.events),
        median: med.map((m) => m.time), median_lower: med.map((m) => m.lower), median_upper: med.map((m) => m.upper),
      };
      if (args.rmst !== undefined) {
        const r = c.map((x) => rmst(x, args.rmst!));
        cols.rmst = r.map((x) => x.rmst);
        cols.rmst_se = r.map((x) => x.se);
      }
      const times = list(args.times).map(Number);
      if (times.some((t) => Number.isNaN(t))) throw new UsageError(`option --times must list numbers, got ${args.times}`);
      times.forEach((t) => {
        const at = c.map((x) => kmAt(x, [t]));
        cols[`surv_${t}`] = at.map((a) => a.surv[0]);
        cols[`lower_${t}`] = at.map((a) => a.lower[0]);
        cols[`upper_${t}`] = at.map((a) => a.upper[0]);
      });
      await writeResultTable(args.summary, cols, {}, d.inputs);
    }
    warn(args, [...d.warnings, ...km.warnings, ...(km.dropped ? [`${km.dropped} subject(s) with missing time, event or group dropped`] : [])]);
  },
};
