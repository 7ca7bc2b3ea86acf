/**
 * Design matrix for the Cox model from named columns: numeric columns enter as they are;
 * categorical columns (strings, or codes + levels) enter as treatment contrasts against their
 * first level, named `<column><level>` as R's `model.matrix` names them.
 */
import { DataError } from '../core/errors.js';
import { factor } from './data.js';
import { survivalMsg } from './messages.js';

export type CoxColumn =
  | { name: string; values: ArrayLike<number> }
  | { name: string; values: readonly (string | null | undefined)[]; levels?: readonly string[] }
  | { name: string; codes: ArrayLike<number>; levels: readonly string[] };

/** A flat n × p row-major matrix (names from `CoxOptions.names`) or a list of named columns. */
export type CoxCovariates = Float64Array | readonly CoxColumn[];

export interface Design {
  /** n × p row-major over all input rows (NaN where missing). */
  X: Float64Array;
  p: number;
  terms: string[];
  /** 1 when the row has a missing covariate. */
  missing: Uint8Array;
}

export function buildDesign(cov: CoxCovariates, n: number, names?: readonly string[]): Design {
  if (cov instanceof Float64Array) {
    if (n === 0 ? cov.length !== 0 : cov.length % n !== 0)
      throw new DataError(survivalMsg.badDesign(`length ${cov.length} is not a multiple of n = ${n}`));
    const p = n === 0 ? names?.length ?? 0 : cov.length / n;
    const missing = new Uint8Array(n);
    for (let i = 0; i < n * p; i++) if (Number.isNaN(cov[i])) missing[(i / p) | 0] = 1;
    const terms = names ? [...names] : Array.from({ length: p }, (_, a) => `x${a + 1}`);
    if (terms.length !== p) throw new DataError(survivalMsg.badDesign(`${terms.length} names for ${p} columns`));
    return { X: cov, p, terms, missing };
  }
  const cols: Float64Array[] = [];
  const terms: string[] = [];
  const missing = new Uint8Array(n);
  for (const c of cov) {
    if ('codes' in c || (c.values.length > 0 && typeof (c.values as ArrayLike<unknown>)[0] !== 'number') || 'levels' in c) {
      let codes: ArrayLike<number>, levels: readonly string[];
      if ('codes' in c) {
        codes = c.codes;
        levels = c.levels;
      } else {
        const f = factor(c.values as readonly (string | null)[], 'levels' in c ? c.levels : undefined);
        codes = f.codes;
        levels = f.levels;
      }
      if (codes.length !== n) throw new DataError(survivalMsg.lengthMismatch(c.name, codes.length, n));
      for (let i = 0; i < n; i++) if (!(codes[i] >= 0)) missing[i] = 1;
      // only levels that occur in complete rows get a column; the first present is the reference
      const present = new Uint8Array(levels.length);
      for (let i = 0; i < n; i++) if (codes[i] >= 0) present[codes[i]] = 1;
      const used = levels.map((_, l) => l).filter((l) => present[l]);
      for (const l of used.slice(1)) {
        const col = new Float64Array(n);
        for (let i = 0; i < n; i++) col[i] = codes[i] < 0 ? NaN : codes[i] === l ? 1 : 0;
        cols.push(col);
        terms.push(`${c.name}${levels[l]}`);
      }
    } else {
      const v = c.values as ArrayLike<number>;
      if (v.length !== n) throw new DataError(survivalMsg.lengthMismatch(c.name, v.length, n));
      const col = Float64Array.from(v);
      for (let i = 0; i < n; i++) if (Number.isNaN(col[i])) missing[i] = 1;
      cols.push(col);
      terms.push(c.name);
    }
  }
  const p = cols.length;
  const X = new Float64Array(n * p);
  for (let a = 0; a < p; a++) for (let i = 0; i < n; i++) X[i * p + a] = cols[a][i];
  return { X, p, terms, missing };
}
