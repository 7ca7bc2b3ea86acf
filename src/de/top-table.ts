/**
 * The results table of a moderated fit, as limma `topTable`: for one contrast the columns
 * `gene, logFC, AveExpr, t, P.Value, adj.P.Val, B` sorted by B (decreasing); for several, one
 * column per contrast, then `AveExpr, F, P.Value, adj.P.Val` sorted by F. Adjusted p-values by
 * `pAdjust` (BH by default). O(G log G).
 */
import { pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';
import type { EBayesFit } from './ebayes.js';

export interface TopTableOptions {
  /** Multiple-testing adjustment. Default 'BH'. */
  adjust?: PAdjustMethod;
  /** Sort the rows: 'B' (or F for several contrasts, default), 'p', or 'none' (input order). */
  sortBy?: 'B' | 'p' | 'none';
}

/** Column name → values; `gene` is a string column, the rest Float64Array. */
export type ResultColumns = Map<string, string[] | Float64Array>;

export function topTable(fit: EBayesFit, genes: readonly string[], options: TopTableOptions = {}): ResultColumns {
  const G = fit.ngenes;
  const k = fit.ncoef;
  const sortBy = options.sortBy ?? 'B';
  const cols: ResultColumns = new Map();
  const pick = (a: Float64Array, c: number): Float64Array => Float64Array.from({ length: G }, (_, g) => a[g * k + c]);
  let key: Float64Array;
  let p: Float64Array;
  if (k === 1) {
    p = fit.pValue;
    key = sortBy === 'p' ? Float64Array.from(p, (v) => -v) : fit.lods;
    cols.set('logFC', pick(fit.coefficients, 0));
    cols.set('AveExpr', fit.amean);
    cols.set('t', fit.t);
    cols.set('P.Value', p);
    cols.set('adj.P.Val', pAdjust(p, { method: options.adjust ?? 'BH' }));
    cols.set('B', fit.lods);
  } else {
    p = fit.FpValue;
    key = sortBy === 'p' ? Float64Array.from(p, (v) => -v) : fit.F;
    fit.coefNames.forEach((name, c) => cols.set(name, pick(fit.coefficients, c)));
    cols.set('AveExpr', fit.amean);
    cols.set('F', fit.F);
    cols.set('P.Value', p);
    cols.set('adj.P.Val', pAdjust(p, { method: options.adjust ?? 'BH' }));
  }
  const order = Array.from({ length: G }, (_, g) => g);
  if (sortBy !== 'none') order.sort((a, b) => {
    const x = key[a], y = key[b];
    if (Number.isNaN(x)) return Number.isNaN(y) ? a - b : 1;
    if (Number.isNaN(y)) return -1;
    return y - x || a - b;
  });
  const out: ResultColumns = new Map([['gene', order.map((g) => genes[g])]]);
  for (const [name, v] of cols) out.set(name, Float64Array.from(order, (g) => (v as Float64Array)[g]));
  return out;
}
