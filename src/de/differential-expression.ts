/**
 * One call from an expression set and a sample table to the results table: join samples by id,
 * build the design, optionally filter (filterByExpr) and normalise counts (TMM, upper quartile,
 * RLE), then `limma` (lmFit → contrasts.fit → eBayes, optionally robust), `limma-trend`, `voom` (weighted), or a
 * per-gene two-group test (`wilcoxon`, `welch`) for a `term:A:B` contrast. Cost is that of the
 * chosen method, O(G·n·p) to O(G·n·p²).
 */
import type { ExpressionSet } from '../core/expression-set.js';
import type { SampleTable } from '../core/sample-table.js';
import type { Matrix } from '../core/matrix.js';
import { selectMatrix } from '../core/matrix.js';
import { UsageError } from '../core/errors.js';
import type { PAdjustMethod } from '../stats/p-adjust.js';
import { normFactors, type NormMethod } from '../normalize/rnaseq/norm-factors.js';
import { cpm } from '../normalize/rnaseq/cpm.js';
import { filterByExpr } from '../normalize/rnaseq/filter-by-expr.js';
import { designFromFormula, type DesignResult } from './design.js';
import { parseContrasts } from './contrast.js';
import { designFromTable } from './design-table.js';
import { lmFit, type DesignMatrix } from './lm-fit.js';
import { contrastsFit } from './contrasts-fit.js';
import { eBayes } from './ebayes.js';
import { topTable, type ResultColumns } from './top-table.js';
import { voom } from './voom.js';
import { groupTests } from './group-tests.js';
import { deMsg } from './messages.js';

export type DeMethod = 'limma' | 'limma-trend' | 'voom' | 'wilcoxon' | 'welch';

export interface DeOptions {
  /** Design formula, e.g. `~ response + age`. Required unless `design` is given. */
  formula?: string;
  /** An explicit design matrix (rows in the order of `es.samples`). */
  design?: DesignMatrix;
  /** An explicit design matrix as a table keyed by sample id (numeric columns = coefficients). */
  designTable?: SampleTable;
  /** Reference level per categorical term. */
  ref?: Map<string, string>;
  /** Contrasts (`term:A:B` or linear combinations of coefficient names); ≥ 1. */
  contrasts: string[];
  /** Default 'limma'. */
  method?: DeMethod;
  /** Count normalisation; 'none' treats the values as log-expression (except voom). Default 'none', or 'tmm' for voom. */
  normalize?: NormMethod;
  /** filterByExpr on counts before normalising. Default false. */
  filter?: boolean;
  /** Prior count of log-CPM for limma / limma-trend / rank tests on counts. Default 2. */
  priorCount?: number;
  /** Multiple-testing adjustment. Default 'BH'. */
  adjust?: PAdjustMethod;
  /** Robust empirical Bayes (per-gene prior df, Phipson et al. 2016) for limma, limma-trend and voom. Default false. */
  robust?: boolean;
}

export interface DeResult {
  table: ResultColumns;
  meta: Record<string, unknown>;
  warnings: string[];
}

export function differentialExpression(es: ExpressionSet, samples: SampleTable | null, options: DeOptions): DeResult {
  const method = options.method ?? 'limma';
  const normalize = options.normalize ?? (method === 'voom' ? 'tmm' : 'none');
  const warnings: string[] = [];
  let d: DesignResult;
  if (options.design) {
    const dm = options.design;
    d = {
      design: dm, used: Int32Array.from({ length: dm.n }, (_, i) => i), usedIds: es.samples.slice(), terms: [], groups: new Map(),
      formula: '', warnings: [], unmatched: { missingInTable: [], missingInData: [] },
    };
  } else if (options.designTable) {
    d = designFromTable(options.designTable, es.samples);
  } else {
    if (!options.formula || !samples) throw new UsageError('a design formula with a sample table, or a design matrix, is required');
    d = designFromFormula(samples, es.samples, options.formula, { ref: options.ref });
  }
  warnings.push(...d.warnings);
  if (!options.contrasts.length) throw new UsageError('at least one contrast is required');
  const contrasts = parseContrasts(options.contrasts, d.design.columns, d.terms);
  let x: Matrix = d.used.length === es.samples.length ? es.x : selectMatrix(es.x, null, d.used);
  let genes = es.genes;
  const counts = method === 'voom' || normalize !== 'none';
  const meta: Record<string, unknown> = {
    method, normalize, formula: d.formula, design: { columns: d.design.columns, samples: d.usedIds },
    contrasts: contrasts.names.map((nm, c) => ({ name: nm, weights: Object.fromEntries(d.design.columns.map((cn, j) => [cn, contrasts.weights[c][j]])) })),
    unmatched: d.unmatched,
  };
  const groupSizes: Record<string, Record<string, number>> = {};
  for (const [term, lv] of d.groups) {
    const t: Record<string, number> = {};
    for (const l of lv) t[l] = (t[l] ?? 0) + 1;
    groupSizes[term] = t;
  }
  meta.groupSizes = groupSizes;
  if (counts && options.filter) {
    const keep = filterByExpr(x, { design: d.design });
    const rows: number[] = [];
    keep.forEach((k, g) => k && rows.push(g));
    meta.filter = { kept: rows.length, total: genes.length };
    x = selectMatrix(x, rows, null);
    genes = rows.map((g) => genes[g]);
  }
  let libSize: Float64Array | undefined;
  if (counts) {
    const nf = normFactors(x, { method: normalize });
    warnings.push(...nf.warnings);
    libSize = nf.libSize.map((l, j) => l * nf.factors[j]);
    meta.normFactors = Object.fromEntries(d.usedIds.map((id, j) => [id, nf.factors[j]]));
    meta.libSize = Object.fromEntries(d.usedIds.map((id, j) => [id, nf.libSize[j]]));
  }
  if (method === 'wilcoxon' || method === 'welch') {
    const values = counts ? cpm(x, { libSize, log: true, priorCount: options.priorCount ?? 2 }) : x;
    const r = groupTests(values, genes, d, options.contrasts, method, options.adjust ?? 'BH');
    warnings.push(...r.warnings);
    return { table: r.table, meta, warnings };
  }
  let fitInput: Matrix;
  let weights: Matrix | undefined;
  if (method === 'voom') {
    const v = voom(x, d.design, { libSize });
    fitInput = v.E;
    weights = v.weights;
  } else fitInput = counts ? cpm(x, { libSize, log: true, priorCount: options.priorCount ?? 2 }) : x;
  const fit = contrastsFit(lmFit(fitInput, d.design, { weights }), contrasts);
  const eb = eBayes(fit, { trend: method === 'limma-trend', robust: options.robust ?? false });
  warnings.push(...eb.warnings);
  meta.robust = options.robust ?? false;
  meta.dfPrior = eb.dfPriorGene ? robustSummary(eb.dfPrior, eb.dfPriorGene) : eb.dfPrior;
  meta.s2Prior = eb.s2Prior.length === 1 ? eb.s2Prior[0] : { trend: true, median: median(eb.s2Prior) };
  meta.dfResidual = eb.dfResidual[0];
  return { table: topTable(eb, genes, { adjust: options.adjust }), meta, warnings };
}

/** Per-gene prior df in the metadata: d₀ of the bulk, quartiles, and how many genes have less. */
function robustSummary(d0: number, perGene: Float64Array) {
  const s = Float64Array.from(perGene).filter((v) => !Number.isNaN(v)).sort();
  const q = (p: number): number => (s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] : NaN);
  let reduced = 0;
  for (const v of s) if (v < d0) reduced++;
  return { robust: true, bulk: d0, min: s.length ? s[0] : NaN, q1: q(0.25), median: median(s), q3: q(0.75), max: s.length ? s[s.length - 1] : NaN, genesBelowBulk: reduced };
}

function median(a: Float64Array): number {
  const s = Float64Array.from(a).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

