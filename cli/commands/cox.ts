/** `sigscore cox`: Cox proportional-hazards model with numeric and categorical covariates. */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { coxph, coxZph, type CoxColumn } from '../../src/survival/index.js';
import { UsageError } from '../../src/core/errors.js';
import { getColumn, labelColumn, list, loadSurvival, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  covariates: string[];
  categorical?: string[];
  strata?: string;
  ties: 'efron' | 'breslow';
  zph?: string;
}

export const coxCommand: CommandModule<any, Args> = {
  command: 'cox <clinical>',
  describe: 'Cox proportional-hazards regression: HR with CI, Wald/LR/score tests, concordance, optional cox.zph test',
  builder: (y) =>
    survivalOptions(y)
      .option('covariates', { alias: 'c', type: 'string', array: true, demandOption: true, describe: 'covariate columns (comma-separated or repeated)' })
      .option('categorical', { type: 'string', array: true, describe: 'numeric-looking columns to treat as categorical (first level = reference)' })
      .option('strata', { type: 'string', describe: 'column defining strata (separate baseline hazards)' })
      .option('ties', { type: 'string', default: 'efron', choices: ['efron', 'breslow'], describe: 'tie handling' })
      .option('zph', { type: 'string', describe: 'proportional-hazards test table (KM transform): term, chisq, df, p (last row GLOBAL)' })
      .example('$0 cox clinical.tsv --time pfs_time --event pfs_event -c flipi,tnfa_d0 -o cox.tsv', '') as any,
  handler: async (args) => {
    const names = list(args.covariates);
    if (!names.length) throw new UsageError('option --covariates needs at least one column');
    const d = await loadSurvival(args);
    const cat = new Set(list(args.categorical));
    const cols: CoxColumn[] = names.map((name) => {
      const c = getColumn(d.table, name);
      if (c.kind === 'numeric' && !cat.has(name)) return { name, values: c.values };
      return { name, values: labelColumn(d.table, name) };
    });
    const options = { ties: args.ties, strata: args.strata ? labelColumn(d.table, args.strata) : undefined };
    const fit = coxph(d.time, d.event, cols, options);
    await writeResultTable(args.output,
      { term: fit.terms, coef: fit.coef, hr: fit.hr, se: fit.se, z: fit.z, p: fit.p, hr_lower: fit.hrLower, hr_upper: fit.hrUpper },
      {
        loglik: fit.loglik[1], wald_p: fit.wald.p, lr_p: fit.lr.p, score_p: fit.score.p,
        concordance: fit.concordance?.concordance ?? null, n: fit.n, events: fit.events, converged: fit.converged,
      },
      d.inputs,
      { loglik_null: fit.loglik[0], wald_chisq: fit.wald.chisq, lr_chisq: fit.lr.chisq, score_chisq: fit.score.chisq, df: fit.wald.df, ties: args.ties, iterations: fit.iterations, dropped: fit.dropped, warnings: fit.warnings },
    );
    if (args.zph) {
      const z = coxZph(d.time, d.event, cols, options);
      await writeResultTable(args.zph, {
        term: [...z.terms, 'GLOBAL'], chisq: [...z.chisq, z.global.chisq], df: [...z.df, z.global.df], p: [...z.p, z.global.p],
      }, {}, d.inputs, { transform: 'km' });
    }
    warn(args, [...d.warnings, ...fit.warnings]);
  },
};
