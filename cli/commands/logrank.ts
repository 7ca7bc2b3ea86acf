/** `sigscore logrank`: k-sample log-rank / Fleming–Harrington test, optionally stratified, with trend test. */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { logrank } from '../../src/survival/index.js';
import { UsageError } from '../../src/core/errors.js';
import { labelColumn, loadSurvival, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  group: string;
  strata?: string;
  rho: number;
}

export const logrankCommand: CommandModule<any, Args> = {
  command: 'logrank <clinical>',
  describe: 'log-rank test between groups (Fleming–Harrington rho, strata, trend); per group n, observed, expected',
  builder: (y) =>
    survivalOptions(y)
      .option('group', { alias: 'g', type: 'string', demandOption: true, describe: 'column defining the groups' })
      .option('strata', { type: 'string', describe: 'column defining strata (test summed over strata)' })
      .option('rho', { type: 'number', default: 0, describe: 'Fleming–Harrington rho (0 = log-rank, 1 = Peto–Peto)' })
      .example('$0 logrank clinical.tsv --time pfs_time --event pfs_event --group response -o logrank.tsv', '') as any,
  handler: async (args) => {
    if (!(args.rho >= 0)) throw new UsageError(`option --rho must be ≥ 0, got ${args.rho}`);
    const d = await loadSurvival(args);
    const r = logrank(d.time, d.event, labelColumn(d.table, args.group), {
      rho: args.rho,
      strata: args.strata ? labelColumn(d.table, args.strata) : undefined,
    });
    await writeResultTable(args.output,
      { group: r.groups, n: r.n, observed: r.observed, expected: r.expected },
      { chisq: r.chisq, df: r.df, p: r.p, trend_chisq: r.trend.chisq, trend_p: r.trend.p },
      d.inputs, { rho: r.rho, dropped: r.dropped });
    warn(args, [...d.warnings, ...r.warnings]);
  },
};
