/**
 * `sigscore plot <kind> <input> -o out.(vl.json|svg|png|html)`: draw one plot from the table the
 * producing command wrote. Thin: read, call a spec builder, write.
 */
import type { Argv, CommandModule } from 'yargs';
import type { GlobalArgs } from '../util.js';
import { warn } from '../util.js';
import { UsageError } from '../../src/core/errors.js';
import type { VegaLiteSpec } from '../../src/plot/theme.js';

interface Common extends GlobalArgs { input: string; output: string; title?: string; width?: number; height?: number; scale?: number }
type Args = Common & Record<string, any>;

const common = (y: Argv<GlobalArgs>): Argv<Common> =>
  y
    .positional('input', { type: 'string', demandOption: true, describe: 'table written by the producing command (TSV/CSV/JSON)' })
    .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'out.vl.json (spec), out.svg, out.png or out.html' })
    .option('title', { type: 'string', describe: 'plot title' })
    .option('width', { type: 'number', describe: 'panel width in pixels' })
    .option('height', { type: 'number', describe: 'panel height in pixels' })
    .option('scale', { type: 'number', default: 2, describe: 'PNG pixel density (2 = print quality)' }) as Argv<Common>;

async function finish(args: Args, spec: VegaLiteSpec, warnings: string[], inputs: (string | undefined)[]): Promise<void> {
  const { writePlot } = await import('../../src/plot/node/write.js');
  const more = await writePlot(spec, args.output, { inputs: inputs.filter((x): x is string => !!x), scale: args.scale, title: args.title });
  warn(args, [...warnings, ...more]);
}

const base = (a: Args) => ({ title: a.title, width: a.width, height: a.height });
const lib = () => import('../../src/plot/index.js');
const node = () => import('../../src/plot/node/index.js');

function kind(name: string, describe: string, options: (y: Argv<Common>) => Argv<any>, run: (a: Args) => Promise<{ spec: VegaLiteSpec; warnings: string[]; inputs?: (string | undefined)[] }>): CommandModule<GlobalArgs, Args> {
  return {
    command: `${name} <input>`,
    describe,
    builder: (y) => options(common(y)),
    handler: async (a) => {
      const r = await run(a);
      await finish(a, r.spec, r.warnings, [a.input, ...(r.inputs ?? [])]);
    },
  };
}

const volcano = kind('volcano', 'volcano of a DE table (gene, logFC, P.Value, adj.P.Val)', (y) => y
  .option('label', { type: 'string', default: 'gene' }).option('effect', { type: 'string', default: 'logFC' })
  .option('p', { type: 'string', default: 'P.Value' }).option('q', { type: 'string', default: 'adj.P.Val' })
  .option('alpha', { type: 'number', default: 0.05 }).option('effect-threshold', { type: 'number', default: 1 })
  .option('top', { type: 'number', default: 10, describe: 'label this many top hits' }),
async (a) => {
  const t = await (await node()).readPlotTable(a.input);
  return (await lib()).volcanoSpec(t, { ...base(a), label: a.label, effect: a.effect, p: a.p, q: a.q, alpha: a.alpha, effectThreshold: a.effectThreshold, topN: a.top });
});

const heatmap = kind('heatmap', 'clustered heatmap of a features × samples matrix (e.g. signature scores)', (y) => y
  .option('clinical', { type: 'string', describe: 'sample table for annotation tracks (first column = sample id)' })
  .option('annotate', { type: 'string', array: true, describe: 'clinical columns drawn as tracks' })
  .option('distance', { choices: ['correlation', 'euclidean'] as const, default: 'correlation' as const })
  .option('linkage', { choices: ['average', 'complete', 'single'] as const, default: 'average' as const })
  .option('max-rows', { type: 'number', default: 100, describe: 'keep the most variable rows' })
  .option('zscore', { type: 'boolean', default: true, describe: 'z-score rows (--no-zscore to draw raw values)' })
  .option('cluster-rows', { type: 'boolean', default: true }).option('cluster-columns', { type: 'boolean', default: true })
  .option('clip', { type: 'number', default: 3 }),
async (a) => {
  const { loadMatrix } = await import('../load-matrix.js');
  const es = await loadMatrix(a.input, {}, a.threads);
  const P = await lib();
  const annotations = new Map<string, (string | number | null)[]>();
  if (a.clinical) {
    const cl = await (await node()).readPlotTable(a.clinical);
    for (const col of a.annotate ?? []) annotations.set(col, P.annotationTrack(P.annotationFor(cl, col, es.samples)));
  } else if (a.annotate?.length) throw new UsageError('--annotate needs --clinical');
  const r = P.heatmapSpec(es.x, es.genes, es.samples, { ...base(a), annotations, distance: a.distance, linkage: a.linkage, maxRows: a.maxRows, zscore: a.zscore, clusterRows: a.clusterRows, clusterColumns: a.clusterColumns, clip: a.clip });
  return { ...r, inputs: [a.clinical] };
});

const km = kind('km', 'Kaplan–Meier curves with numbers at risk from a KM table (group, time, n_risk, n_event, n_censor, surv, lower, upper)', (y) => y
  .option('summary', { type: 'string', describe: 'KM summary table (group, n, events, median, ...)' })
  .option('logrank', { type: 'string', describe: 'log-rank result: JSON (chisq, df, p) or the table sigscore logrank writes' })
  .option('time-title', { type: 'string', default: 'Time' })
  .option('ci', { type: 'boolean', default: true }).option('risk-table', { type: 'boolean', default: true }),
async (a) => {
  const N = await node();
  const t = await N.readPlotTable(a.input);
  const summary = a.summary ? await N.readPlotTable(a.summary) : undefined;
  let lr: Record<string, unknown> | undefined;
  if (a.logrank && /\.json$/i.test(a.logrank)) lr = await N.readJsonObject(a.logrank);
  else if (a.logrank) {
    // a log-rank table (group, n, observed, expected, chisq, df, p): test columns repeat on every row
    const lt = await N.readPlotTable(a.logrank);
    const P = await lib();
    lr = Object.fromEntries(['chisq', 'df', 'p'].filter((c) => P.hasColumn(lt, c)).map((c) => [c, P.numbers(lt, c)[0]]));
  }
  const logrank = lr && typeof lr.p === 'number' ? { p: lr.p, chisq: lr.chisq as number | undefined, df: lr.df as number | undefined } : undefined;
  const r = (await lib()).kmSpec(t, { ...base(a), summary, logrank, timeTitle: a.timeTitle, ci: a.ci, riskTable: a.riskTable });
  return { ...r, inputs: [a.summary, a.logrank] };
});

const box = kind('box', 'box plots of scores (signatures × samples) by a clinical group, with Wilcoxon (2 groups) or Kruskal–Wallis p', (y) => y
  .option('clinical', { type: 'string', demandOption: true, describe: 'sample table (first column = sample id)' })
  .option('group', { type: 'string', demandOption: true, describe: 'clinical column with the groups (e.g. response)' })
  .option('signatures', { type: 'string', array: true, describe: 'rows to draw (default: the first 12)' }),
async (a) => {
  const { loadMatrix } = await import('../load-matrix.js');
  const es = await loadMatrix(a.input, {}, a.threads);
  const P = await lib();
  const cl = await (await node()).readPlotTable(a.clinical);
  const b = P.boxFromScores(es.x, es.genes, es.samples, P.annotationFor(cl, a.group, es.samples), { signatures: a.signatures?.flatMap((s: string) => s.split(',')) });
  const r = P.boxSpec(b.data, { ...base(a), pValues: b.pValues, testName: b.testName, groupTitle: a.group, seed: a.seed ?? 42 });
  return { spec: r.spec, warnings: [...b.warnings, ...r.warnings], inputs: [a.clinical] };
});

const importance = kind('importance', 'variable-importance bars (covariate, importance, importance_sd, direction)', (y) => y
  .option('top', { type: 'number', default: 25 }).option('covariate', { type: 'string', default: 'covariate' })
  .option('importance', { type: 'string', default: 'importance' }).option('sd', { type: 'string', default: 'importance_sd' })
  .option('direction', { type: 'string', default: 'direction' }),
async (a) => (await lib()).importanceSpec(await (await node()).readPlotTable(a.input), { ...base(a), topN: a.top, covariate: a.covariate, importance: a.importance, sd: a.sd, direction: a.direction }));

const forest = kind('forest', 'forest plot of ratios with CIs: a Cox table (term, hr, hr_lower, hr_upper, p) or a screen table (--endpoint)', (y) => y
  .option('term', { type: 'string' }).option('estimate', { type: 'string' }).option('lower', { type: 'string' }).option('upper', { type: 'string' })
  .option('p', { type: 'string', default: 'p' }).option('measure', { type: 'string', describe: 'HR or OR (default HR)' })
  .option('endpoint', { type: 'string', describe: 'screen tables: the endpoint whose rows are drawn' }),
async (a) => {
  const t = await (await node()).readPlotTable(a.input);
  const screen = t.columns.has('effect') && t.columns.has('covariate');
  return (await lib()).forestSpec(t, {
    ...base(a), p: a.p, measure: a.measure,
    term: a.term ?? (screen ? 'covariate' : 'term'), estimate: a.estimate ?? (screen ? 'effect' : 'hr'),
    lower: a.lower ?? (screen ? 'effect_lower' : 'hr_lower'), upper: a.upper ?? (screen ? 'effect_upper' : 'hr_upper'),
    ...(a.endpoint ? { filterColumn: 'endpoint', filterValue: a.endpoint } : {}),
  });
});

const correlation = kind('correlation', 'correlation matrix with * where p < alpha (long table covariate_1, covariate_2, rho, p, or a square matrix)', (y) => y
  .option('p-matrix', { type: 'string', describe: 'square p-value matrix when the input is a square correlation matrix' })
  .option('alpha', { type: 'number', default: 0.05 })
  .option('order', { choices: ['cluster', 'input'] as const, default: 'cluster' as const }),
async (a) => {
  const N = await node();
  const P = await lib();
  const c = P.correlationFromTable(await N.readPlotTable(a.input), a.pMatrix ? await N.readPlotTable(a.pMatrix) : undefined);
  const r = P.correlationSpec(c.r, c.names, { ...base(a), p: c.p, alpha: a.alpha, order: a.order });
  return { ...r, inputs: [a.pMatrix] };
});

const probability = kind('probability', 'predicted probability with its 95% band (x, probability, lower, upper; panels by endpoint and covariate)', (y) => y
  .option('x', { type: 'string', default: 'x' }).option('prob', { type: 'string', default: 'probability' })
  .option('lower', { type: 'string', default: 'lower' }).option('upper', { type: 'string', default: 'upper' })
  .option('x-title', { type: 'string' }),
async (a) => (await lib()).probabilitySpec(await (await node()).readPlotTable(a.input), { ...base(a), x: a.x, prob: a.prob, lower: a.lower, upper: a.upper, xTitle: a.xTitle }));

const enrichment = kind('enrichment', 'GSEA enrichment plot (running sum, barcode, ranking) from the --running-sum JSON of sigscore gsea', (y) => y
  .option('pathway', { type: 'string', demandOption: true, describe: 'the gene set to draw' })
  .option('gsea', { type: 'string', describe: 'the gsea table, for NES and padj in the title' }),
async (a) => {
  const { readText } = await import('../../src/io/node/files.js');
  const { DataError } = await import('../../src/core/errors.js');
  const rs = JSON.parse(await readText(a.input)) as { stats?: number[]; sets: { pathway: string; hits: number[]; runningSum: number[] }[] };
  const set = rs.sets?.find((s) => s.pathway === a.pathway);
  if (!set) throw new DataError(`${a.input}: no gene set ${JSON.stringify(a.pathway)} (sets: ${(rs.sets ?? []).slice(0, 8).map((s) => s.pathway).join(', ')})`);
  let NES: number | undefined, padj: number | undefined;
  if (a.gsea) {
    const t = await (await node()).readPlotTable(a.gsea);
    const P = await lib();
    const row = P.strings(t, 'pathway').indexOf(a.pathway);
    if (row >= 0) { NES = P.numbers(t, 'NES')[row]; padj = P.numbers(t, 'padj')[row]; }
  }
  return { ...(await lib()).enrichmentSpec({ ...set, stats: rs.stats, NES, padj }, base(a)), inputs: [a.gsea] };
});

export const plotCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'plot <kind>',
  describe: 'draw a plot (volcano|heatmap|km|box|importance|forest|correlation|probability|enrichment) as a Vega-Lite spec, SVG, PNG or HTML',
  builder: (y) => [volcano, heatmap, km, box, importance, forest, correlation, probability, enrichment].reduce((acc, c) => acc.command(c as any), y).demandCommand(1, 'name a plot kind'),
  handler: () => {},
};
