/**
 * Random-forest variable importance for one endpoint of a clinical table: outcome from an
 * endpoint spec (binary or survival, as the screen), covariates numeric or categorical, optional
 * collinearity filtering first, `repeats` forests with seeds seed, seed+1, … → mean permutation
 * importance, its SD, mean rank and how often each covariate is in the top k; Janitza p-values on
 * the mean importance; the direction of each covariate's univariate association (AUC or
 * Harrell's C above ½: higher values go with the event / shorter survival → '+').
 */
import type { SampleTable } from '../core/sample-table.js';
import { DataError } from '../core/errors.js';
import type { Executor } from '../core/pool.js';
import { collinearityFilter } from '../ml/collinearity.js';
import { forestData, type CovariateColumn, type Outcome } from '../ml/forest/data.js';
import { randomForest, type RandomForestOptions } from '../ml/forest/forest.js';
import { importanceStability, janitzaPValues } from '../ml/forest/importance.js';
import { aucBinary, harrellC } from '../ml/forest/oob.js';
import { binaryOutcome, survivalOutcome, endpointColumns, type EndpointSpec } from './screen-endpoints.js';

export interface ForestImportanceOptions extends Partial<RandomForestOptions> {
  /** Covariates to use; default every column except the id and the endpoint's columns. */
  covariates?: readonly string[];
  /** Forests grown with seeds seed, seed+1, …. Default 1. */
  repeats?: number;
  /** |Spearman ρ| threshold of the collinearity filter run first; 0 = off. Default 0. */
  collinearity?: number;
  /** Covariates preferred as cluster representatives. */
  priority?: readonly string[];
  /** Impute missing covariate values (median / mode) instead of failing. Default false. */
  impute?: boolean;
  /** k of the top-k frequency. Default 10. */
  topK?: number;
  executor?: Executor;
}

export interface ForestImportanceResult {
  covariate: string[];
  importance: Float64Array;
  importance_sd: Float64Array;
  rank_mean: Float64Array;
  top_k_freq: Float64Array;
  p_janitza: Float64Array;
  direction: string[];
  impurity: Float64Array;
  oob: { endpoint: string; kind: string; n: number; events: number; dropped_missing_outcome: number; oob_error: number; auc?: number; c_index?: number; brier?: number; repeats: number; seeds: number[]; trees: number; mtry: number; min_node_size: number; balanced: boolean };
  collinearity: { name: string; representative: string; rho: number }[];
  imputed: string[];
  warnings: string[];
}

export async function forestImportance(table: SampleTable, endpoint: EndpointSpec, options: ForestImportanceOptions = {}): Promise<ForestImportanceResult> {
  const { covariates, repeats = 1, collinearity = 0, priority, impute = false, topK = 10, executor, ...forestOpts } = options;
  const warnings: string[] = [];
  let rows: number[] = [];
  let outcome: Outcome;
  if (endpoint.kind === 'binary') {
    const y = binaryOutcome(table, endpoint);
    rows = [...y.keys()].filter((i) => !Number.isNaN(y[i]));
    outcome = { kind: 'binary', y: Int32Array.from(rows, (i) => y[i]), classes: 2 };
  } else {
    const { time, event } = survivalOutcome(table, endpoint);
    rows = [...time.keys()].filter((i) => !Number.isNaN(time[i]) && !Number.isNaN(event[i]));
    outcome = { kind: 'survival', time: Float64Array.from(rows, (i) => time[i]), status: Uint8Array.from(rows, (i) => event[i]) };
  }
  const droppedMissing = table.ids.length - rows.length;
  if (droppedMissing) warnings.push(`${droppedMissing} sample(s) without the ${endpoint.name} outcome were left out`);
  const events = outcome.kind === 'survival' ? outcome.status.reduce((a, b) => a + b, 0) : outcome.y.reduce((a, b) => a + b, 0);
  if (events < 2 || events > rows.length - 2) throw new DataError(`endpoint ${endpoint.name}: ${events} event(s) in ${rows.length} samples; a forest needs at least 2 of each outcome`);
  const skip = new Set([table.idColumn, ...endpointColumns(endpoint)]);
  let names = covariates ? [...covariates] : [...table.columns.keys()].filter((c) => !skip.has(c));
  for (const c of names) if (!table.columns.has(c)) throw new DataError(`no covariate column ${JSON.stringify(c)}`);
  const columnOf = (name: string): CovariateColumn => {
    const col = table.columns.get(name)!;
    if (col.kind === 'numeric') return { name, values: Float64Array.from(rows, (i) => col.values[i]) };
    return { name, values: rows.map((i) => (col.codes[i] < 0 ? null : col.levels[col.codes[i]])) };
  };
  let dropped: ForestImportanceResult['collinearity'] = [];
  if (collinearity > 0) {
    const numeric = names.filter((n) => table.columns.get(n)!.kind === 'numeric');
    const cf = collinearityFilter(numeric.map((n) => columnOf(n).values as Float64Array), numeric, { threshold: collinearity, priority });
    dropped = cf.dropped;
    const gone = new Set(dropped.map((d) => d.name));
    names = names.filter((n) => !gone.has(n));
  }
  const cols = names.map(columnOf);
  const { data, imputed } = forestData(cols, outcome, { impute });
  const seed = forestOpts.seed ?? 42;
  const runs: Float64Array[] = [];
  const impurity = new Float64Array(data.p);
  let oobError = 0, auc = 0, brier = 0, mtry = 0, minNode = 0;
  for (let k = 0; k < repeats; k++) {
    const f = await randomForest(data, outcome, { ...forestOpts, seed: seed + k, executor });
    runs.push(f.permutationImportance);
    f.impurityImportance.forEach((v, i) => (impurity[i] += v / repeats));
    oobError += f.oobError / repeats;
    auc += f.auc / repeats;
    brier += f.brier / repeats;
    mtry = f.params.mtryUsed;
    minNode = f.params.minNodeSizeUsed;
    if (k === 0) warnings.push(...f.warnings);
  }
  const st = importanceStability(runs, topK);
  const jp = janitzaPValues(st.mean);
  warnings.push(...jp.warnings);
  const direction = cols.map((c, v) => {
    if (!(c.values instanceof Float64Array)) return 'levels';
    const xv = data.x.subarray(v * data.n, (v + 1) * data.n);
    const idx = Int32Array.from({ length: data.n }, (_, i) => i);
    const a = outcome.kind === 'survival' ? harrellC(outcome.time, outcome.status, xv, idx) : aucBinary(outcome.y, xv, idx);
    return a > 0.5 ? '+' : a < 0.5 ? '-' : '0';
  });
  return {
    covariate: names, importance: st.mean, importance_sd: st.sd, rank_mean: st.rankMean, top_k_freq: st.topKFreq, p_janitza: jp.p, direction, impurity,
    oob: {
      endpoint: endpoint.name, kind: outcome.kind, n: data.n, events, dropped_missing_outcome: droppedMissing, oob_error: oobError,
      ...(outcome.kind === 'survival' ? { c_index: auc } : { auc, brier }),
      repeats, seeds: runs.map((_, k) => seed + k), trees: forestOpts.trees ?? 500, mtry, min_node_size: minNode, balanced: !!forestOpts.balanced,
    },
    collinearity: dropped, imputed, warnings,
  };
}
