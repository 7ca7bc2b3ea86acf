/**
 * `sigscore km`: Kaplan–Meier curves per group, with a summary of medians and optional RMST; or, with
 * `--split COL --cut median|optimal|<number>`, curves of a numeric covariate dichotomised at the cut
 * (groups `COL<=cut` and `COL>cut`, as `cutpoint` and `riskgroups` split), the two-group log-rank
 * test, the search-corrected p-values of an optimal (maxstat) cut and optionally the Cox HR of
 * high vs low.
 */
import type { CommandModule } from 'yargs';
import { warn } from '../util.js';
import { kaplanMeier, kmQuantiles, kmAt, rmst, splitSurvival, type ConfType, type KaplanMeierResult, type SplitCut, type SplitSurvivalResult } from '../../src/survival/index.js';
import { DEFAULT_SEED } from '../../src/core/random.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import { getColumn, labelColumn, list, loadSurvival, survivalOptions, writeResultTable, type SurvivalArgs } from './survival-args.js';

interface Args extends SurvivalArgs {
  group?: string;
  'conf-type': string;
  'conf-level': number;
  summary?: string;
  times?: string[];
  rmst?: number;
  split?: string;
  cut?: string;
  minprop: number;
  maxprop: number;
  permutations: number;
  cox?: string;
}

/** `median`, `optimal` (alias `maxstat`) or a finite number; anything else is a usage error. */
export function parseSplitCut(s: string): SplitCut {
  const v = String(s).trim();
  if (v === 'median') return 'median';
  if (v === 'optimal' || v === 'maxstat') return 'optimal';
  const x = Number(v);
  if (v === '' || !Number.isFinite(x)) throw new UsageError(`option --cut must be median, optimal or a number, got ${JSON.stringify(s)}`);
  return x;
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
      .option('split', { type: 'string', describe: 'numeric column to dichotomise into COL<=cut and COL>cut groups (instead of --group; needs --cut)' })
      .option('cut', { type: 'string', describe: 'cut of --split: median, optimal (maximally selected log-rank, as sigscore cutpoint) or a number; low group = value ≤ cut' })
      .option('minprop', { type: 'number', default: 0.1, describe: '--cut optimal: smallest share of subjects in the low group' })
      .option('maxprop', { type: 'number', default: 0.9, describe: '--cut optimal: largest share of subjects in the low group' })
      .option('permutations', { type: 'number', default: 10000, describe: '--cut optimal: conditional Monte Carlo permutations (0 = skip)' })
      .option('cox', { type: 'string', describe: 'with --split: Cox HR of the high vs the low group (Efron ties): term, coef, hr, se, z, p, hr_lower, hr_upper' })
      .epilog('With --split, the summary also holds observed and expected events and the log-rank chisq, df and p, and the cut: '
        + 'split, cut, cut_method, n_low, n_high, and for --cut optimal the search-corrected p_lau92, p_lau94 and p_condmc '
        + '(the log-rank p is not corrected for the search). A JSON output keeps them once in its metadata. '
        + 'Group labels show the cut with at most 6 significant digits.')
      .example('$0 km clinical.tsv --time pfs_time --event pfs_event --group response -o km.tsv --summary km-summary.tsv', '')
      .example('$0 km clinical.tsv --time pfs_time --event pfs_event --split tnfa_d0 --cut optimal -o km.tsv --summary km-summary.tsv --cox cox.tsv', '') as any,
  handler: async (args) => {
    if (!(args['conf-level'] > 0 && args['conf-level'] < 1)) throw new UsageError(`option --conf-level must be > 0 and < 1, got ${args['conf-level']}`);
    if (args.split !== undefined && args.group !== undefined) throw new UsageError('options --group and --split are mutually exclusive');
    if (args.split !== undefined && args.cut === undefined) throw new UsageError('option --split needs --cut (median, optimal or a number)');
    if (args.split === undefined && args.cut !== undefined) throw new UsageError('option --cut needs --split');
    if (args.split === undefined && args.cox !== undefined) throw new UsageError('option --cox needs --split');
    const cutSpec = args.split !== undefined ? parseSplitCut(args.cut!) : undefined;
    const d = await loadSurvival(args);
    let km: KaplanMeierResult;
    let sp: SplitSurvivalResult | null = null;
    const seed = args.seed ?? DEFAULT_SEED;
    if (args.split !== undefined) {
      const col = getColumn(d.table, args.split);
      if (col.kind !== 'numeric') throw new UsageError(`option --split needs a numeric column, ${JSON.stringify(args.split)} is categorical`);
      try {
        sp = splitSurvival(d.time, d.event, col.values, {
          cut: cutSpec, name: args.split, minprop: args.minprop, maxprop: args.maxprop, permutations: args.permutations, seed,
          confType: args['conf-type'] as ConfType, confLevel: args['conf-level'],
        });
      } catch (e) {
        if (e instanceof DataError) throw new DataError(`${args.clinical}: ${e.message}`);
        throw e;
      }
      km = sp.km;
    } else {
      const group = args.group ? labelColumn(d.table, args.group) : null;
      km = kaplanMeier(d.time, d.event, { group, confType: args['conf-type'] as ConfType, confLevel: args['conf-level'] });
    }
    const optimal = sp?.cut.method === 'maxstat';
    const splitScalars: Record<string, string | number> = sp ? {
      split: args.split!, cut: sp.cut.cutpoint, cut_method: optimal ? 'optimal' : sp.cut.method === 'fixed' ? 'fixed' : 'median',
      n_low: sp.split.nLow, n_high: sp.split.nHigh, chisq: sp.logrank.chisq, df: sp.logrank.df, p: sp.logrank.p,
      ...(optimal ? { statistic: sp.cut.statistic, p_lau92: sp.cut.pLau92, p_lau94: sp.cut.pLau94, p_condmc: sp.cut.pCondMC } : {}),
    } : {};
    const splitMeta = sp ? { ...splitScalars, ...(optimal ? { minprop: args.minprop, maxprop: args.maxprop, permutations: args.permutations, seed } : {}) } : {};
    const c = km.curves;
    const cat = (f: (x: (typeof c)[0]) => ArrayLike<number>): number[] => c.flatMap((x) => Array.from(f(x)));
    await writeResultTable(args.output, {
      group: c.flatMap((x) => Array.from(x.time, () => x.group)),
      time: cat((x) => x.time), n_risk: cat((x) => x.nRisk), n_event: cat((x) => x.nEvent), n_censor: cat((x) => x.nCensor),
      surv: cat((x) => x.surv), std_err: cat((x) => x.stdErr), lower: cat((x) => x.lower), upper: cat((x) => x.upper),
    }, {}, d.inputs, { conf_type: km.confType, conf_level: km.confLevel, dropped: km.dropped, ...splitMeta });
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
      if (sp) {
        cols.observed = Array.from(sp.logrank.observed);
        cols.expected = Array.from(sp.logrank.expected);
      }
      await writeResultTable(args.summary, cols, splitScalars, d.inputs, sp ? { ...splitMeta, ...splitScalars } : {});
    }
    if (sp && args.cox) {
      const f = sp.cox;
      await writeResultTable(args.cox,
        { term: f.terms, coef: f.coef, hr: f.hr, se: f.se, z: f.z, p: f.p, hr_lower: f.hrLower, hr_upper: f.hrUpper },
        { split: args.split!, cut: sp.cut.cutpoint, cut_method: splitScalars.cut_method, wald_p: f.wald.p, lr_p: f.lr.p, score_p: f.score.p, n: f.n, events: f.events, converged: f.converged },
        d.inputs,
        { ties: 'efron', conf_level: args['conf-level'], loglik: f.loglik, lr_chisq: f.lr.chisq, score_chisq: f.score.chisq, dropped: f.dropped, warnings: f.warnings },
      );
    }
    warn(args, [...d.warnings, ...(sp ? sp.warnings : km.warnings), ...(km.dropped ? [`${km.dropped} subject(s) with missing time, event or group dropped`] : [])]);
  },
};
