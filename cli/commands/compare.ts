/**
 * `sigscore compare`: score several cohorts the same way on their common genes, compare score
 * distributions with a reference cohort, and meta-analyse each signature's association with a
 * binary response (log OR per SD) and with survival endpoints (log HR per SD, Cox) across cohorts.
 */
import type { CommandModule } from 'yargs';
import { warn, writeJsonFile, writeTableFile, type GlobalArgs } from '../util.js';
import { readSampleTableFile } from '../../src/io/node/readers.js';
import { loadMatrix } from '../load-matrix.js';
import { DataError, UsageError } from '../../src/core/errors.js';
import { selectMatrix, row } from '../../src/core/matrix.js';
import type { SampleTable } from '../../src/core/sample-table.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { codeEvents } from '../../src/survival/data.js';
import { builtinAliases, scoreSignatures, type ScoreResult } from '../../src/score/index.js';
import {
  commonGenes, compareDistributions, compareMsg, logHazardPerSd, logOddsPerSd, metaAnalysis,
  type CohortDistribution, type MetaAnalysis, type PerSdEffect,
} from '../../src/workflow/compare/index.js';
import { loadSignatures } from './score.js';

interface Args extends GlobalArgs {
  cohort: string[];
  signatures: string[];
  method: string;
  reference?: string;
  response?: string;
  survival?: string[];
  'event-code': string;
  output: string;
  meta?: string;
  'survival-meta'?: string;
  forest?: string[];
  'survival-forest'?: string[];
  summary?: string;
  genes?: string;
}

type Cell = string | number;
type Columns = Record<string, Cell[]>;
/** An outcome of one kind: `response` (measure OR) or a named survival endpoint (measure HR). */
interface Endpoint { name: string; measure: 'OR' | 'HR'; columns: string[]; level?: string }
/** Per cohort: response 1/0 or [time, event] aligned to the scored samples; null = not available. */
type Outcome = { response: Float64Array } | { time: Float64Array; event: Float64Array };
interface Fitted { endpoint: Endpoint; rows: ({ cohort: string } & PerSdEffect)[]; ma: MetaAnalysis }

const Z95 = 1.959963984540054;
const PLOT_EXT = /\.(svg|png|html?|vl\.json)$/i;

export const compareCommand: CommandModule<GlobalArgs, Args> = {
  command: 'compare',
  describe: 'compare cohorts: common genes, the same signature scores per cohort, Wilcoxon/AUC and fraction above a reference median, fixed/random-effects meta-analysis of response (log OR) and survival (log HR)',
  builder: (y) =>
    y
      .option('cohort', { type: 'string', array: true, demandOption: true, describe: 'NAME=matrix[,clinical] (clinical: first column = sample id); repeatable' })
      .option('signatures', { alias: 's', type: 'string', array: true, demandOption: true, describe: 'built-in collection or signature file; repeatable' })
      .option('method', { alias: 'm', type: 'string', default: 'auto', describe: 'scoring method (as sigscore score)' })
      .option('reference', { type: 'string', describe: 'reference cohort for distributions (default: the first)' })
      .option('response', { type: 'string', describe: 'COLUMN:LEVEL of the clinical table counted as response (numeric columns: 1 = response) [default: response:R]' })
      .option('survival', { type: 'string', array: true, describe: 'NAME=TIME_COLUMN,EVENT_COLUMN of a survival endpoint, e.g. os=survival_time_os,event_occurred_os; repeatable' })
      .option('event-code', { type: 'string', default: 'auto', describe: 'event coding of the --survival event columns: auto, 0/1, 1/2, TRUE/FALSE or <censored>/<event>' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'distributions: signature, cohort, n, median, p, auc, cliff_delta, fraction_above_reference_median' })
      .option('meta', { type: 'string', describe: 'response meta-analysis table: per cohort log OR per SD and pooled fixed/random rows with tau2, Q, I²' })
      .option('survival-meta', { type: 'string', describe: 'survival meta-analysis table: per signature, endpoint and cohort the log HR per SD, and pooled fixed/random rows with tau2, Q, I²' })
      .option('forest', { type: 'string', array: true, describe: 'SIGNATURE=FILE: per-cohort and pooled ORs of response; FILE .tsv/.csv/.json = table for `sigscore plot forest`, .svg/.png/.html/.vl.json = the plot' })
      .option('survival-forest', { type: 'string', array: true, describe: 'SIGNATURE[:ENDPOINT]=FILE: per-cohort and pooled HRs (default endpoint: the first --survival); table or plot as for --forest' })
      .option('summary', { type: 'string', describe: 'JSON summary: cohorts, common genes, and per signature the distributions and every meta-analysis' })
      .option('genes', { type: 'string', describe: 'JSON report of genes per cohort and the common genes' })
      .example('sigscore compare --cohort A=a.tsv,a_clin.tsv --cohort B=b.tsv,b_clin.tsv -s tme-rnaseq -o dist.tsv --meta meta.tsv', 'two cohorts')
      .example('sigscore compare --cohort ... -s tme-rnaseq -o dist.tsv --survival os=survival_time_os,event_occurred_os --survival-meta os.tsv --survival-forest Mariathasan_CD8_T_effector:os=forest.svg', 'meta-analysis of overall survival'),
  handler: async (args) => {
    const specs = args.cohort.map((c) => {
      const m = /^([^=]+)=([^,]+)(?:,(.+))?$/.exec(c);
      if (!m) throw new UsageError(`invalid --cohort ${JSON.stringify(c)}; use NAME=matrix[,clinical]`);
      return { name: m[1], matrix: m[2], clinical: m[3] };
    });
    if (new Set(specs.map((s) => s.name)).size !== specs.length) throw new UsageError('--cohort names must be unique');
    const reserved = specs.find((s) => s.name === 'fixed' || s.name === 'random');
    if (reserved) throw new UsageError(`--cohort name ${JSON.stringify(reserved.name)} is reserved for the pooled rows; rename the cohort`);
    const refIndex = args.reference ? specs.findIndex((s) => s.name === args.reference) : 0;
    if (refIndex < 0) throw new UsageError(`--reference ${JSON.stringify(args.reference)} is not a --cohort name (${specs.map((s) => s.name).join(', ')})`);
    const endpoints = parseEndpoints(args);
    const forests = parseForests(args.forest ?? [], '--forest', ['response']);
    const survivalForests = parseForests(args['survival-forest'] ?? [], '--survival-forest', endpoints.filter((e) => e.measure === 'HR').map((e) => e.name));
    const inputs = specs.flatMap((s) => [s.matrix, ...(s.clinical ? [s.clinical] : [])]);
    const warnings: string[] = [];
    const say = (w: readonly string[]): void => { warnings.push(...w); warn(args, w); };

    const sets = await Promise.all(specs.map((s) => loadMatrix(s.matrix, {}, args.threads)));
    const common = commonGenes(sets.map((e) => e.genes));
    if (!args.quiet) process.stderr.write(`compare: ${common.length} common genes (${specs.map((s, i) => `${s.name} ${sets[i].genes.length}`).join(', ')})\n`);
    if (common.length === 0) throw new UsageError('the cohorts share no gene ids');
    const { signatures } = await loadSignatures(args.signatures);
    const scored: ScoreResult[] = [];
    for (const [i, es] of sets.entries()) {
      const idx = new Map(es.genes.map((g, j) => [g, j]));
      const sub = createExpressionSet(selectMatrix(es.x, Int32Array.from(common, (g) => idx.get(g)!)), common, es.samples);
      const r = await scoreSignatures(sub, signatures, { method: args.method as 'auto', aliases: builtinAliases() });
      say(r.warnings.map((w) => `${specs[i].name}: ${w}`));
      scored.push(r);
    }

    // Outcomes per endpoint and cohort, aligned to each cohort's scored samples.
    const tables = await Promise.all(specs.map((s) => (s.clinical ? readSampleTableFile(s.clinical) : null)));
    const outcomes = new Map<string, (Outcome | null)[]>();
    for (const ep of endpoints) {
      const withTable = specs.filter((_, i) => tables[i]);
      const has = specs.map((_, i) => !!tables[i] && ep.columns.every((c) => tables[i]!.columns.has(c)));
      if (withTable.length && !has.some(Boolean)) {
        if (ep.name === 'response' && args.response === undefined) continue;
        throw new UsageError(compareMsg.noColumnAnywhere(ep.columns.find((c) => !tables.some((t) => t?.columns.has(c))) ?? ep.columns[0], withTable.map((s) => s.clinical!)));
      }
      outcomes.set(ep.name, specs.map((s, i) => {
        if (!tables[i]) return null;
        const missing = ep.columns.find((c) => !tables[i]!.columns.has(c));
        if (missing) return say([compareMsg.cohortDropped(s.name, ep.name, compareMsg.noColumnInCohort(s.clinical!, missing))]), null;
        const o = outcomeOf(tables[i]!, s.clinical!, ep, scored[i].samples, args['event-code']);
        const usable = 'response' in o ? o.response.some(Number.isFinite) : o.time.some((t, j) => Number.isFinite(t) && Number.isFinite(o.event[j]));
        if (!usable) return say([compareMsg.cohortDropped(s.name, ep.name, `no sample has ${ep.columns.join(' and ')}`)]), null;
        return o;
      }));
    }

    const dist: Columns = { signature: [], cohort: [], n: [], median: [], p: [], auc: [], cliff_delta: [], fraction_above_reference_median: [], reference: [] };
    const responseMeta: Columns = { signature: [], study: [], n: [], events: [], log_or: [], se: [], lower: [], upper: [], or: [], or_lower: [], or_upper: [], p: [], weight: [], tau2: [], q: [], q_p: [], i2: [] };
    const survivalMeta: Columns = { signature: [], endpoint: [], study: [], n: [], events: [], log_hr: [], se: [], lower: [], upper: [], hr: [], hr_lower: [], hr_upper: [], p: [], weight_fixed: [], weight_random: [], tau2: [], q: [], q_p: [], i2: [] };
    const summary: unknown[] = [];
    const fittedBy = new Map<string, Fitted>();
    for (const [k, sig] of scored[0].signatures.entries()) {
      const values = scored.map((r, i) => ({ name: specs[i].name, values: row(r.scores, k) }));
      const d = compareDistributions(values, refIndex);
      for (const x of d) push(dist, { signature: sig, cohort: x.cohort, n: x.n, median: x.median, p: x.pValue, auc: x.auc, cliff_delta: x.cliffDelta, fraction_above_reference_median: x.fractionAboveReferenceMedian, reference: specs[refIndex].name });
      const fitted: Fitted[] = [];
      for (const ep of endpoints) {
        const per = outcomes.get(ep.name);
        if (!per) continue;
        const rows: Fitted['rows'] = [];
        values.forEach((v, i) => {
          const o = per[i];
          // an unscorable signature (all NA) was reported by scoring; it has no effect to fit
          if (!o || !Array.prototype.some.call(v.values, Number.isFinite)) return;
          const f = 'response' in o ? logOddsPerSd(v.values, o.response) : logHazardPerSd(v.values, o.time, o.event, { endpoint: ep.name });
          say(f.warnings.map((w) => `${sig} × ${v.name}: ${w}`));
          rows.push({ cohort: v.name, ...f });
        });
        if (!rows.length) continue;
        const ma = metaAnalysis(rows.map((r) => ({ name: r.cohort, estimate: r.estimate, se: r.se })));
        say(ma.warnings.map((w) => `${sig} × ${ep.name}: ${w}`));
        const fit = { endpoint: ep, rows, ma };
        fitted.push(fit);
        fittedBy.set(`${sig}\u0000${ep.name}`, fit);
        for (const r of metaRows(fit)) {
          if (ep.measure === 'OR') push(responseMeta, { signature: sig, study: r.study, n: r.n, events: r.events, log_or: r.estimate, se: r.se, lower: r.lower, upper: r.upper, or: r.ratio, or_lower: r.ratioLower, or_upper: r.ratioUpper, p: r.p, weight: r.weightRandomRaw, tau2: r.tau2, q: r.q, q_p: r.qP, i2: r.i2 });
          else push(survivalMeta, { signature: sig, endpoint: ep.name, study: r.study, n: r.n, events: r.events, log_hr: r.estimate, se: r.se, lower: r.lower, upper: r.upper, hr: r.ratio, hr_lower: r.ratioLower, hr_upper: r.ratioUpper, p: r.p, weight_fixed: r.weightFixed, weight_random: r.weightRandom, tau2: r.tau2, q: r.q, q_p: r.qP, i2: r.i2 });
        }
      }
      summary.push(signatureSummary(sig, d, fitted));
    }

    await writeTableFile(args.output, dist, { inputs });
    if (args.meta) await writeTableFile(args.meta, responseMeta, { inputs });
    if (args['survival-meta']) await writeTableFile(args['survival-meta'], survivalMeta, { inputs });
    for (const f of [...forests, ...survivalForests]) {
      const endpoint = f.endpoint ?? (f.flag === '--forest' ? 'response' : endpoints.find((e) => e.measure === 'HR')?.name ?? '');
      const fit = fittedBy.get(`${f.signature}\u0000${endpoint}`);
      if (!fit) throw new UsageError(compareMsg.badForest(f.flag, f.text, `no meta-analysis of ${f.signature} × ${endpoint} (needs clinical tables with its columns and a signature id that was scored)`));
      await writeForest(f.file, f.signature, fit, inputs, args);
    }
    if (args.summary) {
      await writeJsonFile(args.summary, {
        cohorts: specs.map((s, i) => ({ name: s.name, matrix: s.matrix, clinical: s.clinical ?? null, genes: sets[i].genes.length, samples: sets[i].samples.length })),
        commonGenes: common.length, reference: specs[refIndex].name, method: args.method,
        endpoints: endpoints.filter((e) => outcomes.has(e.name)).map((e) => ({ name: e.name, measure: e.measure, columns: e.columns })),
        signatures: summary, warnings,
      }, { inputs });
    }
    if (args.genes) await writeJsonFile(args.genes, { common: common.length, genes: Object.fromEntries(specs.map((s, i) => [s.name, sets[i].genes.length])), commonGenes: common }, { inputs });
  },
};

function push(cols: Columns, values: Record<string, Cell>): void {
  for (const key of Object.keys(cols)) cols[key].push(values[key] ?? '');
}

/** Response (unless it is not asked for and absent) first, then the --survival endpoints. */
function parseEndpoints(args: Args): Endpoint[] {
  const [respCol, respLevel = 'R'] = (args.response ?? 'response:R').split(':');
  const out: Endpoint[] = [{ name: 'response', measure: 'OR', columns: [respCol], level: respLevel }];
  for (const text of args.survival ?? []) {
    const m = /^([^=,]+)=([^,]+),([^,]+)$/.exec(text);
    if (!m) throw new UsageError(compareMsg.badSurvivalFlag(text));
    if (out.some((e) => e.name === m[1])) throw new UsageError(compareMsg.duplicateEndpoint(m[1]));
    out.push({ name: m[1], measure: 'HR', columns: [m[2], m[3]] });
  }
  return out;
}

function parseForests(list: readonly string[], flag: string, endpoints: readonly string[]): { flag: string; text: string; signature: string; endpoint?: string; file: string }[] {
  return list.map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0 || eq === text.length - 1) throw new UsageError(compareMsg.badForest(flag, text, `use ${flag === '--forest' ? 'SIGNATURE=FILE' : 'SIGNATURE[:ENDPOINT]=FILE'}`));
    const left = text.slice(0, eq);
    const colon = flag === '--forest' ? -1 : left.lastIndexOf(':');
    const endpoint = colon > 0 ? left.slice(colon + 1) : undefined;
    if (flag !== '--forest' && !endpoints.length) throw new UsageError(compareMsg.badForest(flag, text, 'give the endpoint with --survival NAME=TIME_COLUMN,EVENT_COLUMN'));
    if (endpoint !== undefined && !endpoints.includes(endpoint)) throw new UsageError(compareMsg.badForest(flag, text, `endpoint ${JSON.stringify(endpoint)} is not a --survival name (${endpoints.join(', ')})`));
    return { flag, text, signature: colon > 0 ? left.slice(0, colon) : left, endpoint, file: text.slice(eq + 1) };
  });
}

/** One endpoint's values in the order of `samples` (NaN where the clinical table has no row). */
function outcomeOf(t: SampleTable, file: string, ep: Endpoint, samples: readonly string[], eventCode: string): Outcome {
  const at = new Map(t.ids.map((id, j) => [id, j]));
  const pick = (v: ArrayLike<number>): Float64Array => Float64Array.from(samples, (id) => { const j = at.get(id); return j === undefined ? NaN : v[j]; });
  if (ep.measure === 'OR') {
    const col = t.columns.get(ep.columns[0])!;
    const level = ep.level;
    if (col.kind === 'numeric') return { response: pick(col.values) };
    return { response: pick(Float64Array.from(col.codes, (c) => (c < 0 ? NaN : col.levels[c] === level ? 1 : 0))) };
  }
  const [timeName, eventName] = ep.columns;
  const tc = t.columns.get(timeName)!;
  if (tc.kind !== 'numeric') throw new DataError(`${file}: column ${JSON.stringify(timeName)} must be numeric (survival time)`);
  const colNo = [t.idColumn, ...t.columns.keys()].indexOf(timeName) + 1;
  tc.values.forEach((v, j) => { if (v < 0) throw new DataError(compareMsg.negativeTime(file, j + 2, colNo, t.ids[j], v)); });
  const ec = t.columns.get(eventName)!;
  const raw = ec.kind === 'numeric' ? Array.from(ec.values) : Array.from(ec.codes, (k) => (k < 0 ? null : ec.levels[k]));
  let event: Float64Array;
  try {
    event = codeEvents(raw, eventCode).event;
  } catch (e) {
    if (e instanceof DataError) throw new DataError(`${file}: column ${JSON.stringify(eventName)}: ${e.message}`);
    throw e;
  }
  return { time: pick(tc.values), event: pick(event) };
}

interface MetaRow {
  study: string; n: Cell; events: Cell; estimate: number; se: number; lower: number; upper: number; ratio: number; ratioLower: number; ratioUpper: number; p: number;
  weightFixed: Cell; weightRandom: Cell; weightRandomRaw: Cell; tau2: Cell; q: Cell; qP: Cell; i2: Cell; pooled: boolean;
}

/** Per-cohort rows (weights in % of the total; NaN rows are listed, not pooled) then fixed and random. */
function metaRows({ rows, ma }: Fitted): MetaRow[] {
  const pos = new Map(ma.included.map((name, i) => [name, i]));
  const sum = (w: Float64Array): number => w.reduce((a, b) => a + b, 0);
  const sf = sum(ma.weightsFixed), sr = sum(ma.weightsRandom);
  const out: MetaRow[] = rows.map((r) => {
    const i = pos.get(r.cohort);
    const lower = r.estimate - Z95 * r.se, upper = r.estimate + Z95 * r.se;
    return {
      study: r.cohort, n: r.n, events: r.events, estimate: r.estimate, se: r.se, lower, upper,
      ratio: Math.exp(r.estimate), ratioLower: Math.exp(lower), ratioUpper: Math.exp(upper), p: r.pValue,
      weightFixed: i === undefined ? NaN : (100 * ma.weightsFixed[i]) / sf, weightRandom: i === undefined ? NaN : (100 * ma.weightsRandom[i]) / sr,
      weightRandomRaw: i === undefined ? NaN : ma.weightsRandom[i], tau2: '', q: '', qP: '', i2: '', pooled: false,
    };
  });
  const n = rows.reduce((a, r) => a + (pos.has(r.cohort) ? r.n : 0), 0);
  const events = rows.reduce((a, r) => a + (pos.has(r.cohort) ? r.events : 0), 0);
  for (const [study, e] of [['fixed', ma.fixed], ['random', ma.random]] as const) {
    out.push({
      study, n, events, estimate: e.estimate, se: e.se, lower: e.lower, upper: e.upper,
      ratio: Math.exp(e.estimate), ratioLower: Math.exp(e.lower), ratioUpper: Math.exp(e.upper), p: e.pValue,
      weightFixed: '', weightRandom: '', weightRandomRaw: '', tau2: ma.tau2, q: ma.q, qP: ma.qPValue, i2: ma.i2, pooled: true,
    });
  }
  return out;
}

function signatureSummary(signature: string, d: readonly CohortDistribution[], fitted: readonly Fitted[]): unknown {
  const ratio = (e: { estimate: number; se: number }) => ({ logRatio: e.estimate, se: e.se, ratio: Math.exp(e.estimate), lower: Math.exp(e.estimate - Z95 * e.se), upper: Math.exp(e.estimate + Z95 * e.se) });
  return {
    id: signature,
    distributions: d,
    meta: fitted.map(({ endpoint, rows, ma }) => ({
      endpoint: endpoint.name, measure: endpoint.measure, columns: endpoint.columns,
      studies: ma.studies, included: ma.included, excluded: ma.excluded,
      perCohort: rows.map((r) => ({ cohort: r.cohort, n: r.n, events: r.events, ...ratio(r), p: r.pValue, converged: r.converged })),
      fixed: { ...ratio(ma.fixed), p: ma.fixed.pValue },
      random: { ...ratio(ma.random), p: ma.random.pValue },
      tau2: ma.tau2, q: ma.q, df: ma.df, qP: ma.qPValue, i2: ma.i2,
    })),
  };
}

/** The forest table (term, n, events, ratio columns, p, weight, pooled, i2) or, by extension, the plot itself. */
async function writeForest(file: string, signature: string, fit: Fitted, inputs: readonly string[], args: Args): Promise<void> {
  const m = fit.endpoint.measure.toLowerCase();
  const rows = metaRows(fit).filter((r) => Number.isFinite(r.estimate) && Number.isFinite(r.se));
  const cols: Record<string, Cell[]> = {
    term: rows.map((r) => (r.pooled ? (r.study === 'fixed' ? 'fixed' : 'random') : r.study)),
    n: rows.map((r) => r.n), events: rows.map((r) => r.events),
    [m]: rows.map((r) => r.ratio), [`${m}_lower`]: rows.map((r) => r.ratioLower), [`${m}_upper`]: rows.map((r) => r.ratioUpper),
    p: rows.map((r) => r.p), weight: rows.map((r) => (r.pooled ? '' : r.weightRandom)), pooled: rows.map((r) => (r.pooled ? 1 : 0)),
    i2: rows.map((r) => r.i2),
  };
  if (!PLOT_EXT.test(file)) return writeTableFile(file, cols, { inputs });
  const [{ forestSpec }, { writePlot }] = await Promise.all([import('../../src/plot/forest.js'), import('../../src/plot/node/write.js')]);
  const i2 = fit.ma.i2;
  const title = `${signature} × ${fit.endpoint.name}: ${fit.endpoint.measure} per SD (${fit.ma.studies} cohorts${Number.isFinite(i2) ? `, I² = ${Math.round(100 * i2)}%` : ''})`;
  cols.term = cols.term.map((t, i) => (cols.pooled[i] ? (t === 'fixed' ? 'Pooled: fixed effect' : 'Pooled: random effects (DL)') : t));
  const { spec, warnings } = forestSpec(cols, { estimate: m, lower: `${m}_lower`, upper: `${m}_upper`, measure: fit.endpoint.measure, title });
  warn(args, [...warnings, ...(await writePlot(spec, file, { inputs, title }))]);
}
