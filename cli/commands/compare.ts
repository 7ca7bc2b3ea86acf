/**
 * `sigscore compare`: score several cohorts the same way on their common genes, compare score
 * distributions with a reference cohort, and meta-analyse each signature's association with a
 * binary response across cohorts.
 */
import type { CommandModule } from 'yargs';
import { warn, writeJsonFile, writeTableFile, type GlobalArgs } from '../util.js';
import { readMatrixFile, readSampleTableFile } from '../../src/io/node/readers.js';
import { UsageError } from '../../src/core/errors.js';
import { selectMatrix, row } from '../../src/core/matrix.js';
import { createExpressionSet } from '../../src/core/expression-set.js';
import { builtinAliases, scoreSignatures, type ScoreResult } from '../../src/score/index.js';
import { commonGenes, compareDistributions, logOddsPerSd, metaAnalysis, type StudyEffect } from '../../src/workflow/compare.js';
import { loadSignatures } from './score.js';

interface Args extends GlobalArgs {
  cohort: string[];
  signatures: string[];
  method: string;
  reference?: string;
  response: string;
  output: string;
  meta?: string;
  genes?: string;
  forest?: string;
}

type Cell = string | number;

export const compareCommand: CommandModule<GlobalArgs, Args> = {
  command: 'compare',
  describe: 'compare cohorts: common genes, the same signature scores per cohort, Wilcoxon/AUC and fraction above a reference median, fixed/random-effects meta-analysis of response',
  builder: (y) =>
    y
      .option('cohort', { type: 'string', array: true, demandOption: true, describe: 'NAME=matrix[,clinical] (clinical: first column = sample id); repeatable' })
      .option('signatures', { alias: 's', type: 'string', array: true, demandOption: true, describe: 'built-in collection or signature file; repeatable' })
      .option('method', { alias: 'm', type: 'string', default: 'auto', describe: 'scoring method (as sigscore score)' })
      .option('reference', { type: 'string', describe: 'reference cohort for distributions (default: the first)' })
      .option('response', { type: 'string', default: 'response:R', describe: 'COLUMN:LEVEL of the clinical table counted as response (numeric columns: 1 = response)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'distributions: signature, cohort, n, median, p, auc, cliff_delta, fraction_above_reference_median' })
      .option('meta', { type: 'string', describe: 'meta-analysis table: per cohort log OR per SD and pooled fixed/random rows with tau2, Q, I²' })
      .option('forest', { type: 'string', describe: 'SIGNATURE=FILE: that signature\'s per-cohort and pooled ORs as a table for `sigscore plot forest FILE --estimate or --lower or_lower --upper or_upper --measure OR`' })
      .option('genes', { type: 'string', describe: 'JSON report of genes per cohort and the common genes' })
      .example('sigscore compare --cohort A=a.tsv,a_clin.tsv --cohort B=b.tsv,b_clin.tsv -s tme-rnaseq -o dist.tsv --meta meta.tsv', 'two cohorts'),
  handler: async (args) => {
    const specs = args.cohort.map((c) => {
      const m = /^([^=]+)=([^,]+)(?:,(.+))?$/.exec(c);
      if (!m) throw new UsageError(`invalid --cohort ${JSON.stringify(c)}; use NAME=matrix[,clinical]`);
      return { name: m[1], matrix: m[2], clinical: m[3] };
    });
    if (new Set(specs.map((s) => s.name)).size !== specs.length) throw new UsageError('--cohort names must be unique');
    const refIndex = args.reference ? specs.findIndex((s) => s.name === args.reference) : 0;
    if (refIndex < 0) throw new UsageError(`--reference ${JSON.stringify(args.reference)} is not a --cohort name (${specs.map((s) => s.name).join(', ')})`);
    const [respCol, respLevel = 'R'] = args.response.split(':');
    const sets = await Promise.all(specs.map((s) => readMatrixFile(s.matrix)));
    const common = commonGenes(sets.map((e) => e.genes));
    if (!args.quiet) process.stderr.write(`compare: ${common.length} common genes (${specs.map((s, i) => `${s.name} ${sets[i].genes.length}`).join(', ')})\n`);
    if (common.length === 0) throw new UsageError('the cohorts share no gene ids');
    const { signatures } = await loadSignatures(args.signatures);
    const scored: ScoreResult[] = [];
    for (const [i, es] of sets.entries()) {
      const idx = new Map(es.genes.map((g, j) => [g, j]));
      const sub = createExpressionSet(selectMatrix(es.x, Int32Array.from(common, (g) => idx.get(g)!)), common, es.samples);
      const r = await scoreSignatures(sub, signatures, { method: args.method as 'auto', aliases: builtinAliases() });
      warn(args, r.warnings.map((w) => `${specs[i].name}: ${w}`));
      scored.push(r);
    }
    const ids = scored[0].signatures;
    const dist: Record<string, Cell[]> = { signature: [], cohort: [], n: [], median: [], p: [], auc: [], cliff_delta: [], fraction_above_reference_median: [], reference: [] };
    const meta: Record<string, Cell[]> = { signature: [], study: [], n: [], events: [], log_or: [], se: [], lower: [], upper: [], or: [], or_lower: [], or_upper: [], p: [], weight: [], tau2: [], q: [], i2: [] };
    const responses = await Promise.all(specs.map(async (s, i) => {
      if (!s.clinical) return null;
      const t = await readSampleTableFile(s.clinical);
      const col = t.columns.get(respCol);
      if (!col) throw new UsageError(`${s.clinical}: no column ${JSON.stringify(respCol)}`);
      const at = new Map(t.ids.map((id, j) => [id, j]));
      return Float64Array.from(scored[i].samples, (id) => {
        const j = at.get(id);
        if (j === undefined) return NaN;
        if (col.kind === 'numeric') return col.values[j];
        const c = col.codes[j];
        return c < 0 ? NaN : col.levels[c] === respLevel ? 1 : 0;
      });
    }));
    for (const [k, sig] of ids.entries()) {
      const values = scored.map((r, i) => ({ name: specs[i].name, values: row(r.scores, k) }));
      for (const d of compareDistributions(values, refIndex)) {
        dist.signature.push(sig); dist.cohort.push(d.cohort); dist.n.push(d.n); dist.median.push(d.median); dist.p.push(d.pValue);
        dist.auc.push(d.auc); dist.cliff_delta.push(d.cliffDelta); dist.fraction_above_reference_median.push(d.fractionAboveReferenceMedian); dist.reference.push(specs[refIndex].name);
      }
      const effects: StudyEffect[] = [];
      const push = (study: string, n: Cell, events: Cell, e: { estimate: number; se: number; lower: number; upper: number; pValue: number }, weight: Cell, tau2: Cell = '', q: Cell = '', i2: Cell = ''): void => {
        meta.signature.push(sig); meta.study.push(study); meta.n.push(n); meta.events.push(events); meta.log_or.push(e.estimate); meta.se.push(e.se);
        meta.lower.push(e.lower); meta.upper.push(e.upper);
        meta.or.push(Math.exp(e.estimate)); meta.or_lower.push(Math.exp(e.lower)); meta.or_upper.push(Math.exp(e.upper)); meta.p.push(e.pValue); meta.weight.push(weight); meta.tau2.push(tau2); meta.q.push(q); meta.i2.push(i2);
      };
      const rows: { name: string; n: number; events: number; estimate: number; se: number; pValue: number }[] = [];
      values.forEach((v, i) => {
        if (!responses[i]) return;
        const f = logOddsPerSd(v.values, responses[i]!);
        rows.push({ name: v.name, ...f });
        effects.push({ name: v.name, estimate: f.estimate, se: f.se });
      });
      if (!effects.length) continue;
      const ma = metaAnalysis(effects);
      let wi = 0;
      for (const r of rows) {
        const okRow = Number.isFinite(r.estimate) && r.se > 0;
        push(r.name, r.n, r.events, { estimate: r.estimate, se: r.se, lower: r.estimate - 1.959964 * r.se, upper: r.estimate + 1.959964 * r.se, pValue: r.pValue }, okRow ? ma.weightsRandom[wi++] : NaN);
      }
      push('fixed', '', '', ma.fixed, '', ma.tau2, ma.q, ma.i2);
      push('random', '', '', ma.random, '', ma.tau2, ma.q, ma.i2);
    }
    const inputs = specs.flatMap((s) => [s.matrix, ...(s.clinical ? [s.clinical] : [])]);
    await writeTableFile(args.output, dist, { inputs });
    if (args.meta) await writeTableFile(args.meta, meta, { inputs });
    if (args.forest) {
      const eq = args.forest.indexOf('=');
      const sig = args.forest.slice(0, eq);
      const keep = meta.signature.map((v, i) => (v === sig ? i : -1)).filter((i) => i >= 0);
      if (eq <= 0 || !keep.length) throw new UsageError(`--forest ${JSON.stringify(args.forest)}: use SIGNATURE=FILE with a signature that has meta-analysis rows (needs clinical tables)`);
      const pick = (c: Cell[]): Cell[] => keep.map((i) => c[i]);
      await writeTableFile(args.forest.slice(eq + 1), { term: pick(meta.study), or: pick(meta.or), or_lower: pick(meta.or_lower), or_upper: pick(meta.or_upper), p: pick(meta.p), i2: pick(meta.i2) }, { inputs });
    }
    if (args.genes) await writeJsonFile(args.genes, { common: common.length, genes: Object.fromEntries(specs.map((s, i) => [s.name, sets[i].genes.length])), commonGenes: common }, { inputs });
  },
};
